import type { RuleSet, VerbForm } from '../rules/types.js';
import type { Citation, QuoteKind, QuoteSpan, Speaker } from '../types.js';
import { analyzePhrase, DETERMINERS, phraseEndingAt, phraseStartingAt, isNameWord, isPartNumber, endsKnownName, type Referent } from '../text/phrases.js';
import { isPossessive, tokenize, type Token } from '../text/tokens.js';
import { firstStartingFrom } from '../offsets.js';
import { genderOf, pronounGender, type Gender } from '../text/gender.js';
import { lexiconTag } from '../nlp/compromise.js';
import { surnameKey, type Mentions, type Unit } from './mentions.js';
import { classifyKind, type KindEvidence } from './kinds.js';

/**
 * Stage 5: who said each quote, by which cue, to whom, and so whose words they are (kind).
 * Patterns are tried from the most to the least reliable; each has a stable rule id that the
 * record carries as provenance. Pronouns, surnames, role descriptions ("the chancellor") and
 * plural anaphors ("the companies") are resolved against the names the article gives.
 */
export interface Attribution {
  kind: QuoteKind;
  speaker: Speaker | null;
  cue: string | null;
  addressee: string | null;
  citation: Citation | null;
  confidence: number;
}

interface Found {
  referent: Referent;
  rule: string;
  cue: string | null;
  addressee: string | null;
  confidence: number;
  /** the cue sits right next to the quote (“…,” X said / X said: “…”) */
  direct: boolean;
}

export function attributeQuotes(
  text: string,
  quotes: QuoteSpan[],
  mentions: Mentions,
  citations: Citation[],
  rules: RuleSet,
): Attribution[] {
  const discourse = new Discourse(text, mentions, rules);
  // where the last document quote was: a fragment about the parties right after it goes on quoting the text
  let lastDocument: { unitIndex: number; block: number } | null = null;
  const treatyNounAt = firstTreatyNouns(text, mentions.units, rules);
  const attributions = quotes.map((quote, qi): Attribution => {
    const unitIndex = unitAt(mentions.units, quote.open);
    const { unit, at } = quoteWindow(mentions.units[unitIndex], quote.open);
    const citation = citationFor(quote, quotes[qi + 1], citations);
    if (!unit || at < 0) return { kind: 'term', speaker: null, cue: null, addressee: null, citation, confidence: 0.3 };
    const found = documentForIt(findSpeaker(unit, unitIndex, at, discourse, rules), unitIndex, discourse);
    const speaker = found ? discourse.resolve(found.referent, unitIndex, found.referent.start) : null;
    const afterDocumentText = !!lastDocument && unitIndex - lastDocument.unitIndex <= 2 && unit.block - lastDocument.block <= 1;
    const previous = mentions.units[unitIndex - 1];
    const nearTreaty = treatyNounAt(unitIndex) < quote.open || (!!previous && unit.block - previous.block <= 1 && treatyNounAt(unitIndex - 1) < Infinity);
    const evidence: KindEvidence = { text, quote, unit, at, found: found && { ...found, speakerResolved: speaker !== null }, afterDocumentText, nearTreaty };
    const kind = classifyKind(evidence, rules);
    if (kind === 'document') lastDocument = { unitIndex, block: unit.block };
    const spoken = kind === 'speech' && found && speaker;
    const attribution: Attribution = {
      kind,
      speaker: spoken ? { name: speaker.name, mention: speaker.mention, role: speaker.role, rule: found.rule } : null,
      cue: spoken ? found.cue : null,
      addressee: spoken ? found.addressee : null,
      citation,
      confidence: spoken ? found.confidence * speaker.certainty : kind === 'speech' ? 0.5 : 0.7,
    };
    discourse.record(unitIndex, attribution.speaker, spoken ? speaker.type : null);
    return attribution;
  });
  return continuedQuoteSpeakers(quotes, attributions);
}

/**
 * Newswire's quote of several paragraphs names its speaker once, usually where it finally
 * closes (“Q1 ¶ “Q2,” X said.): a paragraph that runs on into the next quote paragraph
 * and names nobody takes the speaker of the paragraphs after it, last to first.
 */
function continuedQuoteSpeakers(quotes: QuoteSpan[], attributions: Attribution[]): Attribution[] {
  for (let i = quotes.length - 2; i >= 0; i--) {
    const [here, next] = [attributions[i], attributions[i + 1]];
    const runsOn = quotes[i].close === null && quotes[i + 1].block === quotes[i].block + 1;
    if (!runsOn || here.speaker || here.kind !== 'speech' || next.kind !== 'speech' || !next.speaker) continue;
    attributions[i] = { ...here, speaker: { ...next.speaker, rule: 'continued-quote' }, cue: next.cue, confidence: next.confidence * 0.9 };
  }
  return attributions;
}

/**
 * Where each sentence first names a treaty or deal (Infinity if nowhere), looked up once per
 * sentence: a test per quote of the text before it was quadratic in a run-on sentence of quotes.
 */
function firstTreatyNouns(text: string, units: Unit[], rules: RuleSet): (unitIndex: number) => number {
  const found = new Map<number, number>();
  return (u) => {
    let at = found.get(u);
    if (at === undefined) {
      const match = rules.treaties.anyNoun.exec(text.slice(units[u].span.start, units[u].span.end));
      at = match ? units[u].span.start + match.index : Infinity;
      found.set(u, at);
    }
    return at;
  };
}

/**
 * "It adds that …" after a sentence about the charter: the charter's own words. An "it" that
 * only a document verb links to the quote ("It obliges …") and that is no document says nothing.
 */
function documentForIt(found: Found | null, unitIndex: number, discourse: Discourse): Found | null {
  if (found?.referent.type !== 'pronoun' || found.referent.name.toLowerCase() !== 'it') return found;
  const antecedent = discourse.antecedentOfIt(unitIndex, found.referent.start);
  if (antecedent?.type === 'document') return { ...found, referent: antecedent, rule: 'document-verb' };
  return found.rule === 'document-verb' ? null : found;
}

/** The unit holding `offset`, or -1: a binary search, since units are in text order and never overlap (a long article has thousands). */
function unitAt(units: Unit[], offset: number): number {
  let low = 0;
  let high = units.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const { start, end } = units[mid].span;
    if (offset < start) high = mid - 1;
    else if (offset >= end) low = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * How many tokens of its unit a quote is read in. A longer unit (run-on text without sentence
 * ends) is cut to the tokens around the quote: the patterns look a few dozen tokens around it,
 * but some scan the whole unit, which made a unit of thousands of quotes quadratic.
 */
const MAX_UNIT_TOKENS = 400;

/** The unit a quote is read in (windowed when long), and the index of the quote's token in it. */
function quoteWindow(unit: Unit | undefined, open: number): { unit: Unit | undefined; at: number } {
  if (!unit) return { unit, at: -1 };
  const at = quoteTokenAt(unit.tokens, open);
  if (at < 0 || unit.tokens.length <= MAX_UNIT_TOKENS) return { unit, at };
  const from = Math.max(0, at - MAX_UNIT_TOKENS / 2);
  return { unit: { ...unit, tokens: unit.tokens.slice(from, from + MAX_UNIT_TOKENS) }, at: at - from };
}

/** The quote token starting at `open` (tokens are in text order), or -1. */
function quoteTokenAt(tokens: Token[], open: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (tokens[mid].start < open) low = mid + 1;
    else if (tokens[mid].start > open) high = mid - 1;
    else return tokens[mid].kind === 'quote' ? mid : -1;
  }
  return -1;
}

