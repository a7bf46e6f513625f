import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/pipeline.js';
import { listFixtures, runCli } from './helpers.js';

/**
 * Batches through the in-memory CLI: inputs of every kind in order, one record or error
 * record each, the same bytes for any --jobs, and the output directory.
 */
const fixtures = listFixtures('articles');
const texts = fixtures.map((f) => readFileSync(f.input));

let corpus: string;
/** corpus/<n>/article.txt for every fixture, a notes.md, and files the default filter leaves out */
beforeAll(() => {
  corpus = mkdtempSync(join(tmpdir(), 'te-batch-'));
  fixtures.forEach((f, i) => {
    const folder = join(corpus, 'articles', String(i).padStart(2, '0'));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'article.txt'), texts[i]);
  });
  writeFileSync(join(corpus, 'articles', 'notes.md'), texts[0]);
  writeFileSync(join(corpus, 'articles', 'photo.jpg'), 'JFIF');
  mkdirSync(join(corpus, 'articles', 'drafts'));
  writeFileSync(join(corpus, 'articles', 'drafts', 'draft.txt'), texts[1]);
});

const records = (ndjson: string) => ndjson.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line));
const inCorpus = (...parts: string[]) => join(corpus, ...parts);

describe('inputs', () => {
  it('walks directories in name order, taking text files and leaving the rest', async () => {
    const { code, stdout } = await runCli([inCorpus('articles'), '-f', 'ndjson', '-q', '-j', '1']);
    expect(code).toBe(0);
    const expected = [
      ...fixtures.map((_, i) => inCorpus('articles', String(i).padStart(2, '0'), 'article.txt')),
      inCorpus('articles', 'drafts', 'draft.txt'),
      inCorpus('articles', 'notes.md'),
    ].sort();
    expect(records(stdout).map((r) => r.source.path)).toEqual(expected);
  });

  it('applies --include and --exclude (base names without a slash, relative paths with one)', async () => {
    const run = async (...args: string[]) => records((await runCli([inCorpus('articles'), '-f', 'ndjson', '-q', '-j', '1', ...args])).stdout).map((r) => r.source.path);
    expect(await run('--include', '*.md')).toEqual([inCorpus('articles', 'notes.md')]);
    expect(await run('--exclude', 'drafts', '*.md')).toEqual(fixtures.map((_, i) => inCorpus('articles', String(i).padStart(2, '0'), 'article.txt')));
    expect(await run('--include', '0[01]/*.txt')).toEqual([inCorpus('articles', '00', 'article.txt'), inCorpus('articles', '01', 'article.txt')]);
  });

  it('keeps an error record in the place of each input that fails, and exits 1', async () => {
    const good = fixtures[0].input;
    const { code, stdout, stderr } = await runCli([good, inCorpus('missing.txt'), good, '-f', 'ndjson', '-q', '-j', '1']);
    expect(code).toBe(1);
    const out = records(stdout);
    expect(out.map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'ENOENT', 'ok']);
    expect(out[1]).toEqual({ schema: 'treaty-extract/1', source: { path: inCorpus('missing.txt') }, error: { code: 'ENOENT', message: `${inCorpus('missing.txt')}: cannot read: no such file` } });
    expect(stderr).toBe(`treaty-extract: ${inCorpus('missing.txt')}: cannot read: no such file\n`);
  });

  it('reads names from --files-from, newline- or NUL-separated, "-" for standard input', async () => {
    const names = [fixtures[1].input, 'name with\nnewline.txt', fixtures[0].input];
    const listFile = inCorpus('list.txt');
    writeFileSync(listFile, `${fixtures[1].input}\n${fixtures[0].input}\n`);
    expect(records((await runCli(['--files-from', listFile, '-f', 'ndjson', '-q', '-j', '1'])).stdout).map((r) => r.source.path)).toEqual([fixtures[1].input, fixtures[0].input]);
    const nul = await runCli(['--files-from', '-', '-0', '-f', 'ndjson', '-q', '-j', '1'], `${names.join('\0')}\0`);
    expect(records(nul.stdout).map((r) => [r.source.path, r.error?.code ?? 'ok'])).toEqual([
      [names[0], 'ok'],
      [names[1], 'ENOENT'],
      [names[2], 'ok'],
    ]);
  });

  it('reads NDJSON from standard input: id or path names the record, bad lines become error records', async () => {
    const lines = [
      JSON.stringify({ id: 'doc-1', text: texts[0].toString('utf8') }),
      '',
      '{"id": "doc-2", "text": ',
      JSON.stringify({ path: 'wire/doc-3.txt', text: texts[1].toString('utf8') }),
      JSON.stringify({ id: 'doc-4' }),
    ].join('\n');
    const { code, stdout } = await runCli(['--input-format', 'ndjson', '-f', 'ndjson', '-q', '-j', '1'], lines);
    expect(code).toBe(1);
    const out = records(stdout);
    expect(out.map((r) => [r.source.path, r.error?.code ?? 'ok'])).toEqual([
      ['doc-1', 'ok'],
      ['-:3', 'ENDJSON'],
      ['wire/doc-3.txt', 'ok'],
      ['doc-4', 'ENDJSON'],
    ]);
    expect(out[0]).toEqual(extract(texts[0].toString('utf8'), { path: 'doc-1' }));
  });

  it('refuses an article larger than --max-bytes with an error record, then goes on', async () => {
    const { stdout } = await runCli([fixtures[0].input, fixtures[1].input, '--max-bytes', String(texts[0].length - 1), '-f', 'ndjson', '-q', '-j', '1']);
    const out = records(stdout);
    expect(out[0].error).toEqual({ code: 'EFBIG', message: `${fixtures[0].input}: too large: ${texts[0].length} bytes, more than --max-bytes ${texts[0].length - 1}` });
    expect(out.length).toBe(2);
  });

  it('stops at the first failure with --fail-fast', async () => {
    const { code, stdout } = await runCli([fixtures[0].input, inCorpus('missing.txt'), fixtures[1].input, '-f', 'ndjson', '-q', '-j', '1', '--fail-fast']);
    expect(code).toBe(1);
    expect(records(stdout).map((r) => r.error?.code ?? 'ok')).toEqual(['ok', 'ENOENT']);
  });

  it('prints one JSON object for a single file and an array for a directory, even of one file', async () => {
    const single = await runCli([fixtures[0].input, '-f', 'json']);
    expect(JSON.parse(single.stdout)).toEqual(extract(texts[0], { path: fixtures[0].input }));
    const folder = await runCli([inCorpus('articles', '00'), '-f', 'json', '-q']);
    expect(JSON.parse(folder.stdout)).toEqual([extract(texts[0], { path: inCorpus('articles', '00', 'article.txt') })]);
  });

  it('extracts a saved HTML page: the article text, with source describing the page', async () => {
    const page = `<!doctype html><html><head><title>Site | Page</title><script>var x = "not a quote";</script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Ministers Meet in Minsk</h1>
<p>The defense minister said the talks were &ldquo;useful and frank&rdquo; on Monday.</p><aside>Related: other news</aside>
<p>No agreement was signed.</p></article><footer>(c) Site</footer></body></html>`;
    const file = inCorpus('page.html');
    writeFileSync(file, page);
    const { stdout } = await runCli([file, '-f', 'json']);
    const record = JSON.parse(stdout);
    const text = 'Ministers Meet in Minsk\n\nThe defense minister said the talks were “useful and frank” on Monday.\n\nNo agreement was signed.\n';
    expect(record).toEqual({ ...extract(text, { path: file }), source: { path: file, bytes: Buffer.byteLength(page), sha256: expect.any(String), encoding: 'utf-8' } });
    expect(record.quotes.map((q: { text: string }) => q.text)).toEqual(['useful and frank']);
  });
});

