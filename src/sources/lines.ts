import type { Readable } from 'node:stream';

/** One record of a delimited stream, numbered from 1; `bytes` is null when it ran past the limit. */
export interface Line {
  number: number;
  bytes: Buffer | null;
}

/**
 * Splits a byte stream on `delimiter` ("\n" or NUL) as it arrives, holding at most one
 * record (and never more than `maxLength` bytes of it) in memory. A record longer than the
 * limit is skipped to its end and reported with `bytes: null`.
 */
export async function* splitRecords(stream: Readable, delimiter: number, maxLength: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let length = 0;
  let overflow = false;
  let number = 0;
  const take = (piece: Buffer) => {
    if (overflow) return;
    length += piece.length;
    if (length > maxLength) {
      overflow = true;
      parts = [];
    } else if (piece.length) parts.push(piece);
  };
  const finish = (): Line => {
    const line = { number: ++number, bytes: overflow ? null : Buffer.concat(parts, length) };
    parts = [];
    length = 0;
    overflow = false;
    return line;
  };
  for await (const chunk of stream) {
    const buffer: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(delimiter); end !== -1; end = buffer.indexOf(delimiter, start)) {
      take(buffer.subarray(start, end));
      yield finish();
      start = end + 1;
    }
    take(buffer.subarray(start));
  }
  if (length > 0 || overflow) yield finish();
}
