/**
 * The sections a rules file may hold, what each must look like, and how a later file merges
 * into an earlier one. All rules files (built-in and user) share this one namespace.
 */

type Path = (string | number)[];
type Problems = { path: Path; message: string }[];
type Check = (value: unknown, path: Path, errors: Problems) => void;

export interface RawMark {
  char: string;
  family: string;
  role: string;
  also?: string;
  apostrophe?: boolean;
}

export interface RawGender {
  gender: string;
  given_names?: string[];
  surname_endings?: string[];
  titles?: string[];
}

export interface RawCountry {
  name: string;
  aliases?: string[];
  adjectives?: string[];
}

export interface RawCue {
  id: string;
  phrase?: string;
  pattern?: string;
  weight?: number;
}

export interface RawProvisionType {
  id: string;
  atop?: string | null;
  description?: string;
  threshold?: number;
  cues: RawCue[];
  negative_cues?: RawCue[];
  examples?: { match?: string[]; no_match?: string[] };
  prohibitive?: boolean;
}

export interface RawRules {
  marks?: RawMark[];
  elisions?: string[];
  no_split?: string[];
  may_end?: string[];
  before_number?: string[];
  months?: string[][];
  speech_verbs?: string[];
  label_verbs?: string[];
  attitude_verbs?: string[];
  cue_phrases?: string[];
  verb_modifiers?: string[];
  role_titles?: string[];
  role_modifiers?: string[];
  honorifics?: string[];
  bodies?: string[];
  outlet_nouns?: string[];
  statement_nouns?: string[];
  plural_anaphors?: string[];
  person_pronouns?: string[];
  not_names?: string[];
  countries?: RawCountry[];
  party_organizations?: RawCountry[];
  regions?: string[];
  outlet_names?: string[];
  organization_heads?: string[];
  surname_endings?: string[];
  known_people?: string[];
  gender?: RawGender[];
  document_nouns?: string[];
  document_verbs?: string[];
  commitment_words?: string[];
  treaty_language?: string[];
  title_nouns?: string[];
  title_heads?: string[];
  term_markers?: string[];
  provision_types?: RawProvisionType[];
  treaty_nouns?: string[];
  weak_treaty_nouns?: string[];
  hypothetical_determiners?: string[];
  comparison_words?: string[];
  status_cues?: Record<string, string[]>;
  content_frames?: string[];
  speculation_markers?: string[];
  negators?: string[];
  modality?: Record<string, string[]>;
  reciprocal_markers?: string[];
  conditions?: Record<string, string[]>;
  treaty_verbs?: string[];
  member_nouns?: string[];
  hypothetical_modifiers?: string[];
  treaty_part_nouns?: string[];
  party_subjects?: string[];
}

export const STATUSES = ['proposed', 'draft', 'signed', 'ratified', 'in_force', 'suspended', 'terminated'];
export const MODALITIES = ['prohibition', 'permission', 'obligation'];
export const CONDITION_KINDS = [
  'specific_adversary',
  'location',
  'specific_conflict',
  'number_of_attackers',
  'demand',
  'non_provocation',
  'on_request',
  'on_need',
  'further_agreement',
  'other',
];

const isString = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

const stringList: Check = (value, path, errors) => {
  if (!Array.isArray(value)) return void errors.push({ path, message: 'expected a list of strings' });
  value.forEach((item, i) => {
    if (!isString(item)) errors.push({ path: [...path, i], message: `expected a non-empty string, got ${JSON.stringify(item)}` });
  });
};

const listOfStringLists: Check = (value, path, errors) => {
  if (!Array.isArray(value)) return void errors.push({ path, message: 'expected a list of lists of strings' });
  value.forEach((item, i) => stringList(item, [...path, i], errors));
};

interface Field {
  type: 'string' | 'boolean' | 'number' | 'strings' | 'nullable-string' | 'cues' | 'examples';
  required?: boolean;
  oneOf?: string[];
}

function records(fields: Record<string, Field>, extra?: (v: Record<string, unknown>, path: Path, errors: Problems) => void): Check {
  return (value, path, errors) => {
    if (!Array.isArray(value)) return void errors.push({ path, message: 'expected a list of entries' });
    value.forEach((item, i) => {
      const at = [...path, i];
      if (typeof item !== 'object' || item === null || Array.isArray(item)) {
        return void errors.push({ path: at, message: 'expected a mapping' });
      }
      const entry = item as Record<string, unknown>;
      for (const key of Object.keys(entry)) {
        if (!Object.hasOwn(fields, key)) errors.push({ path: [...at, key], message: `unknown field "${key}" (known: ${Object.keys(fields).join(', ')})` });
      }
      for (const [key, field] of Object.entries(fields)) checkField(entry[key], field, [...at, key], errors);
      extra?.(entry, at, errors);
    });
  };
}

function checkField(v: unknown, field: Field, path: Path, errors: Problems): void {
  if (v === undefined) {
    if (field.required) errors.push({ path, message: 'is required' });
    return;
  }
  const bad = (what: string) => void errors.push({ path, message: `expected ${what}, got ${JSON.stringify(v)}` });
  switch (field.type) {
    case 'string':
      if (!isString(v)) return bad('a non-empty string');
      if (field.oneOf && !field.oneOf.includes(v)) bad(`one of ${field.oneOf.join(', ')}`);
      return;
    case 'nullable-string':
      if (v !== null && !isString(v)) bad('a string or null');
      return;
    case 'boolean':
      if (typeof v !== 'boolean') bad('true or false');
      return;
    case 'number':
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) bad('a non-negative number');
      return;
    case 'strings':
      return stringList(v, path, errors);
    case 'cues':
      return cueList(v, path, errors);
    case 'examples':
      return examplesBlock(v, path, errors);
  }
}