/** An inline citation after the quote, before the next quote, in the same paragraph. */
function citationFor(quote: QuoteSpan, next: QuoteSpan | undefined, citations: Citation[]): Citation | null {
  const after = quote.close ?? quote.span.end;
  return (
    citations.find((c) => c.span.start > after && (!next || c.span.start < next.open) && (next?.block ?? Infinity) >= quote.block && sameBlock(c, quote, next)) ?? null
  );
}

function sameBlock(c: Citation, quote: QuoteSpan, next: QuoteSpan | undefined): boolean {
  return !next || next.block !== quote.block || c.span.start < next.open;
}

// ---------------------------------------------------------------------------------------
// Patterns

function findSpeaker(unit: Unit, unitIndex: number, at: number, discourse: Discourse, rules: RuleSet): Found | null {
  const after = speakerAfterQuote(unit.tokens, at, discourse.text, rules);
  if (after && opensClause(unit.tokens, at, rules)) return after;
  // "X called the request “Q,” the agency reported": X's words, reported by the agency
  const before = speakerBeforeQuote(unit.tokens, at, discourse, rules);
  if (before?.rule === 'speaker-verb-before-quote' || before?.rule === 'document-verb') return before;
  return (
    after ??
    before ??
    colonIntroduction(unit.tokens, at, discourse) ??
    continuation(unit, unitIndex, discourse) ??
    previousSentence(unit, unitIndex, at, discourse) ??
    nextQuoteSpeaker(unit, unitIndex, at, discourse)
  );
}

const CLAUSE_END = /[,.!?…—–-]$/;

/** The quote opens its sentence or clause: nothing but punctuation and connectives before it. */
function opensClause(tokens: Token[], at: number, rules: RuleSet): boolean {
  const before = tokens[at - 1];
  return !before || /^[,:;—–-]$/.test(before.text) || tokens.slice(0, at).every((t) => t.kind === 'punct' || rules.speakers.notNames.has(t.lower));
}

/** `“Q,” X said` · `“Q,” said X` · `"Q," General Guven Ergenc, Secretary General of ..., told a news conference`. */
function speakerAfterQuote(tokens: Token[], at: number, text: string, rules: RuleSet): Found | null {
  const quote = tokens[at];
  const inner = quote.text.slice(1, -1).trimEnd();
  let i = at + 1;
  const comma = tokens[i]?.text === ',' || tokens[i]?.text === '—';
  if (comma) i++;
  if (!comma && !CLAUSE_END.test(inner)) return null;
  if (!tokens[i]) return null;
  // “…,” according to the ministry
  if (cuePhraseAt(tokens, i, rules) === 'according to') {
    const source = phraseStartingAt(tokens, i + 2, rules, text);
    return source && isSpeakerLike(source.referent)
      ? { referent: source.referent, rule: 'according-to-after-quote', cue: 'according to', addressee: null, confidence: 0.9, direct: true }
      : null;
  }
  // inverted: “…,” said Karimov; “…,” reads Article 4
  const inverted = verbAt(tokens, i, rules);
  if ((inverted && inverted.verbClass !== 'attitude' && !inverted.participle) || isDocumentVerb(tokens[i], rules)) {
    const phrase = phraseStartingAt(tokens, i + 1, rules, text);
    if (phrase?.referent.type === 'document') {
      return { referent: phrase.referent, rule: 'document-verb', cue: tokens[i].text, addressee: null, confidence: 0.95, direct: true };
    }
    if (inverted && phrase && isSpeakerLike(phrase.referent)) {
      return { referent: phrase.referent, rule: 'verb-speaker-after-quote', cue: tokens[i].text, addressee: null, confidence: 0.95, direct: true };
    }
  }
  const phrase = phraseStartingAt(tokens, i, rules, text);
  if (phrase?.referent.type === 'document') return documentAfterQuote(tokens, phrase.referent, phrase.next, rules);
  if (!phrase || !isSpeakerLike(phrase.referent)) return null;
  let v = afterModifier(tokens, phrase.next, rules);
  const modifiers: Token[] = [];
  while (tokens[v] && rules.verbModifiers.has(tokens[v].lower)) modifiers.push(tokens[v++]);
  const verb = verbAt(tokens, v, rules);
  if (!verb || verb.participle) return null;
  const cue = [...modifiers, tokens[v]].map((t) => t.text).join(' ');
  return {
    referent: phrase.referent,
    rule: 'speaker-verb-after-quote',
    cue,
    addressee: addresseeAfter(tokens, v, text, rules),
    confidence: 0.95,
    direct: true,
  };
}

/** A past participle opening a modifier: "released", "seen", "drawn up". */
const PARTICIPLE = /(?:ed|en|wn)$/;

/** The phrase follows "by" ("seen by (this) newspaper"): the agent of a participle. */
function isAgent(tokens: Token[], phrase: Referent): boolean {
  let k = tokens.findIndex((t) => t.start === phrase.start) - 1;
  while (k >= 0 && DETERMINERS.has(tokens[k].lower)) k--;
  return tokens[k]?.lower === 'by';
}

/** How many words a participial modifier may run between a document and its verb ("the text released by the two governments says"). */
const MAX_MODIFIER = 8;

/** `“Q,” the charter says` · `“Q,” the text released by both governments says`: the document's own words. */
function documentAfterQuote(tokens: Token[], document: Referent, next: number, rules: RuleSet): Found | null {
  let v = next;
  if (PARTICIPLE.test(tokens[v]?.lower ?? '') && !isDocumentVerb(tokens[v], rules)) {
    while (tokens[v]?.kind === 'word' && v - next < MAX_MODIFIER && !isDocumentVerb(tokens[v], rules)) v++;
  } else {
    while (tokens[v] && rules.verbModifiers.has(tokens[v].lower)) v++;
  }
  const verb = tokens[v];
  if (!verb || !(isDocumentVerb(verb, rules) || verbAt(tokens, v, rules)?.verbClass === 'speech')) return null;
  return { referent: document, rule: 'document-verb', cue: verb.text, addressee: null, confidence: 0.9, direct: true };
}

/**
 * The index after a short modifier of the speaker phrase that ends at `next`: "the report from
 * the Audit Office (said)", "the statement issued by the ministry (said)"; `next` if none.
 */
function afterModifier(tokens: Token[], next: number, rules: RuleSet): number {
  const first = tokens[next];
  if (!first || !(/^(from|by)$/.test(first.lower) || (PARTICIPLE.test(first.lower) && tokens[next + 1]?.lower === 'by'))) return next;
  for (let v = next + 1; v < tokens.length && v - next <= MAX_MODIFIER && tokens[v].kind === 'word'; v++) {
    const verb = verbAt(tokens, v, rules);
    if (verb?.verbClass === 'speech' && !verb.participle) return v;
  }
  return next;
}

