import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { extract } from '../src/pipeline.js';

const rules = loadRules();
const names = (text: string) => extract(text, { rules }).treaties.map((t) => t.name);

describe('a treaty’s name ends where its title does', () => {
  it('a capitalised name takes no lower-case purpose clause after it', () => {
    expect(names('Norway is bound under the 1949 Mutual Defense Treaty to help defend Denmark if its forces come under attack.')).toEqual(['1949 Mutual Defense Treaty']);
  });

  it('a title with “of”, “on” and “and” runs on, but stops at a lower-case word that is not a joint', () => {
    expect(names('Chile and Peru signed the Treaty on Friendship and Strategic Partnership during a visit to Lima.')).toEqual(['Treaty on Friendship and Strategic Partnership']);
  });

  it('“between A and B” names parties, and the name does not run on into the sentence', () => {
    expect(names('A draft security agreement between Chile and Peru began circulating on social media on 24 March.')).toEqual(['draft security agreement']);
  });

  it('a lower-case purpose complement stays part of a common-noun name', () => {
    expect(names('Chile and Peru signed an agreement on military cooperation in Lima.')).toEqual(['agreement on military cooperation']);
  });
});

describe('a treaty’s parties', () => {
  const parties = (text: string) => extract(text, { rules }).treaties.map((t) => [t.name, t.parties]);

  it('a document cited in passing does not take the focus from the treaty the article is about', () => {
    const text = 'Chile and Peru signed their Treaty of Amity in 1995. Its defence clause works in line with Article 51 of the United Nations Charter.\n\nThe treaty also provides for joint exercises.';
    const record = extract(text, { rules });
    const treatyOf = (id: string | null) => record.treaties.find((t) => t.id === id)?.name;
    expect(record.provisions.map((p) => [p.type, treatyOf(p.treaty)])).toEqual([['joint_forces', 'Treaty of Amity']]);
  });

  it('the members a group of signatories names are parties', () => {
    expect(parties('The pact, signed in 1950 by Chile and most Andean republics, among them Peru, Bolivia and Ecuador, lapsed.')).toEqual([['pact', ['Chile', 'Peru', 'Bolivia', 'Ecuador']]]);
    expect(parties('The pact was signed by twelve states, including Chile and Peru.')).toEqual([['pact', ['Chile', 'Peru']]]);
  });

  it('a comma list without “and” is no list of parties: Bolivia is not one', () => {
    expect(parties('Chile ratifies defence pact with Peru, Bolivia protests')).toEqual([['defence pact', ['Peru', 'Chile']]]);
  });

  it('a treaty of the past named beside the new one keeps its own parties', () => {
    expect(parties('Chile and Peru signed the agreement on Monday. It is their first since the ANDES treaty with Bolivia and Ecuador in 1950.')).toEqual([
      ['agreement', ['Chile', 'Peru']],
      ['ANDES treaty', ['Bolivia', 'Ecuador']],
    ]);
  });
});
