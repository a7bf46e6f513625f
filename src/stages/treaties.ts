import type { RuleSet, Status } from '../rules/types.js';
import type { DocumentStructure, Span } from '../types.js';
import { tokenize, stripPossessive, type Token } from '../text/tokens.js';
import type { Mentions } from './mentions.js';

/**
 * Stage 6a: the treaties an article talks about. Finds treaty noun phrases ("the alliance
 * treaty of Russia and Uzbekistan", "the Russian-Uzbek treaty", "a treaty between X and Y",
 * "Moscow and Tashkent concluded …"), reads their parties, signing date and place and status,
 * and groups mentions of the same treaty. Hypothetical ("any accord") and comparative ("a
 * pact like the one signed between …") mentions are not treaties of the article.
 */
export interface TreatyMention {
  span: Span;
  unit: number;
  /** the treaty noun, lower-case ("treaty", "agreement", "document") */
  noun: string;
  name: string;
  /** a proper name (capitalised or a quoted title), which identifies the treaty */
  properName: boolean;
  parties: string[];
  definite: boolean;
  /** what the treaty creates or is about ("force" in "an agreement to create a joint force") */
  anchor: string | null;
  /** signed by people whose country the article does not say ("Reagan and Chirac signed …") */
  unresolvedSignatories: boolean;
  inTitle: boolean;
  /** indefinite, without parties, name or purpose: not grouped into a treaty */
  bare: boolean;
  /** named by a weak noun ("deal", "talks", "document") */
  weak: boolean;
  /** cited as the authority for something ("in line with Article 51 of the UN Charter"), not a new topic */
  cited: boolean;
}

export interface TreatyAnalysis {
  treaties: Treaty[];
  /** units that mention a treaty, including bare mentions */
  mentionUnits: Set<number>;
}

export interface Treaty {
  id: string;
  name: string;
  parties: string[];
  signed: { date: string | null; place: string | null };
  status: Status | null;
  span: Span;
  mentions: TreatyMention[];
  anchors: Set<string>;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'its', 'their', 'his', 'her', 'our', 'any', 'no', 'such', 'each', 'every', 'these', 'those']);
const PRONOUNS = new Set(['we', 'i', 'you', 'he', 'she', 'it', 'they', 'who', 'whose', 'which', 'what']);
const PREPOSITIONS = new Set(['of', 'in', 'to', 'on', 'with', 'between', 'by', 'for', 'from', 'at', 'as', 'than', 'into', 'over', 'under', 'about', 'against', 'after', 'before', 'during', 'since', 'through', 'within', 'among']);
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'to', 'from', 'during', 'after', 'since', 'near', 'on', 'into', 'across', 'over', 'within', 'throughout', 'before', 'for', 'against', 'like']);
const ORGANIZATION_WORDS = /^(?:organi[sz]ation|alliance|bloc|union|council|community)$/i;

export function findTreaties(text: string, doc: DocumentStructure, mentions: Mentions, rules: RuleSet): TreatyAnalysis {
  const found: TreatyMention[] = [];
  const titles = new Set(doc.blocks.filter((b) => b.role === 'title').map((b) => b.index));
  mentions.units.forEach((unit, u) => {
    if (!rules.treaties.anyNoun.test(text.slice(unit.span.start, unit.span.end))) return;
    const tokens = tokenize(text, unit.span);
    for (let k = 0; k < tokens.length; k++) {
      const mention = readMention(text, tokens, k, u, mentions, rules);
      if (!mention) continue;
      mention.inTitle = titles.has(unit.block);
      found.push(mention);
      // a treaty noun inside this mention's name ("… on Alliance and Strategic Partnership") is part of it
      while (k + 1 < tokens.length && tokens[k + 1].start < mention.span.end) k++;
    }
  });
  const treaties = groupMentions(text, found.filter((m) => !m.bare), mentions, rules);
  if (doc.kind === 'treaty' && doc.operativeStart !== null) addPreambleParties(text, doc.operativeStart, treaties);
  return { treaties, mentionUnits: new Set(found.map((m) => m.unit)) };
}

/**
 * A treaty text names its parties at its head: "TREATY … BETWEEN THE REPUBLIC OF X AND THE
 * KINGDOM OF Y", "The Republic of A, the Republic of B and …, hereinafter …", "His Majesty the
 * King of A and the President of the Republic of B …". States in formal style count even when
 * the gazetteer does not know them.
 */
