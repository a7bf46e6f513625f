import { chmodSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/pipeline.js';
import { listFixtures, runCli } from './helpers.js';
import { tarBytes } from './sources-archives.js';

/**
 * Bad inputs of every kind, through the in-memory CLI: each gets a record or an error record
 * in its place, the batch goes on, and the exit code says whether anything failed.
 */
const article = readFileSync(listFixtures('articles')[0].input);
let dir: string;
const at = (...parts: string[]) => join(dir, ...parts);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'te-robust-'));
  writeFileSync(at('good.txt'), article);
});

async function batch(args: string[], stdin?: string) {
  const run = await runCli([...args, '-f', 'ndjson', '-q', '-j', '1'], stdin);
  const records = run.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return { ...run, records, outcome: records.map((r) => [r.source.path, r.error?.code ?? 'ok']) };
}

const EMPTY_LISTS = { treaties: [], quotes: [], provisions: [], entities: { people: [], places: [], organizations: [] } };

describe('binary files', () => {
  const samples: [string, Buffer][] = [
    ['nul.txt', Buffer.from('Plain words\0then a NUL byte')],
    ['image.png', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.from('IHDR')])],
    ['program.exe', Buffer.concat([Buffer.from('MZ\x90\0\x03\0\0\0\x04\0\0\0', 'latin1'), Buffer.alloc(64, 0xff)])],
    ['elf.txt', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00])],
    ['controls.txt', Buffer.from(Array.from({ length: 200 }, (_, i) => (i % 3 ? 0x41 : 0x01)))],
  ];

  it('each gets an EBINARY error record in its place and the batch goes on (exit 1)', async () => {
    for (const [name, bytes] of samples) writeFileSync(at(name), bytes);
    const { code, outcome, records, stderr } = await batch([at('good.txt'), ...samples.map(([name]) => at(name)), at('good.txt')]);
    expect(code).toBe(1);
    expect(outcome).toEqual([[at('good.txt'), 'ok'], ...samples.map(([name]) => [at(name), 'EBINARY']), [at('good.txt'), 'ok']]);
    expect(records[1].error.message).toBe(`${at('nul.txt')}: binary data (NUL or control bytes), not text`);
    // one line per failure, never a stack trace
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(samples.length);
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});

describe('empty inputs', () => {
  it.each([
    ['empty', ''],
    ['whitespace only', ' \n\t\r\n  \n'],
    ['a header line only', 'Publication: Eurasia Daily Monitor Volume: 4 Issue: 12\n'],
    ['a BOM only', '\ufeff'],
  ])('%s: a valid record with empty lists (exit 0)', async (_name, text) => {
    const file = at(`${_name.replace(/\s+/g, '-')}.txt`);
    writeFileSync(file, text);
    const { code, records } = await batch([file]);
    expect(code).toBe(0);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ ...EMPTY_LISTS, warnings: [] });
    expect(records[0].source.bytes).toBe(Buffer.byteLength(text));
  });

  it('a header line still gives its metadata', () => {
    expect(extract('Publication: Eurasia Daily Monitor Volume: 4 Issue: 12\n').article).toEqual({
      title: null,
      publication: 'Eurasia Daily Monitor',
      volume: 4,
      issue: 12,
      date: null,
      sources: [],
      paragraphs: 1,
    });
  });

  it('empty standard input is one empty record', async () => {
    const { code, records } = await batch(['-'], '');
    expect(code).toBe(0);
    expect(records).toEqual([extract('', { path: '-' })]);
  });
});

