/**
 * Tables for spreadsheets and data frames (`--format csv|tsv --table NAME`): one row per
 * item, the source path first, then the item's id and every scalar field of the record;
 * nested objects are flattened to `parent_field` columns and lists joined with "; ".
 * The YAML/JSON record stays the lossless form; a table is a view of it.
 */
import type { ArticleRecord, OutputRecord } from '../types.js';
import { isErrorRecord } from '../types.js';

export type Cell = string | number | boolean | null;

interface Column<T> {
  name: string;
  value: (item: T) => Cell;
}

/** A table of one kind of item: its column names and the rows one article gives. */
interface Table {
  columns: string[];
  rows: (record: ArticleRecord) => Cell[][];
}

function itemTable<T>(items: (record: ArticleRecord) => T[], columns: Column<T>[]): Table {
  return {
    columns: columns.map((c) => c.name),
    rows: (record) => items(record).map((item) => [record.source.path, ...columns.map((c) => c.value(item))]),
  };
}

/** Lists inside one cell are joined with this. */
export const LIST_SEPARATOR = '; ';

const join = (values: string[]): string => values.join(LIST_SEPARATOR);

type Quote = ArticleRecord['quotes'][number];
type Provision = ArticleRecord['provisions'][number];
type Treaty = ArticleRecord['treaties'][number];
interface EntityRow {
  kind: 'person' | 'place' | 'organization';
  name: string;
  role: string | null;
  mentions: number;
}

const QUOTES = itemTable<Quote>(
  (r) => r.quotes,
  [
    { name: 'id', value: (q) => q.id },
    { name: 'kind', value: (q) => q.kind },
    { name: 'text', value: (q) => q.text },
    { name: 'speaker_name', value: (q) => q.speaker?.name ?? null },
    { name: 'speaker_mention', value: (q) => q.speaker?.mention ?? null },
    { name: 'speaker_role', value: (q) => q.speaker?.role ?? null },
    { name: 'speaker_rule', value: (q) => q.speaker?.rule ?? null },
    { name: 'cue', value: (q) => q.cue },
    { name: 'addressee', value: (q) => q.addressee },
    { name: 'citation_source', value: (q) => q.citation?.source ?? null },
    { name: 'citation_date', value: (q) => q.citation?.date ?? null },
    { name: 'paragraph', value: (q) => q.paragraph },
    { name: 'span_start', value: (q) => q.span.start },
    { name: 'span_end', value: (q) => q.span.end },
    { name: 'nested', value: (q) => join(q.nested.map((n) => n.text)) },
    { name: 'confidence', value: (q) => q.confidence },
  ],
);

const PROVISIONS = itemTable<Provision>(
  (r) => r.provisions,
  [
    { name: 'id', value: (p) => p.id },
    { name: 'type', value: (p) => p.type },
    { name: 'atop', value: (p) => p.atop },
    { name: 'text', value: (p) => p.text },
    { name: 'evidence', value: (p) => p.evidence },
    { name: 'quote', value: (p) => p.quote },
    { name: 'treaty', value: (p) => p.treaty },
    { name: 'modality', value: (p) => p.modality },
    { name: 'reciprocal', value: (p) => p.reciprocal },
    { name: 'negated', value: (p) => p.negated },
    { name: 'conditions', value: (p) => join(p.conditions.map((c) => `${c.kind}: ${c.text}`)) },
    { name: 'cues', value: (p) => join(p.cues) },
    { name: 'cue_ids', value: (p) => join(p.cue_ids) },
    { name: 'span_start', value: (p) => p.span.start },
    { name: 'span_end', value: (p) => p.span.end },
    { name: 'confidence', value: (p) => p.confidence },
  ],
);

const TREATIES = itemTable<Treaty>(
  (r) => r.treaties,
  [
    { name: 'id', value: (t) => t.id },
    { name: 'name', value: (t) => t.name },
    { name: 'parties', value: (t) => join(t.parties) },
    { name: 'signed_date', value: (t) => t.signed.date },
    { name: 'signed_place', value: (t) => t.signed.place },
    { name: 'status', value: (t) => t.status },
    { name: 'span_start', value: (t) => t.span.start },
    { name: 'span_end', value: (t) => t.span.end },
  ],
);

