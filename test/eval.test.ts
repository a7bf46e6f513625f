import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clauseOverlap, normalize, quoteSimilarity, sameSpeaker } from '../src/eval/score.js';
import { runCli } from './helpers.js';

describe('eval matching rules', () => {
  it('normalises quotes, apostrophes, spaces and edge punctuation', () => {
    expect(normalize('  “Russia’s  soft underbelly,”  ')).toBe("russia's soft underbelly");
  });

  it('pairs quotes that are equal, contained at 80% of the length, or share 70% of their words', () => {
    expect(quoteSimilarity('exist only on paper.', 'exist only on paper')).toBe(1);
    expect(quoteSimilarity('only on paper', 'exist only on paper')).toBe(0); // 13/19 of the length: too short
    expect(quoteSimilarity('exist only on paper', 'exist only on paper now')).toBeCloseTo(19 / 23);
    expect(quoteSimilarity('it will exist on paper', 'they will exist only on paper')).toBe(0); // 4 of 7 words
    expect(quoteSimilarity('exist only on paper', 'exists only on paper')).toBe(0);
    expect(quoteSimilarity('the army is in a state of alert', 'the air force is in a state of alert')).toBeGreaterThanOrEqual(0.7);
  });

  it('counts a provision right when it shares half the words of the smaller clause', () => {
    expect(clauseOverlap('The force will defend member nations against aggression; perform operations', 'The force will defend member nations')).toBe(1);
    expect(clauseOverlap('Russia will supply arms', 'the sides shall consult')).toBe(0);
  });

  it('accepts a speaker by containment or the same last word', () => {
    expect(sameSpeaker('Karimov', 'Islam Karimov')).toBe(true);
    expect(sameSpeaker('Mr Mandelson', 'Peter Mandelson')).toBe(true);
    expect(sameSpeaker('Vladimir Putin', 'Dmitry Medvedev')).toBe(false);
    expect(sameSpeaker(null, 'Dmitry Medvedev')).toBe(false);
  });
});

describe('treaty-extract eval', () => {
  const dir = mkdtempSync(join(tmpdir(), 'te-eval-'));
  const gold = join(dir, 'gold');
  const articles = join(dir, 'articles');
  mkdirSync(gold);
  mkdirSync(articles);
  writeFileSync(
    join(articles, 'one.txt'),
    'The treaty between Russia and Belarus obliges the sides to hold joint exercises every year. “We are allies,” President Ivanov told reporters. Analysts called it a “paper alliance.”\n',
  );
  writeFileSync(
    join(gold, 'one.yaml'),
    `treaties:
  - { name: treaty, parties: [Russia, Belarus] }
quotes:
  - { text: "We are allies,", kind: speech, speaker: Ivanov }
  - { text: paper alliance., kind: term, speaker: null }
provisions:
  - { type: joint_forces, evidence: reported, text: obliges the sides to hold joint exercises every year }
`,
  );

  it('prints the figures as JSON', async () => {
    const out = await runCli(['eval', '--gold', gold, '--articles', articles, '--format', 'json']);
    expect(out.code).toBe(0);
    const figures = JSON.parse(out.stdout);
    expect(figures).toMatchObject({ articles: 1, quote_f1: 1, speaker_acc: 1, provision_f1: 1, ptype_f1: 1, parties_f1: 1 });
    // this annotation calls "paper alliance." a term; the tool reads "Analysts called it" as speech
    expect(figures.kind_acc).toBe(0.5);
  });

  it('fails with exit 1 when a figure is below --min, naming it', async () => {
    const out = await runCli(['eval', '--gold', gold, '--articles', articles, '--min', 'kind_acc=0.9', '--min', 'quote_f1=1']);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/^articles=1 quoteF1=1\.000 kind=0\.500 /m);
    expect(out.stderr).toBe('treaty-extract: below --min: kind_acc=0.9\n');
  });

  it('rejects a malformed --min with exit 2', async () => {
    const out = await runCli(['eval', '--gold', gold, '--articles', articles, '--min', 'nonsense']);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--min nonsense: expected FIGURE=NUMBER/);
  });
});
