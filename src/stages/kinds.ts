import type { RuleSet } from '../rules/types.js';
import type { QuoteKind, QuoteSpan } from '../types.js';
import type { Referent } from '../text/phrases.js';
import { isNameWord, isPartNumber } from '../text/phrases.js';
import type { Token } from '../text/tokens.js';
import type { Unit } from './mentions.js';

/**
 * Whose words is a quote (GOLD.md): someone's utterance (speech), text quoted from a treaty
 * or other document (document), the author's scare quotes or a mentioned word (term), or the
 * name of a work, law or event (title). Decided from the attribution found and the words
 * around the quote, in a fixed order of precedence.
 */
export interface KindEvidence {
  text: string;
  quote: QuoteSpan;
  unit: Unit;
  /** index of the quote's token in `unit.tokens` */
  at: number;
  found: { referent: Referent; rule: string; direct: boolean; speakerResolved: boolean } | null;
  /** a quote in this sentence or the two before it (this paragraph or the one before) was document text */
  afterDocumentText: boolean;
  /** this sentence before the quote, or the sentence before it in this paragraph or the one before, names a treaty or deal */
  nearTreaty: boolean;
}

/** Rules whose cue is a verb with an explicit subject: strong evidence of speech. */
const CUE_RULES = new Set(['speaker-verb-before-quote', 'according-to', 'participle-main-subject', 'participle-subject', 'participle-object', 'sentence-subject', 'unnamed-subject']);
const AFTER_QUOTE_RULES = new Set(['speaker-verb-after-quote', 'verb-speaker-after-quote', 'according-to-after-quote']);
/** Referents that speak: a person (or "he", or "an official"), a body, a capital, a group of them. */
const SPEAKERS = new Set(['person', 'pronoun', 'description', 'organization', 'place', 'group']);
const DEMONSTRATIVES = new Set(['this', 'that', 'these', 'those', 'such']);

export function classifyKind(e: KindEvidence, rules: RuleSet): QuoteKind {
  const inner = e.text.slice(e.quote.span.start, e.quote.span.end);
  const { tokens } = e.unit;
  const found = e.found;
  if (found?.referent.type === 'document') return 'document';
  const title = isTitle(inner, tokens, e.at, rules);
  // "In her book “The Long Ceasefire,” the historian argues": named as a work before any speaker
  if (title === 'named') return 'title';
  if (found && AFTER_QUOTE_RULES.has(found.rule)) return 'speech';
  if (title) return 'title';
  if (labelsFollowingName(inner, tokens, e.at, rules) || followsTermMarker(tokens, e.at, rules) || isCapitalsLabel(inner)) return 'term';
  // "Rashidov averred that the pact “ensures our protection”", "The Kremlin says the pact “threatens
  // nobody”", "Under the treaty, Lupu said, Russia “can …”": a speaker's words about a document
  const spoken = !!found && CUE_RULES.has(found.rule) && SPEAKERS.has(found.referent.type);
  if (!spoken && framedByDocument(tokens, e.at, rules)) return 'document';
  if (!spoken && followsDocumentName(tokens, e.at, rules)) return 'document';
  // "The two sides pledged “not to join any bloc directed against the other Party”": the parties
  // speak together through their treaty, so their quoted pledge is its text
  if (found?.referent.type === 'plural' && rules.treaties.partySubjects.test(found.referent.mention)) return 'document';
  // "Under the deal, … the US undertook to “refrain from …”", "a pledge to “support …”": the text that
  // binds a party, quoted after the word that binds it; a person's pledge stays their speech
  const personal = found && (found.referent.type === 'person' || found.referent.type === 'pronoun' || found.referent.type === 'description');
  if ((e.nearTreaty || e.afterDocumentText) && !personal && /^\p{Ll}/u.test(inner.trim()) && commitmentBefore(tokens, e.at, rules)) return 'document';
  if (found && CUE_RULES.has(found.rule)) return 'speech';
  if (!found && inDocumentSentence(inner, tokens, e.at, rules)) return 'document';
  // "The charter says “…”. The three states also commit to fight “…”": the parties' obligations, in the text's words
  if (!found && e.afterDocumentText && /^\p{Ll}/u.test(inner.trim()) && partiesSubject(tokens, rules)) return 'document';
  const treatyText = rules.kinds.treatyLanguage.test(inner) && wordCount(inner) >= 6;
  if (found) return treatyText && found.referent.type !== 'person' && found.referent.type !== 'pronoun' ? 'document' : 'speech';
  if (treatyText) return 'document';
  if (isFullSentence(inner)) return 'speech';
  return 'term';
}

