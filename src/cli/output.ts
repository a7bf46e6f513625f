import { mkdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Writable } from 'node:stream';
import { serializeRecord, type DataFormat } from '../stages/serialize.js';
import type { OutputRecord } from '../types.js';
import { renderText } from '../render/text.js';
import { colorYaml } from '../render/yaml.js';
import { delimitedLine, tableHeader, tableRows } from '../render/table.js';
import { PLAIN_PRESENTATION, type Presentation } from './color.js';

export type OutputFormat = DataFormat | 'text' | 'csv' | 'tsv';
export const FORMAT_NAMES: OutputFormat[] = ['yaml', 'json', 'ndjson', 'text', 'csv', 'tsv'];

/** How a stream of records is laid out: JSON prints one object for a single input, an array otherwise. */
export interface WriterOptions {
  single: boolean;
  presentation?: Presentation;
}

// ---------------------------------------------------------------------------------------
// The format part: pure functions from records to text. `encodeRecord` is what worker
// threads run, so it must depend on nothing but its arguments. A format is three pieces:
// the record's own text, what goes before the n-th record, and what closes the stream.

/** The text of one record as it sits in the stream, whatever its position. */
export function encodeRecord(record: OutputRecord, format: OutputFormat, options: WriterOptions): string {
  const view = options.presentation ?? PLAIN_PRESENTATION;
  switch (format) {
    case 'text':
      return renderText(record, view);
    case 'csv':
    case 'tsv':
      return tableRows(record, view.table)
        .map((row) => delimitedLine(row, format === 'csv' ? ',' : '\t'))
        .join('');
    case 'json': {
      const text = serializeRecord(record, 'json');
      // indent after "\n" only: /^/m also matches after a U+2028 or U+2029 that JSON leaves raw inside a string
      return options.single ? `${text}\n` : `  ${text.replace(/\n/g, '\n  ')}`;
    }
    case 'yaml': {
      const text = serializeRecord(record, 'yaml');
      return view.colorYaml ? colorYaml(text, view.palette) : text;
    }
    case 'ndjson':
      return serializeRecord(record, 'ndjson');
  }
}

/** What goes before the record at `index` (0-based): an array's bracket or comma, a table's header. */
function beforeRecord(format: OutputFormat, options: WriterOptions, index: number): string {
  switch (format) {
    case 'json':
      return options.single ? '' : index ? ',\n' : '[\n';
    case 'text':
      return index ? '\n' : '';
    case 'csv':
    case 'tsv':
      return index ? '' : tableHeaderLine(format, options);
    default:
      return '';
  }
}

/** What closes a stream of `count` records. */
function afterRecords(format: OutputFormat, options: WriterOptions, count: number): string {
  if (format === 'json' && !options.single) return count ? '\n]\n' : '[]\n';
  if ((format === 'csv' || format === 'tsv') && !count) return tableHeaderLine(format, options);
  return '';
}

function tableHeaderLine(format: 'csv' | 'tsv', options: WriterOptions): string {
  return delimitedLine(tableHeader((options.presentation ?? PLAIN_PRESENTATION).table), format === 'csv' ? ',' : '\t');
}

/** The file name ending of a format, for --output-dir. */
export function formatExtension(format: OutputFormat): string {
  return format === 'text' ? 'txt' : format;
}

// ---------------------------------------------------------------------------------------
// The stream part.

/**
 * Writes a stream of records in one format: YAML as a multi-document stream, NDJSON one line
 * per record, JSON a single object for a single input and an array otherwise; text one block
 * per record; CSV/TSV a header row, then the rows of each record. `writeEncoded` takes a
 * record already turned into text by `encodeRecord` (in a worker thread); both return what
 * the stream's `write` returned, false when the caller should wait for 'drain'.
 */
export class RecordWriter {
  private count = 0;

  constructor(
    private readonly out: Writable,
    private readonly format: OutputFormat,
    private readonly options: WriterOptions,
  ) {}

  write(record: OutputRecord): boolean {
    return this.writeEncoded(encodeRecord(record, this.format, this.options));
  }

  writeEncoded(text: string): boolean {
    return this.out.write(beforeRecord(this.format, this.options, this.count++) + text);
  }

  end(): void {
    const closing = afterRecords(this.format, this.options, this.count);
    if (closing) this.out.write(closing);
  }
}

/** One record as a whole file of its own (for --output-dir). */
export function encodeDocument(record: OutputRecord, format: OutputFormat, options: WriterOptions): string {
  return wrapDocument(encodeRecord(record, format, { ...options, single: true }), format, options);
}

/** A record's text (encoded with `single: true`) made a whole file. */
export function wrapDocument(text: string, format: OutputFormat, options: WriterOptions): string {
  const single = { ...options, single: true };
  return beforeRecord(format, single, 0) + text + afterRecords(format, single, 1);
}

/**
 * --output-dir: one file per input at `DIR/<target>.<ext>`. Each file is written to a
 * temporary name beside it and renamed into place, so a reader (or a resumed run with
 * --skip-existing) never sees half a record; an interrupted run leaves no temporary files
 * behind once `discard()` has run. Targets are relative paths from the sources; a target
 * that would still land outside DIR (a symbolic link inside DIR pointing out) is refused.
 */
export class OutputDirectory {
  private readonly root: string;
  private realRoot: string | undefined;
  private readonly checkedDirs = new Set<string>();
  private readonly temporary = new Set<string>();
  private sequence = 0;

  constructor(
    root: string,
    private readonly extension: string,
  ) {
    this.root = resolve(root);
  }

  pathOf(target: string): string {
    return join(this.root, `${target}.${this.extension}`);
  }

  async exists(target: string): Promise<boolean> {
    return stat(this.pathOf(target)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async write(target: string, text: string): Promise<void> {
    const path = this.pathOf(target);
    if (!isInside(this.root, path)) throw new Error(`refusing to write outside the output directory: ${target}`);
    await this.prepareDirectory(dirname(path));
    const temporary = join(dirname(path), `.${path.slice(dirname(path).length + 1)}.${process.pid}-${++this.sequence}.tmp`);
    this.temporary.add(temporary);
    try {
      await writeFile(temporary, text, { flag: 'wx' });
      await rename(temporary, path);
    } catch (err) {
      await rm(temporary, { force: true });
      throw err;
    } finally {
      this.temporary.delete(temporary);
    }
  }

  /** Removes the temporary files of writes still under way (on an interrupted run). */
  async discard(): Promise<void> {
    await Promise.all([...this.temporary].map((path) => rm(path, { force: true })));
  }

  private async prepareDirectory(dir: string): Promise<void> {
    if (this.checkedDirs.has(dir)) return;
    await mkdir(dir, { recursive: true });
    this.realRoot ??= await realpath(this.root);
    if (!isInside(this.realRoot, await realpath(dir))) throw new Error(`refusing to write outside the output directory: ${relative(this.root, dir)}`);
    this.checkedDirs.add(dir);
  }
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}