/** `X said (that) … “Q”` · `according to X, “Q”` · `…, urging … “Q”` · `X branded Y “Q” for claiming …`. */
function speakerBeforeQuote(tokens: Token[], at: number, discourse: Discourse, rules: RuleSet): Found | null {
  const text = discourse.text;
  for (let v = at - 1; v >= 0; v--) {
    const phrase = cuePhraseAt(tokens, v, rules);
    if (phrase && /\s(?:to|of)$/.test(phrase)) {
      // "according to X, “Q”", "in the words of X, “Q”": the source follows the cue
      const found = phraseStartingAt(tokens, v + phrase.split(' ').length, rules, text);
      if (found && isSpeakerLike(found.referent) && found.next <= at) {
        return { referent: found.referent, rule: phrase.replace(/\s+/g, '-'), cue: phrase, addressee: null, confidence: 0.9, direct: true };
      }
      continue;
    }
    const own = phrase ? null : ownWords(tokens, v, rules, text);
    if (own) return { referent: own.referent, rule: 'in-own-words', cue: text.slice(tokens[v].start, tokens[own.words].end), addressee: null, confidence: 0.85, direct: true };
    const verb = phrase ? null : verbAt(tokens, v, rules);
    if (!phrase && !verb && !isDocumentVerb(tokens[v], rules)) continue;
    if (isPassive(tokens, v, rules) || isNounAfterDeterminer(tokens, v)) continue;
    // "He cast the treaty as a choice: “Q”": the label is for the treaty; the colon hands over the floor
    if (verb?.verbClass === 'label' && tokens[at - 1]?.text === ':') continue;
    // "X used the visit to present Y as “Q”": the infinitive's subject is the sentence's
    if (tokens[v - 1]?.lower === 'to') {
      const main = verb && verb.verbClass !== 'attitude' ? discourse.mainSubject(tokens) : null;
      if (main && isSpeakerLike(main) && main.start < tokens[v].start) {
        return { referent: main, rule: 'sentence-subject', cue: tokens[v].text, addressee: null, confidence: 0.75, direct: false };
      }
      continue;
    }
    const direct = tokens.slice(v + 1, at).every((t) => t.kind === 'punct') || tokens[at - 1]?.text === ':';
    const cueText = phrase ?? tokens[v].text;
    if (verb?.participle) {
      const found = participleSubject(tokens, v, discourse, rules);
      if (found) return { ...found, cue: cueText, addressee: null, direct };
      continue;
    }
    const { first, cue } = subjectStart(tokens, v, rules, cueText);
    const subject = subjectEndingAt(tokens, first, rules, text);
    // "A copy seen by this newspaper says": the agent of a participle is not the verb's subject
    const agent = !!subject && isAgent(tokens, subject);
    const document = subject?.type === 'document' ? subject : subject && isSpeakerLike(subject) && !agent ? null : modifiedDocumentSubject(tokens, v, rules, text);
    if (document) return { referent: document, rule: 'document-verb', cue, addressee: null, confidence: 0.9, direct };
    // "It obliges the parties to “…”": a document verb whose "it" may stand for a document (see documentForIt)
    if (!verb && !phrase && subject?.type === 'pronoun' && subject.name.toLowerCase() === 'it') {
      return { referent: subject, rule: 'document-verb', cue, addressee: null, confidence: 0.85, direct };
    }
    if (!verb && !phrase) continue; // a document verb whose subject is not a document
    if (subject && isSpeakerLike(subject)) {
      return { referent: subject, rule: 'speaker-verb-before-quote', cue, addressee: addresseeAfter(tokens, v, text, rules), confidence: 0.9, direct };
    }
    const main = discourse.mainSubject(tokens);
    if (main && isSpeakerLike(main) && main.start < tokens[v].start) {
      return { referent: main, rule: 'sentence-subject', cue, addressee: null, confidence: 0.75, direct };
    }
    // "the charter's critics say it “…”": people the article does not name
    if (verb?.verbClass === 'speech' && isUnnamedPeople(tokens[first], rules)) {
      const t = tokens[first];
      return { referent: { type: 'description', name: t.text, role: null, mention: t.text, indefinite: true, start: t.start, end: t.end }, rule: 'unnamed-subject', cue, addressee: null, confidence: 0.6, direct };
    }
  }
  return null;
}

/** A plain plural noun right before a verb of saying ("critics say", "residents said"): a source nobody names. */
function isUnnamedPeople(t: Token | undefined, rules: RuleSet): boolean {
  if (!t || t.kind !== 'word' || t.cap || !/[^s]s$/.test(t.lower)) return false;
  return !rules.kinds.documentNouns.has(t.lower) && !rules.speakers.notNames.has(t.lower) && !rules.verbs.has(t.lower) && !rules.verbModifiers.has(t.lower);
}

const RELATIVE_PRONOUNS = new Set(['who', 'which']);

/**
 * A document opening the sentence as the subject of the verb at `v`, with a relative clause or
 * a participle between them: "A draft that circulated in March said …", "The accord, signed
 * on Friday, commits …", "The text released by both sides states …". No other verb of saying
 * may stand between them.
 */
function modifiedDocumentSubject(tokens: Token[], v: number, rules: RuleSet, text: string): Referent | null {
  let k = 0;
  while (tokens[k] && (INTRO_WORDS.has(tokens[k].lower) || tokens[k].text === ',')) k++;
  const opening = phraseStartingAt(tokens, k, rules, text);
  if (opening?.referent.type !== 'document' || opening.next >= v) return null;
  const modifier = tokens[opening.next];
  const opensModifier = /^(that|which|,)$/.test(modifier.text.toLowerCase()) || (PARTICIPLE.test(modifier.lower) && !isDocumentVerb(modifier, rules));
  const between = tokens.slice(opening.next + 1, v);
  const quiet = between.every((t) => t.kind === 'word' || t.text === ',') && !between.some((t) => rules.verbs.get(t.lower)?.verbClass === 'speech');
  return opensModifier && quiet && v - opening.next <= MAX_MODIFIER + 4 ? opening.referent : null;
}

/** The subject phrase ending at `last`; for a relative clause ("an official who called it"), its antecedent. */
function subjectEndingAt(tokens: Token[], last: number, rules: RuleSet, text: string): Referent | null {
  if (!RELATIVE_PRONOUNS.has(tokens[last]?.lower ?? '')) return phraseEndingAt(tokens, last, rules, text);
  const antecedent = tokens[last - 1]?.text === ',' ? last - 2 : last - 1;
  return phraseEndingAt(tokens, antecedent, rules, text);
}

const POSSESSIVE_PRONOUNS: Record<string, string> = { his: 'he', her: 'she', their: 'they', its: 'it' };

/** "In his words, …", "in Pashinyan’s words, …": the possessor is the speaker. Returns it and the index of "words". */
function ownWords(tokens: Token[], v: number, rules: RuleSet, text: string): { referent: Referent; words: number } | null {
  if (tokens[v].lower !== 'in') return null;
  const pronoun = POSSESSIVE_PRONOUNS[tokens[v + 1]?.lower ?? ''];
  if (pronoun && tokens[v + 2]?.lower === 'words') {
    const t = tokens[v + 1];
    return { referent: { type: pronoun === 'they' ? 'plural' : 'pronoun', name: pronoun, role: null, mention: t.text, start: t.start, end: t.end }, words: v + 2 };
  }
  for (let k = v + 1; k <= v + 5 && tokens[k]; k++) {
    if (tokens[k].lower !== 'words') continue;
    const owner = tokens.slice(v + 1, k);
    if (!owner.length || !owner.every((t) => t.cap) || !isPossessive(owner[owner.length - 1].text)) return null;
    const referent = analyzePhrase(owner, rules, text, null);
    return referent && isSpeakerLike(referent) ? { referent, words: k } : null;
  }
  return null;
}

