/**
 * What the report's summary shows, accumulated one record at a time so a corpus of any size
 * is summarised in memory proportional to its distinct treaties, speakers and months, not to
 * its articles. Counts only what the records say.
 */
import type { ArticleRecord, OutputRecord } from '../../types.js';
import { isErrorRecord } from '../../types.js';

export interface MatrixCell {
  /** provisions of this type asserted for the treaty */
  count: number;
  /** provisions of this type the articles deny ("contains no mutual-defense clause") */
  negated: number;
  /** anchor of the first provision, for the link */
  first: string;
}

/** One treaty as the corpus names it: articles naming it alike (name and parties) share a row. */
export interface TreatyRow {
  key: string;
  name: string;
  parties: string[];
  statuses: Set<string>;
  articles: number;
  first: string;
  cells: Map<string, MatrixCell>;
  /** private: the last article counted, so an article naming the treaty twice counts once */
  lastArticle: number;
}

export interface SpeakerRow {
  name: string;
  quotes: number;
  articles: number;
  roles: Map<string, number>;
  first: string;
  lastArticle: number;
}

export interface FailedInput {
  path: string;
  code: string;
  message: string;
  anchor: string;
}

/** Provisions whose treaty the article does not name share this row. */
export const NO_TREATY_KEY = '';

export class CorpusSummary {
  articles = 0;
  quotes = 0;
  provisions = 0;
  dated = 0;
  readonly failed: FailedInput[] = [];
  readonly treaties = new Map<string, TreatyRow>();
  readonly speakers = new Map<string, SpeakerRow>();
  /** "YYYY-MM" (or "YYYY" when only the year is known) -> provision type -> asserted provisions */
  readonly timeline = new Map<string, Map<string, number>>();
  readonly types = new Set<string>();

  /** `index` is the article's 1-based position in the input order; `anchor` its element id. */
  add(record: OutputRecord, index: number, anchor: string): void {
    if (isErrorRecord(record)) {
      this.failed.push({ path: record.source.path, code: record.error.code, message: record.error.message, anchor });
      return;
    }
    this.articles++;
    this.quotes += record.quotes.length;
    this.provisions += record.provisions.length;
    this.addTreaties(record, index, anchor);
    this.addSpeakers(record, index, anchor);
    this.addTimeline(record);
  }

  private addTreaties(record: ArticleRecord, index: number, anchor: string): void {
    const rows = new Map<string, TreatyRow>();
    for (const t of record.treaties) {
      const row = this.treatyRow(treatyKey(t.name, t.parties), t.name, t.parties, `${anchor}-${t.id}`, index);
      if (t.status) row.statuses.add(t.status);
      rows.set(t.id, row);
    }
    for (const p of record.provisions) {
      this.types.add(p.type);
      const row = (p.treaty && rows.get(p.treaty)) || this.treatyRow(NO_TREATY_KEY, '', [], `${anchor}-${p.id}`, index);
      const cell = row.cells.get(p.type) ?? { count: 0, negated: 0, first: `${anchor}-${p.id}` };
      if (p.negated) cell.negated++;
      else cell.count++;
      row.cells.set(p.type, cell);
    }
  }

  private treatyRow(key: string, name: string, parties: string[], first: string, index: number): TreatyRow {
    let row = this.treaties.get(key);
    if (!row) {
      row = { key, name, parties: [...parties].sort(), statuses: new Set(), articles: 0, first, cells: new Map(), lastArticle: 0 };
      this.treaties.set(key, row);
    }
    if (row.lastArticle !== index) {
      row.articles++;
      row.lastArticle = index;
    }
    return row;
  }

  private addSpeakers(record: ArticleRecord, index: number, anchor: string): void {
    for (const q of record.quotes) {
      if (!q.speaker) continue;
      const { name, role } = q.speaker;
      let row = this.speakers.get(name);
      if (!row) {
        row = { name, quotes: 0, articles: 0, roles: new Map(), first: `${anchor}-${q.id}`, lastArticle: 0 };
        this.speakers.set(name, row);
      }
      row.quotes++;
      if (row.lastArticle !== index) {
        row.articles++;
        row.lastArticle = index;
      }
      if (role) row.roles.set(role, (row.roles.get(role) ?? 0) + 1);
    }
  }

  private addTimeline(record: ArticleRecord): void {
    const period = periodOf(record.article.date);
    if (period === null) return;
    this.dated++;
    const counts = this.timeline.get(period) ?? new Map<string, number>();
    this.timeline.set(period, counts);
    for (const p of record.provisions) if (!p.negated) counts.set(p.type, (counts.get(p.type) ?? 0) + 1);
  }
}

/** Articles name a treaty alike when the names match up to case and a leading "the", and the parties match as a set. */
export function treatyKey(name: string, parties: string[]): string {
  const normal = name.toLowerCase().replace(/\s+/g, ' ').trim().replace(/^the /, '');
  return `${normal}|${[...parties].sort().join(';')}`;
}

function periodOf(date: string | null): string | null {
  const m = date && /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  return m[2] ? `${m[1]}-${m[2]}` : m[1];
}

/** The role a speaker is given most often (ties: alphabetical), or null. */
export function usualRole(row: SpeakerRow): string | null {
  let best: [string, number] | null = null;
  for (const entry of [...row.roles].sort((a, b) => a[0].localeCompare(b[0]))) if (!best || entry[1] > best[1]) best = entry;
  return best ? best[0] : null;
}