function addPreambleParties(text: string, operativeStart: number, treaties: Treaty[]): void {
  if (!treaties.length) treaties.push({ id: '', name: 'treaty', parties: [], signed: { date: null, place: null }, status: null, span: { start: 0, end: 0 }, mentions: [], anchors: new Set() });
  const head = treaties[0];
  const preamble = text.slice(0, operativeStart);
  for (const piece of preamble.split(/\n\s*\n|,\s+(?:the\s+)?|\s+and\s+(?:the\s+)?|\s+between\s+(?:the\s+)?/i)) {
    const state = stateName(piece.replace(/\s+/g, ' '));
    if (state && !head.parties.some((p) => p.toLowerCase() === state.toLowerCase())) head.parties.push(state);
  }
}

/** What cites a document rather than talks about it: "Article 51 of the", "in accordance with the". */
const CITING = /(?:\b(?:article|articles|chapter|section|paragraph|part)\s+[\w.]+\s+of|\bin (?:accordance|line|conformity|keeping) with|\bconsistent with|\bpursuant to)\s+(?:the\s+)?$/i;

/** How many tokens before an indefinite treaty noun a speculation marker ("analysts expect …") may stand. */
const SPECULATION_REACH = 60;

function isTreatyNoun(t: Token, rules: RuleSet): 'strong' | 'weak' | 'plural' | null {
  if (t.kind !== 'word') return null;
  if (rules.treaties.nouns.has(t.lower)) return 'strong';
  if (rules.treaties.weakNouns.has(t.lower)) return 'weak';
  const singular = t.lower.replace(/ies$/, 'y').replace(/s$/, '');
  return singular !== t.lower && rules.treaties.nouns.has(singular) ? 'plural' : null;
}

function readMention(text: string, tokens: Token[], k: number, u: number, mentions: Mentions, rules: RuleSet): TreatyMention | null {
  const strength = isTreatyNoun(tokens[k], rules);
  if (!strength) return null;
  const next = tokens[k + 1];
  if (next?.cap && ORGANIZATION_WORDS.test(next.text)) return null; // Collective Security Treaty Organization
  // the noun phrase before the noun: modifiers back to a determiner
  let start = k;
  let determiner = '';
  for (let j = k - 1; j >= 0 && k - j <= 7; j--) {
    const t = tokens[j];
    if (t.kind === 'word' && DETERMINERS.has(t.lower)) {
      determiner = t.lower;
      break;
    }
    const slash = t.text === '/' && tokens[j - 1]?.kind === 'word';
    const notModifier = t.kind !== 'word' || PREPOSITIONS.has(t.lower) || PRONOUNS.has(t.lower) || rules.verbModifiers.has(t.lower) || rules.treaties.verbs.has(t.lower) || rules.verbs.has(t.lower);
    if (!slash && notModifier) break;
    start = j;
  }
  const determinerPhrase = `${determiner} ${tokens[start]?.lower ?? ''}`.trim();
  if (rules.treaties.hypothetical.some((h) => h === determiner || h === determinerPhrase)) return null;
  if (tokens.slice(start, k).some((t) => rules.treaties.hypotheticalModifiers.has(t.lower))) return null;
  // a plural names specific treaties only when definite and modified: "the 2010 agreements", "the Kharkiv accords"
  if (strength === 'plural' && !(determiner === 'the' && tokens.slice(start, k).some((t) => t.cap || /\d/.test(t.text)))) return null;
  const after = tokens.slice(k + 1, k + 4).map((t) => t.lower).join(' ');
  if (rules.treaties.comparison.some((c) => after.startsWith(c))) return null;
  const modifiers = tokens.slice(start, k);
  const complement = readComplement(tokens, k);
  const nameTokens = [...modifiers, tokens[k], ...complement];
  const name = text.slice(nameTokens[0].start, nameTokens[nameTokens.length - 1].end);
  // "Shusha Declaration", "Treaty on Allied Relations"; a lone capitalised noun ("this Treaty") is no name
  const properName =
    (tokens[k].cap && complement.some((t) => t.cap)) ||
    modifiers.some((t) => t.cap && !rules.speakers.notNames.has(t.lower) && !rules.places.adjectives.has(t.lower) && !rules.places.parties.has(stripPossessive(t.lower)));
  const { parties, unresolvedSignatories } = partiesOf(text, tokens, start, k, mentions, rules);
  const definite = ['the', 'this', 'that', 'its', 'their'].includes(determiner);
  const anchor = complementAnchor(complement);
  // weak nouns ("deal", "document", "negotiations") need parties, a proper name or a purpose
  if (strength === 'weak' && !parties.length && !properName && !anchor && !(definite && tokens[k].lower !== 'negotiations')) return null;
  // an indefinite bare mention ("a classical alliance treaty", "a separate memorandum") names no treaty
  // of its own, though its sentence still talks about treaty content
  const bare = !definite && !parties.length && !properName && !anchor;
  // "analysts expect that an exit could come only after a peace treaty … is signed"
  // (within SPECULATION_REACH tokens: a test from the unit's start made a run-on unit of many mentions quadratic)
  if (!definite && rules.treaties.speculation.test(text.slice(tokens[Math.max(0, k - SPECULATION_REACH)].start, tokens[k].start))) return null;
  const span = { start: nameTokens[0].start, end: nameTokens[nameTokens.length - 1].end };
  const cited = CITING.test(text.slice(tokens[Math.max(0, start - 6)].start, tokens[start].start));
  return { span, unit: u, noun: tokens[k].lower, name, properName, parties, definite, anchor, unresolvedSignatories, inTitle: false, bare, weak: strength === 'weak', cited };
}

