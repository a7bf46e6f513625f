import type { Block, Sentence, Span } from '../types.js';
import type { RuleSet } from '../rules/types.js';

/**
 * Stage 3: sentences, for news and treaty prose. A sentence ends at . ! ? or … (and any
 * closing quotes or brackets after it: `."` `?”` `.)`) when whitespace and a sentence-like
 * start follow. Abbreviations (Gen., U.S., Art., e.g.) and initials do not end sentences.
 * Sentences never cross paragraphs.
 */
export function splitSentences(text: string, blocks: Block[], rules: RuleSet): Sentence[] {
  const sentences: Sentence[] = [];
  for (const block of blocks) {
    for (const span of splitSpan(text, block.span, rules)) sentences.push({ span, block: block.index });
  }
  return sentences;
}

// terminator run, then closing quotes/brackets (a terminator may follow a closer: `.”.`), then
// whitespace. One character per step and only from the first terminator of a run, so a long
// run of marks or dots that is not followed by whitespace fails in linear time (the form
// `(?:[closers]+[.!?…]?)*` backtracks exponentially over `.''''''''''x`). Runs are bounded:
// a million marks in a row would overflow the regex engine's backtrack stack.
const BOUNDARY = /(?<![.!?…])[.!?…]{1,64}(?:[”’"'»›)\]]|(?<=[”’"'»›)\]])[.!?…]){0,64}(?=\s)/g;
const CLOSERS = /[”’"'»›)\]]/;
/** What a new sentence may start with: a capital, a digit, an opening quote or bracket. */
const SENTENCE_START = /[\p{Lu}\p{N}“‘"'«‹„(\[¿¡]/u;

export function splitSpan(text: string, span: Span, rules: RuleSet): Span[] {
  const out: Span[] = [];
  let start = span.start;
  const body = text.slice(span.start, span.end);
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(body); m; m = BOUNDARY.exec(body)) {
    const end = span.start + m.index + m[0].length;
    let next = end;
    while (next < span.end && /\s/.test(text[next])) next++;
    if (next >= span.end) break;
    if (!SENTENCE_START.test(text[next])) continue;
    if (!CLOSERS.test(m[0]) && m[0][0] === '.' && m[0].length === 1 && isAbbreviation(text, span.start, span.start + m.index, next, rules)) continue;
    out.push({ start, end });
    start = next;
  }
  let end = span.end;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) out.push({ start, end });
  return out;
}

/** The word before a period is an abbreviation or an initial, so the period does not end the sentence. */
function isAbbreviation(text: string, floor: number, dot: number, next: number, rules: RuleSet): boolean {
  let wordStart = dot;
  while (wordStart > floor && !/[\s(“‘"'«]/.test(text[wordStart - 1])) wordStart--;
  const word = text.slice(wordStart, dot + 1).toLowerCase();
  if (/^\p{Lu}\.$/u.test(text.slice(wordStart, dot + 1))) return true; // an initial: "J. Smith"
  if (!rules.abbreviations.noSplit.has(word)) return /^(?:\p{L}\.){2,}$/u.test(word) && !rules.abbreviations.mayEnd.has(word);
  if (rules.abbreviations.beforeNumber.has(word)) return /\p{N}/u.test(text[next]);
  if (!rules.abbreviations.mayEnd.has(word)) return true;
  // "etc." / "U.S." may end a sentence: when a typical sentence opener follows, or a
  // nationality word ("the U.S. Russian President …": "U.S." never modifies a demonym)
  const following = /^[\p{L}]+/u.exec(text.slice(next, next + 20))?.[0].toLowerCase() ?? '';
  return !SENTENCE_OPENERS.has(following) && !rules.places.adjectives.has(following);
}

const SENTENCE_OPENERS = new Set(['the', 'a', 'an', 'in', 'on', 'at', 'but', 'and', 'it', 'this', 'that', 'he', 'she', 'they', 'we', 'i', 'there', 'however', 'meanwhile', 'yet', 'so', 'for', 'as', 'if', 'when', 'while', 'after', 'before', 'since', 'thus', 'still', 'such', 'these', 'those', 'its', 'his', 'her', 'their', 'our']);
