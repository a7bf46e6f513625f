import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { extract } from '../src/pipeline.js';
import type { OutputRecord } from '../src/types.js';
import { FAILED, RECORD_A, RECORD_B, RECORD_C } from './render-sample.js';
import { FIXTURES, ROOT, listFixtures, readBytes, runCli } from './helpers.js';

const SCHEMA_PATH = join(ROOT, 'schema', 'record.schema.json');
const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** The validation errors, named by where they are: an undocumented new field shows here first. */
function problems(record: unknown): string[] {
  if (validate(record)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? `: ${e.params.additionalProperty} (document it in schema/record.schema.json)` : ''}`);
}

const groups = readdirSync(FIXTURES).filter((g) => listFixtures(g).length);

describe('the JSON Schema of the record', () => {
  it.each(groups.flatMap((g) => listFixtures(g).map((f) => [`${g}/${f.name}`, f.input])))('%s: its record validates', (name, input) => {
    expect(problems(extract(readBytes(input), { path: name }))).toEqual([]);
  });

  it('validates records with treaties, provisions, conditions, nested quotes, warnings, and error records', () => {
    for (const record of [RECORD_A, RECORD_B, RECORD_C, FAILED]) expect(problems(record)).toEqual([]);
  });

  it('validates what the CLI writes for every fixture and for inputs that fail (missing, a directory, binary data)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'schema-test-'));
    try {
      const binary = join(dir, 'image.txt');
      writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]));
      const articles = listFixtures('articles').map((f) => f.input);
      const { stdout } = await runCli([...articles, join(dir, 'missing.txt'), binary, '--format', 'ndjson', '-j', '1', '-q']);
      const records: OutputRecord[] = stdout.trim().split('\n').map((line) => JSON.parse(line));
      expect(records).toHaveLength(articles.length + 2);
      expect(records.slice(-2).map((r) => ('error' in r ? r.error.code : null))).toEqual(['ENOENT', 'EBINARY']);
      for (const record of records) expect(problems(record)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('rejects a record whose field was renamed, or whose enumerated value is unknown', () => {
    const { quotes, ...rest } = RECORD_A;
    expect(problems({ ...rest, quote_list: quotes })).toEqual(expect.arrayContaining(['/ must NOT have additional properties: quote_list (document it in schema/record.schema.json)']));
    expect(validate({ ...RECORD_A, quotes: [{ ...RECORD_A.quotes[0], kind: 'rumour' }] })).toBe(false);
    expect(validate({ ...RECORD_A, provisions: [{ ...RECORD_A.provisions[0], modality: 'maybe' }] })).toBe(false);
    expect(validate({ ...FAILED, error: { code: 'ENOENT' } })).toBe(false);
  });

  it('is what `treaty-extract schema` prints, and ships in the package', async () => {
    const { code, stdout } = await runCli(['schema']);
    expect(code).toBe(0);
    expect(stdout).toBe(readFileSync(SCHEMA_PATH, 'utf8'));
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.files).toContain('schema');
    expect(pkg.exports['./schema/record.schema.json']).toBe('./schema/record.schema.json');
  });
});