/**
 * "on establishing a new joint military force", "to create a joint rapid-reaction force",
 * "on Alliance and Strategic Partnership"; a "between A and B" phrase before it is skipped.
 */
function readComplement(tokens: Token[], k: number): Token[] {
  if (tokens[k + 1]?.lower === 'between') {
    let j = k + 2;
    // the parties are names joined by "and": "between China and the Solomon Islands on …", not "… began circulating on"
    while (j < tokens.length && j - k < 14 && tokens[j].lower !== 'on' && tokens[j].kind !== 'punct' && (tokens[j].cap || /^(?:and|the|of)$/.test(tokens[j].lower))) j++;
    if (tokens[j]?.lower === 'on') k = j - 1;
  }
  const first = tokens[k + 1];
  if (!first || first.kind !== 'word' || !/^(on|to|for|of)$/.test(first.lower)) return [];
  // "signed a pact on Saturday", "the accord of 12 March": a date, not what the treaty is about
  if (/^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|\d+)$/i.test(tokens[k + 2]?.text ?? '')) return [];
  if (first.lower === 'of' && !tokens[k + 2]?.cap) return [];
  const out: Token[] = [first];
  // a capitalised title runs on through commas: "Treaty of Friendship, Neutrality and Economic Co-operation"
  const titled = !!tokens[k + 2]?.cap;
  // "the Mutual Defense Treaty to help defend …": a titled head takes only a titled complement
  if (!titled && tokens[k].cap) return [];
  for (let j = k + 2; j < tokens.length && j - k <= (titled ? 18 : 10); j++) {
    const t = tokens[j];
    if (titled && t.text === ',' && tokens[j + 1]?.cap && tokens[j + 1]?.lower !== 'between') continue;
    if (t.kind !== 'word' || /^(which|that|who|and|but|with|between|in|signed|was|were|is|are)$/.test(t.lower) && !(t.lower === 'and' && tokens[j + 1]?.cap)) break;
    // a title's lower-case words are its joints ("of", "on the"): "Treaty on X during a visit" ends at X
    if (titled && !t.cap && !MINOR_WORDS.has(t.lower)) break;
    out.push(t);
  }
  while (out.length > 1 && !out[out.length - 1].cap && MINOR_WORDS.has(out[out.length - 1].lower)) out.pop();
  return out.length > 1 ? out : [];
}

/** The head noun a purpose complement creates: "force", "system", "area". */
function complementAnchor(complement: Token[]): string | null {
  if (complement.length < 2 || complement[0].lower === 'of') return null;
  const last = complement[complement.length - 1];
  return last.cap ? null : last.lower;
}

// ---------------------------------------------------------------------------------------
// Parties

/** Canonical party named by a word or phrase: a country, capital, organization, or adjective. */
export function partyOf(phrase: string, rules: RuleSet): string | null {
  const clean = stripPossessive(phrase.trim().replace(/^the\s+/i, '')).toLowerCase();
  return rules.places.parties.get(clean) ?? rules.places.adjectives.get(clean) ?? null;
}

/**
 * Parties in a compound modifier: "Russian-Uzbek", "Russia-Abkhazia", "U.S./USSR",
 * "Franco-American"; the leader of a bloc in "the Russian-led bloc" is one of its parties.
 */
function compoundParties(word: string, rules: RuleSet): string[] {
  const parts = word.split(/[-–/]/).filter(Boolean);
  if (parts.length < 2) return [];
  if (parts.length === 2 && /^(?:led|dominated)$/i.test(parts[1])) {
    const leader = partyOf(parts[0], rules);
    return leader ? [leader] : [];
  }
  const parties = parts.map((p) => partyOf(p, rules));
  return parties.every((p): p is string => p !== null) ? parties : [];
}

