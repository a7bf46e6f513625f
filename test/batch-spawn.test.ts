import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { listFixtures, ROOT } from './helpers.js';
import { tarBytes } from './sources-archives.js';

/**
 * The built program, spawned for real: worker threads from dist/, the NDJSON map-step
 * contract driven by xargs and split (GNU parallel is not assumed to be installed), and a
 * reader that stops early.
 */
const BIN = join(ROOT, 'bin', 'treaty-extract.js');
const fixtures = listFixtures('articles');
let dir: string;

/** The newest modification time of the files under `dir`. */
function newest(dir: string): number {
  return Math.max(...readdirSync(dir, { recursive: true }).map((name) => statSync(join(dir, String(name))).mtimeMs));
}

beforeAll(() => {
  // the bin imports dist/: build it when the sources under test are newer (never while a
  // fresh build may be in use by other test files)
  const built = join(ROOT, 'dist', 'cli', 'main.js');
  if (!existsSync(built) || statSync(built).mtimeMs < newest(join(ROOT, 'src'))) spawnSync('npx', ['tsc', '-p', '.'], { cwd: ROOT });
  dir = mkdtempSync(join(tmpdir(), 'te-spawn-'));
}, 120_000);

function run(args: string[], input?: string) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function sh(script: string, input?: string) {
  return execFileSync('bash', ['-c', script], { cwd: ROOT, input, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env: { ...process.env, BIN } });
}

// each process starts the pipeline from cold, and the machine may be shared: generous limits
describe('the built program', { timeout: 180_000 }, () => {
  it('writes the same bytes with --jobs 1 and --jobs 2 over an archive and a directory', async () => {
    const archive = join(dir, 'all.tar.gz');
    writeFileSync(archive, gzipSync(await tarBytes(fixtures.map((f) => ({ name: `${f.name}.txt`, body: readFileSync(f.input) })))));
    const one = run([archive, 'fixtures/articles', '-j', '1', '-q']);
    const two = run([archive, 'fixtures/articles', '-j', '2', '-q']);
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    expect(one.stdout.split('\n---\n').length).toBe(fixtures.length * 2);
  });

  it('is a map step for NDJSON: chunks through separate processes concatenate to one run', () => {
    const lines = fixtures.map((f) => JSON.stringify({ id: f.name, text: readFileSync(f.input, 'latin1') })).join('\n') + '\n';
    const whole = run(['--input-format', 'ndjson', '-f', 'ndjson', '-q'], lines);
    expect(whole.status).toBe(0);
    expect(whole.stdout.trim().split('\n').map((l) => JSON.parse(l).source.path)).toEqual(fixtures.map((f) => f.name));
    // what `parallel --pipe -N10 treaty-extract --input-format ndjson -f ndjson` does, one chunk at a time
    const chunked = sh(`split -l 10 --filter='node "$BIN" --input-format ndjson -f ndjson -q'`, lines);
    expect(chunked).toBe(whole.stdout);
  });

  it('takes NUL-separated names from xargs -0 -P 2, one record per name', () => {
    const names = fixtures.map((f) => f.input);
    const whole = run([...names, '-f', 'ndjson', '-q']);
    // two processes at once, ten names each; their outputs interleave by batch, so compare as sets
    const out = sh(`xargs -0 -n 10 -P 2 node "$BIN" -f ndjson -q -j 1`, names.join('\0'));
    expect(out.trim().split('\n').sort()).toEqual(whole.stdout.trim().split('\n').sort());
  });

  it('stops quietly when the reader goes away (| head)', () => {
    const out = sh(`node "$BIN" fixtures/articles fixtures/articles fixtures/articles -f ndjson -q 2>&1 | head -c 100 >/dev/null; echo "status \${PIPESTATUS[0]}"`);
    expect(out.trim()).toBe('status 0');
  });
});
