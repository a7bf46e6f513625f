import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { emptyStats, Progress, progressLine, summaryLine } from '../src/cli/progress.js';
import { runCli, listFixtures } from './helpers.js';

function capture() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c) => chunks.push(String(c)));
  return { stream, text: () => chunks.join('') };
}

describe('progress and summary', () => {
  it('formats the progress line with the total and ETA when the total is known', () => {
    const stats = { ...emptyStats(), articles: 1197, failed: 3 };
    expect(progressLine(stats, 5000, 10)).toBe('1200/5000 articles, 3 failed, 120/s, ETA 32s');
    expect(progressLine(stats, null, 10)).toBe('1200 articles, 3 failed, 120/s');
    expect(progressLine({ ...emptyStats(), articles: 10 }, 100_000, 4)).toBe('10/100000 articles, 2.5/s, ETA 11h06m');
  });

  it('sums up a batch in one line', () => {
    expect(summaryLine({ articles: 4998, failed: 2, skipped: 12, quotes: 14380, provisions: 212 }, 41.04)).toBe(
      'treaty-extract: 5000 articles, 2 failed, 12 skipped, 14380 quotes, 212 provisions, 41.0 s',
    );
  });

  it('draws in place on a terminal and clears the line before a message', () => {
    const err = capture();
    let now = 0;
    const progress = new Progress(err.stream, true, () => now);
    now = 1000;
    progress.update({ ...emptyStats(), articles: 5 });
    now = 1050; // too soon to redraw
    progress.update({ ...emptyStats(), articles: 6 });
    progress.message('treaty-extract: x.txt: cannot read: no such file');
    progress.finish({ ...emptyStats(), articles: 6 }, { summary: true });
    expect(err.text()).toBe(
      '\r\x1b[K5 articles, 5.0/s' + '\r\x1b[K' + 'treaty-extract: x.txt: cannot read: no such file\n' + 'treaty-extract: 6 articles, 0 failed, 0 quotes, 0 provisions, 1.1 s\n',
    );
  });

  it('draws nothing when standard error is not a terminal, and says nothing with --quiet', async () => {
    const [a, b] = listFixtures('articles');
    const plain = await runCli([a.input, b.input, '-f', 'ndjson', '-j', '1']);
    expect(plain.stderr).toMatch(/^treaty-extract: 2 articles, 0 failed, \d+ quotes, \d+ provisions, \d+\.\d s\n$/);
    expect((await runCli([a.input, b.input, '-f', 'ndjson', '-j', '1', '-q'])).stderr).toBe('');
    // a single article is not a batch: no summary
    expect((await runCli([a.input, '-f', 'ndjson'])).stderr).toBe('');
  });

  it('refuses options that do not go together, with exit code 2', async () => {
    const [a] = listFixtures('articles');
    expect((await runCli([a.input, '-o', '/tmp/x', '--output-dir', '/tmp/y'])).code).toBe(2);
    expect((await runCli([a.input, '--skip-existing'])).code).toBe(2);
    expect((await runCli([a.input, '-0'])).code).toBe(2);
    expect((await runCli(['-', '--files-from', '-'])).code).toBe(2);
    expect((await runCli([a.input, '--jobs', '0'])).code).toBe(2);
    expect((await runCli([a.input, '--max-bytes', 'lots'])).code).toBe(2);
    const missingList = await runCli(['--files-from', '/nonexistent/list.txt']);
    expect([missingList.code, missingList.stderr]).toEqual([2, 'treaty-extract: cannot read --files-from /nonexistent/list.txt: no such file\n']);
  });
});