function partiesOf(text: string, tokens: Token[], start: number, k: number, mentions: Mentions, rules: RuleSet): { parties: string[]; unresolvedSignatories: boolean } {
  const parties: string[] = [];
  let unresolvedSignatories = false;
  const add = (p: string | null) => p && !parties.includes(p) && parties.push(p);
  // in the modifiers: "the Russian-Uzbek treaty", "the U.S./USSR grains agreement"; a bloc's own
  // treaty: "the Russian-led bloc whose founding treaty"
  const owner = tokens[start - 1]?.lower === 'whose' ? tokens.slice(Math.max(0, start - 5), start - 1) : [];
  const modifierText = text.slice((owner[0] ?? tokens[start]).start, tokens[k].start);
  for (const word of modifierText.split(/\s+/)) compoundParties(word, rules).forEach(add);
  // "the French accords": one country's adjective names one party
  for (const t of tokens.slice(start, k)) {
    const country = rules.places.adjectives.get(t.lower);
    if (country && rules.places.kind.get(country.toLowerCase()) === 'country') add(country);
  }
  // right after the noun: "of A and B", "between A and B", "with X", "signed by A and B"
  let signed = false;
  for (let j = k + 1; j < tokens.length && j - k <= 14; j++) {
    const t = tokens[j];
    if (t.kind === 'punct' && t.text !== '’' && t.text !== ',') break;
    if (t.kind === 'word' && /^(?:which|that)$/.test(t.lower) && j <= k + 7) {
      // "the treaty … that Dushanbe and Tashkent had signed"
      const verb = tokens.findIndex((v, i) => i > j && i <= j + 8 && v.kind === 'word' && rules.treaties.verbs.has(v.lower));
      if (verb > 0) subjectParties(text, tokens.slice(0, verb + 1), verb, mentions, rules, j + 1).parties.forEach(add);
      break;
    }
    if (t.kind === 'word' && (rules.verbs.has(t.lower) || /^(?:which|that|who|but|while|whereas)$/.test(t.lower))) break;
    if (rules.treaties.comparison.includes(t.lower)) break;
    if (t.lower === 'signed') signed = true;
    if ((t.lower === 'of' && j === k + 1) || t.lower === 'between' || t.lower === 'with' || (t.lower === 'by' && signed)) {
      const found = conjunctParties(text, tokens, j + 1, mentions, rules);
      // "the Charter of the United Nations" is an organization's own document, not a treaty it is party to
      const ownDocument = t.lower === 'of' && found.length === 1 && rules.places.kind.get(found[0].toLowerCase()) === 'organization';
      if (!ownDocument) found.forEach(add);
      // "signed by the US and most Latin American republics, among them Mexico and Brazil"
      const named = namedMembersAfter(tokens, j + 1);
      if (named >= 0) conjunctParties(text, tokens, named, mentions, rules).forEach(add);
      if (t.lower !== 'with' && t.lower !== 'by') break;
    }
  }
  // "the founding treaty Yerevan signed in 1992": a party and a treaty verb right after the noun
  if (tokens[k + 1]?.cap) {
    const verb = tokens.findIndex((v, i) => i > k + 1 && i <= k + 4 && v.kind === 'word' && rules.treaties.verbs.has(v.lower));
    if (verb > 0) subjectParties(text, tokens.slice(0, verb + 1), verb, mentions, rules, k + 1).parties.forEach(add);
  }
  // the subject of a treaty verb: "Azerbaijan and Turkey signed …", "the US terminated an agreement with …"
  const verb = treatyVerbBefore(tokens, start, rules);
  if (verb >= 0) {
    const subject = subjectParties(text, tokens, verb, mentions, rules);
    subject.parties.forEach(add);
    unresolvedSignatories = subject.unresolved;
  }
  return { parties, unresolvedSignatories };
}

/** Where the members a group names start ("…, among them A and B", "…, including A"), within the clause; -1 if nowhere. */
function namedMembersAfter(tokens: Token[], from: number): number {
  for (let j = from; j < tokens.length && j - from <= 12; j++) {
    const t = tokens[j];
    if (t.kind === 'punct' && t.text !== ',') return -1;
    if (t.lower === 'including' || (t.lower === 'such' && tokens[j + 1]?.lower === 'as')) return j + (t.lower === 'such' ? 2 : 1);
    if (t.lower === 'among' && /^(?:them|whom)$/.test(tokens[j + 1]?.lower ?? '')) return j + 2;
  }
  return -1;
}