const ENTITIES = itemTable<EntityRow>(
  (r) => [
    ...r.entities.people.map((e) => ({ kind: 'person' as const, name: e.name, role: e.role, mentions: e.mentions })),
    ...r.entities.places.map((e) => ({ kind: 'place' as const, name: e.name, role: null, mentions: e.mentions })),
    ...r.entities.organizations.map((e) => ({ kind: 'organization' as const, name: e.name, role: null, mentions: e.mentions })),
  ],
  [
    { name: 'kind', value: (e) => e.kind },
    { name: 'name', value: (e) => e.name },
    { name: 'role', value: (e) => e.role },
    { name: 'mentions', value: (e) => e.mentions },
  ],
);

/**
 * One row per input, failed ones included (their error columns filled), so a table run
 * accounts for every input and carries what the item tables are joined on: the article's
 * date, publication and counts.
 */
const ARTICLE_COLUMNS: Column<ArticleRecord>[] = [
  { name: 'title', value: (r) => r.article.title },
  { name: 'publication', value: (r) => r.article.publication },
  { name: 'volume', value: (r) => r.article.volume },
  { name: 'issue', value: (r) => r.article.issue },
  { name: 'date', value: (r) => r.article.date },
  { name: 'sources', value: (r) => join(r.article.sources) },
  { name: 'paragraphs', value: (r) => r.article.paragraphs },
  { name: 'bytes', value: (r) => r.source.bytes },
  { name: 'sha256', value: (r) => r.source.sha256 },
  { name: 'encoding', value: (r) => r.source.encoding },
  { name: 'treaties', value: (r) => r.treaties.length },
  { name: 'quotes', value: (r) => r.quotes.length },
  { name: 'provisions', value: (r) => r.provisions.length },
  { name: 'warnings', value: (r) => join(r.warnings.map((w) => w.code)) },
];
const ERROR_COLUMNS = ['error_code', 'error_message'];

function articleRow(record: OutputRecord): Cell[] {
  if (isErrorRecord(record)) return [record.source.path, ...ARTICLE_COLUMNS.map(() => null), record.error.code, record.error.message];
  return [record.source.path, ...ARTICLE_COLUMNS.map((c) => c.value(record)), null, null];
}

const ITEM_TABLES: Record<Exclude<TableName, 'articles'>, Table> = { quotes: QUOTES, provisions: PROVISIONS, treaties: TREATIES, entities: ENTITIES };

export type TableName = 'quotes' | 'provisions' | 'treaties' | 'entities' | 'articles';
export const TABLE_NAMES: TableName[] = ['quotes', 'provisions', 'treaties', 'entities', 'articles'];

export function tableHeader(table: TableName): string[] {
  if (table === 'articles') return ['path', ...ARTICLE_COLUMNS.map((c) => c.name), ...ERROR_COLUMNS];
  return ['path', ...ITEM_TABLES[table].columns];
}

/** The rows one record contributes; an error record contributes none, except to `articles`. */
export function tableRows(record: OutputRecord, table: TableName): Cell[][] {
  if (table === 'articles') return [articleRow(record)];
  return isErrorRecord(record) ? [] : ITEM_TABLES[table].rows(record);
}

export type Delimiter = ',' | '\t';

/**
 * One line of delimited text, RFC 4180 style: a field holding the delimiter, a double quote,
 * CR or LF is put in double quotes with inner quotes doubled; null is an empty field.
 * CSV lines end in CRLF (the RFC), TSV lines in LF (what Unix tools expect).
 */
export function delimitedLine(cells: Cell[], delimiter: Delimiter): string {
  const eol = delimiter === ',' ? '\r\n' : '\n';
  return cells.map((cell) => quoteField(cell === null ? '' : String(cell), delimiter)).join(delimiter) + eol;
}

function quoteField(field: string, delimiter: Delimiter): string {
  return field.includes(delimiter) || /["\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
