import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { extract } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { clauseOverlap, quoteSimilarity, sameSpeaker, canonicalParty, type GoldArticle } from '../src/eval/score.js';
import { listFixtures, readBytes } from './helpers.js';

/**
 * Fixtures annotated by hand (gold.yaml, GOLD.md format), written by colleagues who had not
 * seen the rules (two sets of 15 and 14 cases, the second first measured untouched, see README). Each must come out exactly as annotated, judged with the eval matching
 * rules (src/eval/score.ts): every quote found once, with its kind and speaker; every
 * provision found with its type and no provision the annotation lacks (an `optional` one
 * may be found or not; negated ones are denials and are left out); the same treaty parties.
 */
const rules = loadRules();

/**
 * Where the tool and the annotation still disagree, written down rather than hidden: each
 * test asserts exactly these differences, so fixing one (or making a new one) fails the test
 * until this table is brought up to date.
 */
const KNOWN_GAPS: Record<string, { missed?: string[]; extra?: string[]; parties?: string[] }> = {
  // the annotation leaves out a treaty described only negatively ("a deal that stopped short of
  // a formal defense guarantee"); the tool lists every treaty whose parties it finds
  'n04-ap-saudi-pakistan-defense-pact': { parties: ['bahrain', 'pakistan', 'saudi arabia', 'united states'] },
  // elliptical "Sweden’s equivalent opens 17" (the verb's object is elided); NATO as a party of
  // the accession (the tool reads the member states, not the organization)
  'n05-analysis-finland-sweden-nato': { missed: ['basing_rights: Sweden’s equivalent opens 17'], parties: ['finland', 'sweden', 'turkey', 'united states'] },
  // the content of a scrapped earlier treaty ("that had provided the legal basis for …
  // counter-terrorism operations"): reported content to the tool, history to the annotator
  'n07-afp-sahel-liptako-gourma-charter': {
    extra: ['security_cooperation: Mali last year scrapped its defence accords with France, including a 2014 treaty that had provided the legal basis for French counter-terrorism operations on its soil.'],
  },
  // the joint forces' mission ("shall be employed to repel armed aggression") is typed both
  // joint_forces and mutual_defense by the tool, mutual_defense only by the annotator
  't03-treaty-inline-articles-joint-forces': { extra: ['joint_forces: The Joint Forces shall be employed to repel armed aggression against any Member State.'] },
};
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
    const gap = KNOWN_GAPS[fixture.name];
    expect({ missed, extra }).toEqual({ missed: gap?.missed ?? [], extra: gap?.extra ?? [] });
  });

  it('names the annotated treaty parties', () => {
    const party = (p: string) => canonicalParty(p, rules);
    const expected = [...new Set((gold.treaties ?? []).flatMap((t) => t.parties ?? []).map(party))].sort();
    expect([...new Set(record.treaties.flatMap((t) => t.parties).map(party))].sort()).toEqual(KNOWN_GAPS[fixture.name]?.parties ?? expected);
  });
});
