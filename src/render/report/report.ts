/**
 * The HTML corpus report: one self-contained file (inline CSS, inline SVG, a few lines of
 * inline script, a Content-Security-Policy that forbids any network access) summarising a
 * batch of records and showing every article with its quotes and provisions marked.
 *
 * Built in one pass without holding the corpus: `add()` returns the HTML of each finished
 * page of articles (the caller appends it to the body, e.g. in a temporary file), and
 * `finish()` returns the head (summary, which needs every record) and the tail to put around
 * that body. `renderReport` does all of it in memory for small batches and tests.
 */
import type { OutputRecord } from '../../types.js';
import { articleSection, indexRow } from './article.js';
import { timelineSvg } from './chart.js';
import { attrs, esc, plural, typeClass } from './html.js';
import { REPORT_CSS, REPORT_SCRIPT } from './assets.js';
import { CorpusSummary, NO_TREATY_KEY, usualRole, type TreatyRow } from './summary.js';

export interface TaxonomyEntry {
  id: string;
  atop: string | null;
}

export interface ReportOptions {
  title: string;
  /** articles per page (the summary links open the right page) */
  pageSize: number;
  /** provision types in the order the rules define them: column order and colours */
  taxonomy: TaxonomyEntry[];
  /** how many speakers the summary lists */
  topSpeakers?: number;
}

/** Qualitative colours (Okabe–Ito without its pale yellow, then Tableau), one per provision type. */
const TYPE_COLORS = ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#8c564b', '#9467bd', '#17becf', '#bcbd22', '#e377c2', '#7f7f7f'];

export class ReportBuilder {
  private readonly summary = new CorpusSummary();
  private page: { row: string; section: string }[] = [];
  private pages = 0;
  private count = 0;

  constructor(private readonly options: ReportOptions) {}

  /** Adds the next record (with the decoded text its spans index, or null); returns body HTML ready to append, often ''. */
  add(record: OutputRecord, text: string | null): string {
    this.count++;
    const anchor = `a${this.count}`;
    this.summary.add(record, this.count, anchor);
    this.page.push({ row: indexRow(record, this.count, anchor), section: articleSection(record, text, this.count, anchor) });
    return this.page.length >= this.options.pageSize ? this.flushPage() : '';
  }

  /** Ends the batch: the last page (body HTML), then the head and tail to wrap the whole body in. */
  finish(): { body: string; head: string; tail: string } {
    const body = this.page.length ? this.flushPage() : '';
    return { body, head: this.head(), tail: `</section></main><script>${REPORT_SCRIPT}</script></body></html>\n` };
  }

  private flushPage(): string {
    const first = this.count - this.page.length + 1;
    this.pages++;
    const label = `Articles ${first}–${this.count}`;
    const html =
      `<section class="page"${attrs({ id: `page-${this.pages}`, 'aria-label': label })}><h3>${label}</h3>` +
      `<table class="index"><thead><tr><th>#</th><th>article</th><th>publication</th><th>date</th><th>treaties</th><th class="num">quotes</th><th class="num">provisions</th></tr></thead><tbody>${this.page.map((p) => p.row).join('')}</tbody></table>` +
      `${this.page.map((p) => p.section).join('\n')}</section>\n`;
    this.page = [];
    return html;
  }

  private columns(): TaxonomyEntry[] {
    const known = this.options.taxonomy.filter((t) => this.summary.types.has(t.id));
    const extra = [...this.summary.types].filter((t) => !this.options.taxonomy.some((k) => k.id === t)).sort();
    return [...known, ...extra.map((id) => ({ id, atop: null }))];
  }

  private colorOf = (type: string): string => {
    const order = [...this.options.taxonomy.map((t) => t.id), ...[...this.summary.types].sort()];
    return TYPE_COLORS[order.indexOf(type) % TYPE_COLORS.length];
  };

  private head(): string {
    const s = this.summary;
    const title = esc(this.options.title);
    const typeStyles = [...new Set([...this.options.taxonomy.map((t) => t.id), ...s.types])].map((t) => `.t-${typeClass(t)}{--c:${this.colorOf(t)}}`).join('');
    const totals = [plural(s.articles + s.failed.length, 'input'), plural(s.failed.length, 'failure'), plural(s.quotes, 'quote'), plural(s.provisions, 'provision'), plural(s.treaties.size - (s.treaties.has(NO_TREATY_KEY) ? 1 : 0), 'treaty', 'treaties')];
    return [
      '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>${title}</title><style>${REPORT_CSS}${typeStyles}</style></head><body>`,
      `<header><h1>${title}</h1><p class="totals">${totals.join(' · ')}</p>`,
      '<nav><a href="#matrix">Treaties × provision types</a> <a href="#timeline">Over time</a> <a href="#speakers">Speakers</a>',
      s.failed.length ? ' <a href="#failed">Failed inputs</a>' : '',
      ' <a href="#articles">Articles</a></nav></header><main>',
      this.matrix(),
      this.timeline(),
      this.speakers(),
      this.failed(),
      `<section id="articles"><h2>Articles</h2>${this.pager()}`,
    ].join('');
  }

