/**
 * One article of the report: a collapsed <details> holding its metadata, treaties, the text
 * with quotes and provisions marked, and tables of both linking into the text.
 */
import type { ArticleRecord, OutputRecord } from '../../types.js';
import { isErrorRecord } from '../../types.js';
import { highlightText } from './highlight.js';
import { attrs, esc, plural, typeClass } from './html.js';

/** The article's row in its page's index table. */
export function indexRow(record: OutputRecord, index: number, anchor: string): string {
  if (isErrorRecord(record)) {
    return `<tr class="failed"><td>${index}</td><td><a href="#${anchor}">${esc(record.source.path)}</a></td><td colspan="5">failed: ${esc(record.error.code)}</td></tr>`;
  }
  const a = record.article;
  const cells = [
    `<a href="#${anchor}">${esc(a.title ?? record.source.path)}</a>`,
    esc(a.publication ?? ''),
    esc(a.date ?? ''),
    esc(record.treaties.map((t) => t.name).join('; ')),
    String(record.quotes.length),
    String(record.provisions.length),
  ];
  return `<tr><td>${index}</td>${cells.map((c, i) => `<td${i >= 4 ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`;
}

export function articleSection(record: OutputRecord, text: string | null, index: number, anchor: string): string {
  if (isErrorRecord(record)) {
    return `<details class="article failed" id="${anchor}"><summary><span class="n">${index}</span> ${esc(record.source.path)} <span class="tag bad">${esc(record.error.code)}</span></summary><div class="body"><p>${esc(record.error.message)}</p></div></details>`;
  }
  const a = record.article;
  const meta = [a.publication, a.volume === null ? null : `vol. ${a.volume}`, a.issue === null ? null : `issue ${a.issue}`, a.date].filter((x): x is string => !!x);
  const summary = `<summary><span class="n">${index}</span> <span class="title">${esc(a.title ?? record.source.path)}</span> <span class="meta">${esc(meta.join(' · '))}</span> <span class="counts">${plural(record.quotes.length, 'quote')} · ${plural(record.provisions.length, 'provision')}</span></summary>`;
  const parts = [
    `<p class="source">${esc(record.source.path)} · ${esc(record.source.encoding)} · ${plural(record.source.bytes, 'byte')}${a.sources.length ? ` · sources: ${esc(a.sources.join(', '))}` : ''}</p>`,
    treatiesList(record, anchor),
    textBlock(record, text, anchor),
    quotesTable(record, anchor),
    provisionsTable(record, anchor),
    warningsList(record),
  ];
  return `<details class="article" id="${anchor}">${summary}<div class="body">${parts.join('')}</div></details>`;
}

function treatiesList(record: ArticleRecord, anchor: string): string {
  if (!record.treaties.length) return '';
  const items = record.treaties.map((t) => {
    const signed = [t.signed.date, t.signed.place && `in ${t.signed.place}`].filter(Boolean).join(' ');
    const facts = [t.parties.length ? t.parties.join(', ') : 'parties not stated', signed && `signed ${signed}`, t.status && `status: ${t.status}`].filter(Boolean).join(' · ');
    return `<li id="${anchor}-${t.id}"><b>${esc(t.id)}</b> ${esc(t.name)} <span class="meta">${esc(facts)}</span></li>`;
  });
  return `<h4>Treaties</h4><ul class="treaties">${items.join('')}</ul>`;
}

function textBlock(record: ArticleRecord, text: string | null, anchor: string): string {
  if (text === null) return '<p class="note">The text of this article is not available; its quotes and provisions are listed below.</p>';
  const { html, unplaced } = highlightText(record, text, anchor);
  const note = unplaced ? `<p class="note">${plural(unplaced, 'item')} could not be placed in the text and ${unplaced === 1 ? 'is' : 'are'} only listed below.</p>` : '';
  return `<h4>Text</h4>${note}<div class="text">${html}</div>`;
}

function quotesTable(record: ArticleRecord, anchor: string): string {
  if (!record.quotes.length) return '';
  const rows = record.quotes.map((q) => {
    const s = q.speaker;
    return `<tr><td><a href="#${anchor}-${q.id}">${esc(q.id)}</a></td><td><span class="tag k-${q.kind}">${esc(q.kind)}</span></td><td>${esc(s?.name ?? '')}</td><td>${esc(s?.role ?? '')}</td><td>${esc(q.cue ?? '')}${q.addressee ? ` → ${esc(q.addressee)}` : ''}</td><td class="quote-text">${esc(q.text)}</td></tr>`;
  });
  return `<h4>Quotes</h4><table class="items"><thead><tr><th>id</th><th>kind</th><th>speaker</th><th>role</th><th>cue</th><th>text</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function provisionsTable(record: ArticleRecord, anchor: string): string {
  if (!record.provisions.length) return '';
  const rows = record.provisions.map((p) => {
    const how = [p.evidence, p.quote && `in ${p.quote}`, p.modality, p.reciprocal === null ? null : p.reciprocal ? 'reciprocal' : 'one-sided'].filter(Boolean).join(' · ');
    const conditions = p.conditions.map((c) => `${c.kind}: ${c.text}`).join('; ');
    return `<tr${attrs({ class: p.negated ? 'neg' : null })}><td><a href="#${anchor}-${p.id}">${esc(p.id)}</a></td><td><span class="swatch t-${typeClass(p.type)}"></span>${esc(p.type)}${p.negated ? ' <span class="tag bad">negated</span>' : ''}</td><td>${esc(p.atop ?? '')}</td><td>${esc(p.treaty ?? '')}</td><td>${esc(how)}</td><td>${esc(conditions)}</td><td>${esc(p.cues.join(', '))}</td></tr>`;
  });
  return `<h4>Provisions</h4><table class="items"><thead><tr><th>id</th><th>type</th><th>ATOP</th><th>treaty</th><th>evidence</th><th>conditions</th><th>cues</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function warningsList(record: ArticleRecord): string {
  if (!record.warnings.length) return '';
  return `<h4>Warnings</h4><ul class="warnings">${record.warnings.map((w) => `<li><b>${esc(w.code)}</b>${w.offset === null ? '' : ` at ${w.offset}`}: ${esc(w.message)}</li>`).join('')}</ul>`;
}
