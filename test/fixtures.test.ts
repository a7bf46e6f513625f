import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import { extract } from '../src/pipeline.js';
import { listFixtures, project, readBytes } from './helpers.js';

/**
 * Fixture walk: each case's input gives exactly its expected.yaml. Regenerate after a
 * deliberate change with `UPDATE_FIXTURES=1 npm test`, then read the diff before committing.
 * Cases annotated by hand in GOLD.md format (gold.yaml, no expected.yaml) are checked
 * against their annotation instead, by test/gold-fixtures.test.ts.
 */
const update = process.env.UPDATE_FIXTURES === '1';

const snapshotted = (group: string) => listFixtures(group).filter((f) => existsSync(f.expected) || !existsSync(f.gold));

for (const group of ['articles', 'treaties'].filter((g) => snapshotted(g).length)) {
  describe(`fixtures/${group}`, () => {
    for (const fixture of snapshotted(group)) {
      it(fixture.name, () => {
        const record = extract(readBytes(fixture.input), { path: fixture.name });
        const actual = project(record);
        if (update || !existsSync(fixture.expected)) {
          writeFileSync(fixture.expected, stringify(actual, { lineWidth: 0 }));
          if (!update) throw new Error(`${fixture.name}: wrote a new expected.yaml; review it and run again`);
          return;
        }
        expect(actual).toEqual(parse(readFileSync(fixture.expected, 'utf8')));
      });
    }
  });
}
