import type { RuleSet } from '../rules/types.js';
import type { Block, Condition, DocumentStructure, Modality, QuoteKind, QuoteSpan, Span } from '../types.js';
import type { Mentions, Unit } from './mentions.js';
import type { Treaty, TreatyAnalysis } from './treaties.js';
import { modalityOf, readClause, splitClauses, trimClause, typeClause, withoutQuoteMarks } from './clauses.js';
import { splitSpan } from './sentences.js';

/**
 * Stage 6b: treaty provisions, from three kinds of evidence:
 *  (a) treaty text quoted in the article (document quotes), evidence "quoted";
 *  (b) what the narration reports a treaty contains, evidence "reported": sentences that
 *      name the treaty, sentences framed "under the agreement …", and the few sentences
 *      after a treaty mention that state what a party will do;
 *  (c) a treaty text given as input (Article N …), every operative clause "quoted".
 * Speculation, proposals and commentary are not provisions; a denied provision is kept with
 * `negated: true`.
 */
export interface FoundProvision {
  type: string;
  atop: string | null;
  span: Span;
  evidence: 'quoted' | 'reported';
  quote: number | null;
  treaty: number | null;
  modality: Modality | null;
  reciprocal: boolean | null;
  negated: boolean;
  conditions: Condition[];
  cues: string[];
  cueIds: string[];
  confidence: number;
}

export interface QuoteInfo {
  quote: QuoteSpan;
  kind: QuoteKind;
}

/** How many sentences after a treaty mention can still report its content without naming it. */
const CONTEXT_WINDOW = 3;

export function findProvisions(
  text: string,
  doc: DocumentStructure,
  quotes: QuoteInfo[],
  mentions: Mentions,
  { treaties, mentionUnits }: TreatyAnalysis,
  rules: RuleSet,
): FoundProvision[] {
  if (doc.kind === 'treaty' && doc.operativeStart !== null) return treatyTextProvisions(text, doc.blocks, doc.operativeStart, rules);
  const found: FoundProvision[] = [];
  const treatyUnits = treatyContextUnits(text, mentions, treaties, mentionUnits, rules);
  const names = treaties.flatMap((t) => t.mentions.filter((m) => m.properName).map((m) => m.span));
  const quotesOf = quotesByUnit(quotes, mentions.units);
  let lastContext = -Infinity;
  const body = new Set(doc.blocks.filter((b) => b.role === 'body').map((b) => b.index));
  mentions.units.forEach((unit, u) => {
    // headlines, captions and bylines are not clauses of the article
    if (!body.has(unit.block)) return;
    const inContext = treatyUnits.has(u);
    if (inContext) lastContext = u;
    // newswire gives each sentence its own paragraph, so the window counts sentences, within a few paragraphs
    const windowed = !inContext && u - lastContext <= CONTEXT_WINDOW && unit.block - mentions.units[Math.max(0, lastContext)].block <= 2;
    const treaty = treatyAt(treaties, unit.span.start);
    const unitQuotes = quotesOf.get(u) ?? [];
    for (const q of unitQuotes) {
      if (q.kind === 'document') found.push(...quotedProvisions(text, unit, q, treaty, rules));
      if (q.kind === 'speech') found.push(...speechProvisions(text, q, treaty, rules));
    }
    if (inContext || windowed) found.push(...narratedProvisions(text, unit, unitQuotes, treaty, windowed, names, rules));
  });
  return dedupe(found);
}

/** The quotes opening in each unit, in text order (a lookup per quote: a filter per unit was quadratic in 20,000 paragraphs). */
function quotesByUnit(quotes: QuoteInfo[], units: Unit[]): Map<number, (QuoteInfo & { index: number })[]> {
  const byUnit = new Map<number, (QuoteInfo & { index: number })[]>();
  quotes.forEach((q, index) => {
    let low = 0;
    let high = units.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const { start, end } = units[mid].span;
      if (q.quote.open < start) high = mid - 1;
      else if (q.quote.open >= end) low = mid + 1;
      else {
        const list = byUnit.get(mid) ?? [];
        byUnit.set(mid, list);
        list.push({ ...q, index });
        return;
      }
    }
  });
  return byUnit;
}

/**
 * The treaty mentioned last before `offset` (or, before any mention, the first one). A treaty
 * named once in passing, without parties ("since its withdrawal from the X Treaty"), does not
 * take the provisions.
 */
function treatyAt(treaties: Treaty[], offset: number): number | null {
  let best: number | null = null;
  let bestAt = -1;
  const passing = (t: Treaty) => !t.parties.length && t.mentions.length < 2;
  const anyTopic = treaties.some((t) => !passing(t));
  treaties.forEach((t, i) => {
    if (anyTopic && passing(t)) return;
    for (const m of t.mentions) {
      if (m.span.start <= offset && m.span.start > bestAt) {
        best = i;
        bestAt = m.span.start;
      }
    }
  });
  return best ?? (treaties.length ? Math.max(0, treaties.findIndex((t) => !passing(t))) : null);
}

