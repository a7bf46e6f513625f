import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../src/errors.js';
import { parseRules, readRulesFile } from '../src/rules/load.js';
import { listFixtures, runCli } from './helpers.js';

/**
 * Rules files from users, beyond test/rules-loader.test.ts (syntax, unknown sections, custom
 * tags, alias bombs, shapes): the size limit, prototype keys, invalid patterns and bytes that
 * are not text, and how the CLI reports all of them: exit 2, one line naming file:line, no
 * stack trace, no output.
 */
let dir: string;
const article = listFixtures('articles')[0].input;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'te-rules-'));
});

function write(name: string, content: string | Buffer): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

async function cliProblem(file: string) {
  const run = await runCli([article, '--rules', file]);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return run.stderr.trim();
}

describe('rules files that must be refused', () => {
  it('larger than the limit (2 MB): refused before it is parsed', async () => {
    const file = write('huge.yaml', `speech_verbs:\n${'  - say\n'.repeat(300_000)}`);
    expect(await cliProblem(file)).toBe(`treaty-extract: ${file}: rules file is 2400014 bytes; the limit is 2097152`);
  });

  it('a directory given as a rules file', async () => {
    expect(await cliProblem(dir)).toBe(`treaty-extract: ${dir}: cannot read rules file: EISDIR`);
  });

  it('custom tags of any form are not executed, even in a nested value', async () => {
    (globalThis as { pwned?: boolean }).pwned = false;
    const file = write('tags.yaml', 'known_people:\n  - !!js/eval "globalThis.pwned = true"\n  - !<tag:yaml.org,2002:js/function> "x"\n');
    expect(await cliProblem(file)).toMatch(new RegExp(`^treaty-extract: ${file}:2: Unresolved tag: `));
    expect((globalThis as { pwned?: boolean }).pwned).toBe(false);
  });

  it('an invalid regular expression in a pattern list, at its line', () => {
    const file = join(dir, 'pattern.yaml');
    const source = 'provision_types:\n  - id: custom\n    atop: null\n    cues:\n      - { id: bad, pattern: "(unclosed" }\n';
    let message = '';
    try {
      parseRules(source, file);
    } catch (err) {
      expect(err).toBeInstanceOf(UsageError);
      message = (err as Error).message;
    }
    expect(message).toMatch(new RegExp(`^${file}:\\d+: `));
    expect(message).toMatch(/pattern|regular expression|unknown/);
  });

  it('binary bytes and invalid UTF-8 are a YAML error, not a crash', () => {
    const file = write('binary.yaml', Buffer.from([0x73, 0x3a, 0x20, 0x00, 0xff, 0xfe, 0x0a]));
    expect(() => readRulesFile(file)).toThrow(UsageError);
    expect(() => readRulesFile(file)).toThrow(new RegExp(`^${file}:1: `));
  });
});

describe('rules files that parse but must not change the program', () => {
  it('__proto__ and constructor keys pollute no prototype', () => {
    const problem = (() => {
      try {
        parseRules('__proto__:\n  polluted: true\nconstructor:\n  prototype:\n    polluted: true\n', 'proto.yaml');
        return null;
      } catch (err) {
        return (err as Error).message;
      }
    })();
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // unknown sections, reported as such
    expect(problem).toMatch(/^proto\.yaml:\d+: .*unknown section/);
    expect(() => parseRules('countries:\n  - { name: Ruritania, constructor: x }\n', 'field.yaml')).toThrow(/^field\.yaml:2: countries\.0\.constructor: unknown field "constructor"/);
  });

  it('a YAML merge key is plain data, and a deep document is refused or read, never a crash', () => {
    expect(() => parseRules('base: &b { a: 1 }\nother:\n  <<: *b\n', 'merge.yaml')).toThrow(UsageError);
    const deep = `speech_verbs: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(() => parseRules(deep, 'deep.yaml')).toThrow(UsageError);
  });
});
