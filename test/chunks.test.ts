import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../src/pipeline.js';
import { chunkDocument } from '../src/chunks.js';
import { readDocument } from '../src/stages/document.js';
import { findQuotes } from '../src/stages/quotes.js';
import { loadRules } from '../src/rules/load.js';
import type { ArticleRecord } from '../src/types.js';
import { FIXTURES, listFixtures } from './helpers.js';

/**
 * Long texts are read in chunks of paragraphs (src/chunks.ts). These tests lower the
 * threshold so that a text of a few articles is chunked, and check that chunking changes
 * nothing a chunk boundary does not have to change.
 */
const rules = loadRules();

/** A fixture's text without its first paragraph (a title line would be read as a title only at the top). */
function body(name: string): string {
  const text = readFileSync(join(FIXTURES, 'articles', name, 'input.txt'), 'utf8').replace(/\r\n/g, '\n');
  return text.slice(text.indexOf('\n\n') + 2).trim();
}

/** What a record says about its quotes and provisions, with ids, spans and paragraph numbers left out. */
function content(record: ArticleRecord) {
  return {
    quotes: record.quotes.map(({ id, span, paragraph, nested, citation, ...rest }) => ({ ...rest, nested: nested.map((n) => n.text), citation: citation && { ...citation, span: undefined } })),
    provisions: record.provisions.map(({ id, span, quote, ...rest }) => ({ ...rest, quote: quote !== null })),
  };
}

const ARTICLES = ['news-tajikistan-base-lease-drones', 'n06-poland-ukraine-security-accord', 'reuters-turkey-qatar-troops-ratified', 'attribution-patterns'];

describe('a long text is read in chunks of paragraphs', () => {
  for (const name of ARTICLES) {
    it(`${name} three times over, one chunk per copy, gives three times one copy's record`, () => {
      const one = body(name);
      const text = [one, one, one].join('\n\n');
      const single = extract(one, { path: name });
      const chunked = extract(text, { path: name, chunkChars: one.length });
      const step = one.length + 2;
      const copies = [0, 1, 2];

      expect(chunked.article.paragraphs).toBe(3 * single.article.paragraphs);
      // quotes: ids run on through the copies, spans and paragraphs shift by a copy
      expect(chunked.quotes.map((q) => q.id)).toEqual(Array.from({ length: 3 * single.quotes.length }, (_, i) => `q${i + 1}`));
      expect(chunked.quotes.map((q) => q.span.start)).toEqual(copies.flatMap((k) => single.quotes.map((q) => q.span.start + k * step)));
      expect(chunked.quotes.map((q) => q.paragraph)).toEqual(copies.flatMap((k) => single.quotes.map((q) => q.paragraph + k * single.article.paragraphs)));
      // the same speakers, kinds, cues and provisions in each copy
      const expected = content(single);
      expect(content(chunked)).toEqual({
        quotes: copies.flatMap(() => expected.quotes),
        provisions: copies.flatMap(() => expected.provisions),
      });
      expect(chunked.provisions.map((p) => p.id)).toEqual(Array.from({ length: 3 * single.provisions.length }, (_, i) => `p${i + 1}`));
      expect(chunked.provisions.map((p) => p.quote)).toEqual(
        copies.flatMap((k) => single.provisions.map((p) => (p.quote === null ? null : `q${Number(p.quote.slice(1)) + k * single.quotes.length}`))),
      );
      // the treaties of the copies are the same treaties: merged, provisions point at them
      expect(chunked.treaties).toEqual(single.treaties);
      expect(chunked.provisions.map((p) => p.treaty)).toEqual(copies.flatMap(() => single.provisions.map((p) => p.treaty)));
      // entities counted over the whole text
      const tripled = (list: { name: string; mentions: number }[]) => list.map((e) => ({ ...e, mentions: 3 * e.mentions }));
      expect(chunked.entities).toEqual({
        people: tripled(single.entities.people),
        places: tripled(single.entities.places),
        organizations: tripled(single.entities.organizations),
      });
    });
  }

  it('a text within the threshold is one chunk: the record is the unchunked one', () => {
    const text = [body(ARTICLES[0]), body(ARTICLES[1])].join('\n\n');
    expect(extract(text, { chunkChars: text.length })).toEqual(extract(text, { chunkChars: Infinity }));
  });

  it('quotes are paired over the whole text: a chunked record has exactly the unchunked quotes', () => {
    const text = ARTICLES.map(body).join('\n\n');
    const whole = extract(text, { chunkChars: Infinity });
    const chunked = extract(text, { chunkChars: 1500 });
    expect(chunked.quotes.map((q) => [q.id, q.text, q.span, q.paragraph])).toEqual(whole.quotes.map((q) => [q.id, q.text, q.span, q.paragraph]));
    expect(chunked.warnings).toEqual(whole.warnings);
  });
});

