import type { Block, Diagnostic, QuoteSpan, Span } from '../types.js';
import type { MarkRule, RuleSet } from '../rules/types.js';

/**
 * Stage 4: quoted spans. Marks pair by family, not by sequence (a straight " may close a “),
 * using the characters around each mark to tell openers from closers and apostrophes from
 * closing single quotes. A quote inside a quote stays inside its parent (`nested`). Quotes do
 * not cross paragraphs, except by the newswire convention: a paragraph that opens a quote
 * without closing it, followed by a paragraph that reopens one, gives one quote per paragraph.
 * Anything that does not pair is a warning; an opener that never closes is dropped and the paragraph re-read (at most three times), so the scan stays linear.
 */
export function findQuotes(text: string, blocks: Block[], rules: RuleSet): { quotes: QuoteSpan[]; warnings: Diagnostic[] } {
  const quotes: QuoteSpan[] = [];
  const warnings: Diagnostic[] = [];
  blocks.forEach((block, i) => {
    const next = blocks[i + 1];
    const found = scanBlock(text, block, rules, next ? opensWithQuote(text, next, rules) : null);
    append(quotes, found.quotes);
    append(warnings, found.warnings);
  });
  return { quotes, warnings };
}

interface OpenMark {
  offset: number;
  rule: MarkRule;
  nested: Span[];
}

/** How many times a paragraph is re-read after dropping an opening mark that never closes. */
const MAX_RESCANS = 3;

function scanBlock(
  text: string,
  block: Block,
  rules: RuleSet,
  nextOpens: MarkRule | null,
): { quotes: QuoteSpan[]; warnings: Diagnostic[] } {
  const quotes: QuoteSpan[] = [];
  const warnings: Diagnostic[] = [];
  const { end } = block.span;
  for (let from = block.span.start, rescans = 0; ; rescans++) {
    const scan = scanRange(text, block, from, rules);
    // Only the outermost open quote can run on into the next paragraph; the rest are unbalanced.
    const [outer, ...inner] = scan.stack;
    const continues = !!outer && !!nextOpens && nextOpens.family === outer.rule.family;
    if (outer && !continues && rescans < MAX_RESCANS) {
      // A mark that opens and never closes swallowed the quotes after it: drop it, read on from there.
      append(quotes, scan.quotes);
      append(warnings, scan.warnings.filter((w) => (w.offset ?? 0) < outer.offset));
      warnings.push(unclosed(outer));
      from = outer.offset + 1;
      continue;
    }
    append(quotes, scan.quotes);
    append(warnings, scan.warnings);
    append(warnings, inner.map(unclosed));
    if (outer && continues) {
      let stop = end;
      while (stop > outer.offset + 1 && /\s/.test(text[stop - 1])) stop--;
      quotes.push({ span: { start: outer.offset + 1, end: stop }, open: outer.offset, close: null, block: block.index, nested: outer.nested });
    } else if (outer) {
      warnings.push(unclosed(outer));
    }
    return { quotes, warnings };
  }
}

/** Pairs the marks of a paragraph from `from` on; returns the closed quotes and what is still open at its end. */
function scanRange(text: string, block: Block, from: number, rules: RuleSet): { quotes: QuoteSpan[]; warnings: Diagnostic[]; stack: OpenMark[] } {
  const quotes: QuoteSpan[] = [];
  const warnings: Diagnostic[] = [];
  const stack: OpenMark[] = [];
  const { end } = block.span;
  const isMark = markTable(rules.marks);
  for (let i = from; i < end; i++) {
    const code = text.charCodeAt(i);
    // most characters are no quote mark: a table lookup by code, before the map lookup by string
    if (code >= isMark.length || !isMark[code]) continue;
    const rule = rules.marks.get(text[i]);
    if (!rule) continue;
    const action = decide(text, i, rule, stack, rules, end);
    if (action === 'skip') continue;
    if (action === 'open') {
      stack.push({ offset: i, rule, nested: [] });
      continue;
    }
    if (action === 'stray') {
      warnings.push({ code: 'unbalanced-quote', message: `closing ${rule.char} without an opening mark`, offset: i });
      continue;
    }
    // close: unwind to the matching opener; anything opened after it never closed
    const at = openIndex(stack, rule);
    for (const lost of stack.splice(at + 1)) warnings.push(unclosed(lost));
    const opener = stack.pop()!;
    const span = { start: opener.offset + 1, end: i };
    if (!stack.length) quotes.push({ span, open: opener.offset, close: i, block: block.index, nested: opener.nested });
    else if (stack.length <= MAX_NESTED_DEPTH) append(stack[stack.length - 1].nested, [span, ...opener.nested]);
    else warnings.push({ code: 'deep-nesting', message: `quote nested more than ${MAX_NESTED_DEPTH} deep not listed`, offset: opener.offset });
  }
  return { quotes, warnings, stack };
}

const markTables = new WeakMap<Map<string, MarkRule>, Uint8Array>();

/** 1 at the UTF-16 code of every quote mark the rules know (single code unit marks: all of them). */
function markTable(marks: Map<string, MarkRule>): Uint8Array {
  let table = markTables.get(marks);
  if (!table) {
    const codes = [...marks.keys()].map((mark) => mark.charCodeAt(0));
    table = new Uint8Array(Math.max(0, ...codes) + 1);
    for (const code of codes) table[code] = 1;
    markTables.set(marks, table);
  }
  return table;
}

