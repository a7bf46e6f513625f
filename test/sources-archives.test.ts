import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/pipeline.js';
import { discoverInputs, type SourceOptions } from '../src/sources/index.js';
import { memberPath, mirrorPath } from '../src/sources/input.js';
import { listFixtures, runCli } from './helpers.js';
import { tarBytes, zipBytes } from './sources-archives.js';

/** Archives are built here, in the test, from the fixtures: no binary is committed. */
const [first, second] = listFixtures('articles').map((f) => readFileSync(f.input));

/** yazl refuses unsafe names, as it should; a hostile archive is made by renaming a member in place. */
function renameInZip(zip: Buffer, from: string, to: string): Buffer {
  expect(to.length).toBe(from.length);
  return Buffer.from(zip.toString('latin1').split(from).join(to), 'latin1');
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'te-archives-'));
});

async function ndjson(args: string[]) {
  const run = await runCli([...args, '-f', 'ndjson', '-q', '-j', '1']);
  return { ...run, records: run.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) };
}

describe('archives', () => {
  it('reads tar, tar.gz, tgz and zip members in archive order, named archive:member, each the record of its bytes', async () => {
    const entries = [
      { name: 'batch/b.txt', body: second },
      { name: 'batch/a.txt', body: first },
    ];
    const tarFile = join(dir, 'bundle.tar');
    writeFileSync(tarFile, await tarBytes(entries));
    writeFileSync(join(dir, 'bundle.tar.gz'), gzipSync(readFileSync(tarFile)));
    writeFileSync(join(dir, 'bundle.tgz'), gzipSync(readFileSync(tarFile)));
    writeFileSync(join(dir, 'bundle.zip'), await zipBytes(entries));
    for (const name of ['bundle.tar', 'bundle.tar.gz', 'bundle.tgz', 'bundle.zip']) {
      const archive = join(dir, name);
      const { code, records } = await ndjson([archive]);
      expect(code).toBe(0);
      expect(records).toEqual([extract(second, { path: `${archive}:batch/b.txt` }), extract(first, { path: `${archive}:batch/a.txt` })]);
    }
  });

  it('reads a single .gz file as the article inside, named as the file is', async () => {
    const file = join(dir, 'one.txt.gz');
    writeFileSync(file, gzipSync(first));
    const { records } = await ndjson([file]);
    expect(records).toEqual([extract(first, { path: file })]);
  });

  it('skips directories, links and non-article members; an archive inside an archive is not opened', async () => {
    const file = join(dir, 'mixed.tar');
    writeFileSync(
      file,
      await tarBytes([
        { name: 'docs/', body: '', type: 'directory' },
        { name: 'docs/link.txt', body: '', type: 'symlink' },
        { name: 'docs/image.png', body: 'PNG' },
        { name: 'docs/inner.zip', body: 'PK' },
        { name: 'docs/article.txt', body: first },
      ]),
    );
    const { records } = await ndjson([file]);
    expect(records.map((r) => r.source.path)).toEqual([`${file}:docs/article.txt`]);
  });

  it('rejects members whose names escape the archive folder with an error record in their place', async () => {
    const tarFile = join(dir, 'hostile.tar');
    writeFileSync(tarFile, await tarBytes([{ name: '../evil.txt', body: first }, { name: '/etc/evil.txt', body: first }, { name: 'ok.txt', body: second }]));
    const zipFile = join(dir, 'hostile.zip');
    writeFileSync(zipFile, renameInZip(await zipBytes([{ name: 'aa/evil.txt', body: first }, { name: 'ok.txt', body: second }]), 'aa/evil.txt', '../evil.txt'));
    const tarRun = await ndjson([tarFile]);
    expect(tarRun.code).toBe(1);
    expect(tarRun.records.map((r) => [r.source.path, r.error?.code ?? 'ok'])).toEqual([
      [`${tarFile}:../evil.txt`, 'EUNSAFEPATH'],
      [`${tarFile}:/etc/evil.txt`, 'EUNSAFEPATH'],
      [`${tarFile}:ok.txt`, 'ok'],
    ]);
    const zipRun = await ndjson([zipFile]);
    expect(zipRun.records.map((r) => [r.source.path, r.error?.code ?? 'ok'])).toEqual([
      [`${zipFile}:../evil.txt`, 'EUNSAFEPATH'],
      [`${zipFile}:ok.txt`, 'ok'],
    ]);
  });

  it('reports a truncated tar.gz once, naming the archive, after the members it could read', async () => {
    // letters that do not compress much, so the cut falls inside the second member
    let seed = 7;
    const noise = Buffer.from(Array.from({ length: 200_000 }, () => String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26))).join(''));
    const whole = gzipSync(await tarBytes([{ name: 'a.txt', body: first }, { name: 'b.txt', body: noise }]));
    const file = join(dir, 'cut.tar.gz');
    writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.6)));
    const { code, records, stderr } = await ndjson([file]);
    expect(code).toBe(1);
    expect(records.map((r) => [r.source.path, r.error?.code ?? 'ok'])).toEqual([
      [`${file}:a.txt`, 'ok'],
      [`${file}:b.txt`, 'EARCHIVE'],
    ]);
    expect(stderr).toMatch(/cut\.tar\.gz:b\.txt: corrupt or truncated tar\.gz archive/);
  });

  it('gives a file that is not a zip one error record and goes on', async () => {
    const file = join(dir, 'fake.zip');
    writeFileSync(file, 'not a zip at all');
    const { records } = await ndjson([file, listFixtures('articles')[0].input]);
    expect(records.map((r) => r.error?.code ?? 'ok')).toEqual(['EARCHIVE', 'ok']);
  });

  it('bounds members by --max-bytes (declared or inflated size) and goes on to the next member', async () => {
    const big = Buffer.alloc(300_000, 'word ');
    const tarFile = join(dir, 'big.tar.gz');
    writeFileSync(tarFile, gzipSync(await tarBytes([{ name: 'big.txt', body: big }, { name: 'small.txt', body: first }])));
    const zipFile = join(dir, 'big.zip');
    writeFileSync(zipFile, await zipBytes([{ name: 'big.txt', body: big }, { name: 'small.txt', body: first }]));
    const gzFile = join(dir, 'bomb.txt.gz');
    writeFileSync(gzFile, gzipSync(big));
    for (const file of [tarFile, zipFile]) {
      const { records } = await ndjson([file, '--max-bytes', '100k']);
      expect(records.map((r) => r.error?.code ?? 'ok')).toEqual(['EFBIG', 'ok']);
    }
    expect((await ndjson([gzFile, '--max-bytes', '100k'])).records.map((r) => r.error?.code)).toEqual(['EFBIG']);
  });
});

