import type { RuleSet } from '../rules/types.js';
import { lexiconTag } from '../nlp/compromise.js';
import type { Span } from '../types.js';
import { isPossessive, stripPossessive, type Token } from './tokens.js';

/**
 * Noun phrases that can name a speaker: "Uzbek President Islam Karimov", "the Kremlin-connected
 * analyst Sergei Karaganov", "General Guven Ergenc, Secretary General of the Turkish General
 * Staff", "Russia’s Defense Ministry", "Moscow and Tashkent", "the companies", "he".
 */
export type ReferentType = 'person' | 'organization' | 'place' | 'group' | 'pronoun' | 'plural' | 'description' | 'document';

export interface Referent {
  type: ReferentType;
  /** the name as written (person or organization), the group as written, or the pronoun */
  name: string;
  /** descriptor attached to the name ("Uzbek President"), or the head of a description */
  role: string | null;
  /** the words of the phrase as written */
  mention: string;
  /** the name entities count it under when that differs from `name` ("US" -> "United States") */
  entity?: string;
  /** introduced by "a"/"an": a new referent ("a spokesman said"), never one named before */
  indefinite?: boolean;
  start: number;
  end: number;
}

export const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those']);
const INDEFINITES = new Set(['one', 'another', 'some']);
const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'der', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'dos', 'ben', 'ter', 'zu']);
/** How far a phrase may reach back or forward, in tokens; bounds the work per quote. */
const MAX_PHRASE = 14;

/** A role title, in the singular or plural ("Presidents Putin and Pezeshkian"), hyphenated or not ("Colonel-General"). */
function isTitleWord(lower: string, rules: RuleSet): boolean {
  const word = lower.includes('-') ? lower.replace(/-/g, ' ') : lower;
  return rules.roles.titles.has(word) || (word.endsWith('s') && rules.roles.titles.has(word.slice(0, -1)));
}

/** A title or a courtesy title: what makes the words before a name a role. */
export function isTitle(lower: string, rules: RuleSet): boolean {
  return isTitleWord(lower, rules) || rules.roles.honorifics.has(lower);
}

export function isRoleWord(lower: string, rules: RuleSet): boolean {
  return isTitleWord(lower, rules) || rules.roles.modifiers.has(lower) || rules.roles.honorifics.has(lower);
}

function isBodyWord(lower: string, rules: RuleSet): boolean {
  const singular = lower.replace(/ies$/, 'y').replace(/s$/, '');
  return [lower, singular].some((w) => rules.speakers.bodies.has(w) || rules.speakers.statementNouns.has(w) || rules.organizations.heads.has(w) || rules.speakers.outletNouns.has(w));
}

function isNationality(lower: string, rules: RuleSet): boolean {
  return rules.places.adjectives.has(lower);
}

/**
 * A token that can sit inside a speaker phrase: capitalised words, role and body words,
 * document nouns ("the treaty states"), name particles, hyphenated modifiers, and a short
 * scare-quoted title right before a name (South Ossetian “president” Leonid Tibilov).
 */
function isPhraseWord(t: Token, rules: RuleSet, next?: Token, prev?: Token): boolean {
  if (t.kind === 'quote') return t.text.length <= 30 && !/[,.!?…]\W?$/u.test(t.text) && !!next?.cap;
  if (t.kind !== 'word') return false;
  if (t.cap) return !rules.verbs.has(t.lower) || isRoleWord(t.lower, rules) || endsKnownName(prev, t, rules);
  const bare = stripPossessive(t.lower);
  return (
    isRoleWord(bare, rules) ||
    isBodyWord(bare, rules) ||
    rules.kinds.documentNouns.has(bare) ||
    NAME_PARTICLES.has(t.lower) ||
    (/^\p{Ll}+-\p{L}+$/u.test(t.text) && !rules.verbs.has(t.lower))
  );
}

/** "United States", "Gulf States": a capitalised word that is a verb elsewhere ("states") ends a known two-word name. */
export function endsKnownName(prev: Token | undefined, t: Token, rules: RuleSet): boolean {
  return !!prev?.cap && t.cap && rules.places.kind.has(`${prev.lower} ${t.lower}`);
}

