import type { RuleSet } from '../rules/types.js';
import type { Block, QuoteSpan, Sentence, Span } from '../types.js';
import { analyzePhrase, appositiveAfter, isNameWord, isPartNumber, isRoleWord, isTitle, nameAfterDescription, type Referent } from '../text/phrases.js';
import { isPossessive, stripPossessive, tokenize, type Token } from '../text/tokens.js';
import { lexiconTag, tagWindow } from '../nlp/compromise.js';

/**
 * Names in the article, found by a cheap scan of capitalised runs in every sentence (no NLP
 * tagger): the people, organizations and places later stages resolve speakers against and
 * count as entities. Also builds the "units" the attribution stage reads: sentences, merged
 * where a quote runs across a sentence boundary, tokenized once with each quote as one token.
 */
export interface Unit {
  span: Span;
  block: number;
  tokens: Token[];
}

export interface Mentions {
  units: Unit[];
  /** every named referent, in text order */
  all: Referent[];
  /** surname (lower-case) -> fullest personal name the article gives */
  fullNames: Map<string, string>;
  /** fullest personal name -> first role the article attaches to it */
  roles: Map<string, string>;
}

export function findMentions(text: string, blocks: Block[], sentences: Sentence[], quotes: QuoteSpan[], rules: RuleSet): Mentions {
  const units = buildUnits(text, sentences, quotes);
  const found: Referent[] = [];
  // headlines are Title Cased: every word looks like a name there
  const titleBlocks = new Set(blocks.filter((b) => b.role === 'title').map((b) => b.index));
  // the closing sources line lists outlets: "(Khovar, April 26; Asia-Plus, April 27)"
  const sourceBlocks = new Set(blocks.filter((b) => b.role === 'sources').map((b) => b.index));
  for (const unit of units) {
    if (titleBlocks.has(unit.block)) continue;
    found.push(...(sourceBlocks.has(unit.block) ? outletsIn(text, unit.span, rules) : namesIn(unit.tokens, rules, text)));
  }
  // an outlet the sources line lists is an outlet wherever it is named ("told Krasnaya Zvezda")
  const outlets = new Set(found.filter((r) => r.type === 'organization').map((r) => r.name));
  for (const [k, r] of found.entries()) if (r.type === 'person' && outlets.has(r.name) && !r.role) found[k] = { ...r, type: 'organization' };
  // a lone capitalised word is a person only as the surname of a full name, or with a title
  const surnames = new Set(found.filter((r) => r.type === 'person' && /\s/.test(r.name)).map((r) => surnameKey(r.name)));
  const all = found.filter((r) => r.type !== 'person' || /\s/.test(r.name) || r.role || surnames.has(surnameKey(r.name)) || COURTESY_TITLE.test(r.mention));
  const fullNames = new Map<string, string>();
  const roles = new Map<string, string>();
  for (const r of all) {
    if (r.type !== 'person') continue;
    const key = surnameKey(r.name);
    const known = fullNames.get(key);
    if (!known || r.name.split(/\s+/).length > known.split(/\s+/).length) fullNames.set(key, r.name);
  }
  for (const r of all) {
    if (r.type !== 'person' || !r.role) continue;
    const full = fullNames.get(surnameKey(r.name))!;
    if (!roles.has(full)) roles.set(full, r.role);
  }
  return { units, all, fullNames, roles };
}

export function surnameKey(name: string): string {
  const words = stripPossessive(name).split(/\s+/);
  return words[words.length - 1].toLowerCase();
}

/** Quote bounds as the tokenizer wants them: opening mark to just after the closing mark. */
function quoteBounds(q: QuoteSpan): { open: number; end: number } {
  return { open: q.open, end: q.close === null ? q.span.end : q.close + 1 };
}

