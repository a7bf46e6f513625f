import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { extract } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { clauseOverlap, quoteSimilarity, sameSpeaker, canonicalParty, type GoldArticle } from '../src/eval/score.js';
import { listFixtures, readBytes } from './helpers.js';

/**
 * Fixtures annotated by hand (gold.yaml, GOLD.md format), written by a colleague who had
 * not seen the rules. Each must come out exactly as annotated, judged with the eval matching
 * rules (src/eval/score.ts): every quote found once, with its kind and speaker; every
 * provision found with its type and no provision the annotation lacks (an `optional` one
 * may be found or not; negated ones are denials and are left out); the same treaty parties.
 */
const rules = loadRules();
const fixtures = [...listFixtures('articles'), ...listFixtures('treaties')].filter((f) => existsSync(f.gold));

describe.each(fixtures)('$name (hand annotation)', (fixture) => {
  const gold = parse(readFileSync(fixture.gold, 'utf8')) as GoldArticle;
  const record = extract(readBytes(fixture.input), { path: fixture.name, rules });

  it('finds exactly the annotated quotes, with their kinds and speakers', () => {
    const found = record.quotes.map((q) => ({ text: q.text, kind: q.kind, speaker: q.speaker?.name ?? null }));
    const expected = (gold.quotes ?? []).map((g) => {
      const match = found.find((q) => quoteSimilarity(q.text, g.text) > 0);
      const speakerOk = g.kind !== 'speech' || !g.speaker || sameSpeaker(match?.speaker, g.speaker);
      return { text: g.text, kind: g.kind, speaker: speakerOk ? (match?.speaker ?? g.speaker ?? null) : g.speaker };
    });
    expect(found.map((q) => ({ ...q, speaker: q.kind === 'speech' ? q.speaker : null }))).toEqual(
      expected.map((q) => ({ ...q, speaker: q.kind === 'speech' ? q.speaker : null })),
    );
  });

  it('finds the annotated provisions and no others', () => {
    const required = (gold.provisions ?? []).filter((g) => !g.optional);
    const all = gold.provisions ?? [];
    const predicted = record.provisions.filter((p) => !p.negated);
    const hit = (p: { type: string; text: string }, g: { type: string; text: string }) => p.type === g.type && clauseOverlap(p.text, g.text) >= 0.5;
    const missed = required.filter((g) => !predicted.some((p) => hit(p, g))).map((g) => `${g.type}: ${g.text}`);
    const extra = predicted.filter((p) => !all.some((g) => hit(p, g))).map((p) => `${p.type}: ${p.text}`);
    expect({ missed, extra }).toEqual({ missed: [], extra: [] });
  });

  it('names the annotated treaty parties', () => {
    const party = (p: string) => canonicalParty(p, rules);
    const expected = [...new Set((gold.treaties ?? []).flatMap((t) => t.parties ?? []).map(party))].sort();
    expect([...new Set(record.treaties.flatMap((t) => t.parties).map(party))].sort()).toEqual(expected);
  });
});
