import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRules } from '../src/rules/load.js';
import { typeClause } from '../src/stages/clauses.js';
import { extract } from '../src/pipeline.js';
import { runCli } from './helpers.js';

/** The taxonomy's own examples are its tests (remark-lint style), and every rule id is unique. */
const rules = loadRules();

describe('provision taxonomy', () => {
  it('ships the eleven ATOP-aligned types with their codes', () => {
    expect(Object.fromEntries(rules.provisionTypes.map((t) => [t.id, t.atop]))).toEqual({
      basing_rights: 'BASE',
      consultation: 'CONSUL',
      duration: null,
      economic_cooperation: null,
      joint_forces: 'INTCOM',
      military_aid: 'MILAID',
      mutual_defense: 'DEFENSE',
      neutrality: 'NEUTRAL',
      no_hostile_alliance: null,
      non_aggression: 'NONAGG',
      security_cooperation: null,
    });
  });

  it('gives every cue a unique id', () => {
    const ids = rules.provisionTypes.flatMap((t) => [...t.cues, ...t.negativeCues].map((c) => c.id));
    expect(new Set(ids).size).toBe(ids.length);
  });

  for (const type of rules.provisionTypes) {
    describe(type.id, () => {
      it('has examples that must and must not match', () => {
        expect(type.examples.some((e) => e.match)).toBe(true);
        expect(type.examples.some((e) => !e.match)).toBe(true);
      });
      for (const example of type.examples) {
        it(`${example.match ? 'types' : 'does not type'}: ${example.text}`, () => {
          const types = typeClause(example.text, rules).map((m) => m.type.id);
          expect(types.includes(type.id)).toBe(example.match);
        });
      }
    });
  }
});

describe('user rules (--rules)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'te-rules-'));
  const umbrella = join(dir, 'umbrella.yaml');
  writeFileSync(
    umbrella,
    `provision_types:
  - id: nuclear_umbrella
    atop: null
    description: extended nuclear deterrence over the other party
    cues:
      - { id: nu.umbrella, phrase: "nuclear umbrella" }
      - { id: nu.extended-deterrence, phrase: "extended ... deterrence" }
    examples:
      match: [The treaty places the country under the nuclear umbrella of its ally.]
      no_match: [The ministers discussed nuclear energy.]
`,
  );

  it('adds a new provision type without touching code', () => {
    const extended = loadRules({ files: [umbrella] });
    expect(extended.provisionTypes.map((t) => t.id)).toContain('nuclear_umbrella');
    const article = 'Publication: Test Monitor Volume: 1 Issue: 1\n\nThe treaty between Russia and Belarus extends the Russian nuclear umbrella over Belarus, officials said.\n';
    const record = extract(article, { rules: extended });
    expect(record.provisions.map((p) => [p.type, p.cue_ids])).toEqual([['nuclear_umbrella', ['nu.umbrella']]]);
    expect(extract(article, { rules }).provisions).toEqual([]);
  });

  it('lists the added type in `treaty-extract rules`', async () => {
    const out = await runCli(['rules', '--rules', umbrella]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^nuclear_umbrella\s+-\s+2\s+0\s+2\s+extended nuclear deterrence/m);
  });

  it('checks a user file\'s examples with `rules --check`', async () => {
    const ok = await runCli(['rules', '--rules', umbrella, '--check']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^(\d+) of \1 examples behave as written$/m);
    const wrong = join(dir, 'wrong.yaml');
    writeFileSync(wrong, 'provision_types:\n  - id: t\n    cues: [{ id: t.1, phrase: "alpha" }]\n    examples: { match: [beta gamma], no_match: [alpha] }\n');
    const out = await runCli(['rules', '--rules', wrong, '--check']);
    expect(out.code).toBe(1);
    expect(out.stdout).toContain('t: should match: beta gamma\nt: should not match: alpha\n');
  });

  it('stops with exit 2 naming file, line and problem for a malformed rules file', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'provision_types:\n  - id: broken\n    cues:\n      - { id: b.1, pattern: "(unclosed" }\n');
    const out = await runCli(['rules', '--rules', bad]);
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4: provision_types\\.0\\.cues\\.0\\.pattern: invalid regular expression`));
    expect(out.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