/** Parties in "A and B", "A, B and C" from token `from` to the end of the phrase. */
function conjunctParties(text: string, tokens: Token[], from: number, mentions: Mentions, rules: RuleSet): string[] {
  const out: string[] = [];
  let end = from;
  while (end < tokens.length && end - from < 16) {
    const t = tokens[end];
    if (t.kind === 'punct' && t.text !== ',' && t.text !== '’') break;
    if (t.kind === 'word' && !t.cap && !/^(and|the|of|region|republic|breakaway|federation|kingdom|bin|ibn|al|el|de|da|van|von|der)$/.test(t.lower) && !PLACE_LIKE.test(t.lower)) break;
    end++;
  }
  let phrase = tokens.slice(from, end);
  // a list ends with "and": without one, a comma ends the phrase ("a pact with France, Turkey cries foul")
  const comma = phrase.findIndex((t) => t.text === ',');
  if (comma >= 0 && !phrase.some((t) => t.lower === 'and')) phrase = phrase.slice(0, comma);
  for (const part of splitOn(phrase, (t) => t.lower === 'and' || t.text === ',')) {
    const party = lastPartyIn(text, part, mentions, rules);
    if (party) out.push(party);
  }
  return out;
}

const PLACE_LIKE = /^(?:breakaway|region|republic|state|states|province|territory)$/;

function splitOn(tokens: Token[], isSeparator: (t: Token) => boolean): Token[][] {
  const parts: Token[][] = [[]];
  for (const t of tokens) {
    if (isSeparator(t)) parts.push([]);
    else parts[parts.length - 1].push(t);
  }
  return parts.filter((p) => p.length);
}

/**
 * The party a conjunct names: the whole phrase ("the Republic of Abkhazia"), else its last
 * place that is not a possessive modifier ("Georgia’s breakaway region of Abkhazia" ->
 * Abkhazia), else the country of a person named there.
 */
