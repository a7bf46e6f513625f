import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { BUILTIN_RULES_DIR, mergeRules, parseRules, writeRulesSnapshot } from '../src/rules/load.js';
import type { RawRules } from '../src/rules/sections.js';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? yamlFiles(join(dir, name)) : /\.ya?ml$/.test(name) ? [join(dir, name)] : []));
}

describe('rules snapshot (npm run build)', () => {
  it('holds exactly what parsing the built-in YAML files gives, with their hash', () => {
    const path = writeRulesSnapshot();
    const snapshot = JSON.parse(readFileSync(path, 'utf8')) as { hash: string; raw: RawRules };
    const parsed = yamlFiles(BUILTIN_RULES_DIR).reduce<RawRules>((raw, file) => mergeRules(raw, parseRules(readFileSync(file, 'utf8'), file)), {});
    expect(snapshot.raw).toEqual(JSON.parse(JSON.stringify(parsed)));
    expect(snapshot.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
