// Where one thread's time goes: the pipeline vs turning its records into YAML and JSON, over
// the first N articles of a corpus (in process, after a warm-up pass).
//   node bench/split.mjs DIR N -> {"articles","extractMs","yamlMs","jsonMs"}
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../dist/pipeline.js';
import { loadRules } from '../dist/rules/load.js';
import { serializeRecord } from '../dist/stages/serialize.js';

const [dir, n] = process.argv.slice(2);
const files = readdirSync(dir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .slice(0, Number(n))
  .map((f) => readFileSync(join(dir, f)));
const rules = loadRules();
for (const bytes of files.slice(0, 50)) serializeRecord(extract(bytes, { rules }), 'yaml');
let extractMs = 0;
let yamlMs = 0;
let jsonMs = 0;
for (const bytes of files) {
  const t0 = performance.now();
  const record = extract(bytes, { rules });
  const t1 = performance.now();
  serializeRecord(record, 'yaml');
  const t2 = performance.now();
  serializeRecord(record, 'json');
  jsonMs += performance.now() - t2;
  extractMs += t1 - t0;
  yamlMs += t2 - t1;
}
console.log(JSON.stringify({ articles: files.length, extractMs, yamlMs, jsonMs }));