/** A commitment word among the four words before the quote ("undertook to", "pledged that they"). */
function commitmentBefore(tokens: Token[], at: number, rules: RuleSet): boolean {
  for (let k = at - 1; k >= 0 && at - k <= 4; k--) {
    if (tokens[k].kind === 'word' && rules.kinds.commitmentWords.has(tokens[k].lower)) return true;
  }
  return false;
}

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/**
 * A Title-Cased quote that names a document, work or event: its first word is a title head
 * ("Agreement on …", "On approval of …") or a title noun stands before it ("the bill “…”").
 */
function isTitle(inner: string, tokens: Token[], at: number, rules: RuleSet): 'named' | 'headed' | null {
  // the book “Winter Roads.”: American style puts the sentence's period inside the marks
  const trimmed = inner.trim().replace(/[.,;:]$/, '');
  if (!trimmed || /[.!?…]["”’]?$/.test(trimmed)) return null;
  const words: string[] = trimmed.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
  if (!words.length || !/^\p{Lu}/u.test(words[0])) return null;
  const significant = words.filter((w) => w.length > 3);
  const capitalised = significant.filter((w) => /^\p{Lu}/u.test(w)).length;
  if (significant.length && capitalised / significant.length < 0.6) return null;
  // "the book “…”", "a popular history, “…,”": a title noun right before, or set off by a comma
  const before = tokens[at - 1]?.text === ',' ? tokens[at - 2] : tokens[at - 1];
  if (before?.kind === 'word' && rules.kinds.titleNouns.has(before.lower)) return 'named';
  const headed = rules.kinds.titleHeads.has(words[0]) || words.slice(1).some((w) => rules.kinds.titleHeads.has(w) && w !== 'On');
  return headed ? 'headed' : null;
}

/** South Ossetian “president” Leonid Tibilov: a scare-quoted title in front of a name. */
function labelsFollowingName(inner: string, tokens: Token[], at: number, rules: RuleSet): boolean {
  const next = tokens[at + 1];
  return !!next && next.kind === 'word' && isNameWord(next, rules) && wordCount(inner) <= 3 && !/[,.!?…]$/.test(inner.trim());
}

/** the so-called “base”, the word “may” */
function followsTermMarker(tokens: Token[], at: number, rules: RuleSet): boolean {
  // "referred to as the “Parties”": the marker may stand before an article
  const end = /^(?:the|a|an)$/.test(tokens[at - 1]?.lower ?? '') ? at - 1 : at;
  const before = tokens
    .slice(Math.max(0, end - 3), end)
    .map((t) => t.lower || t.text)
    .join(' ');
  return rules.kinds.termMarkers.some((m) => before === m || before.endsWith(` ${m}`));
}

/**
 * “NORTHERN SHIELD”, “ATLANTIC”: a short quote in capitals, not a sentence, is a label or a
 * defined name (treaty texts set their defined terms in capitals), not anyone's utterance.
 */
function isCapitalsLabel(inner: string): boolean {
  const trimmed = inner.trim();
  const letters = trimmed.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && !/\p{Ll}/u.test(letters) && wordCount(trimmed) <= 5 && !/[.!?…]$/.test(trimmed);
}

/** Document text framed as such: "In the treaty, the sides agree … “…”". */
function framedByDocument(tokens: Token[], at: number, rules: RuleSet): boolean {
  const words = tokens.filter((t) => t.kind === 'word');
  if (!/^(in|under|by)$/.test(words[0]?.lower ?? '')) return false;
  for (let k = 1; k < 5 && k < words.length; k++) {
    if (isDocumentNoun(words[k], rules)) return tokens.indexOf(words[k]) < at;
    if (!/^(the|this|that|its|a|new|draft|joint|bilateral|final)$/.test(words[k].lower)) break;
  }
  return false;
}

/** A quote right after the document it comes from: "the draft agreement between Russia and X “on …”". */
function followsDocumentName(tokens: Token[], at: number, rules: RuleSet): boolean {
  for (let k = at - 1; k >= 0 && at - k <= 8; k--) {
    const t = tokens[k];
    if (isDocumentNoun(t, rules)) return !labelledByVerb(tokens, k, rules);
    const nounPhraseWord = t.cap || /^(between|and|of|the|with|on)$/.test(t.lower);
    if (!nounPhraseWord) return false;
  }
  return false;
}

/** "X called the treaty “…”": the document is what a label verb describes, so the quote is X's label. */
function labelledByVerb(tokens: Token[], noun: number, rules: RuleSet): boolean {
  let k = noun - 1;
  while (k >= 0 && (tokens[k].cap || /^(the|this|that|its|a|new|draft|joint|bilateral|final|whole)$/.test(tokens[k].lower))) k--;
  return k >= 0 && rules.verbs.get(tokens[k].lower)?.verbClass === 'label';
}

/**
 * A fragment in a sentence about a document, with nobody said to speak: "the creation of a
 * “common defence space” remained in the Abkhaz version". A demonstrative before the quote
 * ("this “partnership”") makes it the author's label instead.
 */
function inDocumentSentence(inner: string, tokens: Token[], at: number, rules: RuleSet): boolean {
  if (!/^\p{Ll}/u.test(inner.trim())) return false;
  if (DEMONSTRATIVES.has(tokens[at - 1]?.lower ?? '')) return false;
  // "the Collective Security Treaty states that …": a document's verb is no one's speaking
  const saidByDocument = (k: number) => rules.kinds.documentVerbs.has(tokens[k].lower) && tokens.slice(Math.max(0, k - 3), k).some((t) => t.kind === 'word' && rules.kinds.documentNouns.has(t.lower));
  const hasCue = tokens.some((t, k) => t.kind === 'word' && rules.verbs.has(t.lower) && rules.verbs.get(t.lower)!.verbClass !== 'attitude' && !saidByDocument(k));
  return !hasCue && tokens.some((t, k) => isDocumentNoun(t, rules) || isDocumentPart(tokens, k, rules));
}

/** "Article 9", "Article IX": a numbered part of a document. */
function isDocumentPart(tokens: Token[], k: number, rules: RuleSet): boolean {
  return k > 0 && isPartNumber(tokens[k].text) && rules.kinds.documentNouns.has(tokens[k - 1].lower);
}

const NUMBER_WORDS = /^(?:two|three|four|five|six|seven|eight|nine|ten|\d+)$/;

/** The sentence's subject is the parties to an agreement: "The sides", "Both countries", "The three states". */
function partiesSubject(tokens: Token[], rules: RuleSet): boolean {
  const words = tokens.filter((t) => t.kind === 'word').map((t) => t.lower);
  let k = 0;
  while (k < words.length && rules.speakers.notNames.has(words[k]) && !/^(the|both|all)$/.test(words[k])) k++;
  const [determiner, second, third] = words.slice(k, k + 3);
  // "the three countries" reads as "the two countries"
  const phrase = NUMBER_WORDS.test(second ?? '') ? `${determiner} two ${third}` : `${determiner} ${second}`;
  return rules.speakers.pluralAnaphors.has(phrase);
}

function isDocumentNoun(t: Token, rules: RuleSet): boolean {
  return t.kind === 'word' && !t.cap && rules.kinds.documentNouns.has(t.lower);
}

/** Starts with a capital (after brackets or an ellipsis) and ends like a sentence. */
function isFullSentence(inner: string): boolean {
  const trimmed = inner.trim();
  return /^[[(…."']*\p{Lu}/u.test(trimmed) && /[.!?…,]$/.test(trimmed) && wordCount(trimmed) >= 4;
}