describe('a long treaty text is read in chunks of its articles', () => {
  for (const fixture of listFixtures('treaties')) {
    it(`${fixture.name} in chunks of about 1,200 characters: the same treaty and provisions`, () => {
      const text = readFileSync(fixture.input, 'utf8');
      const whole = extract(text, { chunkChars: Infinity });
      const chunked = extract(text, { chunkChars: 1200 });
      const clauses = (r: ArticleRecord) => r.provisions.map((p) => [p.type, p.text, p.treaty, p.span.start]);
      expect(chunked.treaties).toEqual(whole.treaties);
      expect(clauses(chunked)).toEqual(clauses(whole));
    });
  }
});

describe('a record read in chunks keeps the invariants of any record', () => {
  // articles only: with a treaty text among them the whole would be read as one treaty text
  const all = listFixtures('articles').map((f) => readFileSync(f.input, 'utf8').replace(/^\uFEFF/, ''));
  const text = all.join('\n\n');
  const points = [...text];
  for (const chunkChars of [700, 3000, 20000]) {
    it(`all article fixtures as one text in chunks of ${chunkChars}: spans slice to texts, ids run on, links resolve`, () => {
      const record = extract(text, { chunkChars });
      const slice = (span: { start: number; end: number }) => points.slice(span.start, span.end).join('');
      for (const q of record.quotes) expect(slice(q.span)).toBe(q.text);
      for (const p of record.provisions) expect(slice(p.span)).toBe(p.text);
      expect(record.quotes.map((q) => q.id)).toEqual(record.quotes.map((_, i) => `q${i + 1}`));
      expect(record.provisions.map((p) => p.id)).toEqual(record.provisions.map((_, i) => `p${i + 1}`));
      expect(record.treaties.map((t) => t.id)).toEqual(record.treaties.map((_, i) => `t${i + 1}`));
      const quoteIds = new Set(record.quotes.map((q) => q.id));
      const treatyIds = new Set(record.treaties.map((t) => t.id));
      for (const p of record.provisions) {
        if (p.quote !== null) expect(quoteIds.has(p.quote)).toBe(true);
        if (p.treaty !== null) expect(treatyIds.has(p.treaty)).toBe(true);
      }
      expect(record.provisions.filter((p) => p.treaty !== null).length).toBeGreaterThan(0);
      expect(record.quotes.filter((q) => q.speaker !== null).length).toBeGreaterThan(0);
    });
  }
});

describe('chunkDocument', () => {
  const paragraphs = ['“One,” he said.', 'A paragraph of forty characters or so.', 'x'.repeat(120), '“Two,” she said.', 'Last.'];
  const text = paragraphs.join('\n\n');
  const doc = readDocument(text, rules);
  const { quotes } = findQuotes(text, doc.blocks, rules);

  it('groups whole paragraphs up to the threshold; a longer paragraph is a chunk of its own', () => {
    const chunks = chunkDocument(doc, quotes, 80);
    expect(chunks.map((c) => c.doc.blocks.map((b) => b.index))).toEqual([[1, 2], [3], [4, 5]]);
    expect(chunks.map((c) => c.quotes.map((q) => text.slice(q.span.start, q.span.end)))).toEqual([['One,'], [], ['Two,']]);
  });

  it('a text within the threshold is the document as it is', () => {
    const [only] = chunkDocument(doc, quotes, text.length);
    expect(only.doc).toBe(doc);
    expect(only.quotes).toBe(quotes);
  });
});
