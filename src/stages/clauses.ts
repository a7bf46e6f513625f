import type { ModalityKind, ProvisionType, RuleSet } from '../rules/types.js';
import type { Condition, ConditionKind, Span } from '../types.js';

/**
 * Clause-level reading for provisions: where clauses start and end inside a sentence, which
 * provision types a clause's cues add up to, and the clause's modality, reciprocity,
 * negation, speculation and conditions. Pure functions over strings and rules.
 */

/** Separators between clauses: semicolons, a spaced ellipsis, and commas before a contrast or a comment. */
const CLAUSE_BREAK = /;|\s…\s|…\.?\s(?=\S)|:\s+(?=[“"‘«„])|(?<=,[”’"]?)\s+(?=(?:but|while|whereas|although|though|suggesting|signaling|signalling|indicating|meaning|reflecting|illustrating|showing|unveiling|announcing|adding|saying|noting|prompting|sparking|drawing|raising)\b)/giu;

export function splitClauses(text: string, span: Span): Span[] {
  const out: Span[] = [];
  const body = text.slice(span.start, span.end);
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(body); m; m = CLAUSE_BREAK.exec(body)) {
    out.push({ start: span.start + start, end: span.start + m.index });
    start = m.index + m[0].length;
  }
  out.push({ start: span.start + start, end: span.end });
  return out.map((s) => trimClause(text, s)).filter((s) => s.end > s.start);
}

