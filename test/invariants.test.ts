import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extract } from '../src/pipeline.js';
import { decodeBytes } from '../src/stages/decode.js';
import { serializeRecord } from '../src/stages/serialize.js';
import { listFixtures, readBytes } from './helpers.js';

/** Invariants every record must keep, checked on every fixture. */
const fixtures = [...listFixtures('articles'), ...listFixtures('treaties')];

describe.each(fixtures)('$name', (fixture) => {
  const bytes = readBytes(fixture.input);
  const record = extract(bytes, { path: fixture.name });
  const codePoints = [...decodeBytes(bytes).text];
  const slice = (s: { start: number; end: number }) => codePoints.slice(s.start, s.end).join('');

  it('quote, nested quote, provision and treaty spans slice to their text (code points)', () => {
    for (const q of record.quotes) {
      expect(slice(q.span)).toBe(q.text);
      for (const n of q.nested) expect(slice(n.span)).toBe(n.text);
    }
    for (const p of record.provisions) expect(slice(p.span)).toBe(p.text);
    for (const t of record.treaties) expect(t.span.end).toBeGreaterThan(t.span.start);
  });

  it('outermost quotes are in text order and never overlap', () => {
    for (let i = 1; i < record.quotes.length; i++) {
      expect(record.quotes[i].span.start).toBeGreaterThanOrEqual(record.quotes[i - 1].span.end);
    }
  });

  it('round-trips through YAML, JSON and NDJSON unchanged', () => {
    expect(parse(serializeRecord(record, 'yaml'))).toEqual(record);
    expect(JSON.parse(serializeRecord(record, 'json'))).toEqual(record);
    expect(JSON.parse(serializeRecord(record, 'ndjson'))).toEqual(record);
  });

  it('is deterministic', () => {
    expect(serializeRecord(extract(bytes, { path: fixture.name }), 'yaml')).toBe(serializeRecord(record, 'yaml'));
  });
});
