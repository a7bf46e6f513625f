import type { ArticleMeta, Block, BlockRole, Citation, DocumentStructure, Span } from '../types.js';
import type { RuleSet } from '../rules/types.js';

/**
 * Stage 2: the article's layout. Splits the text into paragraphs ("blocks"), tells the
 * furniture (title, EDM header, byline, dateline, photo caption, closing sources line) from
 * the body, reads the metadata they carry, and finds inline citations "(Source, Month D)".
 */
export function readDocument(text: string, rules: RuleSet): DocumentStructure {
  const spans = splitBlocks(text);
  const roles = spans.map((span) => classifyBlock(text.slice(span.start, span.end), rules));
  assignTitle(text, spans, roles);
  markClosingSources(text, spans, roles);
  const blocks: Block[] = spans.map((span, i) => ({ index: i + 1, role: roles[i], span }));
  const operativeStart = treatyOperativeStart(text, blocks);
  return {
    blocks,
    meta: readMeta(text, blocks, rules),
    citations: findCitations(text, blocks, rules),
    kind: operativeStart === null ? 'article' : 'treaty',
    operativeStart,
  };
}

/** "Article 5", "ARTICLE V", "Art. 5", at the start of a line. */
const ARTICLE_HEADING = /^(?:Article|ARTICLE|Art\.)\s+(?:\d+|[IVXLC]+)\b/m;
const NUMBERED_PARAGRAPH = /^\d{1,2}\.\s+\p{Lu}/u;
const AGREED_AS_FOLLOWS = /\b(?:have|has) agreed as follows\s*:?|\bagree as follows\s*:?|\bhereby agree\b/i;
const TREATY_PARTIES = /\b(?:the|each|either|neither) (?:High )?(?:Contracting )?(?:Part(?:y|ies)|Member States?)\b/g;

/**
 * A treaty text, as opposed to an article about one: two or more "Article N" headings, or
 * numbered paragraphs full of treaty language ("the Contracting Parties shall …"). Its
 * operative part starts at the first heading, or after "have agreed as follows:".
 */
function treatyOperativeStart(text: string, blocks: Block[]): number | null {
  const starts = (test: RegExp) => blocks.filter((b) => test.test(text.slice(b.span.start, b.span.end)));
  const headings = starts(ARTICLE_HEADING);
  if (headings.length >= 2) return headings[0].span.start;
  const numbered = starts(NUMBERED_PARAGRAPH);
  if (numbered.length >= 3 && (text.match(TREATY_PARTIES)?.length ?? 0) >= 3) {
    const agreed = AGREED_AS_FOLLOWS.exec(text);
    return agreed ? agreed.index + agreed[0].length : numbered[0].span.start;
  }
  return null;
}

const LINE = /[^\r\n]*(\r\n|\n|\r|$)/y;
/** Hard-wrapped text rarely has lines longer than this; unwrapped text has paragraphs per line. */
const WRAP_WIDTH = 100;