/** The subject of an -ing cue: "with Reagan describing", "X branded Y … for claiming", else the sentence's subject. */
function participleSubject(tokens: Token[], v: number, discourse: Discourse, rules: RuleSet): Omit<Found, 'cue' | 'addressee' | 'direct'> | null {
  const text = discourse.text;
  const before = tokens[v - 1];
  if (before?.lower === 'for' || before?.lower === 'of') {
    // "X branded/accused Y … for claiming “Q”": Y's words
    for (let k = v - 2; k >= 0; k--) {
      const main = verbAt(tokens, k, rules);
      if (!main) continue;
      const object = phraseStartingAt(tokens, k + 1, rules, text);
      if (object && object.referent.type === 'person') return { referent: object.referent, rule: 'participle-object', confidence: 0.8 };
      break;
    }
    return null;
  }
  if (before && before.kind === 'word' && isNameWord(before, rules)) {
    const named = phraseEndingAt(tokens, v - 1, rules, text);
    if (named && named.type === 'person') return { referent: named, rule: 'participle-subject', confidence: 0.85 };
  }
  const main = discourse.mainSubject(tokens);
  if (main && isSpeakerLike(main)) return { referent: main, rule: 'participle-main-subject', confidence: 0.85 };
  return null;
}

/** `X …: “Q”`: a colon hands the floor to the sentence's subject. */
function colonIntroduction(tokens: Token[], at: number, discourse: Discourse): Found | null {
  if (tokens[at - 1]?.text !== ':') return null;
  // "Article 2 was the heart of the bargain: “…”": the document's own words
  const opener = phraseStartingAt(tokens, 0, discourse.rules, discourse.text)?.referent;
  if (opener?.type === 'document') return { referent: opener, rule: 'document-colon', cue: ':', addressee: null, confidence: 0.75, direct: true };
  const main = discourse.mainSubject(tokens);
  if (!main || !isSpeakerLike(main)) return null;
  return { referent: main, rule: 'colon-introduction', cue: ':', addressee: null, confidence: 0.75, direct: true };
}

/** "He will say X “…”. And that he wants …": a sentence opening with "(and) that" continues reported speech. */
function continuation(unit: Unit, unitIndex: number, discourse: Discourse): Found | null {
  const [first, second] = unit.tokens.filter((t) => t.kind === 'word');
  if (!(first?.lower === 'that' || (first?.lower === 'and' && second?.lower === 'that'))) return null;
  const previous = discourse.speakerOf(unitIndex - 1, unit.block);
  if (!previous) return null;
  return { referent: previous, rule: 'continued-reported-speech', cue: null, addressee: null, confidence: 0.65, direct: false };
}

/** A quote that opens its sentence with no cue takes the speaker of the sentence before. */
function previousSentence(unit: Unit, unitIndex: number, at: number, discourse: Discourse): Found | null {
  const opening = unit.tokens.slice(0, at).every((t) => t.kind === 'punct' || discourse.rules.speakers.notNames.has(t.lower));
  if (!opening || unitIndex === 0) return null;
  const previous =
    discourse.speakerOf(unitIndex - 1, unit.block) ??
    discourse.colonSubject(unitIndex - 1) ??
    discourse.reportingSubject(unitIndex - 1, unit.block) ??
    discourse.mannerSubject(unitIndex - 1, unit.block);
  if (previous) return { referent: previous, rule: 'previous-sentence', cue: null, addressee: null, confidence: 0.7, direct: false };
  const document = discourse.announcedDocument(unitIndex - 1, unit.block);
  return document && { referent: document, rule: 'document-announced', cue: null, addressee: null, confidence: 0.7, direct: false };
}

/**
 * A quote standing alone as a sentence, followed in its paragraph by another that names its
 * speaker (“Q1.” “Q2,” X said.): newswire runs one speaker's sentences together so.
 */
function nextQuoteSpeaker(unit: Unit, unitIndex: number, at: number, discourse: Discourse): Found | null {
  if (!unit.tokens.every((t, k) => k === at || t.kind === 'punct')) return null;
  const next = discourse.unit(unitIndex + 1);
  if (!next || next.block !== unit.block) return null;
  const first = next.tokens.findIndex((t) => t.kind !== 'punct');
  if (next.tokens[first]?.kind !== 'quote') return null;
  const found = speakerAfterQuote(next.tokens, first, discourse.text, discourse.rules);
  return found && found.rule !== 'document-verb' ? { ...found, rule: 'next-sentence', cue: null, addressee: null, confidence: 0.7, direct: false } : null;
}

// ---------------------------------------------------------------------------------------
// Token helpers

function verbAt(tokens: Token[], i: number, rules: RuleSet): VerbForm | null {
  const t = tokens[i];
  if (!t || t.kind !== 'word' || endsKnownName(tokens[i - 1], t, rules)) return null;
  const verb = rules.verbs.get(t.lower);
  return verb && !nounAfterSingular(tokens, i, verb) ? verb : null;
}

/** "a member state “is …”": a base form right after a singular noun and its article is that noun's head, not a verb. */
function nounAfterSingular(tokens: Token[], i: number, verb: VerbForm): boolean {
  const [article, noun] = [tokens[i - 2], tokens[i - 1]];
  return tokens[i].lower === verb.lemma && noun?.kind === 'word' && !/s$/.test(noun.lower) && /^(?:a|an|each|every|this|that)$/.test(article?.lower ?? '');
}

function isDocumentVerb(t: Token, rules: RuleSet): boolean {
  return t.kind === 'word' && rules.kinds.documentVerbs.has(t.lower);
}

/** Multi-word cue starting at token v ("according to"), longest first. */
function cuePhraseAt(tokens: Token[], v: number, rules: RuleSet): string | null {
  const t = tokens[v];
  if (!t || t.kind !== 'word') return null;
  for (const words of cuePhrasesByFirstWord(rules).get(t.lower) ?? []) {
    if (words.every((w, k) => tokens[v + k]?.lower === w)) return words.join(' ');
  }
  return null;
}

const phraseIndex = new WeakMap<RuleSet, Map<string, string[][]>>();

/** The cue phrases indexed by their first word, built once per rule set: a lookup per token, not a scan. */
function cuePhrasesByFirstWord(rules: RuleSet): Map<string, string[][]> {
  let index = phraseIndex.get(rules);
  if (!index) {
    index = new Map();
    for (const phrase of rules.cuePhrases) {
      const words = phrase.split(' ');
      index.set(words[0], [...(index.get(words[0]) ?? []), words]);
    }
    phraseIndex.set(rules, index);
  }
  return index;
}

/** Words that make the next word a noun: "the two states", "its report", "a statement". */
const NOUN_MARKERS = new Set(['the', 'a', 'an', 'this', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'two', 'three', 'four', 'both', 'several', 'many', 'some', 'all', 'other', 'such', 'whose']);

function isNounAfterDeterminer(tokens: Token[], v: number): boolean {
  return NOUN_MARKERS.has(tokens[v - 1]?.lower ?? '');
}

const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being', 'get', 'got', 'gets']);

/** "has been accused by", "was described as": the subject is not the speaker. */
function isPassive(tokens: Token[], v: number, rules: RuleSet): boolean {
  const t = tokens[v];
  if (!/(ed|en|wn|ld|ught)$/.test(t.lower)) return false;
  for (let k = v - 1; k >= 0 && k >= v - 3; k--) {
    if (BE.has(tokens[k].lower)) return true;
    if (!rules.verbModifiers.has(tokens[k].lower)) return false;
  }
  return false;
}