  private matrix(): string {
    const columns = this.columns();
    const rows = [...this.summary.treaties.values()].sort(
      (a, b) => Number(a.key === NO_TREATY_KEY) - Number(b.key === NO_TREATY_KEY) || total(b) - total(a) || b.articles - a.articles || a.name.localeCompare(b.name),
    );
    if (!rows.length) return '<section id="matrix"><h2>Treaties × provision types</h2><p class="note">No treaty or provision was found in these articles.</p></section>';
    const head = columns.map((c) => `<th${attrs({ 'data-type': c.id })}><span class="swatch t-${typeClass(c.id)}"></span>${esc(c.id)}${c.atop ? `<br><small>${esc(c.atop)}</small>` : ''}</th>`).join('');
    const body = rows.map((row) => `<tr${attrs({ 'data-treaty': row.key })}>${treatyHeader(row)}${columns.map((c) => matrixCell(row, c.id)).join('')}</tr>`).join('');
    return (
      '<section id="matrix"><h2>Treaties × provision types</h2>' +
      '<p class="note">Each cell counts the provisions of that type the articles report for the treaty (¬ counts those they deny); it links to the first one. Articles that name a treaty alike (name and parties) share a row.</p>' +
      `<div class="scroll"><table class="matrix"><thead><tr><th>treaty</th><th>parties</th><th>status</th><th class="num">articles</th>${head}</tr></thead><tbody>${body}</tbody></table></div></section>`
    );
  }

  private timeline(): string {
    const s = this.summary;
    const heading = '<section id="timeline"><h2>Provision types over time</h2>';
    const undated = s.articles - s.dated;
    const note = undated ? `<p class="note">${plural(undated, 'article')} without a date ${undated === 1 ? 'is' : 'are'} not charted.</p>` : '';
    if (!s.timeline.size) return `${heading}<p class="note">No article states its date, so there is nothing to chart.</p></section>`;
    const charted = new Set([...s.timeline.values()].flatMap((counts) => [...counts.keys()]));
    const types = this.columns().map((c) => c.id).filter((t) => charted.has(t));
    if (!types.length) return `${heading}<p class="note">${plural(s.dated, 'dated article')} ${s.dated === 1 ? 'reports' : 'report'} no provisions.</p>${note}</section>`;
    const legend = types.map((t) => `<li><span class="swatch t-${typeClass(t)}"></span>${esc(t)}</li>`).join('');
    return `${heading}${timelineSvg(s.timeline, types, this.colorOf)}<ul class="legend">${legend}</ul>${note}</section>`;
  }

  private speakers(): string {
    const limit = this.options.topSpeakers ?? 25;
    const rows = [...this.summary.speakers.values()].sort((a, b) => b.quotes - a.quotes || b.articles - a.articles || a.name.localeCompare(b.name)).slice(0, limit);
    if (!rows.length) return '<section id="speakers"><h2>Top speakers</h2><p class="note">No quote has a speaker.</p></section>';
    const body = rows
      .map((r) => `<tr><td><a href="#${r.first}">${esc(r.name)}</a></td><td>${esc(usualRole(r) ?? '')}</td><td class="num">${r.quotes}</td><td class="num">${r.articles}</td></tr>`)
      .join('');
    return `<section id="speakers"><h2>Top speakers</h2><table class="speakers"><thead><tr><th>speaker</th><th>role (most often)</th><th class="num">quotes</th><th class="num">articles</th></tr></thead><tbody>${body}</tbody></table></section>`;
  }

  private failed(): string {
    if (!this.summary.failed.length) return '';
    const items = this.summary.failed.map((f) => `<li><a href="#${f.anchor}">${esc(f.path)}</a> <span class="tag bad">${esc(f.code)}</span> ${esc(f.message)}</li>`).join('');
    return `<section id="failed"><h2>Failed inputs</h2><ul>${items}</ul></section>`;
  }

  private pager(): string {
    if (this.pages < 2) return '';
    const links = Array.from({ length: this.pages }, (_, i) => `<a href="#page-${i + 1}">${i * this.options.pageSize + 1}–${Math.min((i + 1) * this.options.pageSize, this.count)}</a>`);
    return `<nav class="pager" aria-label="pages">${links.join(' ')}</nav>`;
  }
}

function total(row: TreatyRow): number {
  let n = 0;
  for (const cell of row.cells.values()) n += cell.count + cell.negated;
  return n;
}

function treatyHeader(row: TreatyRow): string {
  if (row.key === NO_TREATY_KEY) return '<th class="treaty"><i>treaty not named</i></th><td></td><td></td><td class="num">' + row.articles + '</td>';
  return `<th class="treaty"><a href="#${row.first}">${esc(row.name)}</a></th><td>${esc(row.parties.join(', '))}</td><td>${esc([...row.statuses].sort().join(', '))}</td><td class="num">${row.articles}</td>`;
}

function matrixCell(row: TreatyRow, type: string): string {
  const cell = row.cells.get(type);
  if (!cell) return `<td${attrs({ class: 'cell empty', 'data-type': type, 'data-count': 0, 'data-negated': 0 })}></td>`;
  const label = `${cell.count || ''}${cell.negated ? `<span class="neg" title="denied">¬${cell.negated}</span>` : ''}`;
  return `<td${attrs({ class: `cell t-${typeClass(type)}`, 'data-type': type, 'data-count': cell.count, 'data-negated': cell.negated })}><a href="#${cell.first}">${label}</a></td>`;
}

/** The whole report in memory: for tests and small batches (the CLI streams through ReportBuilder). */
export function renderReport(items: Iterable<{ record: OutputRecord; text: string | null }>, options: ReportOptions): string {
  const builder = new ReportBuilder(options);
  let body = '';
  for (const { record, text } of items) body += builder.add(record, text);
  const end = builder.finish();
  return end.head + body + end.body + end.tail;
}