/** Paragraphs: runs of non-blank lines; a run of long lines is one paragraph per line. */
function splitBlocks(text: string): Span[] {
  const runs: Span[][] = [];
  let run: Span[] = [];
  LINE.lastIndex = 0;
  while (LINE.lastIndex < text.length) {
    const start = LINE.lastIndex;
    const m = LINE.exec(text);
    if (!m || m[0].length === 0) break;
    const end = start + m[0].length - m[1].length;
    const line = trimSpan(text, { start, end });
    if (line.end === line.start) {
      if (run.length) runs.push(run);
      run = [];
    } else if (isHeader(text.slice(line.start, line.end))) {
      // an EDM header is a paragraph of its own even when no blank line sets it off
      if (run.length) runs.push(run);
      runs.push([line]);
      run = [];
    } else {
      // an indented line starts a new paragraph in hard-wrapped newswire text
      if (run.length && /^[ \t]{2,}/.test(text.slice(start, end))) {
        runs.push(run);
        run = [];
      }
      run.push(line);
    }
  }
  if (run.length) runs.push(run);
  const blocks: Span[] = [];
  for (const lines of runs) {
    const wrapped = lines.slice(0, -1).every((l) => l.end - l.start <= WRAP_WIDTH);
    if (wrapped) blocks.push({ start: lines[0].start, end: lines[lines.length - 1].end });
    else for (const line of lines) blocks.push(line); // not push(...lines): a run may hold more lines than a call takes arguments
  }
  return blocks;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

const HEADER = /^Publication:\s*(.+?)(?:\s+Volume:\s*(\d+))?(?:\s+Issue:\s*(\d+))?\s*$/;
/** A header line is short; HEADER backtracks quadratically over a long line of spaces. */
const MAX_HEADER = 300;

function isHeader(line: string): boolean {
  return line.length <= MAX_HEADER && HEADER.test(line);
}
const BYLINE = /^By\s+\p{Lu}[^.!?]{0,60}$/u;
const CAPTION = /\((?:source|photo|credit|image)s?:[^()]*\)\s*$/i;
const SHORT_LINE = 200;

function classifyBlock(block: string, rules: RuleSet): BlockRole {
  if (isHeader(block)) return 'header';
  if (BYLINE.test(block)) return 'byline';
  if (block.length <= SHORT_LINE && CAPTION.test(block)) return 'caption';
  if (block.length <= 60 && parseDateLine(block, rules) !== undefined) return 'dateline';
  return 'body';
}

/**
 * A title is a short first block without a sentence-final period (or in capitals), or the
 * short block just above an EDM header.
 */
function assignTitle(text: string, spans: Span[], roles: BlockRole[]): void {
  const header = roles.indexOf('header');
  const candidate = header > 0 ? header - 1 : header === -1 ? 0 : -1;
  if (candidate < 0 || candidate >= spans.length - 1 || roles[candidate] !== 'body') return;
  const block = text.slice(spans[candidate].start, spans[candidate].end);
  const looksLikeHeadline = block.length <= SHORT_LINE && !/\n/.test(block) && (!/[.!?]["”’]?$/.test(block) || block === block.toUpperCase());
  if (looksLikeHeadline && (header !== -1 || candidate === 0)) roles[candidate] = 'title';
}

/** A last block that is one parenthesis listing outlets and dates is the sources line. */
function markClosingSources(text: string, spans: Span[], roles: BlockRole[]): void {
  const last = spans.length - 1;
  if (last < 1) return;
  const block = text.slice(spans[last].start, spans[last].end);
  if (/^\([^()]+\)$/.test(block)) roles[last] = 'sources';
}

function readMeta(text: string, blocks: Block[], rules: RuleSet): ArticleMeta {
  const meta: ArticleMeta = { title: null, publication: null, volume: null, issue: null, date: null, sources: [] };
  let seenBody = false;
  for (const block of blocks) {
    const body = text.slice(block.span.start, block.span.end);
    if (block.role === 'title' && meta.title === null) meta.title = body.replace(/\s+/g, ' ');
    if (block.role === 'header') {
      const m = HEADER.exec(body)!;
      meta.publication = m[1].trim();
      meta.volume = m[2] ? Number(m[2]) : null;
      meta.issue = m[3] ? Number(m[3]) : null;
    }
    if (block.role === 'dateline' && meta.date === null) meta.date = parseDateLine(body, rules) ?? null;
    if (block.role === 'body' && meta.date === null && !seenBody) meta.date = parseNewswireDateline(body, rules);
    if (block.role === 'body') seenBody = true;
    if (block.role === 'sources') meta.sources = parseCitation(body.slice(1, -1), rules)?.sources ?? [];
  }
  return meta;
}

const PAREN = /\(([^()\n]{2,160})\)/g;

/** Inline citations: "(Ekho Moskvy, November 14)", "(ITAR-TASS, Moscow June 16)". */
function findCitations(text: string, blocks: Block[], rules: RuleSet): Citation[] {
  const found: Citation[] = [];
  for (const block of blocks) {
    if (block.role !== 'body') continue;
    const body = text.slice(block.span.start, block.span.end);
    for (const m of body.matchAll(PAREN)) {
      const parsed = parseCitation(m[1], rules);
      if (!parsed || parsed.date === null || parsed.sources.length === 0) continue;
      const start = block.span.start + m.index!;
      found.push({ source: parsed.sources.join(', '), date: parsed.date, span: { start, end: start + m[0].length } });
    }
  }
  return found;
}

/**
 * "A, B, C, November 13-15" -> sources [A, B, C], date "November 13-15". The first part that
 * holds a month and a day starts the date; a place written before the date ("ITAR-TASS,
 * Moscow June 16") is the agency's dateline, not part of the date.
 */
export function parseCitation(inner: string, rules: RuleSet): { sources: string[]; date: string | null } | null {
  // split on the bare separator, then trim: `\s*[,;]` backtracks quadratically over long runs of spaces
  const parts = inner.split(/[,;]/).map((p) => p.trim()).filter(Boolean);
  if (!parts.length) return null;
  let date: string | null = null;
  const dateAt = parts.findIndex((p) => rules.dates.monthDay.test(p));
  if (dateAt >= 0) {
    const first = parts[dateAt];
    date = [first.slice(first.search(rules.dates.monthDay)), ...parts.slice(dateAt + 1)].join(', ');
    parts.length = dateAt;
  }
  const sources = parts.filter((p) => /^\p{Lu}|^\p{N}/u.test(p) && p.split(/\s+/).length <= 6);
  if (sources.length !== parts.length) return null;
  return { sources, date };
}

// "WASHINGTON, March 31, 1987 (Reuters) - ", "HELSINKI - ": a place in capitals, a date, an agency, a dash
const NEWSWIRE_DATELINE = /^\p{Lu}[\p{Lu} .'’-]{1,40}?(?:,\s*([^()\n]{3,40}?))?\s+(?:\([^()\n]{1,40}\)\s+)?[-–—]{1,2}\s/u;

/** The date in a newswire dateline opening the first paragraph: ISO when the year is given, else null. */
function parseNewswireDateline(body: string, rules: RuleSet): string | null {
  // a dateline is at most a couple of hundred characters; the pattern backtracks quadratically over long runs of spaces
  const m = NEWSWIRE_DATELINE.exec(body.slice(0, 240));
  if (!m || !m[1]) return null;
  return parseDateLine(m[1], rules) ?? null;
}

/** A stand-alone date line: ISO date when the year is given, null when not, undefined if not a date. */
function parseDateLine(line: string, rules: RuleSet): string | null | undefined {
  const stripped = line.replace(/^\p{L}+day,\s*/u, '').trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(stripped);
  if (iso) return stripped;
  const mdy = new RegExp(`^(${rules.dates.monthPattern})\\.?\\s+(\\d{1,2}),?(?:\\s+(\\d{4}))?$`, 'i').exec(stripped);
  const dmy = new RegExp(`^(\\d{1,2})\\s+(${rules.dates.monthPattern})\\.?,?(?:\\s+(\\d{4}))?$`, 'i').exec(stripped);
  const month = mdy ? mdy[1] : dmy?.[2];
  const day = mdy ? mdy[2] : dmy?.[1];
  const year = mdy ? mdy[3] : dmy?.[3];
  if (!month || !day) return undefined;
  if (!year) return null;
  const m = rules.dates.monthNumber(month);
  return `${year}-${String(m).padStart(2, '0')}-${day.padStart(2, '0')}`;
}
