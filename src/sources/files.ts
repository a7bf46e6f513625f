import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { InputError } from '../errors.js';

/** One article to process: its name in the output and a way to get its bytes. */
export interface Input {
  path: string;
  read(): Promise<Uint8Array>;
}

/** A file named on the command line ("-" is standard input). */
export function fileInput(path: string, stdin: Readable): Input {
  if (path === '-') return { path, read: () => readStream(stdin) };
  return { path, read: () => readFileBytes(path) };
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

export async function readFileBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'EIO';
    throw new InputError(code, `cannot read: ${REASONS[code] ?? (err as Error).message}`);
  }
}

export async function readStream(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks);
}