function buildUnits(text: string, sentences: Sentence[], quotes: QuoteSpan[]): Unit[] {
  const bounds = quotes.map(quoteBounds);
  const merged: { span: Span; block: number }[] = [];
  let q = 0;
  for (const s of sentences) {
    const last = merged[merged.length - 1];
    while (q < bounds.length && bounds[q].end <= s.span.start) q++;
    // a quote that opened in the previous unit and is still open here joins the two
    const crossing = last && last.block === s.block && q < bounds.length && bounds[q].open < s.span.start;
    if (crossing) last.span = { start: last.span.start, end: s.span.end };
    else merged.push({ span: { ...s.span }, block: s.block });
  }
  // each unit is given only the quotes that reach into it (units and quotes are both in text order):
  // handing every unit all the quotes made an article of many short quoted sentences quadratic
  let first = 0;
  return merged.map((u) => {
    while (first < bounds.length && bounds[first].end <= u.span.start) first++;
    let last = first;
    while (last < bounds.length && bounds[last].open < u.span.end) last++;
    return { ...u, tokens: tokenize(text, u.span, bounds.slice(first, last)) };
  });
}

/** The outlets a sources line lists: every capitalised part between commas and semicolons that is not a date. */
function outletsIn(text: string, span: Span, rules: RuleSet): Referent[] {
  const found: Referent[] = [];
  for (const m of text.slice(span.start, span.end).matchAll(/[^(),;]+/g)) {
    const name = m[0].trim();
    if (!/^\p{Lu}/u.test(name) || rules.dates.monthDay.test(name)) continue;
    const start = span.start + m.index! + m[0].indexOf(name);
    found.push({ type: 'organization', name, role: null, mention: name, start, end: start + name.length });
  }
  return found;
}

/** Runs of capitalised words (with the titles and particles that go with them) analysed as names. */
function namesIn(tokens: Token[], rules: RuleSet, text: string): Referent[] {
  const found: Referent[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].cap) continue;
    let j = i;
    while (j + 1 < tokens.length && continuesName(tokens, j + 1, rules)) j++;
    // "When German Defense Minister …", "But government spokesman …", "By Jane Doe": capitalised by position only
    let from = i;
    while (from <= j && !isRoleWord(tokens[from].lower, rules) && (rules.speakers.notNames.has(tokens[from].lower) || rules.dates.monthNumber(tokens[from].lower) > 0)) from++;
    const initial = from === i && (i === 0 || sentenceInitial(tokens, i));
    const run = tokens.slice(from, j + 1);
    i = j;
    // "Under Article 5", "Section 2", "Article IV": a part of a document, not a name
    if (!run.length || (rules.kinds.documentNouns.has(tokens[j].lower) && /^\d/.test(tokens[j + 1]?.text ?? '')) || partOfDocument(run, rules)) continue;
    const referent = outletNamed(tokens, from, run, rules, text) ?? analyzePhrase(run, rules, text, null);
    if (!referent) continue;
    // a capitalised common noun opening a sentence ("Statements by …") is no organization
    if (referent.type === 'organization' && initial && run.length === 1 && !rules.organizations.outletNames.has(run[0].lower)) continue;
    if (referent.type === 'person') {
      // "Unified Regional Air Defense System", "U.S. Bases": one capitalised word after words that are no title
      const untitled = !/\s/.test(referent.name) && referent.role !== null && !run.some((t) => t.kind === 'word' && isTitle(stripPossessive(t.lower), rules));
      if (untitled) continue;
      if (COURTESY_TITLE.test(referent.mention) || isPersonName(referent.name, rules)) found.push(referent.role ? referent : { ...referent, role: roleAround(tokens, from, j, rules, text) });
    } else if (referent.type === 'organization' || referent.type === 'place') {
      const named = ownedByPlace(tokens, from, j, rules, text) ?? referent;
      const name = usualSpelling(named.name, rules);
      found.push({ ...named, name, entity: entityName(name, rules) });
    }
  }
  return found;
}

/** "Article IV", "Section II": a document noun and a Roman part number, all the run holds. */
function partOfDocument(run: Token[], rules: RuleSet): boolean {
  return run.length === 2 && rules.kinds.documentNouns.has(run[0].lower) && isPartNumber(run[1].text);
}

/** "the newspaper Golos", "the Tiraspol weekly Dnestr": a name right after an outlet noun is the outlet's. */
function outletNamed(tokens: Token[], first: number, run: Token[], rules: RuleSet, text: string): Referent | null {
  const before = tokens[first - 1];
  if (!before || before.cap || !rules.speakers.outletNouns.has(before.lower)) return null;
  const name = text.slice(run[0].start, run[run.length - 1].end);
  if (rules.places.kind.has(name.toLowerCase())) return null;
  const mention = text.slice(before.start, run[run.length - 1].end);
  return { type: 'organization', name: stripPossessive(name), role: null, mention, start: before.start, end: run[run.length - 1].end };
}

