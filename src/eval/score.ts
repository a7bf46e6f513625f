import type { RuleSet } from '../rules/types.js';
import type { ArticleRecord } from '../types.js';

/**
 * Scores records against hand annotations (../shared/GOLD.md format) with the same matching
 * rules as the reference scorer (shared/tools/score.py):
 *  - quotes match one-to-one, greedily by similarity: equal after normalisation (1.0); one
 *    contained in the other when the shorter is at least 80% of the longer (length ratio);
 *    else token Jaccard when at least 0.7;
 *  - kind accuracy over matched quotes; speaker accuracy over gold speech quotes that name a
 *    speaker (an unmatched one counts as wrong): right when the names are equal, one contains
 *    the other, or the last words agree;
 *  - provisions match relaxed, tolerant of granularity: a prediction is right when it
 *    overlaps a gold clause of its type (shared tokens / tokens of the smaller >= 0.5);
 *    negated predictions are left out; a prediction that only matches an `optional` gold
 *    clause is neither rewarded nor penalised;
 *  - provision type F1 compares the sets of types per article; parties F1 the sets of
 *    treaty parties per article, names mapped to one form (aliases from places.yaml).
 */
export interface GoldQuote {
  text: string;
  kind: string;
  speaker?: string | null;
}
export interface GoldProvision {
  type: string;
  text: string;
  evidence?: string;
  optional?: boolean;
}
export interface GoldArticle {
  treaties?: { name?: string; parties?: string[] }[] | null;
  quotes?: GoldQuote[] | null;
  provisions?: GoldProvision[] | null;
}

export interface Counts {
  quoteTp: number;
  quotePred: number;
  quoteGold: number;
  kindOk: number;
  kindN: number;
  speakerOk: number;
  speakerN: number;
  provPredOk: number;
  provGoldOk: number;
  provPred: number;
  provGold: number;
  typeTp: number;
  typePred: number;
  typeGold: number;
  partyTp: number;
  partyPred: number;
  partyGold: number;
}

export interface ArticleScore {
  name: string;
  counts: Counts;
  missingTypes: string[];
  extraTypes: string[];
  speakerMisses: { quote: string; gold: string; predicted: string | null }[];
}

export interface Figures {
  articles: number;
  quote_p: number;
  quote_r: number;
  quote_f1: number;
  kind_acc: number;
  speaker_acc: number;
  provision_p: number;
  provision_r: number;
  provision_f1: number;
  ptype_p: number;
  ptype_r: number;
  ptype_f1: number;
  parties_p: number;
  parties_r: number;
  parties_f1: number;
}