/** Trims whitespace, a leading conjunction and stray punctuation, so the clause reads cleanly. */
export function trimClause(text: string, span: Span): Span {
  let { start, end } = span;
  const lead = /^[\s,;:(—–-]*(?:(?:and|but|or|while|whereas|also|then|thus|furthermore|moreover)\b[\s,]*)?/iu.exec(text.slice(start, end));
  start += lead ? lead[0].length : 0;
  while (end > start && /[\s,;:(—–…-]/.test(text[end - 1])) end--;
  return { start, end };
}

export interface TypeMatch {
  type: ProvisionType;
  /** the cue phrases as they appear in the clause */
  cues: string[];
  cueIds: string[];
  score: number;
  /** offset (in the clause string) where the first cue starts */
  firstCue: number;
}

/**
 * Quotation marks are not words: cues read through them ("counter common “security
 * threats”"). Apostrophes inside words stay, as ' (so cue patterns need no Unicode flag). Whitespace (line breaks of hard-wrapped text
 * included) collapses to single spaces, so offsets computed on the result are only ever used
 * against the result.
 */
export function withoutQuoteMarks(clause: string): string {
  return clause
    .replace(/[“”"«»„‹›]|(?<![\p{L}])[‘’']|[‘’'](?![\p{L}])/gu, ' ')
    .replace(/[‘’]/g, "'")
    .replace(/\s+/g, ' ');
}

/** Every provision type whose cues in `clause` reach its threshold (and no negative cue fires). */
export function typeClause(original: string, rules: RuleSet): TypeMatch[] {
  const clause = withoutQuoteMarks(original);
  const matches: TypeMatch[] = [];
  for (const type of rules.provisionTypes) {
    if (!type.anyCue.test(clause)) continue;
    if (type.negativeCues.some((cue) => cue.regex.test(clause))) continue;
    let score = 0;
    let firstCue = Infinity;
    const cues: string[] = [];
    const cueIds: string[] = [];
    for (const cue of type.cues) {
      const m = cue.regex.exec(clause);
      if (!m) continue;
      score += cue.weight;
      if (!cues.includes(m[0])) cues.push(m[0]);
      cueIds.push(cue.id);
      firstCue = Math.min(firstCue, m.index);
    }
    if (score >= type.threshold && cues.length) matches.push({ type, cues, cueIds, score, firstCue });
  }
  return matches;
}

export interface ClauseReading {
  modality: ModalityKind | null;
  reciprocal: boolean | null;
  negated: boolean;
  speculative: boolean;
  conditions: Condition[];
}

/**
 * Modality, reciprocity, negation and speculation of a clause, judged from what comes before
 * the type's first cue (a negator or "might" after the cue belongs to another clause).
 */
export function readClause(clause: string, match: TypeMatch, rules: RuleSet): ClauseReading {
  const t = rules.treaties;
  clause = withoutQuoteMarks(clause);
  const before = clause.slice(0, match.firstCue);
  const negated = !match.type.prohibitive && t.negators.test(before);
  return {
    modality: modalityOf(clause, rules),
    reciprocal: reciprocityOf(clause, rules),
    negated,
    speculative: t.speculation.test(before),
    conditions: conditionsIn(clause, rules),
  };
}

/**
 * Both or all parties bound ("each other", "either party", "the sides") -> true; one party named
 * as the subject ("New Zealand shall provide …", "Russia will …") -> false; else unknown.
 */
function reciprocityOf(clause: string, rules: RuleSet): boolean | null {
  const subject = /^(?:(?:the|of)\s+|[\p{Lu}][\p{L}’'.-]*\s+){1,6}(?=(?:will|shall|would|may|can|must|is to|pledges|pledged|undertakes|agreed)\b)/u.exec(clause);
  const subjectText = subject?.[0] ?? '';
  const words = subjectText.trim().toLowerCase().split(/\s+/);
  const namesParty = (phrase: string) => rules.places.parties.has(phrase) || rules.places.adjectives.has(phrase);
  // any run of the subject's words that names a party: "New Zealand shall", "The Republic of Fiji shall"
  const named = words.some((_, i) => words.some((__, j) => j >= i && namesParty(words.slice(i, j + 1).join(' '))));
  if (subject && named && !rules.treaties.reciprocal.test(subjectText)) return false;
  return rules.treaties.reciprocal.test(clause) ? true : null;
}

/** A subject right before a modal ("the parties will", "each Party shall", "Russia will also"). */
const SUBJECT_BEFORE = /(?:\b(?:parties|party|sides|side|they|it|we|states|members|governments?|forces|armies)|\b\p{Lu}[\p{L}’'-]+)\s+(?:\p{Ll}+ly\s+|also\s+|further\s+)?$/u;

/**
 * The modality of the clause's main verb: the first modal that follows a subject ("the parties
 * will immediately activate …", not the "could" of "a situation that … could pose a threat"),
 * else the first modal; a prohibition anywhere wins.
 */
export function modalityOf(clause: string, rules: RuleSet): ModalityKind | null {
  let first: { kind: ModalityKind; at: number } | null = null;
  let main: { kind: ModalityKind; at: number } | null = null;
  for (const { kind, cue } of rules.treaties.modality) {
    for (const m of clause.matchAll(cue)) {
      if (kind === 'prohibition') return 'prohibition';
      const at = m.index!;
      if (!first || at < first.at) first = { kind, at };
      if ((!main || at < main.at) && SUBJECT_BEFORE.test(clause.slice(Math.max(0, at - 40), at))) main = { kind, at };
    }
  }
  return (main ?? first)?.kind ?? null;
}

export function conditionsIn(clause: string, rules: RuleSet): Condition[] {
  const found: Condition[] = [];
  if (!rules.treaties.anyCondition.test(clause)) return found;
  for (const { kind, pattern, names } of rules.treaties.conditions) {
    for (const m of clause.matchAll(pattern)) {
      const text = names ? throughName(m, names) : m[0];
      if (text && !found.some((c) => c.text === text)) found.push({ kind: kind as ConditionKind, text });
      if (text) break;
    }
  }
  return found;
}

/** The match cut after the longest run of the `name` group's words that is a known name, or null. */
function throughName(m: RegExpMatchArray, names: Set<string>): string | null {
  const name = m.groups!.name;
  const words = name.split(/[ \t]+/);
  for (let n = words.length; n > 0; n--) {
    const candidate = words.slice(0, n).join(' ');
    if (names.has(candidate.toLowerCase())) return m[0].slice(0, m[0].length - name.length + candidate.length);
  }
  return null;
}
