import { stat } from 'node:fs/promises';
import { createReadStream, statSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { walkDirectory } from './directories.js';
import { fileInput, readError, readStreamBytes, type ReadLimits } from './files.js';
import { DEFAULT_INCLUDE, DEFAULT_MEMBER_INCLUDE, pathFilter, type PathFilter } from './filter.js';
import { archiveKind, failedInput, formatOf, mirrorPath, type ArticleFormat, type SourceInput } from './input.js';
import { splitRecords } from './lines.js';
import { ndjsonInputs } from './ndjson.js';

export type { Input, SourceInput, ArticleFormat } from './input.js';
export { htmlToText } from './html.js';

/** `--input-format`: auto decides by name (.html/.htm pages, .ndjson/.jsonl lists, text otherwise). */
export type InputFormat = 'auto' | 'text' | 'html' | 'ndjson';
export const INPUT_FORMATS: InputFormat[] = ['auto', 'text', 'html', 'ndjson'];

export interface SourceOptions extends ReadLimits {
  stdin: Readable;
  inputFormat: InputFormat;
  /** --include globs; empty for the defaults */
  include: string[];
  exclude: string[];
  /** --files-from: a list of names ("-" for standard input), NUL-separated with `nul` */
  filesFrom?: { list: string; nul: boolean };
}

/**
 * Every input named by the arguments and the --files-from list, in order: plain files,
 * directories (walked in name order), archive members, standard input, NDJSON records.
 * Lazy: nothing is opened before the caller asks for it, and stream sources hand over one
 * article at a time, so a corpus of any size goes through in bounded memory.
 */
export async function* discoverInputs(args: string[], options: SourceOptions): AsyncGenerator<SourceInput> {
  let built: Promise<Filters> | undefined;
  const filters = () =>
    (built ??= Promise.all([
      pathFilter(options.include.length ? options.include : DEFAULT_INCLUDE, options.exclude),
      pathFilter(options.include.length ? options.include : DEFAULT_MEMBER_INCLUDE, options.exclude),
    ]).then(([files, members]) => ({ files, members })));
  for (const arg of args) yield* inputsOf(arg, options, filters);
  if (options.filesFrom) {
    const { list, nul } = options.filesFrom;
    const stream = list === '-' ? options.stdin : await openList(resolve(options.cwd, list), list);
    for await (const line of splitRecords(stream, nul ? 0 : 0x0a, 64 * 1024)) {
      const name = line.bytes?.toString('utf8').replace(nul ? /$^/ : /\r$/, '');
      if (name === undefined) yield failedInput(`${list}:${line.number}`, readError(Object.assign(new Error('name too long'), { code: 'ENAMETOOLONG' })));
      else if (name) yield* inputsOf(name, options, filters);
    }
  }
}

/** The --files-from list: a list that cannot be read is a usage error, not an input that failed. */
async function openList(path: string, named: string): Promise<Readable> {
  const stream = createReadStream(path);
  const failed = await new Promise<Error | null>((done) => stream.once('open', () => done(null)).once('error', done));
  if (failed) throw new UsageError(`cannot read --files-from ${named}: ${readError(failed).message.replace(/^cannot read: /, '')}`);
  return stream;
}

interface Filters {
  files: PathFilter;
  members: PathFilter;
}

async function* inputsOf(arg: string, options: SourceOptions, filters: () => Promise<Filters>): AsyncGenerator<SourceInput> {
  if (arg === '-') {
    if (options.inputFormat === 'ndjson') yield* ndjsonInputs('-', options.stdin, options.maxBytes);
    else yield { path: '-', target: mirrorPath('-'), format: options.inputFormat === 'html' ? 'html' : 'text', read: () => readStreamBytes(options.stdin, options.maxBytes) };
    return;
  }
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(resolve(options.cwd, arg))).isDirectory();
  } catch (err) {
    yield failedInput(arg, readError(err), mirrorPath(arg));
    return;
  }
  if (!isDirectory) {
    yield* fileInputs(arg, options, filters);
    return;
  }
  for await (const found of walkDirectory(arg, options.cwd, (await filters()).files)) {
    if (found.error) yield failedInput(found.path, readError(found.error), mirrorPath(found.path));
    else yield* fileInputs(found.path, options, filters, found.bytes);
  }
}

/** One named file: an archive's members, an NDJSON file's records, or the file itself. */
async function* fileInputs(path: string, options: SourceOptions, filters: () => Promise<Filters>, bytes?: Buffer): AsyncGenerator<SourceInput> {
  if (nameKind(path, options.inputFormat) === 'ndjson') {
    const stream = createReadStream(resolve(options.cwd, path));
    const opened = await new Promise<Error | null>((done) => stream.once('open', () => done(null)).once('error', done));
    if (opened) yield failedInput(path, readError(opened));
    else yield* ndjsonInputs(path, stream, options.maxBytes);
    return;
  }
  const kind = archiveKind(path);
  if (kind) {
    const { archiveInputs } = await import('./archives.js');
    const inputs = archiveInputs(kind, path, options, (await filters()).members);
    if (Symbol.asyncIterator in inputs) yield* inputs;
    else yield inputs;
    return;
  }
  yield fileInput(path, options, articleFormat(path, options.inputFormat), bytes);
}

function articleFormat(name: string, format: InputFormat): ArticleFormat {
  return format === 'html' || format === 'text' ? format : formatOf(name);
}

function nameKind(name: string, format: InputFormat): 'ndjson' | 'article' {
  if (format === 'ndjson') return 'ndjson';
  return format === 'auto' && /\.(?:ndjson|jsonl)$/i.test(name) ? 'ndjson' : 'article';
}

/**
 * Whether the arguments name exactly one article, which JSON output prints as one object
 * rather than an array: a single plain file (or "-"), no directory, archive, list or NDJSON.
 */
export function isSingleArticle(args: string[], options: Pick<SourceOptions, 'cwd' | 'inputFormat' | 'filesFrom'>): boolean {
  if (args.length !== 1 || options.filesFrom || options.inputFormat === 'ndjson') return false;
  const [arg] = args;
  if (arg === '-') return true;
  if (nameKind(arg, options.inputFormat) === 'ndjson') return false;
  const kind = archiveKind(arg);
  if (kind && kind !== 'gz') return false;
  try {
    return !statSync(resolve(options.cwd, arg)).isDirectory();
  } catch {
    return true;
  }
}

/**
 * How many articles the arguments hold, when that is known without reading them (plain
 * files and directories of plain files); null when an archive, stream or list is involved.
 * Only for the progress display: a second, cheap walk over the names.
 */
export async function countArticles(args: string[], options: SourceOptions): Promise<number | null> {
  if (options.filesFrom || options.inputFormat === 'ndjson') return null;
  const files = await pathFilter(options.include.length ? options.include : DEFAULT_INCLUDE, options.exclude);
  let count = 0;
  for (const arg of args) {
    if (arg === '-' || (archiveKind(arg) && archiveKind(arg) !== 'gz') || nameKind(arg, options.inputFormat) === 'ndjson') return null;
    const isDirectory = await stat(resolve(options.cwd, arg)).then((s) => s.isDirectory(), () => false);
    if (!isDirectory) {
      count++;
      continue;
    }
    for await (const found of walkDirectory(arg, options.cwd, files)) {
      const kind = archiveKind(found.path);
      if (!found.error && ((kind && kind !== 'gz') || nameKind(found.path, options.inputFormat) === 'ndjson')) return null;
      count++;
    }
  }
  return count;
}