describe('--jobs', () => {
  // worker threads started on the TypeScript sources take a while to start: a generous limit
  it('gives byte-identical output in input order for --jobs 1 and --jobs 2 (YAML stream, JSON array)', { timeout: 120_000 }, async () => {
    for (const format of ['yaml', 'json']) {
      const one = await runCli([inCorpus('articles'), fixtures[0].input, inCorpus('missing.txt'), '-f', format, '-q', '-j', '1']);
      const two = await runCli([inCorpus('articles'), fixtures[0].input, inCorpus('missing.txt'), '-f', format, '-q', '-j', '2']);
      expect(two.code).toBe(1);
      expect(two.stdout).toBe(one.stdout);
      expect(two.stderr).toBe(one.stderr);
    }
  });
});

describe('--output-dir', () => {
  it('writes one file per input mirroring the input paths, error records on stdout, no temporary files left', async () => {
    const out = mkdtempSync(join(tmpdir(), 'te-out-'));
    const folder = inCorpus('articles', '00');
    const { code, stdout } = await runCli([folder, inCorpus('missing.txt'), '--output-dir', out, '-q', '-j', '1']);
    expect(code).toBe(1);
    const target = join(out, folder.replace(/^\//, ''), 'article.txt.yaml');
    expect(parse(readFileSync(target, 'utf8'))).toEqual(extract(texts[0], { path: join(folder, 'article.txt') }));
    expect(parse(stdout)).toEqual({ schema: 'treaty-extract/1', source: { path: inCorpus('missing.txt') }, error: expect.objectContaining({ code: 'ENOENT' }) });
    // no temporary file is left beside the records
    expect(readdirSync(join(out, folder.replace(/^\//, '')))).toEqual(['article.txt.yaml']);
  });

  it('resumes with --skip-existing: inputs whose record exists are not read again', async () => {
    const out = mkdtempSync(join(tmpdir(), 'te-resume-'));
    const base = join(out, inCorpus('articles').replace(/^\//, ''));
    const firstRun = await runCli([inCorpus('articles'), '--output-dir', out, '-f', 'json', '-j', '1']);
    expect(firstRun.code).toBe(0);
    const done = join(base, '00', 'article.txt.json');
    const before = readFileSync(done, 'utf8');
    // an interrupted run: one record missing, one present but to be kept as it is
    const lost = join(base, '01', 'article.txt.json');
    rmSync(lost);
    writeFileSync(done, before.replace('"schema"', '"schema" '));
    const resumed = await runCli([inCorpus('articles'), '--output-dir', out, '-f', 'json', '-j', '1', '--skip-existing']);
    expect(resumed.code).toBe(0);
    expect(existsSync(lost)).toBe(true);
    expect(readFileSync(done, 'utf8')).toBe(before.replace('"schema"', '"schema" '));
    expect(resumed.stderr).toMatch(new RegExp(`^treaty-extract: 1 articles, 0 failed, ${fixtures.length + 1} skipped, `));
  });
});