/** "the companies", "both sides": a plural phrase of up to three words ending at `last`. */
function pluralAnaphorEndingAt(tokens: Token[], last: number, rules: RuleSet): number {
  for (let n = 3; n >= 1; n--) {
    const words = tokens.slice(last - n + 1, last + 1);
    if (words.length === n && rules.speakers.pluralAnaphors.has(words.map((w) => w.lower).join(' '))) return last - n + 1;
  }
  return -1;
}

function pluralAnaphorStartingAt(tokens: Token[], first: number, rules: RuleSet): number {
  for (let n = 3; n >= 1; n--) {
    const words = tokens.slice(first, first + n);
    if (words.length === n && rules.speakers.pluralAnaphors.has(words.map((w) => w.lower).join(' '))) return first + n - 1;
  }
  return -1;
}

function pluralReferent(tokens: Token[], from: number, to: number, text: string): Referent {
  const mention = text.slice(tokens[from].start, tokens[to].end);
  return { type: 'plural', name: mention, role: null, mention, start: tokens[from].start, end: tokens[to].end };
}

/**
 * Reads a phrase that ends at token index `last` (inclusive), walking left. Handles an
 * appositive between commas ("Albert Melnikov, deputy trade representative of the Soviet
 * Union,") and coordination ("Moscow and Tashkent"). Returns null when no phrase ends there.
 */
export function phraseEndingAt(tokens: Token[], last: number, rules: RuleSet, text: string): Referent | null {
  const plural = pluralAnaphorEndingAt(tokens, last, rules);
  if (plural >= 0) return pluralReferent(tokens, plural, last, text);
  let appositive: { start: number; end: number } | null = null;
  let end = last;
  if (tokens[end]?.text === ',') {
    const named = namedByTitle(tokens, end, rules);
    const open = named >= 0 ? named : findAppositiveStart(tokens, end, rules);
    if (open < 0) return nameAfterDescription(tokens, end, rules, text);
    // a role set off by commas describes the speaker; a work's title only names it
    appositive = named >= 0 ? null : { start: tokens[open + 1].start, end: tokens[end - 1].end };
    end = open - 1;
  }
  let start = end + 1;
  for (let i = end; i >= 0 && end - i < MAX_PHRASE; i--) {
    const t = tokens[i];
    // "But Armenia’s foreign ministry said": a connective capitalised by its position is no part of a name
    if (isOpeningConnective(tokens, i, rules)) break;
    if (isPhraseWord(t, rules, tokens[i + 1], tokens[i - 1])) start = i;
    else if (t.lower === 'own' && i > 0 && isPossessive(tokens[i - 1].text)) start = i; // "Helsinki’s own ministry"
    else if (t.lower === 'and' && i > 0 && tokens[i - 1].cap && tokens[i + 1]?.cap) start = i;
    else if (t.text === ',' && isListComma(tokens, i, end, rules)) start = i;
    else if (t.lower === 'of' && i > 0 && tokens[i + 1]?.cap && isPhraseWord(tokens[i - 1], rules)) start = i;
    else if (isNumbered(tokens, i, rules)) start = i;
    else if (DETERMINERS.has(t.lower)) {
      start = i;
      break;
    } else break;
  }
  // a lone pronoun or plural anaphor ("he said", "the companies said")
  if (start > end) {
    const t = tokens[end];
    if (t && t.kind === 'word' && (rules.speakers.personPronouns.has(t.lower) || t.lower === 'they' || t.lower === 'it')) {
      return { type: t.lower === 'they' ? 'plural' : 'pronoun', name: t.text, role: null, mention: t.text, start: t.start, end: t.end };
    }
    return null;
  }
  while (start <= end && tokens[start].lower === 'and') start++;
  const referent = analyzePhrase(tokens.slice(start, end + 1), rules, text, appositive);
  return referent?.type === 'place' ? (bodyInPlace(tokens, start, referent, rules, text) ?? referent) : referent;
}

