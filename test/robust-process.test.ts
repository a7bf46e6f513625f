import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { listFixtures, ROOT } from './helpers.js';

/**
 * The built program as a process: a reader that goes away (| head), SIGINT and SIGTERM in the
 * middle of a batch, and output that parses whatever the article holds.
 */
const BIN = join(ROOT, 'bin', 'treaty-extract.js');
const fixtures = listFixtures('articles');
let dir: string;
let corpus: string;

beforeAll(() => {
  const built = existsSync(join(ROOT, 'dist', 'cli', 'main.js')) ? statSync(join(ROOT, 'dist', 'cli', 'main.js')).mtimeMs : 0;
  const sources = Math.max(...['src/cli/commands/extract.ts', 'src/cli/io.ts', 'src/pipeline.ts'].map((f) => statSync(join(ROOT, f)).mtimeMs));
  if (built < sources) spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'te-process-'));
  // a batch long enough to be interrupted: every fixture, many times
  corpus = join(dir, 'corpus');
  mkdirSync(corpus);
  for (let i = 0; i < 600; i++) writeFileSync(join(corpus, `a${String(i).padStart(4, '0')}.txt`), readFileSync(fixtures[i % fixtures.length].input));
}, 120_000);

/** Starts a batch, waits until it has written `after` bytes, sends the signal, and collects what happened. */
function interrupt(args: string[], signal: NodeJS.Signals, after = 1): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    let sent = false;
    const send = () => {
      if (!sent) {
        sent = true;
        child.kill(signal);
      }
    };
    child.stdout.on('data', (c) => {
      stdout += c;
      if (stdout.length >= after) send();
    });
    child.stderr.on('data', (c) => (stderr += c));
    // with --output-dir nothing comes on stdout: interrupt once the first file is written
    const poll = setInterval(() => {
      const out = args[args.indexOf('--output-dir') + 1];
      if (args.includes('--output-dir') && existsSync(out) && readdirSync(out, { recursive: true }).length > 2) send();
    }, 20);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('signals', () => {
  it('SIGINT during a batch to standard output: whole records, a closed JSON array, a summary, exit 130', async () => {
    const { code, stdout, stderr } = await interrupt([corpus, '-f', 'json', '-j', '2'], 'SIGINT', 20_000);
    expect(code).toBe(130);
    const records = JSON.parse(stdout);
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(600);
    expect(records.map((r: { source: { path: string } }) => r.source.path)).toEqual(readdirSync(corpus).sort().slice(0, records.length).map((n) => join(corpus, n)));
    expect(stderr).toBe(`treaty-extract: interrupted by SIGINT; the summary counts what was written\n${stderr.split('\n')[1]}\n`);
    expect(stderr.split('\n')[1]).toMatch(new RegExp(`^treaty-extract: ${records.length} articles, 0 failed, \\d+ quotes, \\d+ provisions, [\\d.]+ s$`));
  });

  it('SIGTERM with --output-dir: only whole record files, no temporary files, exit 143', async () => {
    const out = join(dir, 'out');
    const { code, stderr } = await interrupt([corpus, '--output-dir', out, '-j', '2'], 'SIGTERM');
    expect(code).toBe(143);
    const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.filter((f) => !f.name.endsWith('.txt.yaml'))).toEqual([]);
    for (const f of files) expect(parse(readFileSync(join(f.parentPath, f.name), 'utf8')).schema).toBe('treaty-extract/1');
    expect(stderr).toMatch(new RegExp(`interrupted by SIGTERM[^\\n]*\\ntreaty-extract: ${files.length} articles, 0 failed`));
  });

  it('SIGINT with --output FILE: the file is whole (written to a temporary name, renamed), nothing else left', async () => {
    const work = join(dir, 'single');
    mkdirSync(work);
    const file = join(work, 'all.ndjson');
    // the output file gives no progress on stdout: interrupt after a moment
    const child = spawn(process.execPath, [BIN, corpus, '-f', 'ndjson', '-o', file, '-j', '2'], { cwd: ROOT });
    await new Promise((r) => setTimeout(r, 1500));
    child.kill('SIGINT');
    const code = await new Promise((r) => child.on('close', r));
    expect(code === 130 || code === 0).toBe(true);
    expect(readdirSync(work)).toEqual(['all.ndjson']);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    for (const line of lines) expect(JSON.parse(line).schema).toBe('treaty-extract/1');
  });
});

describe('a reader that goes away', () => {
  it.each(['yaml', 'json', 'ndjson'])('| head -c 100 (%s): exit 0, nothing on stderr', (format) => {
    const out = execFileSync('bash', ['-c', `node "$BIN" "$CORPUS" -f ${format} -j 2 2>"$ERR" | head -c 100 >/dev/null; echo "\${PIPESTATUS[0]}"`], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, BIN, CORPUS: corpus, ERR: join(dir, `err-${format}`) },
    });
    expect(out.trim()).toBe('0');
    // not even the summary: it describes a batch the reader did not see end
    expect(readFileSync(join(dir, `err-${format}`), 'utf8')).not.toMatch(/Error|EPIPE|\n\s+at /);
  });
});

describe('output always parses', () => {
  const NASTY = [
    'Title: with a colon # and a hash',
    '',
    '- A paragraph that starts with a dash; the minister said “yes: no # maybe”.',
    '',
    '“null,” he said. “yes,” she said. “~,” they said. “- item,” he added. “@handle” and “`code`” and “&anchor *alias !tag”.',
    '',
    'The envoy Ahmad al-Sharif said “\\back\\slashes\\” and “tabs\there” and “bell\u0007ring”, then “😀👍🏽” and “שלום עולם” and “مرحبا”.',
    '',
    '“Quote with a ‘nested: one’ inside,” said Maria O’Neill. “Line\u2028separator and \u0085 next-line,” she added.',
    '',
  ].join('\n');

  it.each(['yaml', 'json', 'ndjson'])('%s of an article full of YAML indicators, escapes, controls, emoji and right-to-left text', (format) => {
    const file = join(dir, `nasty-${format}.txt`);
    writeFileSync(file, NASTY);
    const run = spawnSync(process.execPath, [BIN, file, file, '-f', format, '-q', '-j', '1'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    const records =
      format === 'yaml' ? parseAllDocuments(run.stdout).map((d) => d.toJS()) : format === 'json' ? JSON.parse(run.stdout) : run.stdout.trim().split('\n').map((l) => JSON.parse(l));
    const reference = JSON.parse(spawnSync(process.execPath, [BIN, file, '-f', 'json'], { cwd: ROOT, encoding: 'utf8' }).stdout);
    expect(records).toEqual([reference, reference]);
    expect(reference.quotes.map((q: { text: string }) => q.text)).toContain('yes: no # maybe');
  });
});
