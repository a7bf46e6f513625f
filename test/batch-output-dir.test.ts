import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OutputDirectory } from '../src/cli/output.js';

/** The output directory's writes: temporary file and rename, nothing left behind, nothing outside. */
describe('OutputDirectory', () => {
  it('writes each record whole at DIR/<target>.<ext>, creating folders, leaving no temporary file', async () => {
    const root = mkdtempSync(join(tmpdir(), 'te-dir-'));
    const dir = new OutputDirectory(root, 'yaml');
    await dir.write('corpus/2005/a.txt', '---\na: 1\n');
    expect(readFileSync(join(root, 'corpus/2005/a.txt.yaml'), 'utf8')).toBe('---\na: 1\n');
    expect(readdirSync(join(root, 'corpus/2005'))).toEqual(['a.txt.yaml']);
    expect(await dir.exists('corpus/2005/a.txt')).toBe(true);
    expect(await dir.exists('corpus/2005/b.txt')).toBe(false);
  });

  it('leaves neither a temporary nor a partial file when the rename fails', async () => {
    const root = mkdtempSync(join(tmpdir(), 'te-dir-'));
    mkdirSync(join(root, 'blocked.txt.yaml', 'inside'), { recursive: true });
    const dir = new OutputDirectory(root, 'yaml');
    await expect(dir.write('blocked.txt', 'text')).rejects.toThrow();
    expect(readdirSync(root)).toEqual(['blocked.txt.yaml']);
    expect(readdirSync(join(root, 'blocked.txt.yaml'))).toEqual(['inside']);
  });

  it('refuses a folder inside DIR that is a link to somewhere outside', async () => {
    const root = mkdtempSync(join(tmpdir(), 'te-dir-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'te-elsewhere-'));
    symlinkSync(elsewhere, join(root, 'link'));
    const dir = new OutputDirectory(root, 'json');
    await expect(dir.write('link/a.txt', '{}')).rejects.toThrow(/outside the output directory/);
    expect(readdirSync(elsewhere)).toEqual([]);
  });
});
