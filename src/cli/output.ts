import type { Writable } from 'node:stream';
import { serializeRecord, type DataFormat } from '../stages/serialize.js';
import type { OutputRecord } from '../types.js';

export type OutputFormat = DataFormat;
export const FORMAT_NAMES: OutputFormat[] = ['yaml', 'json', 'ndjson'];

/**
 * Writes a stream of records in one format: YAML as a multi-document stream, NDJSON one line
 * per record, JSON a single object for a single input and an array otherwise.
 */
export class RecordWriter {
  private count = 0;

  constructor(
    private readonly out: Writable,
    private readonly format: OutputFormat,
    private readonly options: { single: boolean },
  ) {}

  write(record: OutputRecord): void {
    const text = serializeRecord(record, this.format);
    if (this.format !== 'json') this.out.write(text);
    else if (this.options.single) this.out.write(`${text}\n`);
    else this.out.write(`${this.count ? ',\n' : '[\n'}${text.replace(/^/gm, '  ')}`);
    this.count++;
  }

  end(): void {
    if (this.format === 'json' && !this.options.single) this.out.write(this.count ? '\n]\n' : '[]\n');
  }
}