const cueList: Check = records(
  { id: { type: 'string', required: true }, phrase: { type: 'string' }, pattern: { type: 'string' }, weight: { type: 'number' } },
  (cue, path, errors) => {
    if ((cue.phrase === undefined) === (cue.pattern === undefined)) {
      errors.push({ path, message: 'a cue needs exactly one of "phrase" or "pattern"' });
    }
    checkRegex(cue.pattern, [...path, 'pattern'], errors);
  },
);

const examplesBlock: Check = (value, path, errors) => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return void errors.push({ path, message: 'expected a mapping with "match" and "no_match" lists' });
  }
  for (const [key, list] of Object.entries(value)) {
    if (key !== 'match' && key !== 'no_match') errors.push({ path: [...path, key], message: 'expected "match" or "no_match"' });
    else stringList(list, [...path, key], errors);
  }
};

/** A mapping from a fixed set of keys to lists of strings (regular expressions when `regex`). */
function keyedLists(keys: string[], regex = false): Check {
  return (value, path, errors) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return void errors.push({ path, message: `expected a mapping with keys among ${keys.join(', ')}` });
    }
    for (const [key, list] of Object.entries(value)) {
      if (!keys.includes(key)) {
        errors.push({ path: [...path, key], message: `unknown key "${key}" (known: ${keys.join(', ')})` });
        continue;
      }
      stringList(list, [...path, key], errors);
      if (regex && Array.isArray(list)) list.forEach((source, i) => checkRegex(source, [...path, key, i], errors));
    }
  };
}

function checkRegex(source: unknown, path: Path, errors: Problems): void {
  if (typeof source !== 'string') return;
  try {
    new RegExp(source.replace(/\{(party|place|region)\}/g, 'x'), 'iu');
  } catch (err) {
    errors.push({ path, message: `invalid regular expression: ${(err as Error).message}` });
  }
}

const FAMILIES = ['double', 'single', 'guillemet', 'single-guillemet'];
const ROLES = ['open', 'close', 'either'];

const countryFields: Record<string, Field> = {
  name: { type: 'string', required: true },
  aliases: { type: 'strings' },
  adjectives: { type: 'strings' },
};

export interface Section {
  check: Check;
  /** field that identifies an entry, for sections whose entries replace earlier ones */
  key?: string;
}

const list: Section = { check: stringList };

export const SECTIONS: Record<string, Section> = {
  marks: {
    check: records(
      {
        char: { type: 'string', required: true },
        family: { type: 'string', required: true, oneOf: FAMILIES },
        role: { type: 'string', required: true, oneOf: ROLES },
        also: { type: 'string', oneOf: ROLES },
        apostrophe: { type: 'boolean' },
      },
      (mark, path, errors) => {
        if (typeof mark.char === 'string' && [...mark.char].length !== 1) errors.push({ path: [...path, 'char'], message: 'must be one character' });
      },
    ),
    key: 'char',
  },
  elisions: list,
  no_split: list,
  may_end: list,
  before_number: list,
  months: { check: listOfStringLists },
  speech_verbs: list,
  label_verbs: list,
  attitude_verbs: list,
  cue_phrases: list,
  verb_modifiers: list,
  role_titles: list,
  role_modifiers: list,
  honorifics: list,
  bodies: list,
  outlet_nouns: list,
  statement_nouns: list,
  plural_anaphors: list,
  person_pronouns: list,
  not_names: list,
  countries: { check: records(countryFields), key: 'name' },
  party_organizations: { check: records(countryFields), key: 'name' },
  regions: list,
  outlet_names: list,
  organization_heads: list,
  surname_endings: list,
  known_people: list,
  // unkeyed: a user file's entries add to the built-in ones
  gender: {
    check: records({
      gender: { type: 'string', required: true, oneOf: ['female', 'male'] },
      given_names: { type: 'strings' },
      surname_endings: { type: 'strings' },
      titles: { type: 'strings' },
    }),
  },
  document_nouns: list,
  document_verbs: list,
  commitment_words: list,
  treaty_language: list,
  title_nouns: list,
  title_heads: list,
  term_markers: list,
  provision_types: {
    check: records({
      id: { type: 'string', required: true },
      atop: { type: 'nullable-string' },
      description: { type: 'string' },
      threshold: { type: 'number' },
      cues: { type: 'cues', required: true },
      negative_cues: { type: 'cues' },
      examples: { type: 'examples' },
      prohibitive: { type: 'boolean' },
    }),
    key: 'id',
  },
  treaty_nouns: list,
  weak_treaty_nouns: list,
  hypothetical_determiners: list,
  comparison_words: list,
  status_cues: { check: keyedLists(STATUSES) },
  content_frames: list,
  speculation_markers: list,
  negators: list,
  modality: { check: keyedLists(MODALITIES) },
  reciprocal_markers: list,
  conditions: { check: keyedLists(CONDITION_KINDS, true) },
  treaty_verbs: list,
  member_nouns: list,
  hypothetical_modifiers: list,
  treaty_part_nouns: list,
  party_subjects: list,
};

/** Sections that are mappings of lists: a later file extends each list. */
export const KEYED_SECTIONS = new Set(['status_cues', 'modality', 'conditions']);
