import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { delimitedLine, tableHeader, tableRows, TABLE_NAMES, type Cell, type TableName } from '../src/render/table.js';
import { extract } from '../src/pipeline.js';
import { FAILED, RECORD_A, RECORD_B, RECORD_C } from './render-sample.js';
import { listFixtures, readBytes, runCli } from './helpers.js';

/** How a cell reads back from CSV: every value as text, null as the empty field. */
const asText = (row: Cell[]) => row.map((c) => (c === null ? '' : String(c)));
const read = (text: string, delimiter: ',' | '\t') => parseCsv(text, { delimiter, relax_column_count: false }) as string[][];

describe('tables (--format csv|tsv --table …)', () => {
  it('has a header row of the source path, the ids and every scalar field', () => {
    expect(tableHeader('quotes')).toEqual([
      'path', 'id', 'kind', 'text', 'speaker_name', 'speaker_mention', 'speaker_role', 'speaker_rule', 'cue', 'addressee',
      'citation_source', 'citation_date', 'paragraph', 'span_start', 'span_end', 'nested', 'confidence',
    ]);
    expect(tableHeader('provisions')).toEqual([
      'path', 'id', 'type', 'atop', 'text', 'evidence', 'quote', 'treaty', 'modality', 'reciprocal', 'negated', 'conditions', 'cues', 'cue_ids',
      'span_start', 'span_end', 'confidence',
    ]);
    expect(tableHeader('treaties')).toEqual(['path', 'id', 'name', 'parties', 'signed_date', 'signed_place', 'status', 'span_start', 'span_end']);
    expect(tableHeader('entities')).toEqual(['path', 'kind', 'name', 'role', 'mentions']);
    expect(tableHeader('articles')[0]).toBe('path');
    expect(tableHeader('articles').slice(-2)).toEqual(['error_code', 'error_message']);
  });

  it('gives one row per item with lists joined by "; "', () => {
    expect(tableRows(RECORD_A, 'provisions')[1]).toEqual([
      'news/riga-pact.txt', 'p2', 'mutual_defense', 'DEFENSE', 'each shall render assistance, including military assistance', 'quoted', 'q1', 't1',
      'obligation', true, false, 'on_request: upon request, if any', 'render assistance; military assistance', 'defense-assist',
      RECORD_A.provisions[1].span.start, RECORD_A.provisions[1].span.end, 0.9,
    ]);
    expect(tableRows(RECORD_A, 'treaties')).toEqual([['news/riga-pact.txt', 't1', 'defence pact', 'Estonia; Latvia', 'March 3', 'Riga', 'signed', RECORD_A.treaties[0].span.start, RECORD_A.treaties[0].span.end]]);
    expect(tableRows(RECORD_C, 'entities')).toEqual([
      ['news/doubts, "quoted".txt', 'person', 'Ivo Berg', 'a researcher', 1],
      ['news/doubts, "quoted".txt', 'organization', 'NATO', null, 0],
    ]);
    expect(tableRows(RECORD_A, 'quotes')[2].slice(0, 6)).toEqual(['news/riga-pact.txt', 'q3', 'speech', RECORD_A.quotes[2].text, 'Kaja Tamm', 'Kaja Tamm']);
    expect(tableRows(RECORD_A, 'quotes')[2][15]).toBe('a paper shield');
  });

  it('accounts for failed inputs in the articles table and gives them no item rows', () => {
    const [row] = tableRows(FAILED, 'articles');
    expect(row[0]).toBe('news/missing.txt');
    expect(row.slice(-2)).toEqual(['ENOENT', 'news/missing.txt: cannot read: no such file']);
    for (const table of TABLE_NAMES.filter((t) => t !== 'articles')) expect(tableRows(FAILED, table)).toEqual([]);
    expect(tableRows(RECORD_B, 'articles')[0].slice(0, 6)).toEqual(['news/pact-month-on.txt', 'The Defence Pact, a Month On', 'Baltic Weekly', 3, 16, '2021-04-02']);
  });

  it.each(TABLE_NAMES)('%s: CSV and TSV parse back to the same cells (RFC 4180 quoting of commas, quotes, tabs, newlines)', (table: TableName) => {
    const records = [RECORD_A, FAILED, RECORD_B, RECORD_C];
    const rows = records.flatMap((r) => tableRows(r, table));
    for (const delimiter of [',', '\t'] as const) {
      const text = [tableHeader(table), ...rows].map((row) => delimitedLine(row, delimiter)).join('');
      expect(read(text, delimiter)).toEqual([tableHeader(table), ...rows.map(asText)]);
    }
  });

  it('quotes only the fields that need it; CSV lines end in CRLF, TSV lines in LF', () => {
    expect(delimitedLine(['a', 'b,c', 'say "hi"', 'x\ny', null, 3, true], ',')).toBe('a,"b,c","say ""hi""","x\ny",,3,true\r\n');
    expect(delimitedLine(['a', 'b,c', 'tab\there'], '\t')).toBe('a\tb,c\t"tab\there"\n');
  });
});

describe('tables from the CLI', () => {
  const fixtures = listFixtures('articles');
  const paths = fixtures.map((f) => `fixtures/articles/${f.name}/input.txt`);
  const records = fixtures.map((f, i) => extract(readBytes(f.input), { path: paths[i] }));

  it.each(['quotes', 'provisions', 'treaties', 'entities'] as const)('--table %s lists every item of every fixture, in input order', async (table) => {
    const { code, stdout } = await runCli([...paths, '--format', 'csv', '--table', table, '-j', '1', '-q']);
    expect(code).toBe(0);
    const expected = records.flatMap((r) => tableRows(r, table)).map(asText);
    expect(read(stdout, ',')).toEqual([tableHeader(table), ...expected]);
  });

  it('writes TSV, defaults to the quotes table, and still writes the header for no rows', async () => {
    const tsv = await runCli([paths[0], '--format', 'tsv', '-j', '1', '-q']);
    expect(read(tsv.stdout, '\t')).toEqual([tableHeader('quotes'), ...tableRows(records[0], 'quotes').map(asText)]);
    const none = await runCli(['fixtures/articles/no-quotes/input.txt', '--format', 'csv', '--table', 'treaties', '-j', '1', '-q']);
    expect(none.stdout.split('\r\n')[0]).toBe(tableHeader('treaties').join(','));
  });

  it('lists a failed input in the articles table and exits 1', async () => {
    const { code, stdout } = await runCli([paths[0], 'no/such/article.txt', '--format', 'csv', '--table', 'articles', '-j', '1', '-q']);
    expect(code).toBe(1);
    const rows = read(stdout, ',');
    expect(rows.map((r) => r[0])).toEqual(['path', paths[0], 'no/such/article.txt']);
    expect(rows[2].slice(-2)[0]).toBe('ENOENT');
  });

  it('refuses --table with a format that is not a table (exit 2)', async () => {
    const { code, stderr } = await runCli([paths[0], '--table', 'quotes']);
    expect(code).toBe(2);
    expect(stderr).toContain('--table goes with --format csv or --format tsv');
  });
});