function lastPartyIn(text: string, part: Token[], mentions: Mentions, rules: RuleSet): string | null {
  const whole = partyOf(text.slice(part[0].start, part[part.length - 1].end), rules);
  if (whole) return whole;
  for (let n = part.length; n > 0; n--) {
    for (let i = part.length - n; i >= 0; i--) {
      const words = part.slice(i, i + n);
      const last = words[words.length - 1];
      if (/[’']s$/.test(last.text) && i + n < part.length) continue;
      const party = partyOf(text.slice(words[0].start, last.end), rules);
      if (party) return party;
    }
  }
  const phrase = text.slice(part[0].start, part[part.length - 1].end);
  return stateName(phrase) ?? personCountry(phrase, mentions, rules);
}

const STATE_FORM =
  /\b(?:Republic|Kingdom|Federation|State|Principality|Grand Duchy|Duchy|Sultanate|Emirate|Commonwealth|Confederation|Government|Governments|King|Queen|Emperor|President|Sultan|Emir)[ \t]+of[ \t]+(?:the[ \t]+)?((?:[\p{Lu}][\p{L}’'-]*)(?:[ \t]+[\p{Lu}][\p{L}’'-]*){0,3})/iu;

/**
 * A state the gazetteer does not know, named in its formal style: "the Republic of Valdoria",
 * "THE KINGDOM OF ESTMARK", "the President of the Republic of Morvania" -> Valdoria, Estmark, Morvania.
 */
export function stateName(phrase: string): string | null {
  let m = STATE_FORM.exec(phrase);
  // "the President of the Republic of X": the state is the innermost "… of X"
  while (m && STATE_FORM.test(m[1])) m = STATE_FORM.exec(m[1]);
  if (!m) return null;
  const name = m[1].replace(/\s+(?:and|hereinafter|referred)\b.*$/i, '').trim();
  if (!/^\p{Lu}/u.test(name) || /^(?:the|a)$/i.test(name)) return null;
  return name === name.toUpperCase() ? name.toLowerCase().replace(/(^|[\s-])\p{Ll}/gu, (c) => c.toUpperCase()) : name;
}

/** A person's country, from the nationality word of the role the article gives them. */
function personCountry(name: string, mentions: Mentions, rules: RuleSet): string | null {
  const words = name.split(/\s+/);
  const surname = words[words.length - 1].toLowerCase();
  const full = mentions.fullNames.get(stripPossessive(surname));
  const role = full ? mentions.roles.get(full) : undefined;
  if (!role) return null;
  for (const word of role.split(/[\s-]+/)) {
    const party = rules.places.adjectives.get(stripPossessive(word).toLowerCase()) ?? rules.places.parties.get(stripPossessive(word).toLowerCase());
    if (party) return party;
  }
  return null;
}

/**
 * Index of a treaty verb shortly before the noun phrase ("signed the", "voted to ratify a"),
 * or of a possession verb right before its determiner ("Canberra has its own treaty with …").
 */
function treatyVerbBefore(tokens: Token[], start: number, rules: RuleSet): number {
  for (let j = start - 1; j >= start - 2 && j > 0; j--) if (/^(?:has|have|had)$/.test(tokens[j].lower) && DETERMINERS.has(tokens[j + 1].lower)) return j;
  for (let j = start - 1; j >= 0 && start - j <= 5; j--) {
    const t = tokens[j];
    if (t.kind !== 'word') return -1;
    if (rules.treaties.verbs.has(t.lower)) return j;
  }
  return -1;
}

/**
 * Parties in the clause before a treaty verb, leaving out places in location phrases
 * ("gathered in Moscow", "during a visit to Shusha"); persons count through their country.
 */
function subjectParties(text: string, tokens: Token[], verb: number, mentions: Mentions, rules: RuleSet, floor = 0): { parties: string[]; unresolved: boolean } {
  // a verb opening the unit has no clause before it (from -1 read past the start: found by the fuzzer)
  let from = Math.max(0, verb - 1);
  while (from > floor && tokens[from - 1].text !== ';' && !(tokens[from - 1].text === ',' && tokens.slice(0, from - 1).some((t) => t.kind === 'word' && rules.treaties.verbs.has(t.lower)))) from--;
  const out: string[] = [];
  const persons: string[] = [];
  for (let i = from; i < verb; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || !t.cap) continue;
    const previous = tokens[i - 1];
    if (previous && PLACE_PREPOSITIONS.has(previous.lower)) continue;
    let j = i;
    while (j + 1 < verb && tokens[j + 1].kind === 'word' && tokens[j + 1].cap) j++;
    const phrase = text.slice(t.start, tokens[j].end);
    const party = partyOf(phrase, rules) ?? (j === i ? null : lastPartyIn(text, tokens.slice(i, j + 1), mentions, rules));
    if (party && !/-/.test(phrase)) out.push(party);
    else if (!party) persons.push(phrase);
    i = j;
  }
  let unresolved = false;
  for (const person of persons) {
    const country = personCountry(person, mentions, rules);
    if (country) out.push(country);
    else if (mentions.fullNames.has(stripPossessive(person.split(/\s+/).pop()!.toLowerCase()))) unresolved = true;
  }
  return { parties: [...new Set(out)], unresolved };
}

// ---------------------------------------------------------------------------------------
// Grouping mentions into treaties

function groupMentions(text: string, found: TreatyMention[], mentions: Mentions, rules: RuleSet): Treaty[] {
  const treaties: Treaty[] = [];
  let current: Treaty | null = null;
  for (const m of found) {
    let target = m.properName ? treaties.find((t) => t.mentions.some((o) => o.properName && sameName(o.name, m.name))) : undefined;
    target ??= m.parties.length ? treaties.find((t) => t.parties.length && sameOrNarrower(t.parties, m.parties, m.definite)) : undefined;
    // "the treaty", "this agreement": the treaty in focus, unless it names other parties ("its own treaty with Y")
    const consistent = current && (!m.parties.length || !current.parties.length || sameOrNarrower(current.parties, m.parties, true));
    if (!target && m.definite && current && !m.properName && consistent) target = current;
    const renamed = m.properName && current?.mentions.some((o) => o.properName && !sameName(o.name, m.name));
    // "the agreement … the agreement between X and Y"; a proper name with its own parties ("the ANZUS treaty with X and Y") is another treaty
    if (!target && m.definite && current && m.parties.length && !current.parties.length && !renamed && !m.properName) target = current;
    // "Mali, Burkina Faso and Niger signed a defence pact on Saturday. The Liptako-Gourma Charter …":
    // a treaty named right after one is introduced without a name is that treaty
    const justIntroduced = current && current.parties.length && !current.mentions.some((o) => o.properName) && m.unit - current.mentions[0].unit <= 2;
    if (!target && m.definite && m.properName && !m.parties.length && justIntroduced) target = current!;
    if (!target) {
      target = { id: '', name: m.name, parties: [], signed: { date: null, place: null }, status: null, span: m.span, mentions: [], anchors: new Set() };
      treaties.push(target);
    }
    target.mentions.push(m);
    for (const p of m.parties) if (!target.parties.includes(p)) target.parties.push(p);
    if (m.anchor) target.anchors.add(m.anchor);
    // a document cited in passing does not take the focus from the treaty the article is about
    if (!(m.cited && current && target.mentions.length === 1)) current = target;
  }
  for (const t of treaties) {
    const named = bestName(t.mentions);
    t.name = unshout(named.name);
    t.span = named.span;
  }
  for (const t of treaties) {
    completeParties(text, t, mentions, rules);
    t.status = statusOf(text, t, mentions, rules);
    t.signed = signingOf(text, t, mentions, rules);
  }
  return treaties;
}

/**
 * The name as the article gives it: a full proper name ("Treaty on Allied Relations"), else
 * a descriptive one ("alliance treaty"); a headline names a treaty only when nothing else does.
 */
function bestName(mentions: TreatyMention[]): TreatyMention {
  const long = (m: TreatyMention) => m.name.includes(' ');
  const strong = (m: TreatyMention) => !m.weak;
  const score = (m: TreatyMention) =>
    (m.properName && long(m) ? 8 : 0) + (m.inTitle ? 0 : 4) + (strong(m) ? 2 : 0) + (m.properName ? 2 : 0) + (m.anchor || long(m) ? 1 : 0);
  return mentions.reduce((best, m) => (score(m) > score(best) ? m : best));
}

const MINOR_WORDS = new Set(['of', 'on', 'and', 'the', 'between', 'for', 'in', 'to', 'a', 'an', 'with', 'at', 'by']);

/** "TREATY ON ALLIED RELATIONS" -> "Treaty on Allied Relations" (treaty texts set their titles in capitals). */
function unshout(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/[\p{L}][\p{L}'’-]*/gu, (w, at: number) => (at > 0 && MINOR_WORDS.has(w) ? w : w[0].toUpperCase() + w.slice(1)));
}

/**
 * A treaty with one known party takes as the other the first country named in the clauses
 * reported as its content ("an agreement with Qatar that allows Turkey to station troops").
 */
export function completeFromClauses(treaties: Treaty[], clauses: { treaty: number | null; text: string }[], rules: RuleSet): void {
  treaties.forEach((treaty, i) => {
    if (treaty.parties.length > 1) return;
    for (const clause of clauses) {
      if (clause.treaty !== i) continue;
      const named = countriesIn(clause.text, rules).filter((p) => !treaty.parties.includes(p));
      // a treaty with no party named takes the countries of its first clause that names two or more
      if (named.length < (treaty.parties.length ? 1 : 2)) continue;
      treaty.parties.push(...(treaty.parties.length ? named.slice(0, 1) : named));
      return;
    }
  });
}

/** Words before a country that place or orient something rather than name a party ("a province that faces Taiwan"). */
const ORIENTATION = /\b(?:faces|facing|near|across|toward|towards|bordering|borders|opposite|off|against|beyond)\s+(?:the\s+)?$/i;

/** Countries named in a text (names, capitals, adjectives), in order of appearance. */
function countriesIn(text: string, rules: RuleSet): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\b[\p{Lu}][\p{L}.’'-]*(?:\s+[\p{Lu}][\p{L}.’'-]*)*/gu)) {
    if (ORIENTATION.test(text.slice(Math.max(0, m.index! - 20), m.index))) continue;
    const words = m[0].split(/\s+/);
    for (let n = words.length; n > 0; n--) {
      const party = partyOf(words.slice(0, n).join(' '), rules) ?? partyOf(words.slice(-n).join(' '), rules);
      if (party && rules.places.kind.get(party.toLowerCase()) === 'country') {
        if (!out.includes(party)) out.push(party);
        break;
      }
    }
  }
  return out;
}