/** Skips auxiliaries and adverbs left of the verb; returns the last token of the subject and the cue as written. */
function subjectStart(tokens: Token[], v: number, rules: RuleSet, cue: string): { first: number; cue: string } {
  let k = v - 1;
  const aux: string[] = [];
  while (k >= 0 && rules.verbModifiers.has(tokens[k].lower) && tokens[k].kind === 'word') aux.unshift(tokens[k--].text);
  const auxiliaries = aux.filter((w) => /^(will|would|shall|should|can|could|may|might|must|has|have|had|is|are|was|were|did|does|do)$/i.test(w));
  return { first: k, cue: [...auxiliaries, cue].join(' ') };
}

/** "told journalists", "told an emergency cabinet meeting in Athens", "said in an address to the State Duma". */
function addresseeAfter(tokens: Token[], v: number, text: string, rules: RuleSet): string | null {
  const verb = rules.verbs.get(tokens[v]?.lower ?? '');
  let start = v + 1;
  if (verb?.lemma !== 'tell') {
    const to = tokens.findIndex((t, k) => k > v && k <= v + 5 && t.lower === 'to' && /^(address|speech|letter|message|statement)$/.test(tokens[k - 1]?.lower ?? ''));
    if (to < 0) return null;
    start = to + 1;
  }
  let end = start;
  while (end < tokens.length && tokens[end].kind === 'word' && !endsAddressee(tokens, end, start, rules)) end++;
  if (end === start) return null;
  return text.slice(tokens[start].start, tokens[end - 1].end);
}

/** Words after which "told X" goes on with something other than X ("told reporters the plan was …", "told MPs on Tuesday"). */
const AFTER_ADDRESSEE = new Set(['that', 'if', 'whether', 'how', 'what', 'why', 'when', 'about', 'later', 'on', 'in', 'at', 'during', 'after', 'before', 'by', 'with', 'from', 'for', 'to', 'as', 'while', 'since', 'last', 'this', 'it', 'he', 'she', 'they', 'we', 'there', 'his', 'her', 'their', 'its', 'our']);

function endsAddressee(tokens: Token[], k: number, start: number, rules: RuleSet): boolean {
  const t = tokens[k];
  // "told the Committee on Foreign Affairs" goes on; "told Interfax on Monday" does not
  const inName = (t.lower === 'on' || t.lower === 'for') && !!tokens[k + 1]?.cap && rules.organizations.heads.has(tokens[k - 1]?.lower ?? '');
  if (AFTER_ADDRESSEE.has(t.lower)) return !inName;
  // a second determiner starts the reported clause: "told reporters the plan was"
  return k > start && /^(the|a|an)$/.test(t.lower) && tokens[k - 1].kind === 'word' && !/^(of|and)$/.test(tokens[k - 1].lower);
}

/** Anything but a document can speak: people, bodies, outlets, groups, capitals ("Moscow insists"). */
function isSpeakerLike(r: Referent): boolean {
  return r.type !== 'document';
}

// ---------------------------------------------------------------------------------------
// Discourse: subjects of sentences, and resolution of pronouns, surnames and descriptions

/** How far after "it" its clause is read for a document it talks about, in tokens. */
const CLAUSE_TOKENS = 40;

/** How many "it"s in a row an "it" is followed back through ("It said … It added … It warned …"). */
const MAX_IT_HOPS = 3;

/** Verbs that link a speaker to how they spoke ("was blunter", "sounded less sure"). */
const COPULAS = new Set(['was', 'is', 'were', 'are', 'sounded', 'seemed', 'appeared', 'remained']);

/** Determiners of a statement being introduced ("in a statement", "its statement"), not referred back to ("the statement"). */
const ISSUED = new Set(['a', 'an', 'its', 'their', 'his', 'her']);

/** How many organization mentions back "the ministry" may look for the ministry it stands for. */
const ORGANIZATION_LOOKBACK = 400;


/** Titles that name an anonymous source; "the official said" is not resolved to the last person named. */
const ANONYMOUS = new Set(['official', 'officials', 'source', 'sources', 'diplomat', 'diplomats', 'analyst', 'analysts', 'expert', 'experts', 'observer', 'observers', 'commentator', 'commentators']);
const CLAUSE_OPENERS = new Set(['in', 'on', 'at', 'by', 'with', 'from', 'during', 'after', 'before', 'since', 'although', 'though', 'because', 'while', 'when', 'as', 'if', 'even', 'like', 'unlike', 'despite', 'amid', 'under', 'over', 'following', 'given', 'for', 'through', 'throughout', 'within', 'without', 'upon', 'once', 'until', 'whereas', 'having', 'according']);
const INTRO_WORDS = new Set(['but', 'and', 'yet', 'so', 'meanwhile', 'however', 'still', 'thus', 'furthermore', 'moreover', 'instead', 'also', 'then', 'now', 'indeed', 'separately', 'similarly', 'nevertheless', 'nonetheless']);

/** What a resolved speaker is: pronouns and descriptions resolve to the person they stand for. */
type SpeakerType = 'person' | 'organization' | 'group' | 'place';

interface Resolved extends Omit<Speaker, 'rule'> {
  type: SpeakerType;
  certainty: number;
}

class Discourse {
  private readonly speakers = new Map<number, Referent>();
  private readonly subjects = new Map<number, Referent | null>();

  constructor(
    readonly text: string,
    private readonly mentions: Mentions,
    readonly rules: RuleSet,
  ) {}

  /** Remembers the speaker of a quote so later pronouns and "previous sentence" can find it. */
  record(unitIndex: number, speaker: Speaker | null, type: SpeakerType | null): void {
    if (!speaker || !type || this.speakers.has(unitIndex)) return;
    const referent: Referent = { type, name: speaker.name, role: speaker.role, mention: speaker.mention, start: 0, end: 0 };
    this.speakers.set(unitIndex, referent);
    if (type === 'organization') this.organizationSpeakers.push({ ...referent, start: this.mentions.units[unitIndex].span.start });
  }

  unit(i: number): Unit | undefined {
    return this.mentions.units[i];
  }

  /** The speaker attributed in unit `i` (same paragraph or the one before), if any. */
  speakerOf(i: number, block: number): Referent | null {
    const unit = this.mentions.units[i];
    if (!unit || block - unit.block > 1) return null;
    return this.speakers.get(i) ?? null;
  }

  /** The subject of a unit that ends with a colon ("X said:" then the quote in the next paragraph). */
  colonSubject(i: number): Referent | null {
    const unit = this.mentions.units[i];
    if (!unit || unit.tokens[unit.tokens.length - 1]?.text !== ':') return null;
    const main = this.mainSubject(unit.tokens);
    return main && isSpeakerLike(main) ? main : null;
  }

  /**
   * The subject of a sentence in the same paragraph that reports speech without quoting it
   * ("X, a security analyst, said the shift was real."), whom a following bare quote continues.
   */
  reportingSubject(i: number, block: number): Referent | null {
    const unit = this.mentions.units[i];
    if (!unit || unit.block !== block) return null;
    const { tokens } = unit;
    for (let v = 0; v < tokens.length; v++) {
      const verb = verbAt(tokens, v, this.rules);
      if (!verb || verb.verbClass !== 'speech' || verb.participle || isPassive(tokens, v, this.rules) || tokens[v - 1]?.lower === 'to') continue;
      const { first } = subjectStart(tokens, v, this.rules, '');
      const subject = subjectEndingAt(tokens, first, this.rules, this.text) ?? this.mainSubject(tokens);
      return subject && isSpeakerLike(subject) ? subject : null;
    }
    return null;
  }

