import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extract } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { decodeBytes } from '../src/stages/decode.js';
import { serializeRecord } from '../src/stages/serialize.js';
import { yamlDocument } from '../src/stages/yaml.js';
import type { ArticleRecord } from '../src/types.js';

/**
 * Invariants over generated text (fast-check): extract() never throws, spans slice to their
 * text in code points, outermost quotes are in order and never overlap, the record round-trips
 * through YAML, JSON and NDJSON, and the same text always gives the same bytes. The text is
 * made of the pieces that make articles hard: quote marks of every family, apostrophes, line
 * endings, emoji, right-to-left text, controls, names and reporting verbs.
 */
const rules = loadRules();

const PIECES = [
  '“', '”', '‘', '’', '"', "'", '«', '»', '„', '‹', '›', '—', '…', '.', ',', ':', ';', '?', '!', '(', ')', ' ', ' ', ' ',
  '\n', '\n\n', '\r\n', '\r', '\t', '😀', '👍🏽', 'עברית', 'العربية', '\u200f', '\u202e', '\u00a0', '\u2028', '\ufeff', '\u0007',
  'said', 'told reporters', 'Signed', 'ratified', 'the agreement', 'according to', 'the treaty', 'shall', 'defend', 'each other', 'if attacked', 'Russia', 'Uzbekistan',
  'President Islam Karimov', 'he', 'she', 'the minister', 'Publication: Eurasia Daily Monitor', '(Interfax, November 14)', 'Mr.', 'U.S.',
  "didn't", "Parties'", '’80s', 'Article 4', 'null', 'yes', '- ', '# ', 'a: b', '\\', '{', '[', '&', '*', '!',
];
const articleText = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 3 })), { maxLength: 120 }).map((parts) => parts.join(''));

function checkRecord(record: ArticleRecord, text: string): void {
  const points = [...decodeBytes(new TextEncoder().encode(text)).text];
  const slice = (s: { start: number; end: number }) => points.slice(s.start, s.end).join('');
  for (const q of record.quotes) {
    expect(slice(q.span)).toBe(q.text);
    for (const n of q.nested) {
      expect(slice(n.span)).toBe(n.text);
      expect(n.span.start).toBeGreaterThanOrEqual(q.span.start);
      expect(n.span.end).toBeLessThanOrEqual(q.span.end);
    }
  }
  for (let i = 1; i < record.quotes.length; i++) expect(record.quotes[i].span.start).toBeGreaterThan(record.quotes[i - 1].span.end);
  for (const p of record.provisions) expect(slice(p.span)).toBe(p.text);
  for (const t of record.treaties) expect(t.span.end).toBeGreaterThanOrEqual(t.span.start);
  for (const w of record.warnings) if (w.offset !== null) expect(w.offset).toBeLessThanOrEqual(points.length);
}

describe('extract over generated text', () => {
  it('never throws (or only EBINARY for control-heavy text), keeps its spans and quote order', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        let record: ArticleRecord;
        try {
          record = extract(text, { rules });
        } catch (err) {
          expect((err as { code?: string }).code).toBe('EBINARY');
          return;
        }
        checkRecord(record, text);
      }),
      { numRuns: 300, seed: 20260105 },
    );
  });

  it('round-trips through YAML, JSON and NDJSON and is deterministic', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        let record: ArticleRecord;
        try {
          record = extract(text, { rules, path: text.slice(0, 20) });
        } catch {
          return;
        }
        const yaml = serializeRecord(record, 'yaml');
        expect(parse(yaml)).toEqual(record);
        expect(JSON.parse(serializeRecord(record, 'json'))).toEqual(record);
        const line = serializeRecord(record, 'ndjson');
        expect(line.indexOf('\n')).toBe(line.length - 1);
        expect(JSON.parse(line)).toEqual(record);
        expect(serializeRecord(extract(text, { rules, path: text.slice(0, 20) }), 'yaml')).toBe(yaml);
      }),
      { numRuns: 200, seed: 20260106 },
    );
  });

  it('the same bytes in any byte order mark and line ending keep their quotes', () => {
    fc.assert(
      fc.property(articleText, (text) => {
        const lf = text.replace(/\r\n?/g, '\n').replace(/^\ufeff/, '');
        let plain: ArticleRecord;
        try {
          plain = extract(lf, { rules });
        } catch {
          return;
        }
        const bom = extract(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lf, 'utf8')]), { rules });
        const utf16 = extract(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lf, 'utf16le')]), { rules });
        expect(bom.quotes.map((q) => q.text)).toEqual(plain.quotes.map((q) => q.text));
        expect(utf16.quotes.map((q) => q.text)).toEqual(plain.quotes.map((q) => q.text));
      }),
      { numRuns: 150, seed: 20260107 },
    );
  });
});

describe('inputs the fuzzer found', () => {
  it.each(['Signed treaty.', 'Signed the treaty with Russia.', 'Ratified the treaty between Russia and Uzbekistan.', 'signed a treaty'])('%s (a treaty verb opening the text threw)', (text) => {
    const record = extract(text, { rules });
    checkRecord(record, text);
    expect(record.quotes).toEqual([]);
  });
});

describe('the YAML emitter against the yaml parser', () => {
  const hard = fc.oneof(
    fc.constantFrom('', ' ', 'null', 'Null', 'NULL', '~', 'yes', 'No', 'on', 'OFF', 'y', 'n', 'true', '0x1F', '0o17', '1e3', '.inf', '-.nan', '2005-11-14', '12:30', '1_000'),
    fc.constantFrom('a: b', 'a:', 'a #b', '#c', '- x', '-', '--', '---', '...', '? q', ': v', '[x]', '{y}', '&a', '*b', '!t', '|', '>', '%', '@', '`', '"', "'", '\\', '\\n'),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.string({ unit: fc.constantFrom('a', ' ', ':', '#', '-', '"', "'", '\\', '\n', '\r', '\t', '\u0000', '\u0085', '\u2028', '\ufeff', '😀', 'ע', '\u200f', '\ud800'), maxLength: 12 }),
  );
  const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    node: fc.oneof({ depthSize: 'small' }, hard, fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null), tie('list'), tie('map')),
    list: fc.array(tie('node'), { maxLength: 4 }),
    map: fc.dictionary(hard, tie('node'), { maxKeys: 4 }),
  })).node;

  it('every document parses back to the value it was made from', () => {
    fc.assert(
      fc.property(fc.dictionary(hard, value, { maxKeys: 6 }), (doc) => {
        const parsed = parse(yamlDocument(doc));
        // -0 is written 0, as JSON writes it; lone surrogates are not text and are written as U+FFFD by neither
        expect(JSON.stringify(parsed)).toBe(JSON.stringify(doc));
      }),
      { numRuns: 1000, seed: 20260108 },
    );
  });
});
