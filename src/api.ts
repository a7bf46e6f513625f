/**
 * The file-level library API: extract from a path, or from many inputs in order with an
 * error record in place of each input that fails, as the CLI writes them. Inputs are found
 * by the same sources as the CLI's (src/sources) and read by the same article reader
 * (`extractArticle`: text, or the article text of a saved HTML page).
 */
import type { Readable } from 'node:stream';
import { InputError } from './errors.js';
import type { RuleSet } from './rules/types.js';
import { loadRules } from './rules/load.js';
import { discoverInputs, htmlToText, type InputFormat } from './sources/index.js';
import { readFileBytes } from './sources/files.js';
import { DEFAULT_MAX_BYTES, formatOf, type ArticleFormat, type Input } from './sources/input.js';
import { decodeBytes } from './stages/decode.js';
import { SCHEMA_ID, type ArticleRecord, type ErrorRecord, type OutputRecord } from './types.js';
import { extractArticle } from './article.js';

export interface ExtractFileOptions {
  /** compiled rules (`loadRules()`); default: the built-in rules */
  rules?: RuleSet;
  /** refuse inputs larger than this many bytes (EFBIG); default 50 MB, as the CLI's --max-bytes */
  maxBytes?: number;
}

export interface ExtractManyOptions extends ExtractFileOptions {
  /** where relative paths start; default process.cwd() */
  cwd?: string;
  /** as the CLI's --input-format: auto decides by name (.html pages, .ndjson lists, archives, text) */
  inputFormat?: InputFormat;
  /** as --include/--exclude: globs for files found in directories and archives */
  include?: string[];
  exclude?: string[];
}

/** An article from elsewhere: the name its record carries and its bytes (text, or HTML with `format: 'html'`). */
export type ArticleInput = Input & { format?: ArticleFormat };

/**
 * Reads one article file (a saved .html page is reduced to its article text) and extracts its
 * record; `source.path` is the path as given. Throws an InputError with a stable `code`
 * (ENOENT, EISDIR, EBINARY, EFBIG, …) when the file cannot be read or decoded.
 */
export async function extractFile(path: string, options: ExtractFileOptions = {}): Promise<ArticleRecord> {
  const bytes = await readFileBytes(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
  return extractArticle({ path, format: formatOf(path), bytes }, options.rules ?? loadRules());
}

/**
 * Records for many inputs, in input order, exactly one per article: a path names a file, a
 * directory (walked in name order), an archive (one record per member) or "-" (standard
 * input), as on the command line; an `ArticleInput` object brings text from elsewhere. An
 * input that cannot be read or decoded yields an error record in its place (the record the
 * CLI writes) instead of throwing, so nothing is dropped. Sequential: one article at a time.
 */
export async function* extractMany(
  inputs: Iterable<string | ArticleInput> | AsyncIterable<string | ArticleInput>,
  options: ExtractManyOptions = {},
): AsyncGenerator<OutputRecord, void, undefined> {
  const rules = options.rules ?? loadRules();
  for await (const input of articleInputs(inputs, options)) yield (await extractInput(input, rules)).record;
}

/** Every article the inputs name, in order (paths expanded by the CLI's sources). */
export async function* articleInputs(
  inputs: Iterable<string | ArticleInput> | AsyncIterable<string | ArticleInput>,
  options: ExtractManyOptions = {},
  stdin: Readable = process.stdin,
): AsyncGenerator<ArticleInput> {
  const sources = {
    cwd: options.cwd ?? process.cwd(),
    maxBytes: options.maxBytes ?? DEFAULT_MAX_BYTES,
    stdin,
    inputFormat: options.inputFormat ?? 'auto',
    include: options.include ?? [],
    exclude: options.exclude ?? [],
  };
  for await (const input of inputs) {
    if (typeof input === 'string') yield* discoverInputs([input], sources);
    else yield input;
  }
}

/** A record together with the decoded text its spans point into (null when the input failed). */
export interface ExtractedArticle {
  record: OutputRecord;
  text: string | null;
}

/**
 * One input -> its record, or an error record carrying the reason; never throws for a bad
 * input. `withText` also returns the text the record's spans index (the HTML report shows
 * the marks in it): decoding is deterministic, so decoding again gives the same text.
 */
export async function extractInput(input: ArticleInput, rules: RuleSet, withText = false): Promise<ExtractedArticle> {
  try {
    const bytes = await input.read();
    const format = input.format ?? 'text';
    const record = extractArticle({ path: input.path, format, bytes }, rules);
    return { record, text: withText ? articleText(bytes, format) : null };
  } catch (err) {
    return { record: errorRecord(input.path, err), text: null };
  }
}

/** The text `extractArticle` reads: the decoded bytes, or a page's article text. */
function articleText(bytes: Uint8Array, format: ArticleFormat): string {
  const decoded = decodeBytes(bytes).text;
  return format === 'html' ? htmlToText(decoded) : decoded;
}

/** The error record for an input that failed: InputError codes as they are, anything else EINTERNAL. */
export function errorRecord(path: string, err: unknown): ErrorRecord {
  const code = err instanceof InputError ? err.code : 'EINTERNAL';
  const message = err instanceof Error ? err.message : String(err);
  return { schema: SCHEMA_ID, source: { path }, error: { code, message: `${path}: ${message}` } };
}
