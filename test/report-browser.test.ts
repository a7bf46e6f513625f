/**
 * The HTML report in a real browser: Debian's Chromium driven by playwright-core. Where
 * /usr/bin/chromium is missing (.ci/run installs it when it can) the tests are skipped, and
 * say so on the console and in the summary: never passed without running.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { renderReport } from '../src/render/report/report.js';
import { NO_TREATY_KEY, treatyKey } from '../src/render/report/summary.js';
import { extract } from '../src/pipeline.js';
import type { ArticleRecord } from '../src/types.js';
import { RECORD_A, SAMPLE, TAXONOMY, TEXT_A } from './render-sample.js';
import { listFixtures, readBytes, runCli } from './helpers.js';

/** Debian's Chromium; CHROMIUM_PATH points elsewhere (e.g. a missing path, to see the skip). */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
/** Where the screenshot of the fixtures' report is left for people to look at. */
const SCREENSHOT = process.env.REPORT_SCREENSHOT ?? join(tmpdir(), 'treaty-extract-report.png');

if (!available) {
  console.warn(`\n*** SKIPPED: the HTML report browser tests: ${CHROMIUM} is missing (apt-get install chromium) ***\n`);
}

interface Visit {
  page: Page;
  /** console errors, uncaught page errors, and any request that left the file */
  problems: string[];
}

describe.skipIf(!available)('the HTML report in Chromium', () => {
  let context: BrowserContext;
  let profile: string;
  let dir: string;

  beforeAll(async () => {
    profile = mkdtempSync(join(tmpdir(), 'chromium-profile-'));
    dir = mkdtempSync(join(tmpdir(), 'report-browser-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(html: string, name: string, hash = ''): Promise<Visit> {
    const file = join(dir, name);
    writeFileSync(file, html);
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('request', (r) => {
      if (!/^(?:file|data|about):/.test(r.url())) problems.push(`network: ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href + hash);
    await page.waitForLoadState('load');
    return { page, problems };
  }

  /** The matrix as the reader sees it: row key -> type -> "asserted/denied", for cells that hold something. */
  function readMatrix(page: Page): Promise<Record<string, Record<string, string>>> {
    return page.$$eval('table.matrix tbody tr', (rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.getAttribute('data-treaty') ?? '',
          Object.fromEntries(
            [...row.querySelectorAll('td.cell:not(.empty)')].map((cell) => [cell.getAttribute('data-type'), `${cell.getAttribute('data-count')}/${cell.getAttribute('data-negated')}`]),
          ),
        ]),
      ),
    );
  }

  it('renders the sample report without console errors or network requests, with the expected matrix cells and chart', async () => {
    const { page, problems } = await open(renderReport(SAMPLE, { title: 'Sample', pageSize: 100, taxonomy: TAXONOMY }), 'sample.html');
    expect(await page.isVisible('table.matrix')).toBe(true);
    expect(await readMatrix(page)).toEqual({
      'defence pact|Estonia;Latvia': { mutual_defense: '2/0', consultation: '1/0', basing_rights: '0/1', joint_forces: '1/0' },
      'agreement on the port|': { basing_rights: '1/0' },
      '': { duration: '1/0' },
    });
    // the cell text a reader sees: a count, and ¬n for denials
    expect(await page.textContent('tr[data-treaty="defence pact|Estonia;Latvia"] td[data-type="basing_rights"]')).toBe('¬1');
    expect(await page.locator('svg.timeline rect').count()).toBe(5);
    const box = await page.locator('svg.timeline').boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('opens the article and shows the provision when a matrix cell is followed', async () => {
    const { page, problems } = await open(renderReport(SAMPLE, { title: 'Sample', pageSize: 100, taxonomy: TAXONOMY }), 'links.html');
    expect(await page.isVisible('#a1-p3')).toBe(false);
    await page.click('tr[data-treaty="defence pact|Estonia;Latvia"] td[data-type="consultation"] a');
    await page.waitForFunction(() => location.hash === '#a1-p3');
    expect(await page.$eval('#a1', (d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.isVisible('#a1-p3')).toBe(true);
    expect(await page.locator('#a1-p3').isVisible()).toBe(true);
    expect(await page.$eval('#a1-p3 b.cue', (b) => b.textContent)).toBe('consult');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows one page of a large batch at a time and turns to the page a link points into', async () => {
    const many = Array.from({ length: 250 }, (_, i) => ({ record: { ...RECORD_A, source: { ...RECORD_A.source, path: `news/${i + 1}.txt` } } as ArticleRecord, text: TEXT_A }));
    const { page, problems } = await open(renderReport(many, { title: 'Many', pageSize: 100, taxonomy: TAXONOMY }), 'many.html');
    const visiblePages = () => page.$$eval('section.page', (pages) => pages.filter((p) => (p as HTMLElement).offsetParent !== null).map((p) => p.id));
    expect(await visiblePages()).toEqual(['page-1']);
    await page.click('nav.pager a[href="#page-3"]');
    await page.waitForFunction(() => location.hash === '#page-3');
    expect(await visiblePages()).toEqual(['page-3']);
    await page.evaluate(() => (location.hash = '#a150-q3'));
    await page.waitForFunction(() => (document.getElementById('a150') as HTMLDetailsElement).open);
    expect(await visiblePages()).toEqual(['page-2']);
    expect(await page.isVisible('#a150-q3')).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('renders the report of every fixture from the CLI: matrix as the records say, and a screenshot', async () => {
    const inputs = listFixtures('articles').map((f) => f.input);
    const out = join(dir, 'fixtures.html');
    const { code } = await runCli(['report', ...inputs, '-o', out, '--title', 'Fixtures']);
    expect(code).toBe(0);
    const { page, problems } = await open(readFileSync(out, 'utf8'), 'fixtures-copy.html');

    // the cells the records imply: asserted and denied provisions per treaty (named alike) and type
    const expected: Record<string, Record<string, [number, number]>> = {};
    for (const input of inputs) {
      const record = extract(readBytes(input), { path: input });
      for (const p of record.provisions) {
        const treaty = record.treaties.find((t) => t.id === p.treaty);
        const key = treaty ? treatyKey(treaty.name, treaty.parties) : NO_TREATY_KEY;
        const cell = ((expected[key] ??= {})[p.type] ??= [0, 0]);
        cell[p.negated ? 1 : 0]++;
      }
    }
    const matrix = await readMatrix(page);
    const shown = Object.fromEntries(Object.entries(matrix).filter(([, cells]) => Object.keys(cells).length));
    expect(shown).toEqual(Object.fromEntries(Object.entries(expected).map(([key, cells]) => [key, Object.fromEntries(Object.entries(cells).map(([t, [n, neg]]) => [t, `${n}/${neg}`]))])));
    // the seed article's treaty carries the provision types of its gold annotation
    const seed = Object.entries(matrix).find(([key]) => key.endsWith('|Russia;Uzbekistan'));
    expect(Object.keys(seed?.[1] ?? {}).sort()).toEqual(['basing_rights', 'consultation', 'military_aid', 'mutual_defense']);

    await page.screenshot({ path: SCREENSHOT, fullPage: false });
    const png = readFileSync(SCREENSHOT);
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1280, 900]);
    console.log(`report screenshot: ${SCREENSHOT}`);
    expect(problems).toEqual([]);
    await page.close();
  });
});

// where Chromium is missing, the summary counts these as skipped and names why
if (!available) {
  describe('the HTML report in Chromium', () => {
    it.skip(`SKIPPED: ${CHROMIUM} is missing; install it with apt-get install chromium`, () => {});
  });
}