const EDGE_PUNCTUATION = /^[\s,.;:!?…“”"'‘’«»„()[\]—–-]+|[\s,.;:!?…“”"'‘’«»„()[\]—–-]+$/gu;

export function normalize(s: string | null | undefined): string {
  return (s ?? '')
    .normalize('NFKC')
    .replace(/[’‘]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, ' ')
    .replace(EDGE_PUNCTUATION, '')
    .toLowerCase();
}

function tokens(s: string): string[] {
  return normalize(s).match(/[a-z0-9']+/g) ?? [];
}

export function quoteSimilarity(predicted: string, gold: string): number {
  const a = normalize(predicted);
  const b = normalize(gold);
  if (!a || !b) return 0;
  if (a === b) return 1;
  if (a.includes(b) || b.includes(a)) {
    const ratio = Math.min(a.length, b.length) / Math.max(a.length, b.length);
    return ratio >= 0.8 ? ratio : 0;
  }
  const ta = new Set(tokens(a));
  const tb = new Set(tokens(b));
  const union = new Set([...ta, ...tb]).size;
  const jaccard = [...ta].filter((t) => tb.has(t)).length / Math.max(1, union);
  return jaccard >= 0.7 ? jaccard : 0;
}

export function clauseOverlap(predicted: string, gold: string): number {
  const a = new Set(tokens(predicted));
  const b = new Set(tokens(gold));
  if (!a.size || !b.size) return 0;
  return [...a].filter((t) => b.has(t)).length / Math.min(a.size, b.size);
}

export function sameSpeaker(predicted: string | null | undefined, gold: string): boolean {
  if (!predicted) return false;
  const a = normalize(predicted);
  const b = normalize(gold);
  if (a === b || a.includes(b) || b.includes(a)) return true;
  const ta = tokens(a);
  const tb = tokens(b);
  return ta.length > 0 && tb.length > 0 && ta[ta.length - 1] === tb[tb.length - 1];
}

/** One-to-one matching, best similarity first. */
function greedyMatch(predicted: string[], gold: string[], similarity: (p: string, g: string) => number): [number, number][] {
  const pairs: [number, number, number][] = [];
  predicted.forEach((p, i) => gold.forEach((g, j) => {
    const s = similarity(p, g);
    if (s > 0) pairs.push([s, i, j]);
  }));
  pairs.sort((x, y) => y[0] - x[0] || y[1] - x[1] || y[2] - x[2]);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const out: [number, number][] = [];
  for (const [, i, j] of pairs) {
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    out.push([i, j]);
  }
  return out;
}

export function scoreArticle(name: string, record: ArticleRecord | null, gold: GoldArticle, rules: RuleSet): ArticleScore {
  const goldQuotes = gold.quotes ?? [];
  const predQuotes = record?.quotes ?? [];
  const matches = greedyMatch(predQuotes.map((q) => q.text), goldQuotes.map((q) => q.text), quoteSimilarity);
  const counts: Counts = {
    quoteTp: matches.length, quotePred: predQuotes.length, quoteGold: goldQuotes.length,
    kindOk: 0, kindN: 0, speakerOk: 0, speakerN: 0,
    provPredOk: 0, provGoldOk: 0, provPred: 0, provGold: 0,
    typeTp: 0, typePred: 0, typeGold: 0, partyTp: 0, partyPred: 0, partyGold: 0,
  };
  const speakerMisses: ArticleScore['speakerMisses'] = [];
  const matchedGold = new Set<number>();
  for (const [i, j] of matches) {
    matchedGold.add(j);
    const p = predQuotes[i];
    const g = goldQuotes[j];
    counts.kindN++;
    if (p.kind === g.kind) counts.kindOk++;
    if (g.kind === 'speech' && g.speaker) {
      counts.speakerN++;
      if (sameSpeaker(p.speaker?.name, g.speaker)) counts.speakerOk++;
      else speakerMisses.push({ quote: g.text.slice(0, 40), gold: g.speaker, predicted: p.speaker?.name ?? null });
    }
  }
  goldQuotes.forEach((g, j) => {
    if (!matchedGold.has(j) && g.kind === 'speech' && g.speaker) counts.speakerN++;
  });

  const allGold = gold.provisions ?? [];
  const required = allGold.filter((g) => !g.optional);
  const optional = allGold.filter((g) => g.optional);
  const hit = (p: { type: string; text: string }, g: GoldProvision) => p.type === g.type && clauseOverlap(p.text, g.text) >= 0.5;
  const predicted = (record?.provisions ?? [])
    .filter((p) => !p.negated)
    .filter((p) => required.some((g) => hit(p, g)) || !optional.some((g) => hit(p, g)));
  counts.provPredOk = predicted.filter((p) => required.some((g) => hit(p, g))).length;
  counts.provGoldOk = required.filter((g) => predicted.some((p) => hit(p, g))).length;
  counts.provPred = predicted.length;
  counts.provGold = required.length;

  const goldTypes = new Set(required.map((g) => g.type));
  const predTypes = new Set(predicted.map((p) => p.type));
  counts.typeTp = [...goldTypes].filter((t) => predTypes.has(t)).length;
  counts.typePred = predTypes.size;
  counts.typeGold = goldTypes.size;

  const party = (x: string) => canonicalParty(x, rules);
  const goldParties = new Set((gold.treaties ?? []).flatMap((t) => t.parties ?? []).map(party));
  const predParties = new Set((record?.treaties ?? []).flatMap((t) => t.parties).map(party));
  counts.partyTp = [...goldParties].filter((p) => predParties.has(p)).length;
  counts.partyPred = predParties.size;
  counts.partyGold = goldParties.size;

  return {
    name,
    counts,
    missingTypes: [...goldTypes].filter((t) => !predTypes.has(t)).sort(),
    extraTypes: [...predTypes].filter((t) => !goldTypes.has(t)).sort(),
    speakerMisses,
  };
}

/** One form per party: the places.yaml name for any alias, capital or adjective; else the normalised name. */
export function canonicalParty(name: string, rules: RuleSet): string {
  const n = normalize(name).replace(/^the /, '');
  const known = rules.places.parties.get(n) ?? rules.places.adjectives.get(n);
  return (known ?? n).toLowerCase();
}

function prf(tp: number, predicted: number, gold: number): [number, number, number] {
  const p = predicted ? tp / predicted : gold === 0 ? 1 : 0;
  const r = gold ? tp / gold : 1;
  return [p, r, p + r ? (2 * p * r) / (p + r) : 0];
}

export function totalFigures(scores: ArticleScore[]): Figures {
  const t = scores.reduce<Counts>((sum, s) => {
    for (const key of Object.keys(sum) as (keyof Counts)[]) sum[key] += s.counts[key];
    return sum;
  }, { quoteTp: 0, quotePred: 0, quoteGold: 0, kindOk: 0, kindN: 0, speakerOk: 0, speakerN: 0, provPredOk: 0, provGoldOk: 0, provPred: 0, provGold: 0, typeTp: 0, typePred: 0, typeGold: 0, partyTp: 0, partyPred: 0, partyGold: 0 });
  const [qp, qr, qf] = prf(t.quoteTp, t.quotePred, t.quoteGold);
  const pp = t.provPred ? t.provPredOk / t.provPred : t.provGold === 0 ? 1 : 0;
  const pr = t.provGold ? t.provGoldOk / t.provGold : 1;
  const [tp, tr, tf] = prf(t.typeTp, t.typePred, t.typeGold);
  const [ap, ar, af] = prf(t.partyTp, t.partyPred, t.partyGold);
  return {
    articles: scores.length,
    quote_p: qp, quote_r: qr, quote_f1: qf,
    kind_acc: t.kindN ? t.kindOk / t.kindN : 0,
    speaker_acc: t.speakerN ? t.speakerOk / t.speakerN : 0,
    provision_p: pp, provision_r: pr, provision_f1: pp + pr ? (2 * pp * pr) / (pp + pr) : 0,
    ptype_p: tp, ptype_r: tr, ptype_f1: tf,
    parties_p: ap, parties_r: ar, parties_f1: af,
  };
}
