import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { failedInput, mirrorPath, readyInput, tooLarge, type SourceInput } from './input.js';
import { splitRecords } from './lines.js';

/**
 * `--input-format ndjson`: one article per line, `{"id" or "path": …, "text": …}`, so the
 * tool can be the map step of Hadoop Streaming, Spark's `pipe()` or GNU parallel `--pipe`.
 * The id becomes `source.path`; a line without one is named `<stream>:<line number>`.
 * Blank lines are not articles; a line that is not such an object is an error record.
 */
export async function* ndjsonInputs(named: string, stream: Readable, maxBytes: number): AsyncGenerator<SourceInput> {
  // the JSON escapes of an article of maxBytes take at most six bytes per byte, plus the id
  const maxLine = maxBytes * 6 + 64 * 1024;
  for await (const line of splitRecords(stream, 0x0a, maxLine)) {
    const where = `${named}:${line.number}`;
    if (line.bytes === null) {
      yield failedInput(where, tooLarge(maxBytes));
      continue;
    }
    const source = line.bytes.toString('utf8').trim();
    if (!source) continue;
    yield articleFromLine(source, where, maxBytes);
  }
}

function articleFromLine(source: string, where: string, maxBytes: number): SourceInput {
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (err) {
    return failedInput(where, new InputError('ENDJSON', `not a JSON object: ${(err as Error).message}`));
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return failedInput(where, new InputError('ENDJSON', 'not a JSON object'));
  }
  const { id, path, text } = value as Record<string, unknown>;
  const name = typeof id === 'string' || typeof id === 'number' ? String(id) : typeof path === 'string' ? path : where;
  if (typeof text !== 'string') return failedInput(name, new InputError('ENDJSON', 'no "text" string in the record'));
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > maxBytes) return failedInput(name, tooLarge(maxBytes, bytes.length));
  return readyInput(name, mirrorPath(name), 'text', bytes);
}
