import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { renderReport, ReportBuilder } from '../src/render/report/report.js';
import { highlightText } from '../src/render/report/highlight.js';
import { main } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';
import type { ArticleRecord } from '../src/types.js';
import { RECORD_A, RECORD_C, SAMPLE, TAXONOMY, TEXT_A, TEXT_C } from './render-sample.js';
import { ROOT, runCli } from './helpers.js';

const OPTIONS = { title: 'Sample <report>', pageSize: 100, taxonomy: TAXONOMY };

/** Markup removed and entities decoded: what a reader sees of a highlighted text. */
function visibleText(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Asserts the marks nest: every closing tag closes the innermost open one. */
function expectWellNested(html: string): void {
  const stack: string[] = [];
  for (const [, slash, tag] of html.matchAll(/<(\/?)(mark|span|b)\b[^>]*>/g)) {
    if (slash) expect(stack.pop()).toBe(tag);
    else stack.push(tag);
  }
  expect(stack).toEqual([]);
}

/** The matrix as {row key: {type: "count/negated"}} for the cells that hold something. */
function matrixCells(html: string): Record<string, Record<string, string>> {
  const matrix = html.slice(html.indexOf('<table class="matrix">'), html.indexOf('</table>', html.indexOf('<table class="matrix">')));
  const out: Record<string, Record<string, string>> = {};
  for (const [, key, row] of matrix.matchAll(/<tr data-treaty="([^"]*)">(.*?)<\/tr>/g)) {
    out[key] = {};
    for (const [, type, count, negated] of row.matchAll(/<td class="cell[^"]*" data-type="([^"]+)" data-count="(\d+)" data-negated="(\d+)"/g)) {
      if (count !== '0' || negated !== '0') out[key][type] = `${count}/${negated}`;
    }
  }
  return out;
}

describe('highlighted article text', () => {
  const { html, unplaced } = highlightText(RECORD_A, TEXT_A, 'a1');

  it('keeps every character of the text, escaped, and nests the marks even where a clause crosses a quote mark', () => {
    expect(unplaced).toBe(0);
    expect(visibleText(html)).toBe(TEXT_A);
    expect(html).toContain('changes the &lt;balance&gt; of the region');
    expectWellNested(html);
  });

  it('marks each quote and provision once with its id, and the cue words inside the clauses', () => {
    for (const id of ['q1', 'q2', 'q3', 'p1', 'p2', 'p3', 'p4']) expect(html.match(new RegExp(`id="a1-${id}"`, 'g'))).toHaveLength(1);
    const cues = [...html.matchAll(/<b class="cue">(.*?)<\/b>/g)].map((m) => visibleText(m[1]));
    expect(cues).toEqual(['armed attack against one party', 'attack against both parties', 'render assistance', 'military assistance', 'consult', 'basing rights']);
    expect(html).toContain('class="p t-basing_rights neg"');
    // clause p3 crosses quote q2's opening mark: the quote is split where the clause ends, its
    // second piece repeating the class without the id
    expect(html).toMatch(
      /<span class="p t-consultation" id="a1-p3"[^>]*>parties &quot;<mark class="q k-document" id="a1-q2"[^>]*>shall <b class="cue">consult<\/b> without delay<\/mark><\/span><mark class="q k-document" title="[^"]*"> when a threat arises<\/mark>/,
    );
  });

  it('leaves an item unmarked, and says so, when its span does not slice to its text', () => {
    const shifted: ArticleRecord = { ...RECORD_C, quotes: [{ ...RECORD_C.quotes[0], span: { start: 0, end: 5 } }] };
    const result = highlightText(shifted, TEXT_C, 'a9');
    expect(result.unplaced).toBe(1);
    expect(result.html).not.toContain('<mark');
  });
});

