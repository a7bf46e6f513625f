import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';
import type { ArticleRecord } from '../src/types.js';

export const ROOT = new URL('..', import.meta.url).pathname;
export const FIXTURES = join(ROOT, 'fixtures');

export interface Fixture {
  name: string;
  dir: string;
  input: string;
  /** exact projection of the record (test/fixtures.test.ts) */
  expected: string;
  /** a hand annotation in ../shared/GOLD.md format (test/gold-fixtures.test.ts) */
  gold: string;
}

/** Every fixture case: fixtures/<group>/<case>/input.txt with expected.yaml beside it. */
export function listFixtures(group = 'articles'): Fixture[] {
  const base = join(FIXTURES, group);
  if (!existsSync(base)) return [];
  return readdirSync(base)
    .sort()
    .map((name) => ({
      name,
      dir: join(base, name),
      input: join(base, name, 'input.txt'),
      expected: join(base, name, 'expected.yaml'),
      gold: join(base, name, 'gold.yaml'),
    }))
    .filter((f) => existsSync(f.input));
}

export function readBytes(path: string): Uint8Array {
  return readFileSync(path);
}

/**
 * What a fixture's expected.yaml pins down: every quote with its kind, speaker, cue and
 * citation; every treaty and provision with the attributes tests assert; the article's
 * metadata; warning codes. Offsets are checked separately (span invariant).
 */
export function project(record: ArticleRecord) {
  return {
    article: record.article,
    quotes: record.quotes.map((q) => ({
      text: q.text,
      kind: q.kind,
      speaker: q.speaker?.name ?? null,
      ...(q.speaker?.role ? { role: q.speaker.role } : {}),
      ...(q.cue ? { cue: q.cue } : {}),
      ...(q.addressee ? { addressee: q.addressee } : {}),
      ...(q.citation ? { citation: `${q.citation.source}, ${q.citation.date ?? ''}`.replace(/, $/, '') } : {}),
      paragraph: q.paragraph,
      ...(q.nested.length ? { nested: q.nested.map((n) => n.text) } : {}),
    })),
    treaties: record.treaties.map((t) => ({ name: t.name, parties: t.parties, signed: t.signed, status: t.status })),
    provisions: record.provisions.map((p) => ({
      type: p.type,
      text: p.text,
      evidence: p.evidence,
      ...(p.quote ? { quote: p.quote } : {}),
      ...(p.treaty ? { treaty: p.treaty } : {}),
      modality: p.modality,
      reciprocal: p.reciprocal,
      negated: p.negated,
      ...(p.conditions.length ? { conditions: p.conditions.map((c) => `${c.kind}: ${c.text}`) } : {}),
    })),
    warnings: record.warnings.map((w) => w.code),
  };
}

/** Runs the CLI in memory: argv, optional stdin text; returns exit code and captured streams. */
export async function runCli(argv: string[], stdinText?: string | Uint8Array, opts: { stdinTTY?: boolean } = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c) => out.push(c));
  stderr.on('data', (c) => err.push(c));
  const stdin = Object.assign(Readable.from(stdinText === undefined ? [] : [Buffer.from(stdinText)]), { isTTY: opts.stdinTTY ?? false });
  const io: CliIO = { stdin, stdout, stderr, env: {}, cwd: ROOT };
  const code = await main(argv, io);
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
