import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { parseCitation, readDocument } from '../src/stages/document.js';

const rules = loadRules();
const read = (text: string) => {
  const doc = readDocument(text, rules);
  return {
    roles: doc.blocks.map((b) => b.role),
    meta: doc.meta,
    citations: doc.citations.map((c) => [c.source, c.date, text.slice(c.span.start, c.span.end)]),
  };
};
const NO_META = { title: null, publication: null, volume: null, issue: null, date: null, sources: [] };

describe('document structure', () => {
  it('EDM header, the title above it, the closing sources line', () => {
    const text = [
      'Minsk Hedges Its Bets',
      'Publication: Eurasia Daily Monitor Volume: 19 Issue: 88',
      'Body paragraph one.',
      'Body paragraph two.',
      '(Interfax, BelTA, Ekho Moskvy, May 3-5)',
    ].join('\n\n');
    expect(read(text)).toEqual({
      roles: ['title', 'header', 'body', 'body', 'sources'],
      meta: { ...NO_META, title: 'Minsk Hedges Its Bets', publication: 'Eurasia Daily Monitor', volume: 19, issue: 88, sources: ['Interfax', 'BelTA', 'Ekho Moskvy'] },
      citations: [],
    });
  });

  it('a header line right under the title, with no blank line between', () => {
    const text = 'Minsk Hedges Its Bets\nPublication: Eurasia Daily Monitor Volume: 19 Issue: 88\n\nBody paragraph.';
    expect(read(text).roles).toEqual(['title', 'header', 'body']);
    expect(read(text).meta.title).toBe('Minsk Hedges Its Bets');
  });

  it('a header without volume and issue', () => {
    expect(read('Publication: Eurasia Daily Monitor\n\nBody.').meta).toEqual({ ...NO_META, publication: 'Eurasia Daily Monitor' });
  });

  it('headline, byline, dateline without a year', () => {
    const text = 'Tbilisi Waits\n\nBy Jana Novak\n\nWednesday, August 23\n\nBody one.\n\nBody two.';
    expect(read(text)).toEqual({ roles: ['title', 'byline', 'dateline', 'body', 'body'], meta: { ...NO_META, title: 'Tbilisi Waits' }, citations: [] });
  });

  it('a headline in capitals ending with a period', () => {
    expect(read('ALLIES MEET IN OSLO.\n\nBody.').meta.title).toBe('ALLIES MEET IN OSLO.');
  });

  it('no title when the first paragraph is a sentence', () => {
    expect(read('The alliance met on Monday.\n\nIt agreed on little.').roles).toEqual(['body', 'body']);
  });

  it('a photo caption', () => {
    expect(read('Tbilisi Waits\n\nTroops on parade (Source: Reuters)\n\nBody.').roles).toEqual(['title', 'caption', 'body']);
  });

  it('paragraphs: blank lines, hard-wrapped lines, indented first lines, one long line each', () => {
    const wrapped = 'A short line that wraps\nonto the next one.\n\nSecond paragraph.';
    expect(read(wrapped).roles).toHaveLength(2);
    expect(read('  First paragraph\nwraps here.\n  Second paragraph.').roles).toHaveLength(2);
    const long = 'x'.repeat(120);
    expect(read(`${long}.\n${long}.\n${long}.`).roles).toHaveLength(3);
  });

  it('CRLF line endings', () => {
    expect(read('Tbilisi Waits\r\n\r\nBody one.\r\n\r\nBody two.').roles).toEqual(['title', 'body', 'body']);
  });
});

describe('dates', () => {
  const table: [string, string, string | null][] = [
    ['month day, year', 'Tbilisi Waits\n\nMarch 3, 2023\n\nBody.', '2023-03-03'],
    ['day month year', 'Tbilisi Waits\n\n3 March 2023\n\nBody.', '2023-03-03'],
    ['abbreviated month', 'Tbilisi Waits\n\nSept. 9, 2008\n\nBody.', '2008-09-09'],
    ['ISO', 'Tbilisi Waits\n\n2023-03-04\n\nBody.', '2023-03-04'],
    ['weekday, no year', 'Tbilisi Waits\n\nWednesday, August 23\n\nBody.', null],
    ['newswire dateline with a year', 'OSLO, March 31, 1987 (Reuters) - The allies met.', '1987-03-31'],
    ['newswire dateline, day month year', 'VILNIUS, 12 May 2019 (AFP) — The allies met.', '2019-05-12'],
    ['newswire dateline without a year', 'BRUSSELS, Feb 14 (Reuters) - The allies met.', null],
    ['newswire dateline without a date', 'HELSINKI - The allies met.', null],
    ['a sentence opening with an acronym is no dateline', 'NATO - the alliance - met in 1999.', null],
  ];
  for (const [name, text, date] of table) {
    it(name, () => expect(read(text).meta.date).toBe(date));
  }
});

describe('inline citations', () => {
  it('an outlet and a date in parentheses', () => {
    expect(read('He said it was “over” (Ekho Moskvy, November 14). Then he left.').citations).toEqual([
      ['Ekho Moskvy', 'November 14', '(Ekho Moskvy, November 14)'],
    ]);
  });
  it('several outlets, an agency dateline, an abbreviated month', () => {
    expect(read('Text (Interfax, RIA Novosti, June 3). More (ITAR-TASS, Moscow June 16). End (Reuters, Jan. 5).').citations).toEqual([
      ['Interfax, RIA Novosti', 'June 3', '(Interfax, RIA Novosti, June 3)'],
      ['ITAR-TASS', 'June 16', '(ITAR-TASS, Moscow June 16)'],
      ['Reuters', 'Jan. 5', '(Reuters, Jan. 5)'],
    ]);
  });
  it('not a parenthesis without a date, nor a lower-case aside', () => {
    expect(read('The bloc (CSTO) met (see above, March 3). It agreed (Reuters).').citations).toEqual([]);
  });
  it('parseCitation splits sources from the date range', () => {
    expect(parseCitation('Interfax, Russian Television Channel One, November 13-15', rules)).toEqual({
      sources: ['Interfax', 'Russian Television Channel One'],
      date: 'November 13-15',
    });
  });
});
