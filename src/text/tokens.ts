import type { Span } from '../types.js';

/**
 * Word and punctuation tokens over a span of the text, for the rule matchers. A quoted span
 * given in `quotes` becomes a single `quote` token (marks included), so rules see
 * "X called it a “…” Budget" as words around one opaque item.
 */
export interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
  kind: 'word' | 'punct' | 'quote';
  /** starts with an upper-case letter */
  cap: boolean;
}

// a word: letters/digits with inner apostrophes, hyphens and dots (U.S., Kremlin-connected, Russia’s)
const WORD = /(?:\p{L}\.){2,}|[\p{L}\p{N}]+(?:[’'\-.][\p{L}\p{N}]+)*/uy;

export function tokenize(text: string, span: Span, quotes: { open: number; end: number }[] = []): Token[] {
  const tokens: Token[] = [];
  let q = 0;
  const sorted = quotes.filter((x) => x.end > span.start && x.open < span.end).sort((a, b) => a.open - b.open);
  for (let i = span.start; i < span.end; ) {
    while (q < sorted.length && sorted[q].end <= i) q++;
    if (q < sorted.length && sorted[q].open === i) {
      const end = Math.min(sorted[q].end, span.end);
      tokens.push({ text: text.slice(i, end), lower: '', start: i, end, kind: 'quote', cap: false });
      i = end;
      continue;
    }
    const c = text[i];
    if (isSpace(text.charCodeAt(i))) {
      i++;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (m && m.index === i && i + m[0].length <= span.end) {
      const word = m[0];
      tokens.push({ text: word, lower: word.toLowerCase(), start: i, end: i + word.length, kind: 'word', cap: startsUpper(word) });
      i += word.length;
      continue;
    }
    tokens.push({ text: c, lower: c, start: i, end: i + 1, kind: 'punct', cap: false });
    i++;
  }
  return tokens;
}

/** White space as \s has it, tested by code (the tokenizer's hot loop). */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Whether a word starts with an upper-case letter (ASCII by code, the rest as \p{Lu}). */
function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 0x80) return code >= 0x41 && code <= 0x5a;
  return /^\p{Lu}/u.test(word);
}


/** "Russia’s" -> "Russia"; "Parties'" -> "Parties". */
export function stripPossessive(word: string): string {
  return word.replace(/[’']s?$/u, '');
}

export function isPossessive(word: string): boolean {
  return /\p{L}[’']s$/u.test(word);
}
