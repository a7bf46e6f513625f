import { extract } from './pipeline.js';
import type { RuleSet } from './rules/types.js';
import { htmlToText } from './sources/html.js';
import type { ArticleFormat } from './sources/input.js';
import { decodeBytes } from './stages/decode.js';
import type { ArticleRecord } from './types.js';

/** One article as read from a source: the name its record carries, how to read it, its bytes. */
export interface ArticleBytes {
  path: string;
  format: ArticleFormat;
  bytes: Uint8Array;
}

/**
 * An article's record. A saved web page is decoded, reduced to its article text and read as
 * that text; `source` still describes the page's own bytes (size, hash, encoding), while the
 * spans point into the extracted text (so a decoding warning about the page has no offset).
 */
export function extractArticle(task: ArticleBytes, rules: RuleSet): ArticleRecord {
  if (task.format === 'text') return extract(task.bytes, { path: task.path, rules });
  const page = decodeBytes(task.bytes);
  const record = extract(htmlToText(page.text), { path: task.path, rules });
  return { ...record, source: { path: task.path, bytes: page.bytes, sha256: page.sha256, encoding: page.encoding }, warnings: [...page.warnings.map((w) => ({ ...w, offset: null })), ...record.warnings] };
}