/** Two proper names of one treaty: the same, ignoring case and a leading article, or one the start of the other. */
export function sameName(a: string, b: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/^(?:the|a|an)\s+/, '').replace(/\s+/g, ' ');
  const x = norm(a);
  const y = norm(b);
  return x === y || x.startsWith(y) || y.startsWith(x);
}

/**
 * Two mentions with the same parties are one treaty; a definite mention naming fewer or more
 * of them ("this agreement with Russia") still is; an Armenia-Russia treaty and an
 * Armenia-France one are not.
 */
function sameOrNarrower(a: string[], b: string[], definite: boolean): boolean {
  const shared = a.filter((p) => b.includes(p)).length;
  if (shared === a.length && shared === b.length) return true;
  return definite && shared > 0 && (shared === a.length || shared === b.length);
}

/**
 * A treaty signed by an organization's leaders takes the member list the article gives
 * ("the CSTO states: Russia, Belarus, …"); a treaty with one known party takes its partner
 * from a pair of countries named close by ("France and the United States").
 */
function completeParties(text: string, treaty: Treaty, mentions: Mentions, rules: RuleSet): void {
  const organizations = treaty.parties.filter((p) => rules.places.kind.get(p.toLowerCase()) === 'organization');
  for (const org of organizations) {
    const members = membersOf(text, org, rules);
    if (members.length) treaty.parties = [...treaty.parties.filter((p) => p !== org), ...members.filter((m) => !treaty.parties.includes(m))];
  }
  if (treaty.parties.length === 1 && treaty.mentions.some((m) => m.unresolvedSignatories)) {
    const partner = partnerNearby(text, treaty, mentions, rules);
    if (partner) treaty.parties.push(partner);
  }
}