describe('the report (pure)', () => {
  const html = renderReport(SAMPLE, OPTIONS);

  it('is one self-contained document: inline style and script, a policy that forbids the network, nothing fetched', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/\b(?:src|href)="(?!#)/);
    expect(html).not.toMatch(/url\(/);
    expect(html).toContain('<title>Sample &lt;report&gt;</title>');
  });

  it('has the treaties × provision types matrix: rows for treaties named alike across articles, ¬ for denials', () => {
    expect(matrixCells(html)).toEqual({
      'defence pact|Estonia;Latvia': { mutual_defense: '2/0', consultation: '1/0', basing_rights: '0/1', joint_forces: '1/0' },
      'agreement on the port|': { basing_rights: '1/0' },
      '': { duration: '1/0' },
    });
    const header = [...html.matchAll(/<th data-type="([^"]+)">/g)].map((m) => m[1]);
    expect(header).toEqual(['mutual_defense', 'consultation', 'basing_rights', 'joint_forces', 'duration']);
    expect(html).toContain('<td>Estonia, Latvia</td><td>in_force, signed</td><td class="num">2</td>');
  });

  it('charts asserted provisions by month as inline SVG, and says which articles have no date', () => {
    const bars = [...html.matchAll(/<rect [^>]*data-period="([^"]+)" data-type="([^"]+)"><title>([^<]+)<\/title>/g)].map((m) => m[3]);
    // stacked in the taxonomy's order; the denied basing right of March is not counted
    expect(bars).toEqual(['2021-03 · mutual_defense: 2', '2021-03 · consultation: 1', '2021-04 · basing_rights: 1', '2021-04 · joint_forces: 1', '2021-04 · duration: 1']);
    expect(html).toContain('1 article without a date is not charted.');
  });

  it('lists the top speakers with their usual role, linked to their first quote', () => {
    expect(html).toContain('<tr><td><a href="#a1-q3">Kaja Tamm</a></td><td>Prime Minister</td><td class="num">1</td><td class="num">1</td></tr>');
    expect(html).toContain('<tr><td><a href="#a4-q1">Ivo Berg</a></td><td>a researcher</td>');
  });

  it('lists every input as an article, failed ones included, linked from the summary', () => {
    for (const anchor of ['a1', 'a2', 'a3', 'a4']) {
      expect(html).toContain(`<details class="article${anchor === 'a2' ? ' failed' : ''}" id="${anchor}">`);
      expect(html).toContain(`href="#${anchor}"`);
    }
    expect(html).toContain('<li><a href="#a2">news/missing.txt</a> <span class="tag bad">ENOENT</span>');
    expect(html).toContain('news/doubts, &quot;quoted&quot;.txt');
  });

  it('is deterministic', () => {
    expect(renderReport(SAMPLE, OPTIONS)).toBe(html);
  });
});

describe('large batches', () => {
  it('pages the articles, streams finished pages, and links each page from the pager', () => {
    const builder = new ReportBuilder({ ...OPTIONS, pageSize: 100 });
    const chunks: string[] = [];
    for (let i = 0; i < 250; i++) chunks.push(builder.add({ ...RECORD_A, source: { ...RECORD_A.source, path: `news/${i}.txt` } }, TEXT_A));
    // pages leave as soon as they fill: memory holds one page, not the batch
    expect(chunks.map((c, i) => (c ? i : -1)).filter((i) => i >= 0)).toEqual([99, 199]);
    const end = builder.finish();
    expect([...(chunks.join('') + end.body).matchAll(/<section class="page" id="(page-\d+)"/g)].map((m) => m[1])).toEqual(['page-1', 'page-2', 'page-3']);
    expect(end.head).toContain('<nav class="pager" aria-label="pages"><a href="#page-1">1–100</a> <a href="#page-2">101–200</a> <a href="#page-3">201–250</a></nav>');
    expect(end.head).toContain('<td>Estonia, Latvia</td><td>signed</td><td class="num">250</td>');
    expect(matrixCells(end.head)['defence pact|Estonia;Latvia']).toEqual({ mutual_defense: '500/0', consultation: '250/0', basing_rights: '0/250' });
  });
});

describe('treaty-extract report', () => {
  const article = 'fixtures/articles/nested-quotes/input.txt';

  it('writes the report file, one article per input in order, a failed input listed, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'report-test-'));
    try {
      const out = join(dir, 'report.html');
      const { code, stderr } = await runCli(['report', article, 'no/such.txt', '-o', out]);
      expect(code).toBe(1);
      expect(stderr).toBe('treaty-extract: no/such.txt: cannot read: no such file\n');
      const html = readFileSync(out, 'utf8');
      expect(html).toContain(`<details class="article" id="a1"><summary><span class="n">1</span> <span class="title">Tbilisi Insists Its Western Course Is Unchanged</span>`);
      expect(html).toContain('<details class="article failed" id="a2">');
      expect(html.endsWith('</html>\n')).toBe(true);
      expect(readdirSync(dir)).toEqual(['report.html']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes to standard output into a pipe, but asks for -o on a terminal', async () => {
    const piped = await runCli(['report', article]);
    expect(piped.code).toBe(0);
    expect(piped.stdout.startsWith('<!doctype html>')).toBe(true);
    const stdout = Object.assign(new PassThrough(), { isTTY: true });
    const stderr = new PassThrough();
    let message = '';
    stderr.on('data', (c) => (message += c));
    const io: CliIO = { stdin: Object.assign(Readable.from([]), { isTTY: true }), stdout, stderr, env: {}, cwd: ROOT };
    expect(await main(['report', article], io)).toBe(2);
    expect(message).toContain('name it with -o');
  });

  it('leaves no file behind when the output cannot be written (exit 2)', async () => {
    const { code, stderr } = await runCli(['report', article, '-o', 'no/such/dir/report.html']);
    expect(code).toBe(2);
    expect(stderr).toContain('cannot write');
    expect(existsSync(join(ROOT, 'no'))).toBe(false);
  });
});
