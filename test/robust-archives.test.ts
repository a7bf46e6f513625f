import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { extract } from '../src/pipeline.js';
import { listFixtures, runCli } from './helpers.js';
import { tarBytes, zipBytes } from './sources-archives.js';

/**
 * Hostile and damaged archives, beyond test/sources-archives.test.ts (truncated tar.gz, a file
 * that is no zip, --max-bytes per member, ../ and absolute tar names): damage inside a zip
 * member, a cut zip, a zip whose sizes lie, absolute and drive-letter zip names, and a tar
 * whose member data is damaged; always an error record naming archive and member, and the
 * rest of the batch goes on.
 */
const [first, second] = listFixtures('articles').map((f) => readFileSync(f.input));
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'te-robust-archives-'));
});

async function ndjson(args: string[]) {
  const run = await runCli([...args, '-f', 'ndjson', '-q', '-j', '1']);
  const records = run.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return { ...run, records, outcome: records.map((r) => [r.source.path, r.error?.code ?? 'ok']) };
}

/** Renames a member in place (yazl refuses unsafe names, as it should); same length only. */
function renameInZip(zip: Buffer, from: string, to: string): Buffer {
  expect(to.length).toBe(from.length);
  return Buffer.from(zip.toString('latin1').split(from).join(to), 'latin1');
}

describe('damaged archives', () => {
  it('a zip member whose compressed data is damaged: an error record naming archive and member, the next member is read', async () => {
    const zip = await zipBytes([{ name: 'a.txt', body: first }, { name: 'b.txt', body: second }]);
    // the first member's data starts after its 30-byte local header and its name
    const damaged = Buffer.from(zip);
    for (let i = 40; i < 80; i++) damaged[i] ^= 0x5a;
    const file = join(dir, 'damaged.zip');
    writeFileSync(file, damaged);
    const { code, outcome, records, stderr } = await ndjson([file, listFixtures('articles')[0].input]);
    expect(code).toBe(1);
    expect(outcome).toEqual([
      [`${file}:a.txt`, 'EARCHIVE'],
      [`${file}:b.txt`, 'ok'],
      [listFixtures('articles')[0].input, 'ok'],
    ]);
    expect(records[0].error.message).toMatch(new RegExp(`^${file}:a\\.txt: corrupt or truncated zip archive: `));
    expect(stderr).toMatch(/damaged\.zip:a\.txt: corrupt or truncated zip archive/);
  });

  it('a zip cut short (its central directory lost): one error record naming the archive, then the next input', async () => {
    const zip = await zipBytes([{ name: 'a.txt', body: first }]);
    const file = join(dir, 'cut.zip');
    writeFileSync(file, zip.subarray(0, zip.length - 30));
    const { outcome } = await ndjson([file, listFixtures('articles')[0].input]);
    expect(outcome).toEqual([
      [file, 'EARCHIVE'],
      [listFixtures('articles')[0].input, 'ok'],
    ]);
  });

  it('a tar whose header checksum is damaged after a good member: the good member, then an error record', async () => {
    const tar = await tarBytes([{ name: 'a.txt', body: first }, { name: 'b.txt', body: second }]);
    const damaged = Buffer.from(tar);
    const second512 = 512 + Math.ceil(first.length / 512) * 512;
    damaged[second512 + 148] ^= 0x07; // the header checksum field of b.txt
    const file = join(dir, 'badsum.tar');
    writeFileSync(file, damaged);
    const { code, outcome } = await ndjson([file]);
    expect(code).toBe(1);
    expect(outcome[0]).toEqual([`${file}:a.txt`, 'ok']);
    expect(outcome[1][1]).toBe('EARCHIVE');
    expect(outcome).toHaveLength(2);
  });

  it('a gzip stream with a damaged trailer: EARCHIVE, not a crash', async () => {
    const gz = gzipSync(first);
    gz[gz.length - 5] ^= 0xff; // the CRC
    const file = join(dir, 'badcrc.txt.gz');
    writeFileSync(file, gz);
    expect((await ndjson([file])).outcome).toEqual([[file, 'EARCHIVE']]);
  });
});

describe('decompression bombs', () => {
  it('a zip member that inflates far beyond its size on record is stopped at --max-bytes', async () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 'treaty ');
    const zip = await zipBytes([{ name: 'bomb.txt', body: big }, { name: 'ok.txt', body: first }]);
    // lie about the uncompressed size in both headers: 5 MB claimed as 1 KB
    const lied = Buffer.from(zip);
    const claimed = Buffer.alloc(4);
    claimed.writeUInt32LE(big.length);
    const small = Buffer.alloc(4);
    small.writeUInt32LE(1024);
    for (let at = lied.indexOf(claimed); at !== -1; at = lied.indexOf(claimed, at + 4)) small.copy(lied, at);
    const file = join(dir, 'lying.zip');
    writeFileSync(file, lied);
    const { outcome } = await ndjson([file, '--max-bytes', '100k']);
    expect(outcome[0][0]).toBe(`${file}:bomb.txt`);
    expect(['EFBIG', 'EARCHIVE']).toContain(outcome[0][1]);
    expect(outcome[1]).toEqual([`${file}:ok.txt`, 'ok']);
  });

  it('a tar.gz of a 20 MB member compressing to a few kilobytes: EFBIG under --max-bytes, the next member read', async () => {
    const bomb = gzipSync(await tarBytes([{ name: 'bomb.txt', body: Buffer.alloc(20 * 1024 * 1024, 'a ') }, { name: 'ok.txt', body: first }]));
    expect(bomb.length).toBeLessThan(100_000);
    const file = join(dir, 'bomb.tar.gz');
    writeFileSync(file, bomb);
    expect((await ndjson([file, '--max-bytes', '1MB'])).outcome).toEqual([
      [`${file}:bomb.txt`, 'EFBIG'],
      [`${file}:ok.txt`, 'ok'],
    ]);
  });
});

describe('member names that would escape --output-dir', () => {
  it('zip members with absolute, drive-letter and backslash ../ names are refused; nothing is written outside', async () => {
    const names = ['aaaaaaaaaaaa.txt', 'bbbbbbbbbb.txt', 'cccccccccc.txt'];
    const hostile = ['/tmp/escape1.txt', 'C:/escape2.txt', '..\\escape3.txt'];
    let zip = await zipBytes([...names.map((name) => ({ name, body: first })), { name: 'fine/ok.txt', body: second }]);
    names.forEach((name, i) => (zip = renameInZip(zip, name, hostile[i])));
    const file = join(dir, 'escape.zip');
    writeFileSync(file, zip);
    const out = mkdtempSync(join(tmpdir(), 'te-escape-out-'));
    const { code, records } = await ndjson([file, '--output-dir', out]);
    expect(code).toBe(1);
    // the zip reader gives a backslash in a name as "/"
    expect(records.map((r) => [r.source.path, r.error.code])).toEqual(hostile.map((name) => [`${file}:${name.replace(/\\/g, '/')}`, 'EUNSAFEPATH']));
    const written = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(written.map((e) => join(e.parentPath, e.name))).toEqual([join(out, file.replace(/^\//, ''), 'fine', 'ok.txt.ndjson')]);
    expect(JSON.parse(readFileSync(join(written[0].parentPath, written[0].name), 'utf8'))).toEqual(extract(second, { path: `${file}:fine/ok.txt` }));
  });
});