/** "Russia’s Defense Ministry": a country's possessive before a body is part of the body's name. */
function ownedByPlace(tokens: Token[], first: number, last: number, rules: RuleSet, text: string): Referent | null {
  const owner = tokens[first - 1];
  if (first === 0 || !owner.cap || !isPossessive(owner.text) || !rules.places.kind.has(stripPossessive(owner.lower))) return null;
  const named = analyzePhrase(tokens.slice(first - 1, last + 1), rules, text, null);
  return named?.type === 'organization' ? named : null;
}

/**
 * The name a place or party organization is counted under: abbreviations and official long
 * forms count for the short common name ("US", "U.S.", "Russian Federation", "WTO"); capitals
 * and other cities stay places of their own ("Moscow" is a city even when it stands for Russia).
 */
function entityName(name: string, rules: RuleSet): string {
  const canonical = rules.places.parties.get(name.toLowerCase());
  if (!canonical || canonical === name) return name;
  const acronym = /^(?:\p{Lu}\.?){2,6}$/u.test(name);
  const longForm = name.toLowerCase().includes(canonical.toLowerCase()) && !/\bcity$/i.test(name);
  // "Collective Security Treaty Organization" is what "CSTO" stands for
  const spelledOut = (name.match(/\p{Lu}/gu) ?? []).join('') === canonical.replace(/\./g, '') && /\s/.test(name);
  return acronym || longForm || spelledOut ? canonical : name;
}

/** "HELSINKI" in a dateline is Helsinki: a known name written in capitals takes the rules' spelling. */
function usualSpelling(name: string, rules: RuleSet): string {
  if (/\p{Ll}/u.test(name)) return name;
  return rules.places.spelling.get(name.toLowerCase()) ?? name;
}

/**
 * A role written around a name rather than in its capitalised run: lower-case titles before it
 * ("presidential spokesman Omer Celikbas"), an appositive after it ("Hugh Hill, a doctor,"), or
 * a description before it ("the country's defence minister, Ioana Dragomir,").
 */
function roleAround(tokens: Token[], first: number, last: number, rules: RuleSet, text: string): string | null {
  let k = first;
  while (k > 0 && first - k < 4 && tokens[k - 1].kind === 'word' && isRoleWord(tokens[k - 1].lower, rules)) k--;
  if (k < first) {
    const titled = analyzePhrase(tokens.slice(k, last + 1), rules, text, null);
    if (titled?.type === 'person' && titled.role) return titled.role;
  }
  const appositive = appositiveAfter(tokens, last + 1, rules);
  if (appositive) return text.slice(appositive.span.start, appositive.span.end).replace(/^(?:a|an|the)\s+/i, '');
  if (tokens[first - 1]?.text === ',' && tokens[last + 1]?.text === ',') return nameAfterDescription(tokens, last + 1, rules, text)?.role ?? null;
  return null;
}

