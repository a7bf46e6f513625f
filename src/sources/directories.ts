import { opendir, realpath, stat } from 'node:fs/promises';
import { posix, resolve } from 'node:path';
import type { PathFilter } from './filter.js';
import { readError } from './files.js';

/** A file found under a directory argument, or a directory that could not be read. */
export type Found = { path: string; error?: undefined } | { path: string; error: Error };

/**
 * The files under `named` that the filter accepts, depth first, each directory's entries in
 * code-unit order of their names, so the order never depends on the file system. Symbolic
 * links to directories are followed once (a link back up the tree is not entered again).
 */
export async function* walkDirectory(named: string, cwd: string, filter: PathFilter): AsyncGenerator<Found> {
  const visited = new Set<string>();
  yield* walk(named, '', cwd, filter, visited);
}

async function* walk(path: string, relative: string, cwd: string, filter: PathFilter, visited: Set<string>): AsyncGenerator<Found> {
  let names: { name: string; isDirectory: boolean; isLink: boolean }[];
  try {
    const real = await realpath(resolve(cwd, path));
    if (visited.has(real)) return;
    visited.add(real);
    names = [];
    for await (const entry of await opendir(resolve(cwd, path))) {
      names.push({ name: entry.name, isDirectory: entry.isDirectory(), isLink: entry.isSymbolicLink() });
    }
  } catch (err) {
    yield { path, error: readError(err) };
    return;
  }
  names.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of names) {
    const child = posix.join(path, entry.name);
    const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
    const isDirectory = entry.isDirectory || (entry.isLink && (await isDirectoryTarget(resolve(cwd, child))));
    if (isDirectory) {
      if (filter.directory(childRelative)) yield* walk(child, childRelative, cwd, filter, visited);
    } else if (filter.file(childRelative)) {
      yield { path: child };
    }
  }
}

async function isDirectoryTarget(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    // a dangling link is a file that cannot be read: reading it reports why
    return false;
  }
}
