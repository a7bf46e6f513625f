import { open } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';
import { DEFAULT_MAX_BYTES, formatOf, mirrorPath, tooLarge, type SourceInput } from './input.js';

/** What every source needs to know: where relative names start, and the size limit. */
export interface ReadLimits {
  cwd: string;
  maxBytes: number;
}

/** A file named on the command line or in a list, read when asked (by `bytes`, its path as the file system spells it, when given). */
export function fileInput(path: string, limits: ReadLimits, format = formatOf(path), bytes?: Buffer): SourceInput {
  return { path, target: mirrorPath(path), format, read: () => readFileBytes(bytes ?? resolve(limits.cwd, path), limits.maxBytes) };
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'name too long',
  ENOTDIR: 'a path component is not a directory',
};

/** An operating-system error as an InputError with a short reason. */
export function readError(err: unknown): InputError {
  if (err instanceof InputError) return err;
  const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
  return new InputError(code, `cannot read: ${REASONS[code] ?? (err as Error).message}`);
}

/**
 * A file's bytes, never more than `maxBytes`: a regular file's size is checked before
 * reading, and the read stops one byte past the limit whatever the size claimed (devices
 * and growing files say nothing true about their size).
 */
export async function readFileBytes(path: string | Buffer, maxBytes = DEFAULT_MAX_BYTES): Promise<Uint8Array> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (err) {
    throw readError(err);
  }
  try {
    const stats = await handle.stat();
    if (stats.isDirectory()) throw new InputError('EISDIR', `cannot read: ${REASONS.EISDIR}`);
    if (stats.isFile() && stats.size > maxBytes) throw tooLarge(maxBytes, stats.size);
    const chunks: Buffer[] = [];
    let total = 0;
    // one read covers a regular file; the second only confirms the end
    let want = stats.isFile() ? stats.size + 1 : 64 * 1024;
    for (;;) {
      const buffer = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      chunks.push(bytesRead === buffer.length ? buffer : buffer.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw tooLarge(maxBytes);
      want = 64 * 1024;
    }
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } catch (err) {
    throw readError(err);
  } finally {
    await handle.close();
  }
}

/**
 * All of a stream's bytes up to `maxBytes`. Past the limit it rejects with EFBIG and, with
 * `drain`, reads the rest to nowhere (a tar member must be passed over to reach the next
 * one); without, it destroys the stream (a decompression bomb is not worth reading).
 */
export function readStreamBytes(stream: Readable, maxBytes: number, options: { drain?: boolean; describe?: (err: Error) => InputError } = {}): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let total = 0;
    let over = false;
    const fail = (err: Error) => {
      stream.removeListener('data', onData);
      reject(options.describe && !(err instanceof InputError) ? options.describe(err) : readError(err));
    };
    const onData = (chunk: Buffer | string) => {
      if (over) return;
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      total += bytes.length;
      if (total <= maxBytes) {
        chunks.push(bytes);
        return;
      }
      over = true;
      chunks.length = 0;
      if (!options.drain) {
        stream.removeListener('error', fail);
        stream.on('error', () => {});
        stream.destroy();
        reject(tooLarge(maxBytes));
      }
    };
    stream.on('data', onData);
    stream.once('error', fail);
    stream.once('end', () => (over ? reject(tooLarge(maxBytes)) : resolve(Buffer.concat(chunks, total))));
  });
}
