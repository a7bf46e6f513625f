// Generates a benchmark corpus from the project's fixtures: articles of about 5 KB, each a
// different mix of fixture paragraphs under a fixture headline, with the people renamed,
// the figures changed and the paragraphs shuffled, so no two articles are the same text and
// the tagger's memo sees a realistic spread of names. Never committed (bench/corpus/ is
// git-ignored). Also makes a "plain" variant: no quote marks and no treaty vocabulary, the
// articles the pipeline should get through without any NLP call.
//
//   node bench/corpus.mjs [--count N] [--kind news|plain] [--size BYTES] [--out DIR]
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { decodeBytes } from '../dist/stages/decode.js';
import { extract } from '../dist/pipeline.js';
import { loadRules } from '../dist/rules/load.js';

const ROOT = new URL('..', import.meta.url).pathname;
const FIXTURES = join(ROOT, 'fixtures', 'articles');
const FILES_PER_FOLDER = 500;

const FIRST_NAMES = ['Anna', 'Boris', 'Carla', 'David', 'Elena', 'Farid', 'Gulnara', 'Hassan', 'Irina', 'James', 'Karim', 'Lena', 'Maria', 'Nikolai', 'Olga', 'Pavel', 'Rustam', 'Sofia', 'Timur', 'Viktor', 'Yulia', 'Zarina', 'Thomas', 'Helen', 'Peter', 'Laura', 'Ahmed', 'Sergei', 'Nadia', 'Omar'];
const SURNAME_STEMS = ['Abdul', 'Bek', 'Dar', 'Kurban', 'Mirz', 'Nazar', 'Rahim', 'Sadyk', 'Tash', 'Yusup', 'Alim', 'Bakir', 'Gafur', 'Ismail', 'Kasym', 'Latif', 'Mamed', 'Nurl', 'Orlov', 'Petr', 'Sokol', 'Volk', 'Zhukov', 'Hart', 'Linden', 'Marsh', 'Fletch', 'Brook'];
const SURNAME_ENDINGS = ['ov', 'ev', 'enko', 'yan', 'ski', 'aev', 'ova', 'er', 'man', 'ley'];
/**
 * Words that make an article "treaty business": the plain corpus drops every sentence with one,
 * or with any treaty noun the rules know ("deal", "document", "charter": the treaty stage's own
 * prefilter), so that a plain article gives the treaty and provision stages nothing to do.
 */
const TREATY_WORDS = /\b(?:treat(?:y|ies)|agreements?|pacts?|allian(?:ce|ces)|accords?|defen[cs]e|military|troops|forces|bases?|security|obligations?|parties|signed|ratif\w*|protocols?|declarations?|memorandum|sanctions?)\b/i;
const TREATY_NOUNS = loadRules().treaties.anyNoun;
const QUOTE_MARKS = /["“”„«»‘’'‹›]/g;

/** A small deterministic PRNG (mulberry32), so the same N always gives the same corpus. */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (rand, list) => list[Math.floor(rand() * list.length)];

/** Each fixture as headline + paragraphs, with the people the extractor finds in it. */
export function loadSources() {
  const rules = loadRules();
  return readdirSync(FIXTURES)
    .sort()
    .filter((name) => existsSync(join(FIXTURES, name, 'input.txt')))
    .map((name) => {
      const bytes = readFileSync(join(FIXTURES, name, 'input.txt'));
      const text = decodeBytes(bytes).text.replace(/\r\n?/g, '\n');
      const [headline, ...rest] = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
      const people = extract(bytes, { rules }).entities.people.map((p) => p.name).filter((n) => /\s/.test(n));
      return { name, headline, paragraphs: rest.length ? rest : [headline], people };
    });
}

function inventName(rand) {
  return { first: pick(rand, FIRST_NAMES), last: pick(rand, SURNAME_STEMS) + pick(rand, SURNAME_ENDINGS) };
}

/** Renames every person (full name and bare surname) consistently within one article. */
function renamePeople(text, people, rand) {
  let out = text;
  for (const person of people) {
    const words = person.split(/\s+/);
    const { first, last } = inventName(rand);
    const surname = words[words.length - 1];
    out = out.split(words.slice(0, -1).join(' ')).join(first).split(surname).join(last);
  }
  return out;
}

function changeFigures(text, rand) {
  return text.replace(/\b\d+\b/g, (digits) => String(Math.max(1, Math.round(Number(digits) * (0.5 + rand())))));
}

function shuffled(list, rand) {
  const out = [...list];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function plainParagraph(paragraph) {
  const sentences = paragraph.replace(QUOTE_MARKS, '').split(/(?<=[.!?])\s+/);
  return sentences.filter((s) => !TREATY_WORDS.test(s) && !TREATY_NOUNS.test(s)).join(' ');
}

/** One article: a headline and paragraphs drawn from several fixtures until about `size` bytes. */
export function makeArticle(sources, index, { kind = 'news', size = 5000 } = {}) {
  const rand = random(index * 7919 + (kind === 'plain' ? 1 : 0));
  const target = size * (0.6 + 0.8 * rand());
  const lead = pick(rand, sources);
  const paragraphs = [];
  const people = new Set(lead.people);
  let bytes = 0;
  while (bytes < target) {
    const source = pick(rand, sources);
    source.people.forEach((p) => people.add(p));
    for (const p of shuffled(source.paragraphs, rand).slice(0, 1 + Math.floor(rand() * source.paragraphs.length))) {
      const paragraph = kind === 'plain' ? plainParagraph(p) : p;
      if (!paragraph) continue;
      paragraphs.push(paragraph);
      bytes += Buffer.byteLength(paragraph) + 2;
    }
  }
  const headline = kind === 'plain' ? plainParagraph(lead.headline) || 'Regional notes' : lead.headline;
  return changeFigures(renamePeople([headline, ...paragraphs].join('\n\n'), [...people], rand), rand) + '\n';
}

/** Writes `count` articles under `dir` (reusing it when it already holds exactly that corpus). */
export function generateCorpus({ dir, count, kind = 'news', size = 5000 }) {
  const stamp = join(dir, '.corpus.json');
  // version: bump when the generator changes, so an old corpus on disk is not reused
  const wanted = JSON.stringify({ version: 2, count, kind, size, fixtures: readdirSync(FIXTURES).sort() });
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return dir;
  rmSync(dir, { recursive: true, force: true });
  const sources = loadSources();
  for (let i = 0; i < count; i++) {
    const folder = join(dir, String(Math.floor(i / FILES_PER_FOLDER)).padStart(3, '0'));
    if (i % FILES_PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `article-${String(i).padStart(6, '0')}.txt`), makeArticle(sources, i, { kind, size }));
  }
  writeFileSync(stamp, wanted);
  return dir;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { count: { type: 'string', default: '5000' }, kind: { type: 'string', default: 'news' }, size: { type: 'string', default: '5000' }, out: { type: 'string' } },
  });
  const dir = values.out ?? join(ROOT, 'bench', 'corpus', `${values.kind}-${values.count}`);
  generateCorpus({ dir, count: Number(values.count), kind: values.kind, size: Number(values.size) });
  console.log(dir);
}