/**
 * How deep inside its outermost quote a nested quote is still listed. Real text nests two or
 * three deep; every listed level repeats the text inside it, so without a bound thousands of
 * nested marks would make a record quadratic in the size of the text.
 */
const MAX_NESTED_DEPTH = 4;

/** `to.push(...items)` without the spread: a paragraph may hold more quotes or warnings than a call takes arguments. */
function append<T>(to: T[], items: T[]): void {
  for (const item of items) to.push(item);
}

function unclosed(mark: OpenMark): Diagnostic {
  return { code: 'unbalanced-quote', message: `opening ${mark.rule.char} is never closed`, offset: mark.offset };
}

type Action = 'open' | 'close' | 'stray' | 'skip';

/** How many of the innermost open marks a mark may close: a bound, so that thousands of unclosed marks of other families keep the scan linear. */
const MAX_OPEN_SEARCH = 64;

function openIndex(stack: OpenMark[], rule: MarkRule): number {
  const floor = Math.max(0, stack.length - MAX_OPEN_SEARCH);
  for (let k = stack.length - 1; k >= floor; k--) if (stack[k].rule.family === rule.family) return k;
  return -1;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SPACE_OR_OPENER = /[\s([{\u2014\u2013\-/“‘"'«‹„‚]/;
const SPACE_OR_CLOSER = /[\s.,;:!?)\]}\u2014\u2013\-/…”’"'»›]/;

/** What a mark does here: open, close, or nothing (an apostrophe), from its glyph, neighbours and what is open. */
function decide(text: string, i: number, rule: MarkRule, stack: OpenMark[], rules: RuleSet, end: number): Action {
  const before = i > 0 ? text[i - 1] : ' ';
  const after = i + 1 < end ? text[i + 1] : ' ';
  const canOpen = !/\s/.test(after) && SPACE_OR_OPENER.test(before);
  const canClose = !/\s/.test(before) && SPACE_OR_CLOSER.test(after);
  const isOpen = openIndex(stack, rule) >= 0;

  if (rule.apostrophe && isApostrophe(text, i, before, after, isOpen, rule, rules, end)) return 'skip';

  const mayClose = rule.role === 'close' || rule.role === 'either' || rule.also === 'close';
  const mayOpen = rule.role === 'open' || rule.role === 'either' || rule.also === 'open';
  if (isOpen && mayClose && (canClose || (!canOpen && rule.role !== 'open'))) return 'close';
  if (mayOpen && (canOpen || rule.role === 'open') && !(rule.role === 'close' && isOpen)) return 'open';
  if (isOpen && mayClose) return 'close';
  if (rule.apostrophe) return 'skip';
  return 'stray';
}

/**
 * ’ and ' are apostrophes between letters (Russia’s, didn’t), before digits (’80s), in
 * elisions ('em), and after a plural s (the Parties’ rights) unless they close an open
 * single quote that nothing later in the paragraph could close instead.
 */
function isApostrophe(
  text: string,
  i: number,
  before: string,
  after: string,
  isOpen: boolean,
  rule: MarkRule,
  rules: RuleSet,
  end: number,
): boolean {
  if (LETTER_OR_DIGIT.test(before) && LETTER_OR_DIGIT.test(after)) return true;
  if (/\s|^$/.test(before) && /\p{N}/u.test(after)) return true;
  if (/\s/.test(before) || i === 0) {
    const word = /^\S+/.exec(text.slice(i, i + 8))?.[0].toLowerCase().replace(/’/g, "'").replace(/[.,;:!?]+$/, '') ?? '';
    return rules.elisions.has(word);
  }
  if (!LETTER_OR_DIGIT.test(before)) return false;
  // after a letter, before space or punctuation: a closing quote if one is open
  if (!isOpen) return true;
  if (/[sS]/.test(before) && /\s/.test(after) && /\p{Ll}/u.test(text[i + 2] ?? '')) {
    return laterCloserExists(text, i + 1, rule, end);
  }
  return false;
}

/** How far to look for a later closer; bounded so that runs of marks stay linear. */
const CLOSER_LOOKAHEAD = 400;

/**
 * Whether a single mark later in the paragraph could close the open quote. A closer that
 * belongs to a quote opened after `from` ("it was 'guided by our interests' and would
 * 'complement' ...") is that quote's, not ours.
 */
function laterCloserExists(text: string, from: number, rule: MarkRule, end: number): boolean {
  let opened = 0;
  for (let k = from; k < Math.min(end, from + CLOSER_LOOKAHEAD); k++) {
    const c = text[k];
    if (c === '\n') return false;
    if (c !== rule.char && c !== '’' && c !== "'" && c !== '‘') continue;
    const before = text[k - 1] ?? ' ';
    const after = text[k + 1] ?? ' ';
    if (SPACE_OR_OPENER.test(before) && LETTER_OR_DIGIT.test(after)) opened++;
    else if (!LETTER_OR_DIGIT.test(after) && !/\s/.test(before)) {
      if (opened === 0) return true;
      opened--;
    }
  }
  return false;
}

/** The mark a paragraph opens with, if it opens with a quote (newswire continuation). */
function opensWithQuote(text: string, block: Block, rules: RuleSet): MarkRule | null {
  const rule = rules.marks.get(text[block.span.start]);
  if (!rule) return null;
  return rule.role === 'open' || rule.role === 'either' ? rule : null;
}
