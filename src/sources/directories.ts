import { isUtf8 } from 'node:buffer';
import { opendir, realpath, stat } from 'node:fs/promises';
import { posix, resolve } from 'node:path';
import type { PathFilter } from './filter.js';
import { readError } from './files.js';

/**
 * A file found under a directory argument, or a directory that could not be read. A name that
 * is not UTF-8 shows as U+FFFD in `path`; `bytes` then holds the absolute path as the file
 * system spells it, to read the file by.
 */
export type Found = { path: string; bytes?: Buffer; error?: undefined } | { path: string; error: Error };

/**
 * The files under `named` that the filter accepts, depth first, each directory's entries in
 * code-unit order of their names, so the order never depends on the file system. Symbolic
 * links to directories are followed once (a link back up the tree is not entered again).
 */
export async function* walkDirectory(named: string, cwd: string, filter: PathFilter): AsyncGenerator<Found> {
  const visited = new Set<string>();
  yield* walk(named, '', Buffer.from(resolve(cwd, named)), filter, visited);
}

async function* walk(path: string, relative: string, bytes: Buffer, filter: PathFilter, visited: Set<string>): AsyncGenerator<Found> {
  let names: { name: string; bytes: Buffer; isDirectory: boolean; isLink: boolean }[];
  try {
    // paths as bytes: a name that is not UTF-8 must be found again by the bytes it has
    const real = (await realpath(bytes, { encoding: 'buffer' })).toString('latin1');
    if (visited.has(real)) return;
    visited.add(real);
    names = [];
    const parent = bytes[bytes.length - 1] === 0x2f ? bytes : Buffer.concat([bytes, Buffer.from('/')]);
    for await (const entry of await opendir(bytes, { encoding: 'buffer' as BufferEncoding })) {
      const name = entry.name as unknown as Buffer;
      names.push({ name: name.toString('utf8'), bytes: Buffer.concat([parent, name]), isDirectory: entry.isDirectory(), isLink: entry.isSymbolicLink() });
    }
  } catch (err) {
    yield { path, error: readError(err) };
    return;
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const child = posix.join(path, entry.name);
    const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
    const isDirectory = entry.isDirectory || (entry.isLink && (await isDirectoryTarget(entry.bytes)));
    if (isDirectory) {
      if (filter.directory(childRelative)) yield* walk(child, childRelative, entry.bytes, filter, visited);
    } else if (filter.file(childRelative)) {
      yield isUtf8(entry.bytes) ? { path: child } : { path: child, bytes: entry.bytes };
    }
  }
}

async function isDirectoryTarget(path: Buffer): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    // a dangling link is a file that cannot be read: reading it reports why
    return false;
  }
}