  /**
   * The person a short sentence in the same paragraph sums up by the way they spoke, the quote
   * following as the proof: "X, a spokesman for Y, was blunter.", "X was less diplomatic."
   */
  mannerSubject(i: number, block: number): Referent | null {
    const unit = this.mentions.units[i];
    if (!unit || unit.block !== block) return null;
    const { tokens } = unit;
    const subject = phraseStartingAt(tokens, 0, this.rules, this.text);
    // a name the article gives in full, or with a title: not a capitalised plural ("Backbenchers were …")
    const named = subject?.referent.type === 'person' && (/\s/.test(subject.referent.name) || subject.referent.role || this.mentions.fullNames.has(surnameKey(subject.referent.name)));
    if (!subject || !named) return null;
    const predicate = tokens.slice(subject.next);
    const words = predicate.filter((t) => t.kind === 'word');
    const short = predicate.every((t) => t.kind === 'word' || /^[.:]$/.test(t.text)) && words.length >= 2 && words.length <= 4;
    // an adjective or two ("blunter", "less diplomatic"), not a place or time ("was born in Iasi")
    const manner = words.slice(1).every((t) => !t.cap && !CLAUSE_OPENERS.has(t.lower) && !NOUN_MARKERS.has(t.lower));
    return short && manner && COPULAS.has(words[0].lower) ? subject.referent : null;
  }

  /** The grammatical subject of a sentence, skipping an opening adverbial or participial clause. */
  mainSubject(tokens: Token[]): Referent | null {
    let i = 0;
    while (tokens[i] && (INTRO_WORDS.has(tokens[i].lower) || tokens[i].text === ',')) i++;
    const opener = tokens[i];
    if (opener?.kind === 'quote') {
      let after = tokens[i + 1]?.text === ',' ? i + 2 : i + 1;
      // “…,” said X, warning of …: the subject follows its verb
      const inverted = verbAt(tokens, after, this.rules);
      if (inverted && inverted.verbClass === 'speech' && !inverted.participle) after++;
      return phraseStartingAt(tokens, after, this.rules, this.text)?.referent ?? null;
    }
    const direct = opener && !this.isIntroClause(opener) ? phraseStartingAt(tokens, i, this.rules, this.text) : null;
    if (direct && isSpeakerLike(direct.referent)) return direct.referent;
    // an opening clause ("Speaking last night, Chirac …", "Terming X “…,” Karimov …"): subject after it
    for (let k = i; k < tokens.length && k < i + 30; k++) {
      const t = tokens[k];
      const endsClause = t.text === ',' || (t.kind === 'quote' && /,\s*.$/u.test(t.text));
      if (!endsClause) continue;
      const after = phraseStartingAt(tokens, k + 1, this.rules, this.text);
      if (after && isSpeakerLike(after.referent)) return after.referent;
      break;
    }
    // no comma after the opening phrase ("During his speech Mr Brown told MPs"): the first person named
    for (let k = i + 1; k < tokens.length && k < i + 15; k++) {
      if (!tokens[k].cap || tokens[k - 1].cap) continue;
      const named = phraseStartingAt(tokens, k, this.rules, this.text);
      if (named?.referent.type === 'person') return named.referent;
    }
    return null;
  }

  /** A word that opens an adverbial or participial clause before the subject ("In Athens,", "Speaking last night,"). */
  private isIntroClause(t: Token): boolean {
    if (t.kind !== 'word') return true;
    return CLAUSE_OPENERS.has(t.lower) || (/(?:ing|ed)$/.test(t.lower) && !this.rules.roles.titles.has(t.lower));
  }

  /** Turns a referent into the speaker the record reports. */
  resolve(r: Referent, unitIndex: number, offset: number): Resolved | null {
    switch (r.type) {
      case 'person': {
        const known = this.mentions.fullNames.get(surnameKey(r.name));
        if (!known && !r.role && this.isCommonPlural(r.name)) return null;
        const name = known ?? r.name;
        return { type: 'person', name, mention: r.mention, role: r.role ?? this.mentions.roles.get(name) ?? null, certainty: 1 };
      }
      case 'organization': {
        // "the statement said", "a ministry review concluded": the body that issued it
        const issuer = this.isStatement(r) ? (this.issuerNamedIn(r, unitIndex) ?? this.issuerAfter(r, unitIndex) ?? this.issuerOfStatement(unitIndex, offset)) : null;
        if (issuer) return { ...issuer, mention: r.mention, certainty: 0.85 };
        // "the newspaper", "the ministry": the organization of that sort named last
        const named = /\p{Lu}/u.test(r.name) ? null : this.lastOrganizationLike(r.name, offset);
        if (named) return { type: 'organization', name: named, mention: r.mention, role: r.role, certainty: 0.9 };
        return { type: 'organization', name: this.fullOrganization(r.name), mention: r.mention, role: r.role, certainty: 1 };
      }
      case 'group':
      case 'place':
        return { type: r.type, name: r.name, mention: r.mention, role: r.role, certainty: 1 };
      case 'pronoun': {
        if (r.name.toLowerCase() === 'it') {
          const antecedent = this.antecedentOfIt(unitIndex, offset);
          if (antecedent) return antecedent.type === 'document' ? null : { ...antecedent, mention: r.mention, certainty: 0.9 };
          const body = this.lastOrganization(offset);
          return body && { ...body, type: 'organization', mention: r.mention, certainty: 0.9 };
        }
        const person = this.lastPerson(unitIndex, offset, pronounGender(r.name));
        return person && { ...person, type: 'person', mention: r.mention, certainty: 0.95 };
      }
      case 'plural': {
        const group = this.lastGroup(unitIndex, offset);
        return group && { type: 'group', name: group.name, mention: r.mention, role: null, certainty: 0.85 };
      }
      case 'description': {
        const head = r.mention.toLowerCase().split(/\s+/).pop()!;
        // "a spokesman said", "officials said", "historians argue": nobody in particular
        if (r.indefinite || ANONYMOUS.has(head) || this.isPluralTitle(head)) return null;
        const byRole = this.personWithRole(head);
        if (byRole) return { type: 'person', name: byRole, mention: r.mention, role: this.mentions.roles.get(byRole) ?? r.role, certainty: 0.85 };
        const person = this.lastPerson(unitIndex, offset);
        return person && { ...person, type: 'person', mention: r.mention, role: r.role, certainty: 0.8 };
      }
      case 'document':
        return null;
    }
  }

  /**
   * What "it" stands for: the nearest body, place or document that spoke or was the subject
   * of a sentence (this one before `offset`, or one of the three before it, in this paragraph
   * or the one before); people and groups in between are passed over. "It said", "It adds that
   * …" go on with the ministry or the charter of the sentence before, not with the last
   * capitalised organization. A document comes back as such (its words are document text); a
   * body or place comes back resolved. A document never talks about a document ("It said the
   * pact was …"): then "it" is a body. An "it" standing for an earlier "it" is followed back
   * at most MAX_IT_HOPS times, so a long run of them costs no more than a short one.
   */
  antecedentOfIt(unitIndex: number, offset: number, hops = 0): (Referent & { type: 'document' }) | Resolved | null {
    const block = this.mentions.units[unitIndex]?.block ?? 0;
    const documents = !this.namesDocumentAfter(unitIndex, offset);
    for (let i = unitIndex; i >= 0 && unitIndex - i <= 3; i--) {
      const unit = this.mentions.units[i];
      if (block - unit.block > 1) break;
      const spoke = this.speakers.get(i);
      if (spoke && (spoke.type === 'organization' || spoke.type === 'place')) {
        return { type: spoke.type, name: spoke.name, mention: spoke.mention, role: spoke.role, certainty: 1 };
      }
      const subject = this.subjectOf(i) ?? this.documentSubjectOf(i);
      if (!subject || (i === unitIndex && subject.start >= offset)) continue;
      if (subject.type === 'document' && documents) return { ...subject, type: 'document' };
      if (subject.type === 'pronoun' && subject.name.toLowerCase() === 'it') return hops < MAX_IT_HOPS ? this.antecedentOfIt(i, subject.start, hops + 1) : null;
      if (subject.type === 'organization' || subject.type === 'place') return this.resolve(subject, i, subject.start);
    }
    // "The two leaders signed the treaty. It pledges …": no body spoke, but a document was named
    const named = documents && unitIndex > 0 && block - this.mentions.units[unitIndex - 1].block <= 1 ? this.documentNamedIn(unitIndex - 1) : null;
    return named && { ...named, type: 'document' };
  }

