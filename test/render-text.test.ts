import { describe, expect, it } from 'vitest';
import { renderText } from '../src/render/text.js';
import { PLAIN } from '../src/render/palette.js';
import { paletteFor } from '../src/cli/color.js';
import { cueRanges } from '../src/render/spans.js';
import { extract } from '../src/pipeline.js';
import { FAILED, RECORD_A, RECORD_B, RECORD_C } from './render-sample.js';
import { listFixtures, readBytes } from './helpers.js';

const ANSI = /\u001b\[[0-9;]*m/g;
const plain = (record: Parameters<typeof renderText>[0], width = 100) => renderText(record, { palette: PLAIN, width });

describe('text view (--format text)', () => {
  it('shows the header, treaties, quotes with speaker/role/cue/kind, provisions with type, ATOP code and marked cue words', () => {
    expect(plain(RECORD_A).split('\n')).toEqual([
      '== news/riga-pact.txt',
      'Defence Pact Signed 🤝 in Riga',
      'Baltic Weekly · volume 3 · issue 12 · 2021-03-04',
      'sources: Baltic News Service, ERR',
      '4 paragraphs · 3 quotes · 4 provisions · 1 treaty',
      '',
      'Treaties',
      '  t1  defence pact',
      '      Estonia, Latvia · signed March 3 in Riga · status signed',
      '',
      'Quotes',
      '  q1  [document] ¶2  (no speaker)',
      '      “An armed attack against one party shall be considered an attack against both parties, and',
      '      each shall render assistance, including military assistance.”',
      '  q2  [document] ¶2  (no speaker)',
      '      “shall consult without delay when a threat arises”',
      '  q3  [speech] ¶3  Kaja Tamm, Prime Minister · said',
      '      “This pact, which some call "a paper shield", changes the <balance> of the region.”',
      '      nested: “a paper shield”',
      '',
      'Provisions',
      '  p1  mutual_defense DEFENSE · quoted in q1 · treaty t1 · obligation · reciprocal · 0.90',
      '      An *armed attack against one party* shall be considered an *attack against both parties*',
      '      cues: armed attack against one party, attack against both parties (rules',
      '      defense-attack-on-one, defense-attack-on-all)',
      '  p2  mutual_defense DEFENSE · quoted in q1 · treaty t1 · obligation · reciprocal · 0.90',
      '      each shall *render assistance*, including *military assistance*',
      '      condition on_request: “upon request, if any”',
      '      cues: render assistance, military assistance (rules defense-assist)',
      '  p3  consultation CONSUL · reported · treaty t1 · obligation · reciprocal · 0.90',
      '      parties "shall *consult* without delay',
      '      cues: consult (rules consult-verb)',
      '  p4  basing_rights BASE · reported · treaty t1 · NEGATED · 0.90',
      '      The pact contains no clause on *basing rights*',
      '      cues: basing rights (rules base-rights)',
      '',
      'People Kaja Tamm (Prime Minister)',
      '',
      'Warnings',
      `  nested-quote-marks at ${RECORD_A.warnings[0].offset}: a double quote inside a double quote`,
      '',
    ]);
  });

  it('says where a treaty does not state its parties or status, and a one-sided permission', () => {
    const text = plain(RECORD_B);
    expect(text).toContain('  t2  agreement on the port\n      parties not stated · status not stated\n');
    expect(text).toContain('  p2  basing_rights BASE · reported · treaty t2 · permission · one-sided · 0.90\n      lets one side *lease the harbour* for ten years\n');
  });

  it('shows the mention when the article points at the speaker by other words', () => {
    const record = { ...RECORD_C, quotes: [{ ...RECORD_C.quotes[0], speaker: { ...RECORD_C.quotes[0].speaker!, mention: 'the researcher' } }] };
    expect(plain(record)).toContain('  q1  [speech] ¶1  Ivo Berg, a researcher (as “the researcher”) · said\n');
  });

  it('gives an error record one line with its code', () => {
    expect(plain(FAILED)).toBe('== news/missing.txt\n  error ENOENT: news/missing.txt: cannot read: no such file\n');
  });

  it('wraps texts at the width, measuring only visible characters, and never splits a marked phrase over two marks', () => {
    const coloured = renderText(RECORD_A, { palette: paletteFor(1), width: 60 });
    const texts = coloured.split('\n').filter((line) => line.startsWith('      '));
    expect(texts.length).toBeGreaterThan(15);
    for (const line of texts) expect([...line.replace(ANSI, '')].length).toBeLessThanOrEqual(60);
    expect(coloured).toMatch(ANSI);
    // without colour the cue phrase stays one mark even when wrapped
    const narrow = plain(RECORD_A, 40);
    expect(narrow).toContain('*armed attack against one');
    expect(narrow).not.toContain('*armed*');
  });

  it('carries no escape codes with the plain palette, and the same words with colour', () => {
    const text = plain(RECORD_A);
    expect(text).not.toMatch(ANSI);
    const coloured = renderText(RECORD_A, { palette: paletteFor(3), width: 100 }).replace(ANSI, '');
    const words = (s: string) => s.replace(/[[\]*]/g, '').split(/\s+/).filter(Boolean);
    expect(words(coloured)).toEqual(words(text));
  });

  it('shows every quote and provision of every fixture record', () => {
    for (const fixture of listFixtures('articles')) {
      const record = extract(readBytes(fixture.input), { path: fixture.name });
      const text = plain(record, 10_000);
      for (const q of record.quotes) expect(text).toContain(`“${q.text.replace(/\s+/g, ' ').trim()}”`);
      for (const p of record.provisions) expect(text).toContain(`  ${p.id.padEnd(4)}${p.type}`);
    }
  });
});

describe('cue words inside a clause', () => {
  it('finds whole-word phrases, case-insensitively, merging overlaps, in code points', () => {
    expect(cueRanges('🤝 Mutual Assistance and assistance', ['assistance', 'mutual assistance'])).toEqual([
      { start: 2, end: 19 },
      { start: 24, end: 34 },
    ]);
    expect(cueRanges('reassistance', ['assistance'])).toEqual([]);
    expect(cueRanges('consult', ['defense-assist'])).toEqual([]);
  });
});
