import { posix } from 'node:path';
import { InputError } from '../errors.js';

/** How the pipeline reads an article's bytes: as plain text, or as a saved HTML page. */
export type ArticleFormat = 'text' | 'html';

/** Articles larger than this are refused (`--max-bytes`): generous for text, far below what breaks memory. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** One article to process: its name in the output and a way to get its bytes. */
export interface Input {
  /** the name the record carries in `source.path` ("bundle.tar.gz:dir/a.txt" for a member) */
  path: string;
  /** the bytes; rejects with an InputError that becomes an error record */
  read(): Promise<Uint8Array>;
}

/**
 * An input as the sources hand it to the batch runner, in input order. Stream sources
 * (archives, standard input, NDJSON) hand out inputs whose bytes are already read, so the
 * caller may take its time before asking for the next one; files are read on `read()`,
 * never more than --max-bytes.
 */
export interface SourceInput extends Input {
  /** where its record goes under --output-dir: relative, '/'-separated, no extension; null when the name would escape */
  target: string | null;
  format: ArticleFormat;
}

/** An input that could not even be found or opened: it still takes its place in the output. */
export function failedInput(path: string, error: InputError, target: string | null = null): SourceInput {
  return { path, target, format: 'text', read: () => Promise.reject(error) };
}

export function readyInput(path: string, target: string | null, format: ArticleFormat, bytes: Uint8Array): SourceInput {
  return { path, target, format, read: () => Promise.resolve(bytes) };
}

export function tooLarge(maxBytes: number, size?: number): InputError {
  const actual = size === undefined ? 'more than' : `${size} bytes, more than`;
  return new InputError('EFBIG', `too large: ${actual} --max-bytes ${maxBytes}`);
}

/** The format a file name implies: saved web pages are HTML, everything else is text. */
export function formatOf(name: string): ArticleFormat {
  return /\.html?$/i.test(name) ? 'html' : 'text';
}

/**
 * The output-dir location mirroring a path the user named: the path itself, normalised,
 * with any root or leading "../" dropped (so "../corpus/a.txt" and "/data/a.txt" land at
 * "corpus/a.txt" and "data/a.txt" inside DIR); standard input is "stdin".
 */
export function mirrorPath(named: string): string {
  if (named === '-') return 'stdin';
  const normal = posix.normalize(named.replace(/^[A-Za-z]:/, '').replace(/\\/g, '/'));
  const inside = normal.replace(/^(?:\/+|\.\.(?:\/|$))+/, '').replace(/\/+$/, '');
  return inside === '' || inside === '.' ? 'input' : inside;
}

/**
 * A member name as a relative path inside its archive's folder, or null when it would
 * escape (absolute, a drive letter, or "../" past the top, with "\" read as a separator too).
 */
export function memberPath(name: string): string | null {
  const slashed = name.replace(/\\/g, '/');
  if (slashed.startsWith('/') || /^[A-Za-z]:/.test(slashed)) return null;
  const normal = posix.normalize(slashed).replace(/\/+$/, '');
  if (normal === '..' || normal.startsWith('../') || normal === '.' || normal === '') return null;
  return normal;
}

/** An archive member's input: rejected in place when its name would escape the output dir. */
export function memberInput(archive: string, name: string, bytes: () => Promise<Uint8Array>): SourceInput {
  const path = `${archive}:${name}`;
  const inside = memberPath(name);
  if (inside === null) return failedInput(path, new InputError('EUNSAFEPATH', `member name escapes the archive folder: ${JSON.stringify(name)}`));
  return { path, target: `${mirrorPath(archive)}/${inside}`, format: formatOf(name), read: bytes };
}

/** Archive kinds read as streams, told apart by the name's ending. */
export type ArchiveKind = 'tar' | 'tar.gz' | 'zip' | 'gz';

export function archiveKind(name: string): ArchiveKind | null {
  if (/\.(?:tar\.gz|tgz)$/i.test(name)) return 'tar.gz';
  if (/\.tar$/i.test(name)) return 'tar';
  if (/\.zip$/i.test(name)) return 'zip';
  if (/\.gz$/i.test(name)) return 'gz';
  return null;
}
