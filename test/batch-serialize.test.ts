import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlDocument } from '../src/stages/yaml.js';

/** The record YAML emitter: exact layout, and strings that must be quoted come back unchanged. */
describe('yamlDocument', () => {
  it('lays records out in block style, lists indented under their key', () => {
    const doc = { schema: 'treaty-extract/1', article: { title: null, volume: 2, sources: ['Interfax', 'TASS'] }, quotes: [{ id: 'q1', span: { start: 4, end: 9 }, nested: [] }], entities: {}, ok: true };
    expect(yamlDocument(doc)).toBe(
      [
        '---',
        'schema: treaty-extract/1',
        'article:',
        '  title: null',
        '  volume: 2',
        '  sources:',
        '    - Interfax',
        '    - TASS',
        'quotes:',
        '  - id: q1',
        '    span:',
        '      start: 4',
        '      end: 9',
        '    nested: []',
        'entities: {}',
        'ok: true',
        '',
      ].join('\n'),
    );
  });

  it('nests sequences of sequences beside their dashes', () => {
    expect(yamlDocument({ a: [[1, 2], [{ b: 1, c: [3] }]] })).toBe('---\na:\n  - - 1\n    - 2\n  - - b: 1\n      c:\n        - 3\n');
  });

  const tricky = [
    '', ' leading', 'trailing ', 'a: b', 'a #b', 'yes', 'No', 'off', 'y', 'null', '~', '-1', '1e3', '0x1F', '.5', '+5', '2005-11-14',
    '- item', '? key', 'colon:', '"double"', "'single'", '[With] this', '{a}', '#hash', '&anchor', '*alias', '!tag', '|', '>', '%', '@', '`',
    'two\nlines', 'tab\there', 'line\u2028separator', 'next\u0085line', 'bom\ufeff', 'del\u007f', 'ctrl\u0001', 'emoji 😀', 'עברית', '<<', '=',
    'back\\slash', '…ellipsis', '“curly”', 'C#', 'a:b', 'Uzbek President',
  ];

  it('round-trips strings a YAML reader could mistake for something else', () => {
    const record = { list: tricky, byKey: Object.fromEntries(tricky.map((s, i) => [s || `empty${i}`, s])) };
    expect(parse(yamlDocument(record))).toEqual(record);
  });

  it('quotes what a YAML 1.1 reader would turn into a boolean, number or date, and leaves ordinary words plain', () => {
    const lines = yamlDocument({ a: 'yes', b: 'on', c: '2005-11-14', d: '12', e: 'Uzbek President', f: 'alliance-type relationship' }).split('\n');
    expect(lines.slice(1, 7)).toEqual(['a: "yes"', 'b: "on"', 'c: "2005-11-14"', 'd: "12"', 'e: Uzbek President', 'f: alliance-type relationship']);
  });

  it('writes numbers and escapes as YAML reads them', () => {
    expect(yamlDocument({ num: [0, -2, 1.5, 1e21], s: 'a\u2028b' })).toBe('---\nnum:\n  - 0\n  - -2\n  - 1.5\n  - 1e+21\ns: "a\\u2028b"\n');
  });
});