  /** A document named between `offset` and the next quote of the sentence ("It said the pact was “…”"), within a clause's length. */
  private namesDocumentAfter(unitIndex: number, offset: number): boolean {
    const { tokens } = this.mentions.units[unitIndex];
    const from = firstStartingFrom(tokens, offset + 1);
    for (let k = from; k < tokens.length && k - from < CLAUSE_TOKENS; k++) {
      const t = tokens[k];
      if (t.kind === 'quote') return false;
      if (t.kind === 'word' && !t.cap && this.rules.kinds.documentNouns.has(t.lower)) return true;
    }
    return false;
  }

  private readonly documentsNamed = new Map<number, Referent | null>();

  /** The last document a sentence names, in any position ("signed the treaty", "under Article 4"); memoized per unit. */
  private documentNamedIn(i: number): Referent | null {
    if (!this.documentsNamed.has(i)) this.documentsNamed.set(i, this.findDocumentNamedIn(i));
    return this.documentsNamed.get(i)!;
  }

  private findDocumentNamedIn(i: number): Referent | null {
    const { tokens } = this.mentions.units[i];
    for (let k = tokens.length - 1; k >= 0; k--) {
      const t = tokens[k];
      const noun = t.kind === 'word' && ((!t.cap && this.rules.kinds.documentNouns.has(t.lower)) || (isPartNumber(t.text) && this.rules.kinds.documentNouns.has(tokens[k - 1]?.lower ?? '')));
      if (!noun) continue;
      const phrase = phraseEndingAt(tokens, k, this.rules, this.text);
      if (phrase?.type === 'document') return phrase;
    }
    return null;
  }

  /**
   * A sentence that announces a document's words: it names a document and ends with a colon or
   * "as follows" ("The key clause of the accord reads as follows.", "Article 3 of the pact:").
   * A bare quote after it (in that paragraph or the next) is the document's text.
   */
  announcedDocument(i: number, block: number): Referent | null {
    const unit = this.mentions.units[i];
    if (!unit || block - unit.block > 1) return null;
    const { tokens } = unit;
    let end = tokens.length - 1;
    while (end >= 0 && tokens[end].kind === 'punct' && tokens[end].text !== ':') end--;
    const announces = tokens[end]?.text === ':' || (tokens[end - 1]?.lower === 'as' && tokens[end]?.lower === 'follows');
    return announces ? this.documentNamedIn(i) : null;
  }

  /** A document opening a sentence as its subject ("The text says …", "But the charter adds …"). */
  private documentSubjectOf(i: number): Referent | null {
    const { tokens } = this.mentions.units[i];
    let k = 0;
    while (tokens[k] && (INTRO_WORDS.has(tokens[k].lower) || tokens[k].text === ',')) k++;
    const phrase = phraseStartingAt(tokens, k, this.rules, this.text)?.referent;
    return phrase?.type === 'document' ? phrase : null;
  }

  private secondNames: Set<string> | null = null;

  /**
   * "Critics say", "Residents said": a plural common noun capitalised at the start of a
   * sentence, unless the article also writes it after another name ("Bill Gates … Gates said").
   */
  private isCommonPlural(name: string): boolean {
    if (/\s/.test(name) || lexiconTag(name) !== 'Plural') return false;
    // every capitalised word written right after another one, collected in one pass
    this.secondNames ??= new Set([...this.text.matchAll(/\p{Lu}[\p{L}.]*[ \t]+(\p{Lu}\p{L}*)/gu)].map((m) => m[1]));
    return !this.secondNames.has(name);
  }

  /** "the statement", "the communiqué": what a body issued, not a body itself (a "joint statement" is a document). */
  private isStatement(r: Referent): boolean {
    const words = r.mention.split(/\s+/);
    const head = words[words.length - 1];
    return head === head.toLowerCase() && this.rules.speakers.statementNouns.has(head) && !this.rules.kinds.documentNouns.has(words.slice(-2).join(' ').toLowerCase());
  }

  /** "Oslo’s own defence ministry review", "a Pentagon report": the body named before the statement noun. */
  private issuerNamedIn(r: Referent, unitIndex: number): Resolved | null {
    const words = tokenize(this.text, { start: r.start, end: r.end }).slice(0, -1);
    while (words.length && DETERMINERS.has(words[0].lower)) words.shift();
    if (!words.length) return null;
    const issuer = analyzePhrase(words, this.rules, this.text, null);
    if (!issuer || !(issuer.type === 'organization' || issuer.type === 'place' || issuer.type === 'group')) return null;
    return this.resolve(issuer, unitIndex, issuer.start);
  }

  /**
   * The body (or person) an earlier sentence names as issuing a statement: "X said in a
   * statement", "In a statement, X said", "a statement from X", "X issued a statement". Looks
   * back over this sentence (before `offset`) and up to five before it, two paragraphs at most.
   */
  private issuerOfStatement(unitIndex: number, offset: number): Resolved | null {
    const block = this.mentions.units[unitIndex].block;
    for (let i = unitIndex; i >= 0 && unitIndex - i <= 5; i--) {
      const unit = this.mentions.units[i];
      if (block - unit.block > 2) break;
      const statement = this.statementIssuedIn(i);
      if (!statement || (i === unitIndex && statement.noun.end > offset)) continue;
      const { issuer } = statement;
      const resolved = issuer && isSpeakerLike(issuer) ? this.resolve(issuer, i, issuer.start) : null;
      if (resolved) return resolved;
    }
    return null;
  }

  private readonly statements = new Map<number, { noun: Token; issuer: Referent | null } | null>();

  /** The first statement a unit introduces ("in a statement") and who it says issued it; memoized per unit. */
  private statementIssuedIn(i: number): { noun: Token; issuer: Referent | null } | null {
    if (!this.statements.has(i)) {
      const { tokens } = this.mentions.units[i];
      const noun = tokens.findIndex((_, k) => this.introducesStatement(tokens, k));
      this.statements.set(i, noun < 0 ? null : { noun: tokens[noun], issuer: this.issuerIn(tokens, noun) });
    }
    return this.statements.get(i)!;
  }

  /** "the statement, issued by the ministry,", "the report by the IMF": the agent right after the statement noun. */
  private issuerAfter(r: Referent, unitIndex: number): Resolved | null {
    const { tokens } = this.mentions.units[unitIndex];
    let k = firstStartingFrom(tokens, r.end);
    if (tokens[k]?.text === ',') k++;
    if (PARTICIPLE.test(tokens[k]?.lower ?? '')) k++;
    if (!/^(by|from)$/.test(tokens[k]?.lower ?? '')) return null;
    const issuer = phraseStartingAt(tokens, k + 1, this.rules, this.text)?.referent;
    return issuer && isSpeakerLike(issuer) ? this.resolve(issuer, unitIndex, issuer.start) : null;
  }

