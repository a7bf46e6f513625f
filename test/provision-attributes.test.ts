import { describe, expect, it } from 'vitest';
import { extract } from '../src/pipeline.js';
import { FIXTURES, readBytes } from './helpers.js';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';

/**
 * Modality, reciprocity, negation and conditions of every provision in two treaty texts and
 * two articles, as read by hand from the texts (fixtures/treaties, fixtures/articles).
 */
const read = (group: string, name: string) => extract(readBytes(join(FIXTURES, group, name, 'input.txt')), { path: name });
const attributes = (record: ReturnType<typeof extract>) =>
  record.provisions.map((p) => [p.type, p.evidence, p.modality, p.reciprocal, p.negated, p.conditions.map((c) => c.kind)]);

describe('treaty texts: article titles are no clauses', () => {
  it('a title on its own line under “Article N”, before a blank line, is skipped', () => {
    const text = [
      'TREATY ON MILITARY COOPERATION BETWEEN THE REPUBLIC OF CHILE AND THE REPUBLIC OF PERU',
      'The Republic of Chile and the Republic of Peru, hereinafter referred to as the Parties,',
      'Have agreed as follows:',
      'Article 1\nJoint Exercises',
      'The Parties shall hold joint exercises every year.',
      'Article 2\nMilitary-Technical Cooperation and Training',
      '1. The Parties shall cooperate in the supply of weapons and military equipment.',
      'Article 3\nDuration',
      'This Treaty is concluded for a period of ten years.',
    ].join('\n\n');
    expect(extract(text).provisions.map((p) => [p.type, p.text])).toEqual([
      ['joint_forces', 'The Parties shall hold joint exercises every year.'],
      ['military_aid', 'The Parties shall cooperate in the supply of weapons and military equipment.'],
      ['duration', 'This Treaty is concluded for a period of ten years.'],
    ]);
  });
});

describe('a clause a later treaty dropped is negated', () => {
  it('“which dropped the obligation to consult”', () => {
    const record = extract('In 1993 the two states signed a new Treaty of Friendship, which dropped the obligation to consult in the event of an attack.');
    expect(record.provisions.map((p) => [p.type, p.negated])).toEqual([['consultation', true]]);
  });
});

describe('provision attributes', () => {
  it('Kazakhstan-Kyrgyzstan alliance treaty (treaty text: every clause quoted)', () => {
    const record = read('treaties', 'treaty-kazakhstan-kyrgyzstan-alliance');
    expect(record.treaties.map((t) => [t.name, t.parties])).toEqual([['Treaty of Alliance and Mutual Assistance', ['Kazakhstan', 'Kyrgyzstan']]]);
    expect(attributes(record)).toEqual([
      ['non_aggression', 'quoted', 'prohibition', true, false, []],
      ['mutual_defense', 'quoted', 'obligation', true, false, ['on_request', 'number_of_attackers']],
      ['consultation', 'quoted', 'obligation', true, false, []],
      ['no_hostile_alliance', 'quoted', 'prohibition', true, false, []],
      ['basing_rights', 'quoted', 'obligation', true, false, ['on_need', 'further_agreement']],
      ['military_aid', 'quoted', 'obligation', true, false, []],
      ['joint_forces', 'quoted', 'obligation', true, false, []],
      ['joint_forces', 'quoted', 'obligation', null, false, ['further_agreement']],
      ['security_cooperation', 'quoted', 'obligation', true, false, []],
      ['duration', 'quoted', null, null, false, []],
      ['duration', 'quoted', 'obligation', true, false, []],
      ['duration', 'quoted', 'permission', true, false, []],
      ['duration', 'quoted', 'obligation', null, false, []],
    ]);
  });

  it('Fiji-New Zealand treaty: one-sided basing and aid are not reciprocal', () => {
    const record = read('treaties', 'treaty-fiji-new-zealand-mutual-security');
    const byType = record.provisions.filter((p) => p.type === 'basing_rights' || p.type === 'military_aid');
    expect(byType.map((p) => [p.type, p.reciprocal, p.conditions.map((c) => c.kind)])).toEqual([
      ['basing_rights', false, ['on_request']],
      ['basing_rights', true, ['further_agreement']],
      ['military_aid', false, []],
    ]);
    expect(record.provisions.find((p) => p.type === 'no_hostile_alliance')?.modality).toBe('prohibition');
  });

  it('a denied defense clause is negated; the quoted clauses carry their quote', () => {
    const qatar = read('articles', 'reuters-turkey-qatar-troops-ratified');
    expect(qatar.provisions.filter((p) => p.negated).map((p) => [p.type, p.negated])).toEqual([['mutual_defense', true]]);
    const kyrgyz = read('articles', 'edm-russia-kyrgyzstan-allied-treaty');
    expect(kyrgyz.provisions.map((p) => [p.type, p.evidence, p.quote !== null, p.conditions.map((c) => c.kind)])).toEqual([
      ['mutual_defense', 'quoted', true, ['on_request', 'number_of_attackers']],
      ['mutual_defense', 'quoted', true, ['on_need', 'further_agreement']],
      ['consultation', 'quoted', true, []],
      ['military_aid', 'quoted', true, []],
    ]);
  });

  it('reads a hard-wrapped treaty text (lines of 70 columns) as it reads the unwrapped one', () => {
    const input = readFileSync(join(FIXTURES, 'treaties', 'treaty-kazakhstan-kyrgyzstan-alliance', 'input.txt'), 'utf8');
    const wrapped = input
      .split('\n')
      .map((line) => line.replace(/(.{1,70})(?:\s+|$)/g, '$1\n').trimEnd())
      .join('\n');
    expect(wrapped).not.toBe(input);
    const summary = (text: string) => extract(text).provisions.map((p) => [p.type, p.modality, p.reciprocal, p.conditions.map((c) => c.kind)]);
    expect(summary(wrapped)).toEqual(summary(input));
  });

  it('a neutrality pledge is a prohibition, not a negated provision', () => {
    const record = read('treaties', 'treaty-turkmenistan-uzbekistan-neutrality');
    const neutrality = record.provisions.find((p) => p.type === 'neutrality');
    expect([neutrality?.modality, neutrality?.negated, neutrality?.reciprocal]).toEqual(['prohibition', false, true]);
  });
});