/** "the foreign ministry in Ankara said": the body is the subject, the place only says where it sits. */
function bodyInPlace(tokens: Token[], start: number, place: Referent, rules: RuleSet, text: string): Referent | null {
  if (tokens[start - 1]?.lower !== 'in' || start < 2) return null;
  const body = phraseEndingAt(tokens, start - 2, rules, text);
  if (body?.type !== 'organization') return null;
  return { ...body, mention: text.slice(body.start, place.end), end: place.end };
}

function isOpeningConnective(tokens: Token[], i: number, rules: RuleSet): boolean {
  const t = tokens[i];
  const opening = i === 0 || /^[.!?:;“”"‘’«»]$/.test(tokens[i - 1].text);
  return opening && t.cap && !isRoleWord(t.lower, rules) && ((rules.speakers.notNames.has(t.lower) && !DETERMINERS.has(t.lower)) || isCommonOpeningWord(tokens, i, rules));
}

/** Lexicon tags of words that open a sentence without naming anyone ("Less often noted is …", "Much depends on …"). */
const OPENING_WORD_TAGS = new Set(['Adverb', 'Uncountable', 'Determiner', 'Conjunction', 'Preposition', 'Modal']);

/** A common word capitalised only because it opens the sentence, with no capitalised word after it. */
function isCommonOpeningWord(tokens: Token[], i: number, rules: RuleSet): boolean {
  const t = tokens[i];
  const opening = i === 0 || /^[.!?:;“”"‘’«»]$/.test(tokens[i - 1].text);
  if (!opening || !t.cap || tokens[i + 1]?.cap || DETERMINERS.has(t.lower) || isRoleWord(t.lower, rules)) return false;
  return OPENING_WORD_TAGS.has(lexiconTag(t.lower) ?? '');
}

/** "Article 4", "Section 2(b)", "Article IV": a number after a document noun names a part of a document. */
function isNumbered(tokens: Token[], i: number, rules: RuleSet): boolean {
  return isPartNumber(tokens[i].text) && i > 0 && rules.kinds.documentNouns.has(tokens[i - 1].lower);
}

/** The number of a document's part: Arabic ("5", "2a") or Roman in capitals ("IV"). */
export function isPartNumber(word: string): boolean {
  return /^(?:\d+[a-z]?|[IVXLC]{1,7})$/.test(word);
}

/**
 * A comma inside a list of names ("Estonia, Latvia and Lithuania"): a capitalised word on both
 * sides, an "and" later in the phrase, and both neighbours of the same sort (places with places,
 * names with names), so that "In Moscow, Putin and Lukashenko" stays two phrases.
 */
function isListComma(tokens: Token[], i: number, end: number, rules: RuleSet): boolean {
  if (i === 0 || !tokens[i - 1].cap || !tokens[i + 1]?.cap) return false;
  if (!tokens.slice(i + 1, end + 1).some((t) => t.lower === 'and')) return false;
  return isPlaceRun(tokens, i - 1, -1, rules) === isPlaceRun(tokens, i + 1, 1, rules);
}

/** Whether the capitalised run starting at `from` (walking in direction `step`) is a known place. */
function isPlaceRun(tokens: Token[], from: number, step: 1 | -1, rules: RuleSet): boolean {
  let k = from;
  while (tokens[k + step]?.cap) k += step;
  const [a, b] = step === 1 ? [from, k] : [k, from];
  const words = tokens.slice(a, b + 1).map((t) => t.lower);
  return rules.places.kind.has(stripPossessive(words.join(' ')));
}

/**
 * A name set off by commas after its description: "The country's defence minister, Ioana
 * Dragomir, told reporters". `close` is the comma after the name.
 */
export function nameAfterDescription(tokens: Token[], close: number, rules: RuleSet, text: string): Referent | null {
  let open = close - 1;
  while (open > 0 && tokens[open].text !== ',' && close - open <= 6) open--;
  const inner = tokens.slice(open + 1, close);
  // "A Pentagon spokesman, Captain Jeff Hart, said": a rank or courtesy title may open the name part
  const name = inner.slice(findNameStart(inner, rules));
  const titled = inner.slice(0, inner.length - name.length).every((t) => t.kind === 'word' && isRoleWord(stripPossessive(t.lower), rules)) || inner.length - name.length === 0;
  if (tokens[open]?.text !== ',' || !name.length || !titled) return null;
  const description = describedBy(tokens, open - 1, rules);
  if (!description) return null;
  const nameText = text.slice(name[0].start, name[name.length - 1].end);
  return { type: 'person', name: nameText, role: text.slice(description.start, description.end), mention: nameText, start: name[0].start, end: name[name.length - 1].end };
}

/**
 * The role a description ending at `last` gives ("Lithuania's deputy defence minister", "the
 * country's defence minister" -> "defence minister"), or null when it holds no role title.
 */
function describedBy(tokens: Token[], last: number, rules: RuleSet): { start: number; end: number } | null {
  let first = last + 1;
  for (let i = last; i >= 0 && last - i < MAX_PHRASE && isPhraseWord(tokens[i], rules, tokens[i + 1], tokens[i - 1]); i--) first = i;
  // "the country's defence minister": a common noun's possessive is not part of the role; nor is "The"
  while (first <= last && (DETERMINERS.has(tokens[first].lower) || (!tokens[first].cap && /[’']s$/.test(tokens[first].text)))) first++;
  const words = tokens.slice(first, last + 1);
  if (!words.length) return null;
  if (!isTitleWord(words[words.length - 1].lower, rules)) return titleOfBody(tokens, first, last, rules);
  return { start: words[0].start, end: words[words.length - 1].end };
}

/** "a spokesman for the ministry", "head of the Defence Council": a title with the body it serves. */
function titleOfBody(tokens: Token[], first: number, last: number, rules: RuleSet): { start: number; end: number } | null {
  const body = tokens.slice(first, last + 1);
  if (!body.some((t) => isBodyWord(stripPossessive(t.lower), rules) || t.cap)) return null;
  let k = first - 1;
  if (DETERMINERS.has(tokens[k]?.lower ?? '')) k--;
  if (!/^(for|of|at)$/.test(tokens[k]?.lower ?? '')) return null;
  const title = describedBy(tokens, k - 1, rules);
  return title && isTitleWord(tokens[k - 1].lower, rules) ? { start: title.start, end: tokens[last].end } : null;
}

/**
 * The comma that opens a quoted title set off after a noun ("the ministry's review, the
 * “Report on …”, concluded"), closed by the comma at `close`; or -1.
 */
function namedByTitle(tokens: Token[], close: number, rules: RuleSet): number {
  const title = tokens[close - 1];
  const open = DETERMINERS.has(tokens[close - 2]?.lower ?? '') ? close - 3 : close - 2;
  if (title?.kind !== 'quote' || tokens[open]?.text !== ',' || !/^.\p{Lu}/u.test(title.text)) return -1;
  return isPhraseWord(tokens[open - 1], rules) ? open : -1;
}

/** The comma that opens an appositive closed by the comma at `close`, or -1. */
function findAppositiveStart(tokens: Token[], close: number, rules: RuleSet): number {
  for (let i = close - 1; i > 0 && close - i <= MAX_PHRASE; i--) {
    if (tokens[i].text !== ',') continue;
    const inner = tokens.slice(i + 1, close);
    const looksLikeRole = inner.some((t) => t.kind === 'word' && (rules.roles.titles.has(stripPossessive(t.lower)) || isBodyWord(t.lower, rules)));
    const before = tokens[i - 1];
    return looksLikeRole && before.kind === 'word' && before.cap ? i : -1;
  }
  return -1;
}

/**
 * Reads a phrase starting at token `first`, walking right (the speaker after a quote:
 * `,” General Guven Ergenc, Secretary General of the Turkish General Staff, told`).
 * Returns the referent and the index of the first token after it.
 */
export function phraseStartingAt(tokens: Token[], first: number, rules: RuleSet, text: string): { referent: Referent; next: number } | null {
  const plural = pluralAnaphorStartingAt(tokens, first, rules);
  if (plural >= 0) return { referent: pluralReferent(tokens, first, plural, text), next: plural + 1 };
  let i = first;
  // "one diplomat", "another official": a new, unnamed referent, like "a diplomat"
  if (tokens[i] && (DETERMINERS.has(tokens[i].lower) || (INDEFINITES.has(tokens[i].lower) && (tokens[i + 1]?.cap || isRoleWord(tokens[i + 1]?.lower ?? '', rules))))) i++;
  if (tokens[i] && isCommonOpeningWord(tokens, i, rules)) return null;
  const t = tokens[first];
  if (t && t.kind === 'word' && (rules.speakers.personPronouns.has(t.lower) || t.lower === 'they' || t.lower === 'it')) {
    return { referent: { type: t.lower === 'they' ? 'plural' : 'pronoun', name: t.text, role: null, mention: t.text, start: t.start, end: t.end }, next: first + 1 };
  }
  let end = i - 1;
  for (; i < tokens.length && i - first < MAX_PHRASE; i++) {
    const w = tokens[i];
    if ((isPhraseWord(w, rules, tokens[i + 1], tokens[i - 1]) && !(w.kind === 'quote' && i === first)) || (isNumbered(tokens, i, rules) && end === i - 1)) end = i;
    else if ((w.lower === 'and' || w.lower === 'of') && tokens[i + 1]?.cap && end === i - 1) continue;
    else break;
  }
  if (end < first) return null;
  const head = tokens.slice(first, end + 1);
  let next = end + 1;
  if (tokens[next]?.text === ',') {
    // "Lithuania's deputy defence minister, Rasa Vaitkute, said"
    let close = next + 1;
    while (close < tokens.length && close - next <= 5 && tokens[close].text !== ',') close++;
    const named = tokens[close]?.text === ',' ? nameAfterDescription(tokens, close, rules, text) : null;
    if (named && tokens[first].start <= named.start) return { referent: named, next: close + 1 };
  }
  const appositive = appositiveAfter(tokens, next, rules);
  const referent = analyzePhrase(head, rules, text, appositive?.span ?? null);
  return referent ? { referent, next: appositive?.next ?? next } : null;
}

/**
 * The appositive opened by the comma at `comma` ("X, a researcher at Y, argued", "said X, an
 * opposition deputy."): it holds a role title or a body, and ends at the next comma or with the
 * sentence. Returns its span and the index of the first token after it.
 */
export function appositiveAfter(tokens: Token[], comma: number, rules: RuleSet): { span: Span; next: number } | null {
  if (tokens[comma]?.text !== ',') return null;
  for (let k = comma + 1; k <= tokens.length && k - comma <= MAX_PHRASE; k++) {
    const atComma = tokens[k]?.text === ',';
    const atEnd = k === tokens.length || /^[.!?;]$/.test(tokens[k].text);
    if (tokens[k]?.kind === 'quote') return null; // "According to X, the army “…”": a clause, not an appositive
    if (!atComma && !atEnd) continue;
    const inner = tokens.slice(comma + 1, k);
    // it must look like a noun phrase, not a clause ("…, who leads the party.", "…, but the government …,")
    const clause = !inner[0] || (rules.speakers.notNames.has(inner[0].lower) && !DETERMINERS.has(inner[0].lower) && !isRoleWord(inner[0].lower, rules));
    const nounPhrase = !clause && (atComma || DETERMINERS.has(inner[0].lower) || inner[0].cap || isRoleWord(inner[0].lower, rules));
    const holdsRole = inner.some((w) => w.kind === 'word' && (rules.roles.titles.has(stripPossessive(w.lower)) || isBodyWord(w.lower, rules)));
    if (!nounPhrase || !holdsRole) return null;
    return { span: { start: inner[0].start, end: inner[inner.length - 1].end }, next: atComma ? k + 1 : k };
  }
  return null;
}

/** Splits a phrase into descriptor and name and decides what it refers to. */
export function analyzePhrase(words: Token[], rules: RuleSet, text: string, appositive: { start: number; end: number } | null): Referent | null {
  const indefinite = words[0]?.lower === 'a' || words[0]?.lower === 'an' || INDEFINITES.has(words[0]?.lower ?? '');
  const referent = analyzeWords(words, rules, text, appositive);
  return referent && indefinite && referent.type === 'description' ? { ...referent, indefinite } : referent;
}

function analyzeWords(words: Token[], rules: RuleSet, text: string, appositive: { start: number; end: number } | null): Referent | null {
  while (words.length && DETERMINERS.has(words[0].lower)) words = words.slice(1);
  while (words.length && words[words.length - 1].kind === 'quote') words = words.slice(0, -1);
  if (!words.length) return null;
  const span = { start: words[0].start, end: words[words.length - 1].end };
  const mention = text.slice(span.start, span.end);
  // "Hugh Hill, a doctor, said": the role is "doctor"
  const appositiveText = appositive ? text.slice(appositive.start, appositive.end).replace(/^(?:a|an|the)\s+/i, '') : null;
  const lowerMention = mention.toLowerCase();
  const last = words[words.length - 1];
  const lastBare = stripPossessive(last.lower);

  if (rules.speakers.pluralAnaphors.has(lowerMention) || rules.speakers.pluralAnaphors.has(`the ${lowerMention}`)) {
    return { type: 'plural', name: mention, role: null, mention, ...span };
  }
  const titleHead = words.findIndex((w) => w.cap && rules.kinds.titleHeads.has(w.text) && w.text !== 'On');
  // "Treaty of Friendship, Cooperation and Mutual Assistance": a document named by its head and what follows "of"
  if (titleHead === 0 || (titleHead > 0 && words[titleHead + 1]?.lower === 'of')) {
    return { type: 'document', name: mention, role: null, mention, ...span };
  }
  const conjuncts = splitCoordination(words);
  if (conjuncts.length > 1 && conjuncts.every((c) => c.length && c[0].cap)) {
    // "Presidents Ion Sandu and Pavel Rusu": the shared title is the group's role, not its name
    let first = 0;
    while (first < words.length - 1 && isTitleWord(words[first].lower, rules)) first++;
    const title = first ? singularTitle(text.slice(words[0].start, words[first - 1].end), rules) : null;
    return { type: 'group', name: text.slice(words[first].start, span.end), role: appositiveText ?? title, mention, ...span };
  }
  const knownPlace = rules.places.kind.get(stripPossessive(lowerMention));
  if (knownPlace) {
    return { type: knownPlace === 'organization' ? 'organization' : 'place', name: stripPossessive(mention), role: null, mention, ...span };
  }
  const titled = titleHead >= 0;
  const numbered = words.length >= 2 && isNumbered(words, words.length - 1, rules);
  if ((rules.kinds.documentNouns.has(lastBare) && !last.cap) || titled || numbered) {
    return { type: 'document', name: mention, role: null, mention, ...span };
  }
  const tailTwo = words.slice(-2).map((w) => w.lower).join(' ');
  // "Council of Mortgage Lenders", "Ministry of Defense": an organization head before "of"
  const headBeforeOf = words.some((w, k) => words[k + 1]?.lower === 'of' && w.cap && rules.organizations.heads.has(w.lower));
  if (isBodyWord(lastBare, rules) || headBeforeOf || rules.speakers.bodies.has(tailTwo) || rules.organizations.outletNames.has(lowerMention)) {
    // "Kommersant daily": the outlet's name is the capitalised part
    const outletAfterName = !last.cap && rules.speakers.outletNouns.has(lastBare) && words.slice(0, -1).every((w) => w.cap);
    const named = outletAfterName ? words.slice(0, -1) : words;
    const name = named.length ? text.slice(named[0].start, named[named.length - 1].end) : mention;
    if (rules.roles.titles.has(words[0].lower) && !headBeforeOf) return { type: 'description', name: mention, role: mention, mention, ...span };
    return { type: 'organization', name: stripPossessive(name), role: appositiveText, mention, ...span };
  }
  const nameStart = findNameStart(words, rules);
  if (nameStart < words.length) {
    const nameWords = words.slice(nameStart);
    const name = text.slice(nameWords[0].start, nameWords[nameWords.length - 1].end);
    const roleWords = words.slice(0, nameStart).filter((w) => w.kind !== 'punct' && (!rules.roles.honorifics.has(w.lower) || rules.roles.titles.has(w.lower)));
    const role = roleWords.length ? singularTitle(text.slice(roleWords[0].start, roleWords[roleWords.length - 1].end), rules) : null;
    const place = rules.places.kind.get(stripPossessive(name.toLowerCase()));
    // "the newspaper Golos", "the Belgrade weekly Vreme": the outlet's name
    const outletNoun = roleWords[roleWords.length - 1];
    if (outletNoun && !outletNoun.cap && rules.speakers.outletNouns.has(outletNoun.lower) && !place) {
      return { type: 'organization', name: stripPossessive(name), role, mention, ...span };
    }
    if (place && !roleWords.length) {
      return { type: place === 'organization' ? 'organization' : 'place', name: stripPossessive(name), role: null, mention, ...span };
    }
    // "the Taliban", "the Bundestag": one unknown name after "the" is a body, not a person
    if (!roleWords.length && nameWords.length === 1 && /\bthe\s+$/i.test(text.slice(Math.max(0, span.start - 4), span.start))) {
      return { type: 'organization', name: stripPossessive(name), role: appositiveText, mention, ...span };
    }
    return { type: 'person', name: stripPossessive(name), role: appositiveText ?? role, mention, ...span };
  }
  if (words.some((w) => isTitleWord(stripPossessive(w.lower), rules))) {
    return { type: 'description', name: mention, role: mention, mention, ...span };
  }
  return null;
}

/** "Presidents Vladimir Putin and …": each of them is a President. */
function singularTitle(role: string, rules: RuleSet): string {
  const last = /(\S+)s$/.exec(role);
  return last && !rules.roles.titles.has(last[0].toLowerCase()) && rules.roles.titles.has(last[1].toLowerCase()) ? role.slice(0, -1) : role;
}

function splitCoordination(words: Token[]): Token[][] {
  const parts: Token[][] = [[]];
  for (const w of words) {
    if (w.lower === 'and' || w.text === '&' || w.text === ',') parts.push([]);
    else parts[parts.length - 1].push(w);
  }
  return parts;
}

/** Index of the first word of the personal name at the end of the phrase (words.length if none). */
function findNameStart(words: Token[], rules: RuleSet): number {
  let i = words.length;
  while (i > 0) {
    const w = words[i - 1];
    if (NAME_PARTICLES.has(w.lower) && i < words.length) {
      i--;
      continue;
    }
    if (!isNameWord(w, rules)) break;
    i--;
  }
  while (i < words.length && NAME_PARTICLES.has(words[i].lower)) i++;
  return i;
}

/** A capitalised word that can be part of a personal name (not a title, nationality or place word). */
export function isNameWord(w: Token, rules: RuleSet): boolean {
  if (w.kind !== 'word' || !w.cap) return false;
  const bare = stripPossessive(w.lower);
  if (isRoleWord(bare, rules) || isNationality(bare, rules) || rules.speakers.notNames.has(bare)) return false;
  // a month, but not an abbreviation that is also a first name ("Deputy Prime Minister Jan Wierzbicki")
  if (rules.dates.monthNumber(bare) > 0 && (bare.length > 3 || bare === 'may')) return false;
  if (bare.includes('-') && bare.split('-').every((part) => isNationality(part, rules) || rules.places.kind.has(part))) return false;
  if (rules.places.kind.has(bare) && !isLikelyFirstName(bare)) return false;
  if (/^(?:\p{Lu}\.?){2,}$/u.test(w.text)) return false; // acronyms: BBC, SNP, EU, U.S.
  return true;
}

function isLikelyFirstName(lower: string): boolean {
  const tag = lexiconTag(lower);
  return tag === 'MaleName' || tag === 'FemaleName' || tag === 'FirstName';
}
