/**
 * `npm run fuzz [-- --count N --seconds S --seed X --save DIR]`: mutates the fixture articles
 * (byte flips, truncation, inserted quote marks, apostrophes, line breaks and control bytes,
 * repeated slices) and runs the pipeline on each mutant, reporting
 *   - a throw other than the InputError a binary file gets (EBINARY),
 *   - a record that differs between two runs on the same bytes,
 *   - a span that does not slice to its text (code points), quotes out of order or overlapping,
 *   - YAML output that does not parse back to the record,
 *   - super-linear time: every 25th mutant is also run four times repeated, and flagged when
 *     that takes more than ten times as long (and over 50 ms).
 * Bounded by count and by time (defaults: 3000 mutants, 45 s). Each finding is saved under
 * --save (default: $TMPDIR/treaty-extract-fuzz) with the seed that reproduces it. Exit 1 when
 * anything was found.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { InputError } from '../src/errors.js';
import { extract } from '../src/pipeline.js';
import { loadRules } from '../src/rules/load.js';
import { decodeBytes } from '../src/stages/decode.js';
import { serializeRecord } from '../src/stages/serialize.js';
import type { ArticleRecord } from '../src/types.js';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '3000' },
    seconds: { type: 'string', default: '45' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    save: { type: 'string', default: join(tmpdir(), 'treaty-extract-fuzz') },
  },
});
const COUNT = Number(values.count);
const SECONDS = Number(values.seconds);
const SEED = Number(values.seed);

const ROOT = new URL('..', import.meta.url).pathname;
const corpus = ['articles', 'treaties'].flatMap((group) => {
  const dir = join(ROOT, 'fixtures', group);
  try {
    return readdirSync(dir).map((name) => readFileSync(join(dir, name, 'input.txt')));
  } catch {
    return [];
  }
});
if (!corpus.length) throw new Error('no fixtures under fixtures/articles');
const rules = loadRules();

/** A small, fast, seedable generator (mulberry32): every mutant is reproducible from its seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = ['“', '”', '‘', '’', '"', "'", '«', '»', '„', '\n', '\n\n', '\r\n', '\r', '\t', '\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u2028', '\ufeff', '\u200f', '😀', '…', '.', ':'].map((s) => Buffer.from(s, 'utf8'));

/** One mutant: a fixture with one to eight random edits. */
function mutate(seed: number): Buffer {
  const next = random(seed);
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)];
  let bytes = Buffer.from(pick(corpus));
  const edits = 1 + Math.floor(next() * 8);
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(next() * (bytes.length + 1));
    switch (Math.floor(next() * 6)) {
      case 0: // flip bits of a byte
        if (bytes.length) bytes[Math.min(at, bytes.length - 1)] ^= 1 << Math.floor(next() * 8);
        break;
      case 1: // truncate
        bytes = bytes.subarray(0, at);
        break;
      case 2: // insert a quote mark, line break or control character
      case 3:
        bytes = Buffer.concat([bytes.subarray(0, at), pick(INSERTS), bytes.subarray(at)]);
        break;
      case 4: // a run of one mark
        bytes = Buffer.concat([bytes.subarray(0, at), Buffer.concat(Array(1 + Math.floor(next() * 200)).fill(pick(INSERTS))), bytes.subarray(at)]);
        break;
      case 5: // repeat a slice
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(Math.floor(at / 2), at), bytes.subarray(at)]);
        break;
    }
  }
  return bytes;
}

/** What is wrong with the pipeline's answer for these bytes, if anything. */
function check(bytes: Buffer): string | null {
  let record: ArticleRecord;
  try {
    record = extract(bytes, { rules, path: 'fuzz' });
  } catch (err) {
    if (err instanceof InputError && err.code === 'EBINARY') return null;
    return `throws: ${(err as Error).stack?.split('\n').slice(0, 4).join(' | ')}`;
  }
  const yaml = serializeRecord(record, 'yaml');
  if (serializeRecord(extract(bytes, { rules, path: 'fuzz' }), 'yaml') !== yaml) return 'not deterministic';
  const points = [...decodeBytes(bytes).text];
  const slice = (s: { start: number; end: number }) => points.slice(s.start, s.end).join('');
  for (const q of record.quotes) {
    if (slice(q.span) !== q.text) return `quote ${q.id} span does not slice to its text`;
    for (const n of q.nested) if (slice(n.span) !== n.text) return `nested quote in ${q.id} span does not slice to its text`;
  }
  for (let i = 1; i < record.quotes.length; i++) if (record.quotes[i].span.start <= record.quotes[i - 1].span.end) return `quotes q${i} and q${i + 1} overlap or are out of order`;
  for (const p of record.provisions) if (slice(p.span) !== p.text) return `provision ${p.id} span does not slice to its text`;
  try {
    if (JSON.stringify(parse(yaml)) !== JSON.stringify(record)) return 'YAML does not round-trip';
  } catch (err) {
    return `YAML does not parse: ${(err as Error).message.split('\n')[0]}`;
  }
  return null;
}

function timed(bytes: Buffer): number {
  const start = performance.now();
  try {
    extract(bytes, { rules });
  } catch {
    // a binary mutant is refused quickly; only time matters here
  }
  return performance.now() - start;
}

/** Flags super-linear time: the text repeated four times may take at most ten times as long. */
function growth(bytes: Buffer): string | null {
  const once = Math.min(timed(bytes), timed(bytes));
  const four = Buffer.concat([bytes, bytes, bytes, bytes]);
  const fourTimes = Math.min(timed(four), timed(four));
  return fourTimes > 50 && fourTimes > 10 * Math.max(once, 1) ? `super-linear: ${once.toFixed(0)} ms once, ${fourTimes.toFixed(0)} ms repeated four times` : null;
}

const started = performance.now();
const findings: { seed: number; problem: string }[] = [];
let runs = 0;
for (; runs < COUNT && performance.now() - started < SECONDS * 1000; runs++) {
  const seed = SEED + runs;
  const bytes = mutate(seed);
  const problem = check(bytes) ?? (runs % 25 === 0 ? growth(bytes) : null);
  if (!problem) continue;
  findings.push({ seed, problem });
  mkdirSync(values.save!, { recursive: true });
  writeFileSync(join(values.save!, `mutant-${seed}.txt`), bytes);
  console.log(`seed ${seed}: ${problem} (saved as ${join(values.save!, `mutant-${seed}.txt`)})`);
}
const seconds = (performance.now() - started) / 1000;
console.log(`fuzz: ${runs} mutants of ${corpus.length} fixtures in ${seconds.toFixed(1)} s (seeds ${SEED}..${SEED + runs - 1}), ${findings.length} finding(s)`);
process.exitCode = findings.length ? 1 : 0;
