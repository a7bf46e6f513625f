import type { RuleSet } from './rules/types.js';
import type { Block, Citation, DocumentStructure, Entities, ProvisionRecord, QuoteRecord, QuoteSpan, TreatyRecord } from './types.js';
import { mergeEntities } from './stages/entities.js';
import { sameName } from './stages/treaties.js';

/**
 * Long texts are read in chunks of whole paragraphs, so that the structures the stages build
 * for a text (tokens of every sentence, mentions, the attribution discourse) exist for one
 * chunk at a time and are garbage before the next: peak memory follows the chunk, not the
 * text. Quotes are paired once over the whole text (cheap, and a quote running on into the
 * next paragraph is paired as it would be unchunked); everything after them runs per chunk.
 *
 * What a chunk boundary loses, acceptable for book-length texts (every real news article is
 * one chunk): a quote at the start of a chunk cannot take a speaker from the previous chunk
 * (a bare quote, "he said", a surname or "the ministry" resolve only within the chunk); a
 * provision cannot be tied to a treaty mentioned only in an earlier chunk, nor counted in the
 * context window of one; a surname alone in a chunk ("Karimov said") is counted as a person
 * only with a title there; a treaty's status and signing come from its first chunk that gives
 * them, its name and span from its first chunk.
 */

/**
 * Texts longer than this many UTF-16 code units are read in chunks. News articles and most
 * treaty texts are well under it (a few thousand), so their records never meet a boundary.
 * Measured on a 10 MB text of news paragraphs (bench/corpus/big-10MB.txt, in process): with
 * 64K chunks it runs in a 100 MB old generation, with 256K it needs more than 128 MB, and
 * unchunked it took 25 s and a 578 MB peak against 9 s and 360-390 MB for 64K; what remains
 * is mostly the record itself, which grows with the text.
 */
export const CHUNK_CHARS = 64 * 1024;

/** One chunk: the document seen through its paragraphs only, with its quotes and citations. */
export interface Chunk {
  doc: DocumentStructure;
  quotes: QuoteSpan[];
}

/**
 * Consecutive runs of whole paragraphs spanning at most `maxChars` each (a longer paragraph
 * is a chunk of its own); a text within `maxChars` is one chunk, the document as it is.
 */
export function chunkDocument(doc: DocumentStructure, quotes: QuoteSpan[], maxChars: number): Chunk[] {
  const groups = blockGroups(doc.blocks, maxChars);
  if (groups.length === 1) return [{ doc, quotes }];
  let q = 0;
  const quoteGroups = groups.map((blocks) => {
    const last = blocks[blocks.length - 1].index;
    const from = q;
    while (q < quotes.length && quotes[q].block <= last) q++;
    return quotes.slice(from, q);
  });
  return groups.map((blocks, g) => {
    const nextQuote = quoteGroups.slice(g + 1).find((list) => list.length)?.[0];
    const citations = citationsFor(doc.citations, blocks[0].span.start, nextQuote?.open ?? Infinity);
    return { doc: { ...doc, blocks, citations }, quotes: quoteGroups[g] };
  });
}

function blockGroups(blocks: Block[], maxChars: number): Block[][] {
  const groups: Block[][] = [];
  let group: Block[] = [];
  for (const block of blocks) {
    if (group.length && block.span.end - group[0].span.start > maxChars) {
      groups.push(group);
      group = [];
    }
    group.push(block);
  }
  if (group.length) groups.push(group);
  return groups;
}

/**
 * The citations a chunk's quotes may take: from the chunk's start up to the next chunk's
 * first quote, since the last quote of a chunk takes a citation up to the next quote, as it
 * would unchunked ("…,” he said. (Interfax, May 3)" in the next paragraph).
 */
function citationsFor(citations: Citation[], start: number, end: number): Citation[] {
  return citations.filter((c) => c.span.start >= start && c.span.start < end);
}

// ---------------------------------------------------------------------------------------
// Merging the chunks' records

