import { InputError } from '../errors.js';
import type { RuleSet } from '../rules/types.js';
import { extractArticle, type ArticleBytes } from '../article.js';
import type { OutputRecord } from '../types.js';
import { encodeRecord, type OutputFormat, type WriterOptions } from '../cli/output.js';
import { PLAIN_PRESENTATION } from '../cli/color.js';
import type { TableName } from '../render/table.js';

/** One article for the pipeline: what the main thread sends a worker (the bytes are transferred, not copied). */
export type Task = ArticleBytes;

/**
 * How workers turn records into text: plain (uncoloured) presentation only, since palettes
 * are functions and cannot cross threads. `encode` is false when the output is coloured: the
 * record itself comes back then, for the main thread to encode.
 */
export interface EncodeSettings {
  encode: boolean;
  format: OutputFormat;
  single: boolean;
  table: TableName;
  width: number;
}

export function writerOptions(settings: EncodeSettings): WriterOptions {
  return { single: settings.single, presentation: { ...PLAIN_PRESENTATION, table: settings.table, width: settings.width } };
}

/** What one task gives back: the record's text (or the record), with the counts the summary needs, or the failure. */
export type TaskResult =
  | { ok: true; text: string | null; record: OutputRecord | null; quotes: number; provisions: number }
  | { ok: false; code: string; message: string; stack?: string };

/** The pipeline on one input, never throwing: an error becomes a failed result for an error record. */
export function runTask(task: Task, rules: RuleSet, settings: EncodeSettings): TaskResult {
  try {
    const record = extractArticle(task, rules);
    const text = settings.encode ? encodeRecord(record, settings.format, writerOptions(settings)) : null;
    return { ok: true, text, record: text === null ? record : null, quotes: record.quotes.length, provisions: record.provisions.length };
  } catch (err) {
    const code = err instanceof InputError ? err.code : 'EINTERNAL';
    return { ok: false, code, message: err instanceof Error ? err.message : String(err), stack: err instanceof InputError ? undefined : (err as Error)?.stack };
  }
}