describe('output paths', () => {
  it('mirror the names the user gave, without roots or leading ../', () => {
    expect(['a.txt', 'corpus/2005/a.txt', './a.txt', '../corpus/a.txt', '/data/a.txt', '-'].map(mirrorPath)).toEqual([
      'a.txt',
      'corpus/2005/a.txt',
      'a.txt',
      'corpus/a.txt',
      'data/a.txt',
      'stdin',
    ]);
  });

  it('keep member names inside their archive folder or refuse them', () => {
    expect(['dir/a.txt', './dir/a.txt', 'dir/../a.txt', '../a.txt', 'dir/../../a.txt', '/etc/passwd', 'C:/x.txt', '..\\x.txt', '.'].map(memberPath)).toEqual([
      'dir/a.txt',
      'dir/a.txt',
      'a.txt',
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });
});

describe('discoverInputs', () => {
  it('is lazy: a tar member is read as it streams past, one at a time', async () => {
    const file = join(dir, 'lazy.tar');
    writeFileSync(file, await tarBytes([{ name: 'a.txt', body: first }, { name: 'b.txt', body: second }]));
    const options: SourceOptions = { cwd: dir, stdin: process.stdin, maxBytes: 1 << 20, inputFormat: 'auto', include: [], exclude: [] };
    const seen: string[] = [];
    for await (const input of discoverInputs(['lazy.tar'], options)) seen.push(`${input.path}=${(await input.read()).length}`);
    expect(seen).toEqual([`lazy.tar:a.txt=${first.length}`, `lazy.tar:b.txt=${second.length}`]);
  });
});

describe('archives with --output-dir', () => {
  it('writes members under a folder named after the archive, and never writes an escaping member', async () => {
    const archive = join(dir, 'out-test.tar.gz');
    writeFileSync(archive, gzipSync(await tarBytes([{ name: 'wire/a.txt', body: first }, { name: '../../escape.txt', body: second }])));
    const out = mkdtempSync(join(tmpdir(), 'te-archive-out-'));
    const { code, stdout } = await runCli([archive, '--output-dir', out, '-f', 'ndjson', '-q', '-j', '1']);
    expect(code).toBe(1);
    const member = join(out, archive.replace(/^\//, ''), 'wire', 'a.txt.ndjson');
    expect(JSON.parse(readFileSync(member, 'utf8'))).toEqual(extract(first, { path: `${archive}:wire/a.txt` }));
    expect(JSON.parse(stdout).error.code).toBe('EUNSAFEPATH');
    expect(readdirSync(out)).toEqual([archive.split('/')[1]]);
  });
});