function continuesName(tokens: Token[], k: number, rules: RuleSet): boolean {
  const t = tokens[k];
  // "Mr. Brown", "Gen. Orlov"
  if (t.text === '.' && rules.roles.honorifics.has(`${tokens[k - 1].lower}.`)) return !!tokens[k + 1]?.cap;
  if (t.kind !== 'word') return false;
  if (t.cap) return !/[’']s$/.test(tokens[k - 1].text);
  // "the Kremlin-connected analyst Sergei Karaganov", "Tory leader Michael Howard"
  if (isRoleWord(t.lower, rules) && (tokens[k + 1]?.cap || isRoleWord(tokens[k + 1]?.lower ?? '', rules))) return true;
  // "Minister of Defense", "Declaration on Allied Relations", "Committee for State Security";
  // but not "Warsaw on Thursday"
  if (!tokens[k + 1]?.cap || !tokens[k - 1].cap) return false;
  if (t.lower === 'of') return true;
  const head = tokens[k - 1].lower;
  return (t.lower === 'on' || t.lower === 'for') && (rules.organizations.heads.has(head) || rules.kinds.titleHeads.has(tokens[k - 1].text) || isRoleWord(head, rules));
}

function sentenceInitial(tokens: Token[], i: number): boolean {
  return i > 0 && tokens[i - 1].kind === 'punct' && /[.!?:;]/.test(tokens[i - 1].text);
}

/**
 * Whether a capitalised run names a person. Cheap evidence first: a name the user listed, a
 * first name compromise's lexicon knows, a surname ending common in the region. Only runs
 * that stay undecided are tagged by compromise (memoized per string).
 */
function isPersonName(name: string, rules: RuleSet): boolean {
  if (rules.names.knownPeople.has(name)) return true;
  const words = name.split(/\s+/);
  if (words.some((w) => /\d/.test(w))) return false;
  const asTokens = words.map((w) => ({ text: w, lower: w.toLowerCase(), start: 0, end: 0, kind: 'word' as const, cap: true }));
  if (!asTokens.every((t) => isNameWord(t, rules))) return false;
  if (words.some((w) => rules.kinds.titleHeads.has(w) || rules.organizations.heads.has(w.toLowerCase()))) return false;
  const first = lexiconTag(words[0].toLowerCase());
  if (FIRST_NAME_TAGS.has(first ?? '')) return true;
  const last = words[words.length - 1];
  if (rules.names.surnameEnding.test(last) && lexiconTag(last.toLowerCase()) === null) return true;
  // "Acquired Immune Deficiency Syndrome", "the Queen Mother", "U.S. Bases": ordinary words in capitals
  const tags = words.map((w) => lexiconTag(w.toLowerCase()));
  if (tags.some((tag) => COMMON_WORD_TAGS.has(tag ?? ''))) return false;
  if (tags.some((tag) => tag === 'LastName' || tag === 'Person')) return true;
  if (tags.some((tag) => NOT_A_NAME.has(tag ?? ''))) return false;
  // words the lexicon does not know at all are a name's ("Tofig Zulfugarov", "Sayeeda Warsi"); the
  // tagger (memoized) only reads runs that mix known ordinary words with unknown ones
  if (tags.every((tag) => tag === null)) return true;
  // what the tagger would say of these in isolation, decided without it: one known noun is a
  // possible surname ("Bush", "Rice"), one number or function word is not ("Five", "Neither");
  // an unknown word before a first name is a given name ("Zarina Fletcher")
  if (words.length === 1 && NOUN_TAGS.has(tags[0]!)) return true;
  if (words.length === 1 && FUNCTION_WORD_TAGS.has(tags[0]!)) return false;
  if (FIRST_NAME_TAGS.has(tags[tags.length - 1] ?? '') && tags.slice(0, -1).every((tag) => tag === null)) return true;
  return taggedAsPerson(name);
}

const NOUN_TAGS = new Set(['Singular', 'Uncountable', 'Noun', 'ProperNoun']);
const FIRST_NAME_TAGS = new Set(['MaleName', 'FemaleName', 'FirstName']);
const FUNCTION_WORD_TAGS = new Set(['TextValue', 'Value', 'Multiple', 'Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Possessive', 'Reflexive', 'QuestionWord', 'Negative', 'Condition', 'Adverb']);

/** "Mr Brown", "Dr. Lind": a courtesy title makes any surname a person's. */
const COURTESY_TITLE = /^(?:mr|mrs|ms|miss|dr|prof)\.?\s/i;

/** compromise lexicon tags of words that are not names when capitalised (verb forms, kinship and job nouns). */
const COMMON_WORD_TAGS = new Set(['PastTense', 'PresentTense', 'Gerund', 'Infinitive', 'Actor', 'Modal', 'Copula']);

const NOT_A_NAME = new Set(['Adjective', 'Demonym', 'Plural', 'Organization', 'Place', 'Country', 'City', 'Region', 'Infinitive', 'Comparative']);

/** compromise's reading of the run in isolation: a person unless it sees ordinary words or a place. */
function taggedAsPerson(name: string): boolean {
  const terms = tagWindow(name);
  if (terms.some((t) => t.tags.includes('Person'))) return !terms.some((t) => t.tags.includes('Organization'));
  return terms.length > 0 && !terms.some((t) => t.tags.some((tag) => NOT_A_NAME.has(tag)));
}
