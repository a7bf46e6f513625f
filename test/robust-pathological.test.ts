import { describe, expect, it } from 'vitest';
import { extract } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { readDocument } from '../src/stages/document.js';
import { splitSentences } from '../src/stages/sentences.js';
import { serializeRecord } from '../src/stages/serialize.js';

/**
 * Pathological texts go through in linear time. No wall-clock limit: each text is timed at two
 * sizes, and the larger (four times the size) may take at most ten times as long (linear is
 * four, quadratic sixteen; an exponential pattern never finishes). Every case here was
 * super-linear or threw before the fix named beside it.
 */
const rules = loadRules();

function bestOf(runs: number, work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    work();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** How much longer four times the input takes; the small size is raised until it takes long enough to measure. */
function growth(make: (n: number) => string, run: (text: string) => void, n: number): number {
  let small = bestOf(3, () => run(make(n)));
  while (small < 40 && n < 4_000_000) {
    n *= 2;
    small = bestOf(3, () => run(make(n)));
  }
  const large = bestOf(3, () => run(make(n * 4)));
  return large / Math.max(small, 1);
}

const whole = (text: string) => void serializeRecord(extract(text, { rules }), 'yaml');

describe('pathological text, whole pipeline', () => {
  const cases: [string, (n: number) => string][] = [
    ['one long line of prose', (n) => 'The treaty was signed and the minister said it was fine and '.repeat(n / 60)],
    ['unmatched straight double quotes', (n) => '"'.repeat(n)],
    ['unmatched apostrophes', (n) => "'".repeat(n)],
    ['opening marks that never close', (n) => ' “a'.repeat(n / 3)],
    ['open marks of one family under many of another', (n) => ' «a'.repeat(n / 6) + ' “a”'.repeat(n / 8)],
    ['a word with no spaces', (n) => 'a'.repeat(n)],
    ['a run of dots', (n) => '.'.repeat(n)],
    ['a period then quote marks and no space', (n) => `.${"'".repeat(n)}x`],
    ['nested quotes', (n) => '“a ‘b '.repeat(n / 12) + 'c’ d”'.repeat(n / 12)],
    ['paragraphs of "the minister said"', (n) => '“We will stay,” the minister said.\n\n'.repeat(n / 36)],
    ['a sentence of treaty words', (n) => `${'the treaty of alliance between Russia and Uzbekistan, '.repeat(n / 54)}.`],
    ['quotes in one run-on sentence', (n) => 'He said “yes” and '.repeat(n / 18)],
    ['a header line of spaces', (n) => `Publication: a${' '.repeat(n)}b`],
    ['a closing sources line of spaces', (n) => `Body text here.\n\n(a${' '.repeat(n)}b)`],
    ['treaty nouns only', (n) => 'treaty '.repeat(n / 7)],
    ['a quote of treaty nouns', (n) => `“${'treaty '.repeat(n / 7)}.” he said.`],
    ['a word of letters ending in s', (n) => `The ${'s'.repeat(n)}x said “hello there,” he said.`],
    ['capitalised words', (n) => 'Aa Bb '.repeat(n / 6)],
    ['citations', (n) => '“Yes,” he said (Interfax, November 14). '.repeat(n / 40)],
    ['control characters, emoji and right-to-left marks', (n) => 'word\u0001 “😀 \u200fעברית” '.repeat(n / 20)],
  ];

  it.each(cases)('%s', (_name, make) => {
    expect(growth(make, whole, 4000)).toBeLessThan(10);
  });
});

describe('audited regular expressions, adversarial strings', () => {
  it('sentence boundaries: a period then a run of closing marks with no space after', () => {
    expect(growth((n) => `a.${'’'.repeat(n)}x`, (t) => void splitSentences(t, readDocument(t, rules).blocks, rules), 4000)).toBeLessThan(10);
  });

  it('the EDM header line and the closing sources line', () => {
    expect(growth((n) => `Publication:${'\t'.repeat(n)}P${'\t'.repeat(n)}`, (t) => void readDocument(t, rules), 2000)).toBeLessThan(10);
    expect(growth((n) => `x\n\n(A${' ,'.repeat(n)} ;b)`, (t) => void readDocument(t, rules), 2000)).toBeLessThan(10);
  });

  it('the newswire dateline', () => {
    expect(growth((n) => `A',${' \t'.repeat(n)}\u0000`, (t) => void readDocument(t, rules), 2000)).toBeLessThan(10);
  });
});

describe('size', () => {
  it('a 10 MB single line goes through', () => {
    const piece = `${'The treaty was signed and the minister said it was fine and '.repeat(30)}he called it “a good day” and `;
    const copies = Math.ceil((10 * 1024 * 1024) / piece.length);
    const record = extract(piece.repeat(copies), { rules });
    expect(record.article.paragraphs).toBe(1);
    expect(record.quotes).toHaveLength(copies);
    expect(record.quotes[0].text).toBe('a good day');
  }, 120_000);

  it('20,000 paragraphs', () => {
    const record = extract('“We will stay,” the minister said.\n\n'.repeat(20_000), { rules });
    expect(record.article.paragraphs).toBe(20_000);
    expect(record.quotes).toHaveLength(20_000);
  }, 120_000);

  it('thousands of nested quotes: paired, listed four deep, the rest warned about', () => {
    const depth = 3000;
    const text = `${'“a ‘b '.repeat(depth / 2)}${'c’ d”'.repeat(depth / 2)}`;
    const record = extract(text, { rules });
    expect(record.quotes).toHaveLength(1);
    expect(record.quotes[0].nested).toHaveLength(4);
    expect(record.warnings.filter((w) => w.code === 'deep-nesting')).toHaveLength(depth - 5);
  });

  it('hundreds of thousands of unmatched quote marks in one paragraph', () => {
    const record = extract(' “a'.repeat(300_000), { rules });
    expect(record.quotes).toEqual([]);
    expect(record.warnings.length).toBeGreaterThanOrEqual(300_000);
    expect(record.warnings.every((w) => w.code === 'unbalanced-quote')).toBe(true);
  });
});