  /** "a statement", "its written statement": a statement introduced at token `k`. */
  private introducesStatement(tokens: Token[], k: number): boolean {
    if (!this.rules.speakers.statementNouns.has(tokens[k].lower)) return false;
    return ISSUED.has(tokens[k - 1]?.lower ?? '') || ISSUED.has(tokens[k - 2]?.lower ?? '');
  }

  /** Who issued the statement named at `noun`: "a statement from X", "X's statement", else the subject that said or issued it. */
  private issuerIn(tokens: Token[], noun: number): Referent | null {
    if (/^(from|by)$/.test(tokens[noun + 1]?.lower ?? '')) return phraseStartingAt(tokens, noun + 2, this.rules, this.text)?.referent ?? null;
    for (let v = 0; v < tokens.length; v++) {
      const verb = verbAt(tokens, v, this.rules);
      if (!verb || verb.verbClass !== 'speech' || verb.participle || isPassive(tokens, v, this.rules)) continue;
      const { first } = subjectStart(tokens, v, this.rules, '');
      const subject = subjectEndingAt(tokens, first, this.rules, this.text);
      if (subject && isSpeakerLike(subject)) return subject;
    }
    return this.mainSubject(tokens);
  }

  private isPluralTitle(head: string): boolean {
    return head.endsWith('s') && !this.rules.roles.titles.has(head) && this.rules.roles.titles.has(head.slice(0, -1));
  }

  private personWithRole(head: string): string | null {
    for (const [name, role] of this.mentions.roles) if (role.toLowerCase().split(/\s+/).includes(head)) return name;
    return null;
  }

  /** "the Ministry" -> "Russia’s Defense Ministry" when the article named it in full before. */
  private fullOrganization(name: string): string {
    const lower = name.toLowerCase();
    const known = this.fullOrganizations.get(lower);
    if (known !== undefined) return known;
    let best = name;
    for (const r of this.organizations()) {
      if (r.name.toLowerCase().endsWith(lower) && r.name.length > best.length) best = r.mention;
    }
    this.fullOrganizations.set(lower, best);
    return best;
  }

  private readonly fullOrganizations = new Map<string, string>();
  /** organizations that spoke, in text order, at the start of the unit they spoke in */
  private readonly organizationSpeakers: Referent[] = [];
  private organizationMentions: Referent[] | undefined;

  private organizations(): Referent[] {
    this.organizationMentions ??= this.mentions.all.filter((r) => r.type === 'organization');
    return this.organizationMentions;
  }

  /**
   * The most recent person in subject position (or quoted speaker) before `offset`; with a
   * gender (from "he"/"she"), skipping people known to be of the other one.
   */
  private lastPerson(unitIndex: number, offset: number, gender: Gender | null = null): { name: string; role: string | null } | null {
    for (let i = unitIndex; i >= 0 && unitIndex - i < 12; i--) {
      const candidates = [this.speakers.get(i), this.subjectOf(i)].filter((r): r is Referent => !!r && r.start < (i === unitIndex ? offset : Infinity));
      for (const r of candidates) {
        if (r.type === 'person') {
          const name = this.mentions.fullNames.get(surnameKey(r.name)) ?? r.name;
          const known = gender && this.genderOf(name);
          if (known && known !== gender) continue;
          return { name, role: r.role ?? this.mentions.roles.get(name) ?? null };
        }
        if (r.type === 'description' && !ANONYMOUS.has(r.mention.toLowerCase().split(/\s+/).pop()!)) {
          const earlier = this.lastPersonBefore(i, gender);
          if (earlier) return earlier;
        }
      }
    }
    return null;
  }

  private readonly earlierPeople = new Map<string, { name: string; role: string | null } | null>();

  /**
   * `lastPerson` over the units before `i`, memoized: a description ("the minister said") looks
   * further back, and without the memo a run of them costs time exponential in their number.
   * The units before the quote being attributed are final, so the answer never changes.
   */
  private lastPersonBefore(i: number, gender: Gender | null): { name: string; role: string | null } | null {
    const key = `${i}:${gender}`;
    if (!this.earlierPeople.has(key)) this.earlierPeople.set(key, this.lastPerson(i - 1, Infinity, gender));
    return this.earlierPeople.get(key)!;
  }

  private readonly genders = new Map<string, Gender | null>();

  /** The gender of a person, from the fullest name and every mention of them ("Ms Carrick"). */
  private genderOf(fullName: string): Gender | null {
    if (!this.genders.has(fullName)) {
      const key = surnameKey(fullName);
      const mentions = this.mentions.all.filter((r) => r.type === 'person' && surnameKey(r.name) === key).map((r) => r.mention);
      this.genders.set(fullName, genderOf(fullName, mentions, this.rules));
    }
    return this.genders.get(fullName)!;
  }

  private lastOrganization(offset: number): { name: string; role: null } | null {
    for (let k = this.mentions.all.length - 1; k >= 0; k--) {
      const r = this.mentions.all[k];
      if (r.type === 'organization' && r.start < offset) return { name: r.name, role: null };
    }
    return null;
  }

  /**
   * The last named organization a generic noun phrase can stand for: an outlet for "the
   * newspaper" / "the paper" / "the daily", a body whose name ends in the same head for "the
   * ministry" / "the committee".
   */
  private lastOrganizationLike(phrase: string, offset: number): string | null {
    const head = phrase.toLowerCase().split(/\s+/).pop()!;
    const outlet = this.rules.speakers.outletNouns.has(head);
    const fits = (r: Referent) => r.type === 'organization' && (outlet ? this.isOutlet(r) : r.mention.toLowerCase().split(/\s+/).pop() === head);
    // organizations named in the text, and those that spoke ("the newspaper Golos wrote …"),
    // looked for among the last few hundred before the phrase (a bound that keeps long texts linear)
    const lastFitting = (referents: Referent[]) => {
      const from = firstStartingFrom(referents, offset) - 1;
      for (let i = from; i >= 0 && from - i < ORGANIZATION_LOOKBACK; i--) if (fits(referents[i])) return referents[i];
      return null;
    };
    const named = lastFitting(this.organizations());
    const spoke = lastFitting(this.organizationSpeakers);
    const last = !spoke || (named && named.start > spoke.start) ? named : spoke;
    return last?.name ?? null;
  }

  private isOutlet(r: Referent): boolean {
    return this.rules.organizations.outletNames.has(r.name.toLowerCase()) || r.mention.toLowerCase().split(/\s+/).some((w) => this.rules.speakers.outletNouns.has(w));
  }

  /** The last pair or group named ("EADS and BAE Systems") before `offset`. */
  private lastGroup(unitIndex: number, offset: number): { name: string } | null {
    for (let i = unitIndex; i >= 0 && unitIndex - i < 12; i--) {
      const subject = this.subjectOf(i);
      if (subject && subject.type === 'group' && subject.start < offset) return { name: subject.name };
    }
    return null;
  }

  private subjectOf(i: number): Referent | null {
    if (!this.subjects.has(i)) {
      const unit = this.mentions.units[i];
      this.subjects.set(i, unit ? this.mainSubject(unit.tokens) : null);
    }
    return this.subjects.get(i)!;
  }
}

export type { Found };
