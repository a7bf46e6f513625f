import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../src/errors.js';
import { BUILTIN_RULES_DIR, loadRules, parseRules, readRulesFile } from '../src/rules/load.js';
import { SECTIONS } from '../src/rules/sections.js';
import { extract } from '../src/pipeline.js';

/** The message of the UsageError that parsing `source` as `file` throws (or null when it parses). */
function problem(source: string, file = 'user.yaml'): string | null {
  try {
    parseRules(source, file);
    return null;
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe('built-in rules', () => {
  const files = yamlFiles(BUILTIN_RULES_DIR);

  it('are compiled once per process: extract(text) without rules does not compile them per call', () => {
    expect(loadRules()).toBe(loadRules());
    expect(loadRules({ files: [] })).toBe(loadRules());
  });

  it('every file validates, and holds only known sections', () => {
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      for (const section of Object.keys(readRulesFile(file))) expect(Object.keys(SECTIONS)).toContain(section);
    }
  });

  it('every section the stages read is present', () => {
    const present = new Set(files.flatMap((file) => Object.keys(readRulesFile(file))));
    for (const section of ['marks', 'elisions', 'no_split', 'may_end', 'before_number', 'months', 'speech_verbs', 'label_verbs', 'attitude_verbs',
      'cue_phrases', 'verb_modifiers', 'role_titles', 'role_modifiers', 'honorifics', 'bodies', 'outlet_nouns', 'plural_anaphors',
      'person_pronouns', 'not_names', 'countries', 'party_organizations', 'regions', 'outlet_names', 'organization_heads',
      'surname_endings', 'known_people', 'gender', 'document_nouns', 'document_verbs', 'treaty_language', 'title_nouns', 'title_heads',
      'term_markers']) {
      expect(present.has(section), section).toBe(true);
    }
  });

  it('every quote family has a mark that opens and one that closes', () => {
    const { marks } = loadRules();
    for (const family of ['double', 'single', 'guillemet', 'single-guillemet']) {
      const rules = [...marks.values()].filter((m) => m.family === family);
      expect(rules.some((m) => m.role !== 'close' || m.also === 'open'), family).toBe(true);
      expect(rules.some((m) => m.role !== 'open' || m.also === 'close'), family).toBe(true);
    }
  });

  it('irregular verbs list their forms; regular ones are inflected', () => {
    const { verbs } = loadRules();
    expect(verbs.get('told')).toEqual({ lemma: 'tell', verbClass: 'speech', participle: false });
    expect(verbs.get('underscored')).toEqual({ lemma: 'underscore', verbClass: 'speech', participle: false });
    expect(verbs.get('predicts')).toEqual({ lemma: 'predict', verbClass: 'speech', participle: false });
    expect(verbs.get('terming')).toEqual({ lemma: 'term', verbClass: 'label', participle: true });
  });
});

describe('rules file errors name file:line and the reason', () => {
  it('YAML syntax', () => {
    expect(problem('speech_verbs:\n  - say\n  - [unclosed\nrole_titles: [envoy]\n')).toMatch(/^user\.yaml:4: /);
  });

  it('unknown section', () => {
    expect(problem('speech_verbs: [say]\nfavourite_colours: [red]\n')).toMatch(/^user\.yaml:2: favourite_colours: unknown section "favourite_colours" \(known: marks, /);
  });

  it('a custom YAML tag is refused, never executed', () => {
    expect(problem('speech_verbs: !custom [say]\n')).toBe('user.yaml:1: Unresolved tag: !custom');
    expect(problem('speech_verbs: !!js/function "function () { return 1 }"\n')).toMatch(/^user\.yaml:1: Unresolved tag: /);
  });

  it('aliases that expand without bound', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]'];
    expect(problem(bomb.join('\n'))).toMatch(/^user\.yaml:1: .*alias/i);
  });

  it('a duplicate section', () => {
    expect(problem('speech_verbs: [say]\nspeech_verbs: [tell]\n')).toBe('user.yaml:2: Map keys must be unique');
  });

  it('a value of the wrong shape, at the line of the entry', () => {
    expect(problem('role_titles: envoy\n')).toBe('user.yaml:1: role_titles: expected a list of strings');
    expect(problem('known_people:\n  - Ann Lind\n  - 42\n')).toBe('user.yaml:3: known_people.1: expected a non-empty string, got 42');
    expect(problem('marks:\n  - { char: "x", family: double, role: open }\n  - { char: "y", family: triple, role: open }\n')).toBe(
      'user.yaml:3: marks.1.family: expected one of double, single, guillemet, single-guillemet, got "triple"',
    );
    expect(problem('marks:\n  - { char: "xy", family: double, role: open }\n')).toBe('user.yaml:2: marks.0.char: must be one character');
    expect(problem('gender:\n  - { gender: other, given_names: [Kim] }\n')).toBe('user.yaml:2: gender.0.gender: expected one of female, male, got "other"');
    expect(problem('countries:\n  - { name: Ruritania, capital: Strelsau }\n')).toMatch(/^user\.yaml:2: countries\.0\.capital: unknown field "capital"/);
  });

  it('a file that is not a mapping', () => {
    expect(problem('- say\n- tell\n')).toBe('user.yaml:1: a rules file must be a mapping of section names to entries');
  });

  it('an empty file is no rules', () => {
    expect(problem('')).toBeNull();
  });

  it('a missing file', () => {
    expect(() => readRulesFile('/nonexistent/rules.yaml')).toThrow(new UsageError('/nonexistent/rules.yaml: cannot read rules file: ENOENT'));
  });
});

describe('user rules extend the built-in ones', () => {
  const dir = mkdtempSync(join(tmpdir(), 'te-user-rules-'));

  it('a reporting verb, a role title and a known person', () => {
    const file = join(dir, 'extra.yaml');
    writeFileSync(file, 'speech_verbs: [intone]\nrole_titles: [voivode]\nknown_people: [Zbyszko Wor]\n');
    const rules = loadRules({ files: [file] });
    expect(rules.verbs.get('intoned')?.lemma).toBe('intone');
    expect(rules.verbs.get('said')?.lemma).toBe('say');
    const record = extract('The voivode Zbyszko Wor intoned that the border was “sealed.”', { rules });
    expect(record.quotes.map((q) => [q.speaker?.name, q.speaker?.role, q.cue])).toEqual([['Zbyszko Wor', 'voivode', 'intoned']]);
    expect(record.entities.people).toEqual([{ name: 'Zbyszko Wor', role: 'voivode', mentions: 1 }]);
  });

  it('a country replaces the built-in entry of the same name', () => {
    const file = join(dir, 'country.yaml');
    writeFileSync(file, 'countries:\n  - { name: Georgia, aliases: [Tbilisi, Sakartvelo], adjectives: [Georgian] }\n');
    const rules = loadRules({ files: [file] });
    expect(rules.places.parties.get('sakartvelo')).toBe('Georgia');
    expect(rules.places.parties.get('tbilisi')).toBe('Georgia');
  });
});
