/** Compiled rules: what the stages consult. Built once per process (or worker) by `loadRules`. */

export type MarkFamily = 'double' | 'single' | 'guillemet' | 'single-guillemet';
export type MarkRole = 'open' | 'close' | 'either';

export interface MarkRule {
  char: string;
  family: MarkFamily;
  role: MarkRole;
  also: MarkRole | null;
  apostrophe: boolean;
}

export type VerbClass = 'speech' | 'label' | 'attitude';

export interface VerbForm {
  lemma: string;
  verbClass: VerbClass;
  /** -ing form: "saying", "urging" (a participle clause takes the main subject) */
  participle: boolean;
}

export interface Country {
  name: string;
  aliases: string[];
  adjectives: string[];
}

export interface ProvisionExample {
  text: string;
  match: boolean;
}

export interface ProvisionCue {
  id: string;
  /** lower-case phrase, or a regular expression source when `regex` is true */
  pattern: string;
  regex: RegExp;
  weight: number;
}

export interface ProvisionType {
  id: string;
  atop: string | null;
  description: string;
  cues: ProvisionCue[];
  /** all cues in one alternation: most clauses fail it, and need no further test */
  anyCue: RegExp;
  negativeCues: ProvisionCue[];
  /** minimum summed cue weight for a clause to be typed so */
  threshold: number;
  examples: ProvisionExample[];
  /** the type's normal form is a prohibition (non-aggression, neutrality): negators do not negate it */
  prohibitive: boolean;
}

export interface RuleSet {
  marks: Map<string, MarkRule>;
  elisions: Set<string>;
  /** noSplit: never end a sentence; mayEnd: end one before a sentence opener; beforeNumber: abbreviations only before a number ("Art. 4") */
  abbreviations: { noSplit: Set<string>; mayEnd: Set<string>; beforeNumber: Set<string> };
  dates: { monthPattern: string; monthDay: RegExp; monthNumber: (name: string) => number };
  verbs: Map<string, VerbForm>;
  cuePhrases: string[];
  verbModifiers: Set<string>;
  roles: { titles: Set<string>; modifiers: Set<string>; honorifics: Set<string>; maxTitleWords: number };
  speakers: {
    bodies: Set<string>;
    outletNouns: Set<string>;
    /** what a body issues ("the statement said" speaks for the body that issued it) */
    statementNouns: Set<string>;
    pluralAnaphors: Set<string>;
    personPronouns: Set<string>;
    notNames: Set<string>;
  };
  places: {
    /** lower-case alias, name or adjective -> canonical party name */
    parties: Map<string, string>;
    /** lower-case adjective/demonym -> canonical name */
    adjectives: Map<string, string>;
    regions: Set<string>;
    /** lower-case name -> kind */
    kind: Map<string, 'country' | 'organization' | 'region'>;
    /** lower-case name -> as the rules write it ("helsinki" -> "Helsinki"), for names written in capitals */
    spelling: Map<string, string>;
  };
  organizations: { outletNames: Set<string>; heads: Set<string> };
  names: { surnameEnding: RegExp; knownPeople: Set<string>; gender: { female: GenderCues; male: GenderCues } };
  kinds: {
    documentNouns: Set<string>;
    documentVerbs: Set<string>;
    /** words by which a party takes on an obligation ("undertook to", "a pledge to") */
    commitmentWords: Set<string>;
    treatyLanguage: RegExp;
    titleNouns: Set<string>;
    titleHeads: Set<string>;
    termMarkers: string[];
  };
  provisionTypes: ProvisionType[];
  treaties: TreatyRules;
}

export type Status = 'proposed' | 'draft' | 'signed' | 'ratified' | 'in_force' | 'suspended' | 'terminated';
export type ModalityKind = 'obligation' | 'permission' | 'prohibition';

export interface TreatyRules {
  nouns: Set<string>;
  weakNouns: Set<string>;
  /** any treaty noun, strong or weak: the cheap test before a sentence is tokenized */
  anyNoun: RegExp;
  hypothetical: string[];
  comparison: string[];
  /** in increasing order of advancement */
  status: { status: Status; cue: RegExp }[];
  contentFrames: RegExp;
  speculation: RegExp;
  negators: RegExp;
  /** checked in this order: prohibition before permission before obligation */
  modality: { kind: ModalityKind; cue: RegExp }[];
  reciprocal: RegExp;
  /** global patterns; where `names` is set, the matched `name` group must start with one of them */
  conditions: { kind: string; pattern: RegExp; names: Set<string> | null }[];
  anyCondition: RegExp;
  verbs: Set<string>;
  memberNouns: string[];
  hypotheticalModifiers: Set<string>;
  /** inside someone's speech, the start of what they say a treaty contains ("the Agreement …, outlining …") */
  contentInSpeech: RegExp;
  /** "another article", "the security chapter": sentences about the treaty's content */
  partNouns: RegExp;
  /** "the parties", "both sides" as a sentence's subject */
  partySubjects: RegExp;
}

/** Evidence that a name belongs to a woman or a man: lower-case given names and titles, surname endings. */
export interface GenderCues {
  givenNames: Set<string>;
  surnameEnding: RegExp;
  titles: Set<string>;
}