/**
 * Units that talk about a treaty: those that mention one (outside hypothetical and compared
 * mentions), those framed "under the agreement", those whose subject is "it" right after a
 * unit about the treaty, and those that name what a treaty creates ("the joint force").
 */
function treatyContextUnits(text: string, mentions: Mentions, treaties: Treaty[], mentionUnits: Set<number>, rules: RuleSet): Set<number> {
  const units = new Set(mentionUnits);
  const anchors = [...new Set(treaties.flatMap((t) => [...t.anchors]))];
  const anchorPattern = anchors.length ? new RegExp(`\\bthe (?:new |joint |common )?(?:[\\w-]+ )?(?:${anchors.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'i') : null;
  mentions.units.forEach((unit, u) => {
    const sentence = text.slice(unit.span.start, unit.span.end);
    if (rules.treaties.contentFrames.test(sentence)) units.add(u);
    // "Another article commits them to …", "The parties pledge to …"
    if (treaties.length && (rules.treaties.partNouns.test(sentence) || rules.treaties.partySubjects.test(sentence))) units.add(u);
    if (anchorPattern?.test(sentence)) units.add(u);
    if (units.has(u - 1) && /^(?:It|They)\s+(?!is\s+(?:possible|likely|unclear|expected))/u.test(sentence.trimStart())) units.add(u);
  });
  return units;
}

/** What may follow a quote's text to the end of its clause: its closing mark and punctuation. */
const ONLY_CLOSING = /^[\s”’"»›.,;:!?…]*$/;

/**
 * (a) clauses of a document quote. A quote of one sentence is read with the clause around it
 * ("if a threat arises, the sides “shall hold consultations”": the condition is in the frame),
 * unless the quote is the whole clause (then its marks are left out); a longer one sentence by
 * sentence.
 */
function quotedProvisions(text: string, unit: Unit, q: QuoteInfo & { index: number }, treaty: number | null, rules: RuleSet): FoundProvision[] {
  const sentences = splitSpan(text, q.quote.span, rules);
  const spans =
    sentences.length > 1
      ? sentences.flatMap((s) => splitClauses(text, s))
      : splitClauses(text, unit.span)
          .filter((c) => c.start <= q.quote.open && c.end >= q.quote.span.end)
          .map((c) => (c.start === q.quote.open && ONLY_CLOSING.test(text.slice(q.quote.span.end, c.end)) ? trimClause(text, q.quote.span) : c));
  return spans.flatMap((span) => typed(text, span, { evidence: 'quoted', quote: q.index, treaty, confidence: 0.9, requireModal: false }, rules));
}

/** (b) inside someone's speech, only what the speaker says a treaty contains ("within the Agreement …, outlining …"). */
function speechProvisions(text: string, q: QuoteInfo & { index: number }, treaty: number | null, rules: RuleSet): FoundProvision[] {
  const inner = text.slice(q.quote.span.start, q.quote.span.end);
  const frame = rules.treaties.contentInSpeech.exec(inner);
  if (!frame) return [];
  const from = q.quote.span.start + frame.index;
  return typed(text, { start: from, end: q.quote.span.end }, { evidence: 'reported', quote: q.index, treaty, confidence: 0.6, requireModal: false }, rules);
}

/**
 * (b) the narration of a unit. Someone's words (speech quotes) and treaty names ("the Mutual
 * Defense Treaty was signed …") are left out of the cue search.
 */
function narratedProvisions(
  text: string,
  unit: Unit,
  unitQuotes: (QuoteInfo & { index: number })[],
  treaty: number | null,
  windowed: boolean,
  names: Span[],
  rules: RuleSet,
): FoundProvision[] {
  const out: FoundProvision[] = [];
  for (const span of splitClauses(text, unit.span)) {
    const inside = unitQuotes.filter((q) => q.quote.open >= span.start && q.quote.span.end <= span.end);
    // clauses carrying document quotes were read as quoted evidence already
    if (inside.some((q) => q.kind === 'document' || q.kind === 'title')) continue;
    // someone's words are no treaty content; a one- or two-word fragment (had “frozen” its
    // participation) is part of the author's sentence, though
    const speech = inside.filter((q) => q.kind === 'speech' && q.quote.span.end - q.quote.span.start > 20).map((q) => q.quote.span);
    const masked = maskSpans(text, span, [...speech, ...names.filter((n) => n.start >= span.start && n.end <= span.end)]);
    out.push(...typed(text, span, { evidence: 'reported', quote: null, treaty, confidence: windowed ? 0.65 : 0.8, requireModal: windowed, masked }, rules));
  }
  return out;
}

/** The clause text with some spans blanked (same length, so offsets hold). */
function maskSpans(text: string, span: Span, blanks: Span[]): string {
  let clause = text.slice(span.start, span.end);
  for (const blank of blanks) {
    const from = blank.start - span.start;
    const to = blank.end - span.start;
    clause = clause.slice(0, from) + ' '.repeat(Math.max(0, to - from)) + clause.slice(to);
  }
  return clause;
}

interface Evidence {
  evidence: 'quoted' | 'reported';
  quote: number | null;
  treaty: number | null;
  confidence: number;
  /** sentences that do not name the treaty must say what a party will/shall/may do */
  requireModal: boolean;
  masked?: string;
}

/** Types a clause and turns each type it carries into a provision, unless it is speculation. */
function typed(text: string, raw: Span, e: Evidence, rules: RuleSet): FoundProvision[] {
  const span = trimClause(text, raw);
  if (span.end <= span.start) return [];
  const clause = e.masked ? e.masked.slice(span.start - raw.start, span.end - raw.start) : text.slice(span.start, span.end);
  // a sentence that does not name the treaty counts only if it says what a party will, shall, may … do
  if (e.requireModal && !modalityOf(withoutQuoteMarks(clause), rules) && !IN_CHARGE.test(clause)) return [];
  const out: FoundProvision[] = [];
  for (const match of typeClause(clause, rules)) {
    const reading = readClause(clause, match, rules);
    if (reading.speculative) continue;
    // away from the treaty's mention, what one leader says a party will do is their intent, not
    // treaty content; what the signatories say together (a joint statement) is
    if (e.requireModal && reportsSpeech(withoutQuoteMarks(clause).slice(0, match.firstCue), rules)) continue;
    out.push({
      type: match.type.id,
      atop: match.type.atop,
      span,
      evidence: e.evidence,
      quote: e.quote,
      treaty: e.treaty,
      modality: reading.modality,
      reciprocal: reading.reciprocal,
      negated: reading.negated,
      conditions: reading.conditions,
      cues: match.cues,
      cueIds: match.cueIds,
      confidence: Math.min(0.95, e.confidence * Math.min(1.1, match.score / match.type.threshold)),
    });
  }
  return out;
}

/** "The commander of the base is in charge of the joint force": a present-tense arrangement. */
const IN_CHARGE = /\b(?:is|are) in (?:charge|command)\b/i;

function reportsSpeech(text: string, rules: RuleSet): boolean {
  if (/\bjoint (?:statement|declaration|communiqu)|\b\p{Lu}\p{L}+ and \p{Lu}\p{L}+ \p{Ll}+/u.test(text)) return false;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) if (rules.verbs.get(word)?.verbClass === 'speech') return true;
  return false;
}

/** One provision per type and clause: overlapping finds of the same type keep the quoted, longer one. */
function dedupe(found: FoundProvision[]): FoundProvision[] {
  const kept: FoundProvision[] = [];
  for (const p of found.sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end)) {
    const twin = kept.find((k) => k.type === p.type && k.span.start < p.span.end && p.span.start < k.span.end);
    if (!twin) kept.push(p);
    else if (twin.evidence === 'reported' && p.evidence === 'quoted') kept[kept.indexOf(twin)] = p;
  }
  return kept.sort((a, b) => a.span.start - b.span.start || a.type.localeCompare(b.type));
}

// ---------------------------------------------------------------------------------------
// (c) treaty texts

/** Every clause of the operative part of a treaty text, with article headings and page marks left out. */
function treatyTextProvisions(text: string, blocks: Block[], operativeStart: number, rules: RuleSet): FoundProvision[] {
  const found: FoundProvision[] = [];
  for (const b of blocks) {
    if (b.span.end <= operativeStart || b.role !== 'body') continue;
    const start = Math.max(b.span.start, b.span.start + skipHeading(text.slice(b.span.start, b.span.end)), operativeStart);
    if (start >= b.span.end || /^[\s\d\-–—.]*$/.test(text.slice(start, b.span.end))) continue;
    for (const sentence of splitSpan(text, { start, end: b.span.end }, rules)) {
      for (const clause of splitClauses(text, sentence)) {
        found.push(...typed(text, clause, { evidence: 'quoted', quote: null, treaty: 0, confidence: 0.9, requireModal: false }, rules));
      }
    }
  }
  return dedupe(found);
}

/**
 * Length of an article heading and of a short title line under it ("Article 5", "ARTICLE V —
 * Mutual Assistance", "Article 1."), so that the clause starts with its own words. A line
 * counts as a title only when it is short and the next line starts a new sentence.
 */
function skipHeading(body: string): number {
  const heading = /^(?:(?:Article|ARTICLE|Art\.)\s+(?:\d+|[IVXLC]+)|\d{1,2})\.?\s*(?:[-–—:]\s*)?/.exec(body);
  if (!heading) return 0;
  const rest = body.slice(heading[0].length);
  // the title may end the block ("Article 8\nMilitary Cooperation" and then a blank line)
  const title = /^([^\n.]{1,60})(?:\n(?=\p{Lu})|\s*$)/u.exec(rest);
  return heading[0].length + (title && title[1].split(/\s+/).length <= 8 ? title[0].length : 0);
}
