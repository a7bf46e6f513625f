/**
 * Helpers for showing spans of the record inside the decoded text. Record spans are code
 * point offsets (SCHEMA.md); the renderers work on an array of code points so that slicing
 * never splits a surrogate pair.
 */
import type { Span } from '../types.js';
import { codePointMapper } from '../offsets.js';

/** The decoded text as code points: `points.slice(start, end).join('')` is a span's text. */
export function codePoints(text: string): string[] {
  return Array.from(text);
}

/** True when the span covers exactly `expected` in the text: highlights are drawn only then. */
export function spanMatches(points: string[], span: Span, expected: string): boolean {
  return span.start >= 0 && span.end <= points.length && span.start <= span.end && points.slice(span.start, span.end).join('') === expected;
}

/**
 * Where the provision's cue phrases occur inside its clause, as code point ranges relative to
 * the clause; case-insensitive, whole words only, overlapping hits merged. Cues that are rule
 * ids rather than phrases simply do not occur and mark nothing: this locates the words the
 * record names, it does not re-run any extraction rule.
 */
export function cueRanges(clause: string, cues: string[]): Span[] {
  const lower = clause.toLowerCase();
  const found: Span[] = [];
  for (const cue of cues) {
    const needle = cue.toLowerCase().trim();
    if (!needle) continue;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (isWordEdge(lower, at - 1, at) && isWordEdge(lower, end, end - 1)) found.push({ start: at, end });
    }
  }
  const cp = codePointMapper(clause);
  return mergeRanges(found).map((r) => ({ start: cp(r.start), end: cp(r.end) }));
}

/** A match edge is a word edge when the neighbouring character is not a letter or digit (or the match itself ends in a non-word character). */
function isWordEdge(text: string, outside: number, inside: number): boolean {
  if (outside < 0 || outside >= text.length) return true;
  return !WORD.test(text[outside]) || !WORD.test(text[inside]);
}

const WORD = /[\p{L}\p{N}]/u;

function mergeRanges(ranges: Span[]): Span[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: Span[] = [];
  for (const r of sorted) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/** Splits a text into pieces at the given (non-overlapping, sorted) ranges: [plain, marked, plain, …]. */
export function splitAtRanges(points: string[], ranges: Span[]): { text: string; marked: boolean }[] {
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const r of ranges) {
    if (r.start > at) pieces.push({ text: points.slice(at, r.start).join(''), marked: false });
    pieces.push({ text: points.slice(r.start, r.end).join(''), marked: true });
    at = r.end;
  }
  if (at < points.length) pieces.push({ text: points.slice(at).join(''), marked: false });
  return pieces;
}
