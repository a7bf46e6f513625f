import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The only module that touches compromise. It is loaded lazily, through its bundled build
 * (faster to import than its ESM sources), the first time a window has to be tagged.
 *
 * Two services, from cheap to dear:
 *  - `lexiconTag(word)`: compromise's lexicon (first names, places, ordinary English words)
 *    as an O(1) lookup: no tagging at all. It is read from a snapshot written at build time
 *    (a JSON parse of ~10 ms instead of ~160 ms to load compromise), so articles whose names
 *    the lexicon decides never load compromise;
 *  - `tagWindow(text)`: compromise's full tagger over a short window (never a whole
 *    article: the tagger is linear in what it sees and costly), memoized per window text.
 */

interface Term {
  text: string;
  tags: string[];
}
interface CompromiseView {
  json(options?: object): { terms: { text: string; tags: string[] }[] }[];
}
type Nlp = ((text: string) => CompromiseView) & { world(): { model: { one: { lexicon: Record<string, string | string[]> } } } };

let nlp: Nlp | undefined;
let lexicon: Record<string, string> | undefined;

const requireHere = createRequire(import.meta.url);

function load(): Nlp {
  nlp ??= requireHere('compromise') as Nlp;
  return nlp;
}

/** The lexicon snapshot, valid only for the compromise version it was taken from. */
const LEXICON_SNAPSHOT = fileURLToPath(new URL('../../dist/lexicon-snapshot.json', import.meta.url));

interface LexiconSnapshot {
  compromise: string;
  lexicon: Record<string, string>;
}

/** The installed compromise's version, read from its package.json (which it does not export). */
function compromiseVersion(): string {
  const entry = requireHere.resolve('compromise');
  const root = `node_modules${sep}compromise${sep}`;
  const manifest = join(entry.slice(0, entry.lastIndexOf(root) + root.length), 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Each word's first tag, as `lexiconTag` reports it. */
function firstTags(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [word, tag] of Object.entries(load().world().model.one.lexicon)) out[word] = Array.isArray(tag) ? tag[0] : tag;
  return out;
}

function readLexicon(): Record<string, string> {
  try {
    const snapshot = JSON.parse(readFileSync(LEXICON_SNAPSHOT, 'utf8')) as LexiconSnapshot;
    if (snapshot.compromise === compromiseVersion()) return snapshot.lexicon;
  } catch {
    // no snapshot (sources not built): ask compromise itself
  }
  return firstTags();
}

/** Writes the lexicon snapshot (run by `npm run build`); returns its path. */
export function writeLexiconSnapshot(): string {
  const snapshot: LexiconSnapshot = { compromise: compromiseVersion(), lexicon: firstTags() };
  writeFileSync(LEXICON_SNAPSHOT, JSON.stringify(snapshot));
  return LEXICON_SNAPSHOT;
}

/** compromise's lexicon tag for one lower-case word (e.g. "MaleName", "Country", "Singular"), or null. */
export function lexiconTag(word: string): string | null {
  lexicon ??= readLexicon();
  return lexicon[word.toLowerCase()] ?? null;
}

const WINDOW_LIMIT = 600;
const windowCache = new Map<string, Term[]>();
const CACHE_LIMIT = 5000;

/** Tags a short window of text (truncated to WINDOW_LIMIT characters). */
export function tagWindow(text: string): Term[] {
  const window = text.slice(0, WINDOW_LIMIT);
  const hit = windowCache.get(window);
  if (hit) return hit;
  const terms = load()(window)
    .json({ terms: { tags: true } })
    .flatMap((s) => s.terms.map((t) => ({ text: t.text, tags: t.tags })));
  if (windowCache.size >= CACHE_LIMIT) windowCache.clear();
  windowCache.set(window, terms);
  return terms;
}
