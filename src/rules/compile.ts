import type { RawCue, RawRules } from './sections.js';
import type { GenderCues, MarkFamily, MarkRole, ModalityKind, ProvisionCue, RuleSet, Status, TreatyRules, VerbClass, VerbForm } from './types.js';
import { MODALITIES, STATUSES } from './sections.js';

const lower = (list: string[] | undefined) => new Set((list ?? []).map((s) => s.toLowerCase()));
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Turns validated raw rules into the lookup tables and regular expressions the stages use. */
export function compileRules(raw: RawRules): RuleSet {
  const titles = lower(raw.role_titles);
  return {
    marks: new Map(
      (raw.marks ?? []).map((m) => [
        m.char,
        { char: m.char, family: m.family as MarkFamily, role: m.role as MarkRole, also: (m.also as MarkRole) ?? null, apostrophe: !!m.apostrophe },
      ]),
    ),
    elisions: lower(raw.elisions),
    abbreviations: { noSplit: lower(raw.no_split), mayEnd: lower(raw.may_end), beforeNumber: lower(raw.before_number) },
    dates: compileMonths(raw.months ?? []),
    verbs: compileVerbs(raw),
    cuePhrases: [...lower(raw.cue_phrases)].sort((a, b) => b.length - a.length),
    verbModifiers: lower(raw.verb_modifiers),
    roles: {
      titles,
      modifiers: lower(raw.role_modifiers),
      honorifics: lower(raw.honorifics),
      maxTitleWords: Math.max(1, ...[...titles].map((t) => t.split(' ').length)),
    },
    speakers: {
      bodies: lower(raw.bodies),
      outletNouns: lower(raw.outlet_nouns),
      statementNouns: lower(raw.statement_nouns),
      pluralAnaphors: lower(raw.plural_anaphors),
      personPronouns: lower(raw.person_pronouns),
      notNames: lower(raw.not_names),
    },
    places: compilePlaces(raw),
    organizations: { outletNames: lower(raw.outlet_names), heads: lower(raw.organization_heads) },
    names: {
      surnameEnding: new RegExp(`\\p{L}{2,}(?:${(raw.surname_endings ?? []).map(escapeRegex).join('|') || '(?!)'})$`, 'u'),
      knownPeople: new Set(raw.known_people ?? []),
      gender: { female: compileGender(raw, 'female'), male: compileGender(raw, 'male') },
    },
    kinds: {
      documentNouns: lower(raw.document_nouns),
      documentVerbs: lower(raw.document_verbs),
      commitmentWords: lower(raw.commitment_words),
      treatyLanguage: phraseRegex(raw.treaty_language ?? []),
      titleNouns: lower(raw.title_nouns),
      titleHeads: new Set(raw.title_heads ?? []),
      termMarkers: [...lower(raw.term_markers)],
    },
    treaties: compileTreatyRules(raw),
    provisionTypes: (raw.provision_types ?? []).map((t) => ({
      id: t.id,
      atop: t.atop ?? null,
      description: t.description ?? '',
      cues: t.cues.map(compileCue),
      anyCue: anyOf(t.cues.map((c) => (c.phrase ? wholeWords(phraseSource(c.phrase), c.phrase) : c.pattern!))),
      negativeCues: (t.negative_cues ?? []).map(compileCue),
      threshold: t.threshold ?? 1,
      prohibitive: t.prohibitive ?? false,
      examples: [
        ...(t.examples?.match ?? []).map((text) => ({ text, match: true })),
        ...(t.examples?.no_match ?? []).map((text) => ({ text, match: false })),
      ],
    })),
  };
}

/** A phrase matches whole words, case-insensitively; "..." stands for up to six words. */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/\s*\.\.\.\s*/)
    .map((part) => part.split(/\s+/).map(escapeRegex).join('\\s+'))
    .join('(?:\\s+\\S+){0,6}?\\s+');
}

