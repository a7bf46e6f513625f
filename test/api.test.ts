import { describe, expect, expectTypeOf, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as api from '../src/index.js';
import { extract, extractFile, extractMany, InputError, isErrorRecord, loadRules, type ArticleRecord, type OutputRecord } from '../src/index.js';
import { listFixtures, readBytes, ROOT, runCli } from './helpers.js';

const PUBLIC = ['InputError', 'SCHEMA_ID', 'UsageError', 'extract', 'extractFile', 'extractMany', 'isErrorRecord', 'loadRules'];
const [first, second] = listFixtures('articles').map((f) => f.input);

async function collect(iterable: AsyncIterable<OutputRecord>): Promise<OutputRecord[]> {
  const out: OutputRecord[] = [];
  for await (const record of iterable) out.push(record);
  return out;
}

describe('the public library API', () => {
  it('exports exactly these names (a change here is a change of the public API)', () => {
    expect(Object.keys(api).sort()).toEqual(PUBLIC);
  });

  it('is what `import … from "treaty-extract"` gives the built package, with its type declarations', () => {
    const built = join(ROOT, 'dist', 'index.js');
    if (!existsSync(built)) throw new Error('dist/ is missing: run `npm run build` (npm ci does) before the tests');
    const names = execFileSync(process.execPath, ['--input-type=module', '-e', "const m = await import('treaty-extract'); console.log(JSON.stringify(Object.keys(m).sort()))"], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(names)).toEqual(PUBLIC);
    expect(existsSync(join(ROOT, 'dist', 'index.d.ts'))).toBe(true);
  });

  it('types the record', () => {
    expectTypeOf(extract).returns.toEqualTypeOf<ArticleRecord>();
    expectTypeOf(extractFile).returns.resolves.toEqualTypeOf<ArticleRecord>();
    expectTypeOf<ArticleRecord['provisions'][number]['modality']>().toEqualTypeOf<'obligation' | 'permission' | 'prohibition' | null>();
    expectTypeOf(extractMany).returns.toMatchTypeOf<AsyncIterable<OutputRecord>>();
  });
});

describe('extractFile', () => {
  it('is extract() over the file, named as given', async () => {
    expect(await extractFile(first)).toEqual(extract(readBytes(first), { path: first }));
  });

  it('throws an InputError with a stable code for a file it cannot read', async () => {
    await expect(extractFile(join(ROOT, 'no-such-article.txt'))).rejects.toMatchObject({ name: 'InputError', code: 'ENOENT' });
    await expect(extractFile(ROOT)).rejects.toBeInstanceOf(InputError);
  });

  it('reads a saved web page as its article text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-test-'));
    try {
      const page = join(dir, 'page.html');
      writeFileSync(page, '<html><head><title>T</title></head><body><nav>Home</nav><article><p>The minister said: “We will stay.”</p></article></body></html>');
      const record = await extractFile(page);
      expect(record.quotes.map((q) => q.text)).toEqual(['We will stay.']);
      expect(record.source.path).toBe(page);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('extractMany', () => {
  it('gives the records the CLI writes, in input order, an error record in place of each input that fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'api-test-'));
    try {
      mkdirSync(join(dir, 'folder'));
      writeFileSync(join(dir, 'folder', 'b.txt'), 'The envoy said: "Talks go on."\n');
      writeFileSync(join(dir, 'folder', 'a.txt'), 'The envoy added: "Not today."\n');
      const inputs = [second, join(dir, 'missing.txt'), join(dir, 'folder'), first];
      const records = await collect(extractMany(inputs, { cwd: ROOT }));
      const cli = await runCli([...inputs, '--format', 'ndjson', '-j', '1', '-q']);
      expect(records).toEqual(cli.stdout.trim().split('\n').map((line) => JSON.parse(line)));
      expect(records.map((r) => r.source.path)).toEqual([second, join(dir, 'missing.txt'), join(dir, 'folder', 'a.txt'), join(dir, 'folder', 'b.txt'), first]);
      expect(records.map((r) => isErrorRecord(r))).toEqual([false, true, false, false, false]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('takes inputs from an async iterable, and objects carrying their own bytes, with rules loaded once by the caller', async () => {
    const rules = loadRules();
    async function* inputs() {
      yield { path: 'memo-1', read: async () => new TextEncoder().encode('She said: “Yes.”') };
      yield { path: 'memo-2', read: async () => Promise.reject(new InputError('EFBIG', 'too large')) };
      yield { path: 'page', format: 'html' as const, read: async () => new TextEncoder().encode('<p>He said: “No.”</p>') };
    }
    const records = await collect(extractMany(inputs(), { rules }));
    expect(records.map((r) => (isErrorRecord(r) ? r.error : r.quotes.map((q) => q.text)))).toEqual([['Yes.'], { code: 'EFBIG', message: 'memo-2: too large' }, ['No.']]);
  });
});
