// Whether the pipeline needed compromise at all on a corpus: runs it in process and looks
// for compromise among the loaded modules afterwards.
//   node bench/nlp-calls.mjs DIR -> one line
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { extract } from '../dist/pipeline.js';
import { loadRules } from '../dist/rules/load.js';

const dir = process.argv[2];
const rules = loadRules();
const files = readdirSync(dir, { recursive: true }).map(String).filter((f) => f.endsWith('.txt'));
for (const f of files) extract(readFileSync(join(dir, f)), { rules });
const loaded = Object.keys(createRequire(import.meta.url).cache).some((path) => path.includes('/compromise/'));
console.log(loaded ? 'compromise WAS loaded (some article needed the lexicon or the tagger)' : 'compromise never loaded (no NLP call)');