function phraseRegex(phrases: string[]): RegExp {
  if (!phrases.length) return /(?!)/;
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map(phraseSource);
  // \b and no Unicode flag when every phrase is ASCII words: many times faster, same matches
  if (phrases.every(isAsciiWords)) return new RegExp(`\\b(?:${alternatives.join('|')})\\b`, 'i');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

function isAsciiWords(phrase: string): boolean {
  return /^\w[\x20-\x7e]*\w$|^\w$/.test(phrase);
}

function compileCue(cue: RawCue): ProvisionCue {
  const pattern = cue.phrase ?? cue.pattern!;
  const source = cue.phrase ? wholeWords(phraseSource(cue.phrase), cue.phrase) : cue.pattern!;
  return { id: cue.id, pattern, regex: new RegExp(source, flagsFor(source)), weight: cue.weight ?? 1 };
}

/** Word boundaries for a phrase: \b when it starts and ends with an ASCII word character, else Unicode lookarounds. */
function wholeWords(source: string, phrase: string): string {
  return /^\w/.test(phrase) && /\w$/.test(phrase) ? `\\b${source}\\b` : `(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`;
}

/** Case-insensitive matching is much cheaper without the Unicode flag; use it only where a pattern needs it. */
function flagsFor(source: string): string {
  return /\\[pPu]\{|[^\x00-\x7f]/.test(source) ? 'iu' : 'i';
}

/** One alternation of many patterns: a cheap first test before trying each on its own. */
function anyOf(sources: string[]): RegExp {
  if (!sources.length) return /(?!)/;
  const joined = sources.map((s) => `(?:${s})`).join('|');
  return new RegExp(joined, sources.some((s) => flagsFor(s) === 'iu') ? 'iu' : 'i');
}

function compileGender(raw: RawRules, gender: 'female' | 'male'): GenderCues {
  const entries = (raw.gender ?? []).filter((g) => g.gender === gender);
  const endings = entries.flatMap((g) => g.surname_endings ?? []);
  return {
    givenNames: lower(entries.flatMap((g) => g.given_names ?? [])),
    surnameEnding: new RegExp(`\\p{L}{2,}(?:${endings.map(escapeRegex).join('|') || '(?!)'})$`, 'iu'),
    titles: lower(entries.flatMap((g) => g.titles ?? [])),
  };
}

function compileMonths(months: string[][]): RuleSet['dates'] {
  const names = months.flat();
  const monthPattern = [...names].sort((a, b) => b.length - a.length).map(escapeRegex).join('|');
  const index = new Map<string, number>();
  months.forEach((forms, i) => forms.forEach((f) => index.set(f.toLowerCase(), i + 1)));
  return {
    monthPattern,
    monthDay: new RegExp(`\\b(?:${monthPattern})\\.?\\s+\\d{1,2}\\b|\\b\\d{1,2}\\s+(?:${monthPattern})\\b`, 'i'),
    monthNumber: (name) => index.get(name.toLowerCase().replace(/\.$/, '')) ?? 0,
  };
}

function compileVerbs(raw: RawRules): Map<string, VerbForm> {
  const verbs = new Map<string, VerbForm>();
  const add = (entries: string[] | undefined, verbClass: VerbClass) => {
    for (const entry of entries ?? []) {
      const forms = entry.includes('|') ? entry.split('|') : inflect(entry);
      const lemma = forms[0].toLowerCase();
      for (const form of forms) {
        const key = form.toLowerCase();
        // a verb listed in two classes keeps the first (speech before label before attitude)
        if (!verbs.has(key)) verbs.set(key, { lemma, verbClass, participle: key.endsWith('ing') });
      }
    }
  };
  add(raw.speech_verbs, 'speech');
  add(raw.label_verbs, 'label');
  add(raw.attitude_verbs, 'attitude');
  return verbs;
}

/** Regular English inflection: state -> states, stated, stating; deny -> denies, denied, denying. */
export function inflect(lemma: string): string[] {
  const base = lemma.toLowerCase();
  if (/[^aeiou]y$/.test(base)) {
    const stem = base.slice(0, -1);
    return [base, `${stem}ies`, `${stem}ied`, `${base}ing`];
  }
  if (base.endsWith('e')) return [base, `${base}s`, `${base}d`, `${base.slice(0, -1)}ing`];
  const s = /(s|sh|ch|x|z)$/.test(base) ? `${base}es` : `${base}s`;
  return [base, s, `${base}ed`, `${base}ing`];
}

function compilePlaces(raw: RawRules): RuleSet['places'] {
  const parties = new Map<string, string>();
  const adjectives = new Map<string, string>();
  const kind = new Map<string, 'country' | 'organization' | 'region'>();
  const spelling = new Map<string, string>();
  const addParty = (entry: { name: string; aliases?: string[]; adjectives?: string[] }, k: 'country' | 'organization') => {
    for (const alias of [entry.name, ...(entry.aliases ?? [])]) {
      parties.set(alias.toLowerCase(), entry.name);
      kind.set(alias.toLowerCase(), k);
      spelling.set(alias.toLowerCase(), alias);
    }
    for (const adj of entry.adjectives ?? []) adjectives.set(adj.toLowerCase(), entry.name);
  };
  for (const c of raw.countries ?? []) addParty(c, 'country');
  for (const o of raw.party_organizations ?? []) addParty(o, 'organization');
  const regions = lower(raw.regions);
  for (const r of regions) if (!kind.has(r)) kind.set(r, 'region');
  for (const r of raw.regions ?? []) if (!spelling.has(r.toLowerCase())) spelling.set(r.toLowerCase(), r);
  return { parties, adjectives, regions, kind, spelling };
}

function compileTreatyRules(raw: RawRules): TreatyRules {
  const parties = lower([...(raw.countries ?? []), ...(raw.party_organizations ?? [])].flatMap((c) => [c.name, ...(c.aliases ?? [])]));
  const regions = lower(raw.regions);
  const places = new Set([...parties, ...regions]);
  // {party}, {place}, {region} match up to four words, checked against the names afterwards:
  // cheaper than an alternation of hundreds of names in every pattern
  const NAME = "(?<name>[A-Za-z][\\w.'-]*(?:[ \\t]+[A-Za-z][\\w.'-]*){0,3})";
  const compileCondition = (kind: string, source: string) => {
    const slot = /\{(party|place|region)\}/.exec(source)?.[1] as 'party' | 'place' | 'region' | undefined;
    const names = slot === 'party' ? parties : slot === 'region' ? regions : slot === 'place' ? places : null;
    const full = source.replace(/\{(?:party|place|region)\}/, NAME);
    const pattern = new RegExp(`\\b(?:${full})\\b`, `g${flagsFor(full)}`);
    return { kind, pattern, names };
  };
  const conditions = Object.entries(raw.conditions ?? {}).flatMap(([kind, sources]) => sources.map((source) => compileCondition(kind, source)));
  return {
    nouns: lower(raw.treaty_nouns),
    weakNouns: lower(raw.weak_treaty_nouns),
    anyNoun: treatyNounPrefilter([...(raw.treaty_nouns ?? []), ...(raw.weak_treaty_nouns ?? [])]),
    hypothetical: [...lower(raw.hypothetical_determiners)],
    comparison: [...lower(raw.comparison_words)],
    status: STATUSES.filter((s) => raw.status_cues?.[s]?.length).map((s) => ({ status: s as Status, cue: phraseRegex(raw.status_cues![s]) })),
    contentFrames: phraseRegex(raw.content_frames ?? []),
    speculation: prefixRegex(raw.speculation_markers ?? []),
    negators: phraseRegex(raw.negators ?? []),
    // global: callers iterate every modal in a clause with matchAll
    modality: MODALITIES.filter((m) => raw.modality?.[m]?.length).map((m) => ({ kind: m as ModalityKind, cue: new RegExp(phraseRegex(raw.modality![m]).source, 'giu') })),
    reciprocal: phraseRegex(raw.reciprocal_markers ?? []),
    verbs: lower(raw.treaty_verbs),
    hypotheticalModifiers: lower(raw.hypothetical_modifiers),
    // noun and verb at most 300 characters apart: an unbounded `[^.;]*?` rescanned the rest of the
    // sentence from every treaty noun (a quote of thousands of them was quadratic)
    contentInSpeech: new RegExp(
      `\\b(?:${(raw.treaty_nouns ?? []).map(escapeRegex).join('|')})\\b[^.;]{0,300}?\\b(?:${[...(raw.document_verbs ?? []), 'outlining', 'providing for', 'envisaging', 'stipulating'].map(phraseSource).join('|')})\\b`,
      'iu',
    ),
    partNouns: phraseRegex(raw.treaty_part_nouns ?? []),
    partySubjects: new RegExp(`^(?:[\\p{L}]+,?\\s+){0,3}?(?:${(raw.party_subjects ?? []).map(phraseSource).join('|') || '(?!)'})\\b`, 'iu'),
    memberNouns: [...lower(raw.member_nouns)],
    anyCondition: anyOf(conditions.map((c) => c.pattern.source.replace(/\(\?<name>/g, '('))),
    conditions,
  };
}

/**
 * A cheap first test for a sentence that may mention a treaty: every treaty noun's ASCII stem
 * ("communiqu" for "communiqué") at the start of a word. False hits are fine, misses are not.
 */
function treatyNounPrefilter(nouns: string[]): RegExp {
  const stems = [...new Set(nouns.map((n) => n.split(/[^\x00-\x7f]/)[0].replace(/y$/, '')).filter(Boolean))];
  return new RegExp(`\\b(?:${stems.sort((a, b) => b.length - a.length).map((s) => s.split(/\s+/).map(escapeRegex).join('\\s+')).join('|')})`, 'i');
}

/** Like phraseRegex, but a marker may be the start of a word ("speculat" matches "speculation"). */
function prefixRegex(phrases: string[]): RegExp {
  if (!phrases.length) return /(?!)/;
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map(phraseSource);
  if (phrases.every(isAsciiWords)) return new RegExp(`\\b(?:${alternatives.join('|')})`, 'i');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})`, 'iu');
}