function membersOf(text: string, org: string, rules: RuleSet): string[] {
  const names = [...rules.places.parties].filter(([, canonical]) => canonical === org).map(([alias]) => alias);
  const nouns = rules.treaties.memberNouns.map((n) => n.replace(/[-\s]/g, '[-\\s]')).join('|');
  const aliases = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const intro = new RegExp(`\\b(?:${aliases})\\s+(?:${nouns})\\s*[:—–]\\s*([^.;()]+)`, 'iu').exec(text);
  if (!intro) return [];
  return intro[1]
    .split(/\s*,\s*|\s+and\s+/)
    .map((p) => partyOf(p.replace(/^and\s+/i, ''), rules))
    .filter((p): p is string => p !== null);
}

/** "France and the United States" (or "Franco-American") within a few sentences of the treaty's mentions. */
function partnerNearby(text: string, treaty: Treaty, mentions: Mentions, rules: RuleSet): string | null {
  const [known] = treaty.parties;
  for (const m of treaty.mentions) {
    for (let u = Math.max(0, m.unit - 3); u <= m.unit + 3 && u < mentions.units.length; u++) {
      const span = mentions.units[u].span;
      const sentence = text.slice(span.start, span.end);
      for (const pair of sentence.matchAll(/([\p{Lu}][\p{L}.’'-]*(?:\s+[\p{Lu}][\p{L}.’'-]*)*)\s+and\s+(?:the\s+)?([\p{Lu}][\p{L}.’'-]*(?:\s+[\p{Lu}][\p{L}.’'-]*)*)|\b([\p{Lu}][\p{L}]+[-–][\p{Lu}][\p{L}]+)\b/gu)) {
        const parties = pair[3] ? compoundParties(pair[3], rules) : [partyOf(pair[1], rules), partyOf(pair[2], rules)];
        if (parties.length === 2 && parties.includes(known) && parties.every((p) => p && rules.places.kind.get(p.toLowerCase()) === 'country')) {
          const other = parties.find((p) => p !== known);
          if (other) return other;
        }
      }
    }
  }
  return null;
}

/** The most advanced status any sentence mentioning the treaty reports. */
function statusOf(text: string, treaty: Treaty, mentions: Mentions, rules: RuleSet): Status | null {
  let best = -1;
  const units = new Set(treaty.mentions.map((m) => m.unit));
  for (const u of units) {
    const span = mentions.units[u].span;
    const sentence = text.slice(span.start, span.end);
    rules.treaties.status.forEach(({ cue }, rank) => {
      if (cue.test(sentence)) best = Math.max(best, rank);
    });
  }
  for (const m of treaty.mentions) {
    const draft = rules.treaties.status.findIndex((s) => s.status === 'draft');
    if (/\bdraft\b/i.test(m.name)) best = Math.max(best, draft);
  }
  return best >= 0 ? rules.treaties.status[best].status : null;
}

/** "signed on November 14 in Moscow", "On June 15, 2021, A and B signed …". */
function signingOf(text: string, treaty: Treaty, mentions: Mentions, rules: RuleSet): { date: string | null; place: string | null } {
  const month = rules.dates.monthPattern;
  const date = new RegExp(`\\b(?:(?:${month})\\.?\\s+\\d{1,2}(?:\\s*[-–]\\s*\\d{1,2})?(?:,?\\s+\\d{4})?|\\d{1,2}\\s+(?:${month})(?:\\s+\\d{4})?|(?:in\\s+)?(?:${month})(?:\\s+\\d{4})?)\\b`, 'u');
  const read = new Set<number>();
  for (const m of treaty.mentions) {
    // a sentence read once, however many mentions it holds (a run-on unit was read once per mention)
    if (read.has(m.unit)) continue;
    read.add(m.unit);
    const span = mentions.units[m.unit].span;
    const sentence = text.slice(span.start, span.end);
    const signed = /\bsigned\b/i.exec(sentence);
    if (!signed) continue;
    const around = sentence.slice(Math.max(0, signed.index - 60), signed.index + 80);
    const when = date.exec(around)?.[0].replace(/^in\s+/, '') ?? null;
    const where = /\bsigned\b[^.;]{0,40}?\bin\s+([\p{Lu}][\p{L}-]+(?:\s+[\p{Lu}][\p{L}-]+)?)/u.exec(sentence)?.[1] ?? null;
    const place = where && (rules.places.kind.has(where.toLowerCase()) || rules.places.regions.has(where.toLowerCase())) ? where : null;
    if (when || place) return { date: when, place };
  }
  return { date: null, place: null };
}
