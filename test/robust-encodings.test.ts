import { describe, expect, it } from 'vitest';
import { extract } from '../src/pipeline.js';
import { decodeBytes } from '../src/stages/decode.js';
import type { ArticleRecord } from '../src/types.js';

/**
 * The same article in every encoding the decoder accepts, and with either line ending, gives
 * the same quotes, speakers, treaties and provisions; the spans always point into the text as
 * decoded. The article is our own, written so that every character fits Windows-1252, and a
 * second one without curly quotes so that it fits Latin-1 too.
 */
const CURLY = [
  'Defence Pact Renewed in Lisbon',
  '',
  'The Portuguese defence minister, Ana Pereira, told reporters on Monday that the pact “obliges each party to come to the aid of the other if it is attacked.”',
  '',
  '“We will not stand aside,” Pereira said. Under the treaty, the two countries shall hold joint military exercises every year — a clause Café owner José Brandão called “très bien.”',
  '',
].join('\n');
const STRAIGHT = CURLY.replace(/[“”]/g, '"').replace(/—/g, '-');

const CP1252: Record<string, number> = { '“': 0x93, '”': 0x94, '—': 0x97, '’': 0x92 };

function windows1252(text: string): Buffer {
  return Buffer.from([...text].map((c) => CP1252[c] ?? (c.charCodeAt(0) < 0x100 ? c.charCodeAt(0) : 0x3f)));
}

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  return Buffer.from(le.map((_, i) => le[i ^ 1]));
}

const ENCODINGS: [string, (text: string) => Buffer, string][] = [
  ['UTF-8', (t) => Buffer.from(t, 'utf8'), 'utf-8'],
  ['UTF-8 with BOM', (t) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]), 'utf-8-bom'],
  ['UTF-16LE with BOM', (t) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]), 'utf-16le'],
  ['UTF-16BE with BOM', (t) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(t)]), 'utf-16be'],
  ['Windows-1252', windows1252, 'windows-1252'],
];

/** What must not depend on the bytes: the record without its source and without offsets. */
function content(record: ArticleRecord): unknown {
  const strip = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(strip);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'span' && k !== 'offset').map(([k, v]) => [k, strip(v)]));
    return value;
  };
  const { source: _source, ...rest } = record;
  return strip(rest);
}

function expectSpansInto(record: ArticleRecord, bytes: Uint8Array): void {
  const points = [...decodeBytes(bytes).text];
  const slice = (s: { start: number; end: number }) => points.slice(s.start, s.end).join('');
  for (const q of record.quotes) {
    expect(slice(q.span)).toBe(q.text);
    for (const n of q.nested) expect(slice(n.span)).toBe(n.text);
  }
  for (const p of record.provisions) expect(slice(p.span)).toBe(p.text);
}

describe('encodings', () => {
  const reference = extract(Buffer.from(CURLY, 'utf8'));

  it('the reference article gives quotes with speakers, a treaty provision and no warnings', () => {
    expect(reference.quotes.map((q) => [q.text, q.speaker?.name ?? null])).toEqual([
      ['obliges each party to come to the aid of the other if it is attacked.', 'Ana Pereira'],
      ['We will not stand aside,', 'Ana Pereira'],
      ['très bien.', 'José Brandão'],
    ]);
    expect(reference.provisions.map((p) => p.type)).toContain('joint_forces');
    expect(reference.warnings).toEqual([]);
  });

  it.each(ENCODINGS)('%s: same record, spans into the decoded text, encoding named', (_name, encode, encoding) => {
    const bytes = encode(CURLY);
    const record = extract(bytes);
    expect(record.source.encoding).toBe(encoding);
    expect(content(record)).toEqual(content(reference));
    expectSpansInto(record, bytes);
  });

  it('Latin-1 (ISO-8859-1) text gives the record of the same text in UTF-8', () => {
    const bytes = Buffer.from(STRAIGHT, 'latin1');
    const record = extract(bytes);
    expect(record.source.encoding).toBe('windows-1252');
    expect(content(record)).toEqual(content(extract(Buffer.from(STRAIGHT, 'utf8'))));
    expect(record.quotes.map((q) => q.text)).toContain('très bien.');
  });

  it.each(ENCODINGS)('%s with CRLF line endings: same record as with LF', (_name, encode) => {
    const bytes = encode(CURLY.replace(/\n/g, '\r\n'));
    const record = extract(bytes);
    expect(content(record)).toEqual(content(reference));
    expectSpansInto(record, bytes);
  });

  it('lone CR line endings (old Mac files) give the same record', () => {
    expect(content(extract(Buffer.from(CURLY.replace(/\n/g, '\r'), 'utf8')))).toEqual(content(reference));
  });

  it('invalid UTF-8 sequences are replaced with U+FFFD, with a warning at the first one; the rest reads as before', () => {
    const good = Buffer.from(CURLY, 'utf8');
    const at = good.indexOf(Buffer.from('Monday'));
    const damaged = Buffer.concat([good.subarray(0, at), Buffer.from([0xff, 0xc3]), good.subarray(at)]);
    const record = extract(damaged);
    expect(record.source.encoding).toBe('utf-8');
    expect(record.warnings).toEqual([{ code: 'invalid-utf8', message: '2 invalid UTF-8 sequence(s) replaced with U+FFFD', offset: [...CURLY.slice(0, CURLY.indexOf('Monday'))].length }]);
    expect(decodeBytes(damaged).text).toContain('\uFFFD\uFFFDMonday');
    expect(record.quotes.map((q) => [q.text, q.speaker?.name ?? null])).toEqual(reference.quotes.map((q) => [q.text, q.speaker?.name ?? null]));
    expectSpansInto(record, damaged);
  });

  it('a UTF-16 text with an odd byte at the end decodes with a replacement character, never throws', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('“Yes,” he said.', 'utf16le'), Buffer.from([0x41])]);
    const record = extract(bytes);
    expect(record.quotes.map((q) => q.text)).toEqual(['Yes,']);
    expectSpansInto(record, bytes);
  });
});