describe('paths', () => {
  it('a missing file, a dangling link and a link to itself: an error record each, in place', async () => {
    symlinkSync(at('nowhere.txt'), at('dangling.txt'));
    symlinkSync(at('self.txt'), at('self.txt'));
    const { code, outcome, stderr } = await batch([at('missing.txt'), at('dangling.txt'), at('self.txt'), at('good.txt')]);
    expect(code).toBe(1);
    expect(outcome).toEqual([
      [at('missing.txt'), 'ENOENT'],
      [at('dangling.txt'), 'ENOENT'],
      [at('self.txt'), 'ELOOP'],
      [at('good.txt'), 'ok'],
    ]);
    expect(stderr).toBe(
      [`${at('missing.txt')}: cannot read: no such file`, `${at('dangling.txt')}: cannot read: no such file`, `${at('self.txt')}: cannot read: too many symbolic links`]
        .map((line) => `treaty-extract: ${line}\n`)
        .join(''),
    );
  });

  it('a directory walk survives dangling links and a link loop, reading each file once', async () => {
    const tree = at('tree');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    writeFileSync(join(tree, 'a.txt'), article);
    writeFileSync(join(tree, 'sub', 'b.txt'), article);
    symlinkSync('..', join(tree, 'sub', 'up'));
    symlinkSync(tree, join(tree, 'sub', 'again'));
    symlinkSync('gone.txt', join(tree, 'sub', 'dangling.txt'));
    const { code, outcome } = await batch([tree]);
    expect(code).toBe(1);
    expect(outcome).toEqual([
      [join(tree, 'a.txt'), 'ok'],
      [join(tree, 'sub', 'b.txt'), 'ok'],
      [join(tree, 'sub', 'dangling.txt'), 'ENOENT'],
    ]);
  });

  it('a directory where a file is expected: --rules, --files-from and --output are usage errors (exit 2, one line)', async () => {
    for (const args of [['--rules', dir, at('good.txt')], ['--files-from', dir], [at('good.txt'), '-o', dir]]) {
      const { code, stdout, stderr } = await runCli(args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^treaty-extract: /);
    }
  });

  it('a directory named in a --files-from list is walked like one on the command line', async () => {
    const tree = at('listed');
    mkdirSync(tree);
    writeFileSync(join(tree, 'x.txt'), article);
    const { outcome } = await batch(['--files-from', '-'], `${tree}\n`);
    expect(outcome).toEqual([[join(tree, 'x.txt'), 'ok']]);
  });

  it('an unreadable file: an EACCES error record in place (skipped, with a note, when running as root)', async (context) => {
    if (process.getuid?.() === 0) context.skip('running as root: file permissions do not stop reads');
    const file = at('locked.txt');
    writeFileSync(file, article);
    chmodSync(file, 0o000);
    const { outcome } = await batch([file, at('good.txt')]);
    expect(outcome).toEqual([
      [file, 'EACCES'],
      [at('good.txt'), 'ok'],
    ]);
  });

  it('names with spaces, newlines, quotes and non-ASCII letters are read and named as given', async () => {
    const names = ['with space.txt', 'new\nline.txt', 'quote"and\'apostrophe.txt', 'Zürich–Genève.txt', '-dash-first.txt'];
    for (const name of names) writeFileSync(at(name), article);
    const { code, records } = await batch(names.map((n) => at(n)));
    expect(code).toBe(0);
    expect(records).toEqual(names.map((n) => extract(article, { path: at(n) })));
  });

  it('a name that is not valid UTF-8, found in a directory walk, is read by its bytes and shown with U+FFFD', async () => {
    const tree = at('bytes');
    mkdirSync(tree);
    const folder = Buffer.concat([Buffer.from(`${tree}/dir`), Buffer.from([0xe9])]);
    mkdirSync(folder);
    writeFileSync(Buffer.concat([Buffer.from(`${tree}/bad`), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]), article);
    writeFileSync(Buffer.concat([folder, Buffer.from('/inner.txt')]), article);
    writeFileSync(join(tree, 'good.txt'), article);
    const { code, records } = await batch([tree]);
    expect(code).toBe(0);
    expect(records).toEqual([join(tree, 'bad\ufffd\ufffd.txt'), join(tree, 'dir\ufffd', 'inner.txt'), join(tree, 'good.txt')].map((path) => extract(article, { path })));
  });
});

describe('accounting', () => {
  it('a mixed batch: one record or error record per input, in input order, the same for any --jobs, exit 1', async () => {
    const mixed = at('mixed');
    mkdirSync(mixed);
    writeFileSync(join(mixed, 'a.txt'), article);
    writeFileSync(join(mixed, 'b.txt'), '');
    writeFileSync(join(mixed, 'c.txt'), Buffer.from([0, 1, 2, 3]));
    const archive = at('mixed.tar.gz');
    const whole = gzipSync(await tarBytes([{ name: 'm1.txt', body: article }, { name: '../escape.txt', body: article }, { name: 'm2.txt', body: 'Short text.' }]));
    writeFileSync(archive, whole);
    const cut = at('cut.tar.gz');
    writeFileSync(cut, whole.subarray(0, 40));
    const inputs = [at('good.txt'), at('missing.txt'), mixed, archive, cut, at('good.txt')];
    const expected = [
      [at('good.txt'), 'ok'],
      [at('missing.txt'), 'ENOENT'],
      [join(mixed, 'a.txt'), 'ok'],
      [join(mixed, 'b.txt'), 'ok'],
      [join(mixed, 'c.txt'), 'EBINARY'],
      [`${archive}:m1.txt`, 'ok'],
      [`${archive}:../escape.txt`, 'EUNSAFEPATH'],
      [`${archive}:m2.txt`, 'ok'],
      [cut, 'EARCHIVE'],
      [at('good.txt'), 'ok'],
    ];
    const runs = [];
    for (const jobs of ['1', '2', '2']) {
      const run = await runCli([...inputs, '-f', 'ndjson', '-j', jobs]);
      expect(run.code).toBe(1);
      runs.push(run);
    }
    const records = runs[0].stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records.map((r) => [r.source.path, r.error?.code ?? 'ok'])).toEqual(expected);
    // the summary counts every input, and the output is byte-identical across runs and --jobs
    expect(runs[0].stderr).toMatch(new RegExp(`treaty-extract: ${expected.length} articles, ${expected.filter(([, c]) => c !== 'ok').length} failed, `));
    expect(runs[1].stdout).toBe(runs[0].stdout);
    expect(runs[2].stdout).toBe(runs[0].stdout);
  });

  it('exit 0 when nothing failed, even with empty inputs', async () => {
    writeFileSync(at('blank.txt'), '\n\n');
    expect((await batch([at('good.txt'), at('blank.txt')])).code).toBe(0);
  });
});
