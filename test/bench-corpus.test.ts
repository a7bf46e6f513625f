import { describe, expect, it } from 'vitest';
// the bench is plain JavaScript over the built package (dist/), as `npm run bench` runs it
import { loadSources, makeArticle } from '../bench/corpus.mjs';
import { pairQuotes } from '../bench/baseline.mjs';
import { extract } from '../src/pipeline.js';

describe('bench corpus', () => {
  const sources = loadSources();

  it('is deterministic: the same index gives the same article', () => {
    expect(makeArticle(sources, 42)).toBe(makeArticle(sources, 42));
  });

  it('varies: a hundred articles are a hundred different texts of about 5 KB', () => {
    const articles = Array.from({ length: 100 }, (_, i) => makeArticle(sources, i));
    expect(new Set(articles).size).toBe(100);
    const mean = articles.reduce((n, a) => n + Buffer.byteLength(a), 0) / articles.length;
    expect(mean).toBeGreaterThan(3000);
    expect(mean).toBeLessThan(8000);
  });

  it('makes plain articles with no quote marks and none of the treaty words', () => {
    for (let i = 0; i < 50; i++) {
      const text = makeArticle(sources, i, { kind: 'plain' });
      expect(text).not.toMatch(/["“”„«»‘’']/);
      expect(text).not.toMatch(/\b(?:treaty|agreement|alliance|pact|accord)\b/i);
    }
  });

  it('makes plain articles that give the treaty and provision stages nothing to do', () => {
    for (let i = 0; i < 50; i++) {
      const record = extract(makeArticle(sources, i, { kind: 'plain' }));
      expect([record.quotes.length, record.treaties.length, record.provisions.length]).toEqual([0, 0, 0]);
    }
  });
});

describe('bench baseline', () => {
  it('pairs quote marks with a stack', () => {
    expect(pairQuotes('He said “yes” and “no «maybe»”, then "fine".')).toBe(4);
    expect(pairQuotes('An unclosed “quote and ‘another')).toBe(0);
  });
});
