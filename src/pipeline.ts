import type { ArticleRecord, DecodedText, Diagnostic, ProvisionRecord, QuoteRecord, Span } from './types.js';
import { SCHEMA_ID } from './types.js';
import type { RuleSet } from './rules/types.js';
import { loadRules } from './rules/load.js';
import { decodeBytes } from './stages/decode.js';
import { readDocument } from './stages/document.js';
import { splitSentences } from './stages/sentences.js';
import { findQuotes } from './stages/quotes.js';
import { findMentions } from './stages/mentions.js';
import { attributeQuotes } from './stages/attribution.js';
import { collectEntities } from './stages/entities.js';
import { completeFromClauses, findTreaties } from './stages/treaties.js';
import { findProvisions } from './stages/provisions.js';
import { codePointMapper } from './offsets.js';
import { CHUNK_CHARS, chunkDocument, mergeChunks, type Chunk, type ChunkRecord, type ChunkTreaty } from './chunks.js';

export interface ExtractOptions {
  /** how the record names its source ("-" for stdin); default "-" */
  path?: string;
  /** compiled rules; default: the built-in rules */
  rules?: RuleSet;
  /** texts longer than this (UTF-16 code units) are read in chunks of paragraphs; default CHUNK_CHARS (tests lower it) */
  chunkChars?: number;
}

/**
 * The whole pipeline on one article: decode -> document -> sentences -> quotes -> mentions ->
 * attribution -> treaties -> provisions -> entities, then the record, with offsets converted
 * to code points. Takes raw bytes (decoded here) or an already decoded string. A long text is
 * read in chunks of paragraphs from the sentences on (chunks.ts: memory follows the chunk).
 */
export function extract(input: string | Uint8Array, options: ExtractOptions = {}): ArticleRecord {
  const rules = options.rules ?? loadRules();
  const decoded: DecodedText = typeof input === 'string' ? decodeBytes(new TextEncoder().encode(input)) : decodeBytes(input);
  const { text } = decoded;
  const doc = readDocument(text, rules);
  const found = findQuotes(text, doc.blocks, rules);
  const cp = codePointMapper(text);
  const chunks: ChunkRecord[] = [];
  let quoteCount = 0;
  for (const chunk of chunkDocument(doc, found.quotes, options.chunkChars ?? CHUNK_CHARS)) {
    chunks.push(readChunk(text, chunk, quoteCount, cp, rules));
    quoteCount += chunk.quotes.length;
  }
  const { treaties, quotes, provisions, entities } = mergeChunks(chunks, rules);
  const warnings: Diagnostic[] = [...decoded.warnings, ...found.warnings].map((w) => ({ ...w, offset: w.offset === null ? null : cp(w.offset) }));
  return {
    schema: SCHEMA_ID,
    source: { path: options.path ?? '-', bytes: decoded.bytes, sha256: decoded.sha256, encoding: decoded.encoding },
    article: { ...doc.meta, paragraphs: doc.blocks.length },
    treaties,
    quotes,
    provisions,
    entities,
    warnings: warnings.sort((a, b) => (a.offset ?? -1) - (b.offset ?? -1)),
  };
}

/**
 * The stages from sentences to entities on one chunk, and its share of the record: only what
 * the record keeps outlives the call. Quote ids follow the `quoteBase` quotes of the chunks
 * before; provision and treaty ids are the chunk's own until merged.
 */
function readChunk(text: string, { doc, quotes: quoteSpans }: Chunk, quoteBase: number, cp: (utf16: number) => number, rules: RuleSet): ChunkRecord {
  const sentences = splitSentences(text, doc.blocks, rules);
  const mentions = findMentions(text, doc.blocks, sentences, quoteSpans, rules);
  const attributions = attributeQuotes(text, quoteSpans, mentions, doc.citations, rules);
  const treatyAnalysis = findTreaties(text, doc, mentions, rules);
  const { treaties } = treatyAnalysis;
  const quoteInfo = quoteSpans.map((quote, i) => ({ quote, kind: attributions[i].kind }));
  const provisionsFound = findProvisions(text, doc, quoteInfo, mentions, treatyAnalysis, rules);
  completeFromClauses(treaties, provisionsFound.map((p) => ({ treaty: p.treaty, text: text.slice(p.span.start, p.span.end) })), rules);
  const span = (s: Span): Span => ({ start: cp(s.start), end: cp(s.end) });

  const quotes: QuoteRecord[] = quoteSpans.map((q, i) => {
    const a = attributions[i];
    return {
      id: `q${quoteBase + i + 1}`,
      text: text.slice(q.span.start, q.span.end),
      kind: a.kind,
      speaker: a.speaker,
      cue: a.cue,
      addressee: a.addressee,
      citation: a.citation && { source: a.citation.source, date: a.citation.date },
      paragraph: q.block,
      span: span(q.span),
      nested: q.nested.map((n) => ({ text: text.slice(n.start, n.end), span: span(n) })),
      confidence: round(a.confidence),
    };
  });
  // a treaty is reported when the article names its parties or says what it contains
  const reported = treaties.map((t, i) => t.parties.length > 0 || provisionsFound.some((p) => p.treaty === i));
  const treatyIds = new Map<number, string>();
  const treatyRecords: ChunkTreaty[] = [];
  treaties.forEach((t, i) => {
    if (!reported[i]) return;
    const id = `t${treatyRecords.length + 1}`;
    treatyIds.set(i, id);
    treatyRecords.push({
      record: { id, name: t.name, parties: t.parties, signed: t.signed, status: t.status, span: span(t.span) },
      properNames: t.mentions.filter((m) => m.properName).map((m) => m.name),
      ownText: doc.kind === 'treaty' && i === 0,
    });
  });
  const provisions: ProvisionRecord[] = provisionsFound.map((p, i) => ({
    id: `p${i + 1}`,
    type: p.type,
    atop: p.atop,
    text: text.slice(p.span.start, p.span.end),
    evidence: p.evidence,
    quote: p.quote === null ? null : `q${quoteBase + p.quote + 1}`,
    treaty: p.treaty === null ? null : (treatyIds.get(p.treaty) ?? null),
    modality: p.modality,
    reciprocal: p.reciprocal,
    negated: p.negated,
    conditions: p.conditions,
    cues: p.cues,
    cue_ids: p.cueIds,
    span: span(p.span),
    confidence: round(p.confidence),
  }));
  return { quotes, treaties: treatyRecords, provisions, entities: collectEntities(mentions) };
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
