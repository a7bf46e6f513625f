import { createRequire } from 'node:module';

/**
 * The only module that touches compromise. It is loaded lazily, through its bundled build
 * (faster to import than its ESM sources), the first time a stage needs it.
 *
 * Two services, from cheap to dear:
 *  - `lexiconTag(word)`: compromise's lexicon (first names, places, ordinary English words)
 *    as an O(1) lookup: no tagging at all;
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
let lexicon: Record<string, string | string[]> | undefined;

function load(): Nlp {
  if (!nlp) {
    nlp = createRequire(import.meta.url)('compromise') as Nlp;
    lexicon = nlp.world().model.one.lexicon;
  }
  return nlp;
}

/** compromise's lexicon tag for one lower-case word (e.g. "MaleName", "Country", "Singular"), or null. */
export function lexiconTag(word: string): string | null {
  if (!lexicon) load();
  const tag = lexicon![word.toLowerCase()];
  return Array.isArray(tag) ? tag[0] : (tag ?? null);
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