/** A treaty as one chunk reports it, with what tells whether another chunk's treaty is the same. */
export interface ChunkTreaty {
  record: TreatyRecord;
  /** the proper names the chunk gives it ("Treaty on Allied Relations") */
  properNames: string[];
  /** the treaty a treaty text is (the first treaty of each of its chunks) */
  ownText: boolean;
}

/** A chunk's share of the record: quote ids final, provision and treaty ids the chunk's own. */
export interface ChunkRecord {
  quotes: QuoteRecord[];
  treaties: ChunkTreaty[];
  provisions: ProvisionRecord[];
  entities: Entities;
}

export interface MergedRecord {
  treaties: TreatyRecord[];
  quotes: QuoteRecord[];
  provisions: ProvisionRecord[];
  entities: Entities;
}

/**
 * The chunks' records as one: quotes and provisions in order (provision ids renumbered), the
 * same treaty named in several chunks one treaty (provision refs remapped), entities merged
 * by name. One chunk's record comes out as it went in.
 */
export function mergeChunks(chunks: ChunkRecord[], rules: RuleSet): MergedRecord {
  const treaties: ChunkTreaty[] = [];
  const quotes: QuoteRecord[] = [];
  const provisions: ProvisionRecord[] = [];
  for (const chunk of chunks) {
    const treatyIds = mergeTreaties(treaties, chunk.treaties, rules);
    for (const q of chunk.quotes) quotes.push(q);
    for (const p of chunk.provisions) {
      provisions.push({ ...p, id: `p${provisions.length + 1}`, treaty: p.treaty === null ? null : treatyIds.get(p.treaty)! });
    }
  }
  return {
    treaties: treaties.map((t) => t.record),
    quotes,
    provisions,
    entities: mergeEntities(chunks.map((c) => c.entities)),
  };
}

/**
 * Adds a chunk's treaties to those of the chunks before it, in place; returns the chunk's
 * treaty ids mapped to the merged ones. A treaty is matched only against earlier chunks':
 * within a chunk, treaties.ts has already grouped the mentions.
 */
function mergeTreaties(merged: ChunkTreaty[], chunk: ChunkTreaty[], rules: RuleSet): Map<string, string> {
  const earlier = merged.length;
  const ids = new Map<string, string>();
  for (const t of chunk) {
    const same = merged.slice(0, earlier).find((m) => sameTreaty(m, t));
    if (same) {
      same.record = combine(same.record, t.record, rules);
      same.properNames.push(...t.properNames);
      ids.set(t.record.id, same.record.id);
    } else {
      const id = `t${merged.length + 1}`;
      merged.push({ ...t, record: { ...t.record, id }, properNames: [...t.properNames] });
      ids.set(t.record.id, id);
    }
  }
  return ids;
}

/**
 * The notion treaties.ts groups mentions by: a proper name decides when both have one; else
 * the same parties (all of them) make the same treaty. A treaty text's own treaty is one.
 */
function sameTreaty(a: ChunkTreaty, b: ChunkTreaty): boolean {
  if (a.ownText && b.ownText) return true;
  if (a.properNames.length && b.properNames.length) return a.properNames.some((x) => b.properNames.some((y) => sameName(x, y)));
  const [p, q] = [a.record.parties, b.record.parties];
  return p.length > 0 && p.length === q.length && p.every((party) => q.includes(party));
}

/** The earlier chunk's name and span; the parties of both; a signing from the first that gives one; the most advanced status. */
function combine(a: TreatyRecord, b: TreatyRecord, rules: RuleSet): TreatyRecord {
  const parties = [...a.parties, ...b.parties.filter((p) => !a.parties.includes(p))];
  const signed = a.signed.date || a.signed.place ? a.signed : b.signed;
  const rank = (s: TreatyRecord['status']) => rules.treaties.status.findIndex((x) => x.status === s);
  const status = rank(b.status) > rank(a.status) ? b.status : a.status;
  return { ...a, parties, signed, status };
}
