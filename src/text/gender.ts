import type { RuleSet } from '../rules/types.js';
import { lexiconTag } from '../nlp/compromise.js';

export type Gender = 'female' | 'male';

/**
 * A person's gender when the words make it plain: a title ("Ms Carrick", "Sir Graham"), a
 * given name compromise or the rules know, or a gendered surname form (Zakharova, Kowalski).
 * Conflicting evidence, or none, gives null: the caller then cannot rule the person out.
 */
export function genderOf(name: string, mentions: string[], rules: RuleSet): Gender | null {
  const found = new Set<Gender>();
  const { female, male } = rules.names.gender;
  for (const mention of mentions) {
    const title = mention.split(/\s+/)[0].toLowerCase();
    if (female.titles.has(title)) found.add('female');
    if (male.titles.has(title)) found.add('male');
  }
  const words = name.split(/\s+/);
  if (words.length > 1) {
    const given = words[0].toLowerCase();
    const tag = lexiconTag(given);
    if (female.givenNames.has(given) || tag === 'FemaleName') found.add('female');
    if (male.givenNames.has(given) || tag === 'MaleName') found.add('male');
  }
  const surname = words[words.length - 1];
  if (female.surnameEnding.test(surname)) found.add('female');
  else if (male.surnameEnding.test(surname)) found.add('male');
  return found.size === 1 ? [...found][0] : null;
}

/** The gender a personal pronoun refers to. */
export function pronounGender(pronoun: string): Gender | null {
  const lower = pronoun.toLowerCase();
  return lower === 'she' ? 'female' : lower === 'he' ? 'male' : null;
}
