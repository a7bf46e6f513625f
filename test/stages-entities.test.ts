import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadRules } from '../src/rules/load.js';
import { extract } from '../src/pipeline.js';
import { FIXTURES, readBytes } from './helpers.js';

const rules = loadRules();
const entities = (text: string) => extract(text, { rules }).entities;
const fixture = (name: string) => extract(readBytes(join(FIXTURES, 'articles', name, 'input.txt')), { rules, path: name }).entities;

describe('entities in our fixtures', () => {
  it('people with roles from titles and appositives; surnames count for the full name', () => {
    expect(fixture('attribution-patterns')).toEqual({
      people: [
        { name: 'Aram Hovsepyan', role: 'Defense Minister', mentions: 3 },
        { name: 'Ani Gasparyan', role: 'Deputy Foreign Minister', mentions: 1 },
        { name: 'Gohar Mkrtchyan', role: 'security analyst at a Yerevan think tank', mentions: 1 },
      ],
      places: [
        { name: 'Yerevan', mentions: 4 },
        { name: 'Armenia', mentions: 1 },
      ],
      organizations: [],
    });
  });

  it('an EDM article: outlets from citations and the sources line, a body, the title left out', () => {
    expect(fixture('edm-header-citations')).toEqual({
      people: [
        { name: 'Aigerim Seitkali', role: 'political analyst at a private institute in Almaty', mentions: 2 },
        { name: 'Yerlan Abdikarimov', role: 'Kazakh Foreign Minister', mentions: 2 },
      ],
      places: [
        { name: 'Astana', mentions: 2 },
        { name: 'Kazakhstan', mentions: 2 },
        { name: 'Almaty', mentions: 1 },
        { name: 'Bishkek', mentions: 1 },
        { name: 'Kremlin', mentions: 1 },
        { name: 'Moscow', mentions: 1 },
      ],
      organizations: [
        { name: 'Interfax', mentions: 3 },
        { name: 'Vedomosti', mentions: 3 },
        { name: 'Kazinform', mentions: 2 },
        { name: 'Russian Foreign Ministry', mentions: 1 },
      ],
    });
  });

  it('a dateline place in capitals, a byline author without a role', () => {
    expect(fixture('crlf-dateline')).toEqual({
      people: [
        { name: 'Mikko Rantanen', role: 'Colonel', mentions: 2 },
        { name: 'Daniel Okafor', role: null, mentions: 1 },
      ],
      places: [{ name: 'Helsinki', mentions: 1 }],
      organizations: [
        { name: 'Finnish Defence Forces', mentions: 1 },
        { name: 'NATO', mentions: 1 },
      ],
    });
  });
});

describe('entity heuristics', () => {
  it('post-Soviet names compromise does not know, with their titles', () => {
    expect(entities('When Kazakh President Kassym-Jomart Tokayev met Nikol Pashinyan, Tokayev smiled. But government spokesman Ruslan Zhaksylykov declined to comment.').people).toEqual([
      { name: 'Kassym-Jomart Tokayev', role: 'Kazakh President', mentions: 2 },
      { name: 'Nikol Pashinyan', role: null, mentions: 1 },
      { name: 'Ruslan Zhaksylykov', role: 'government spokesman', mentions: 1 },
    ]);
  });

  it('a title shared by two names is singular; a month or "In" before a name is no role', () => {
    expect(entities('Presidents Alyaksandr Lukashenka and Ilham Aliyev met in Minsk. Lukashenka spoke first.').people[0]).toEqual({
      name: 'Alyaksandr Lukashenka',
      role: 'President',
      mentions: 2,
    });
    expect(entities('In June Vladimir Orlov resigned.').people).toEqual([{ name: 'Vladimir Orlov', role: null, mentions: 1 }]);
  });

  it('honorifics with a period; "Jan" as a name, "Jan." as a month', () => {
    expect(entities('Deputy Prime Minister Jan Kowalski met Mr. Brown on Jan. 5 in Warsaw. Mr. Brown left.')).toEqual({
      people: [
        { name: 'Brown', role: null, mentions: 2 },
        { name: 'Jan Kowalski', role: 'Deputy Prime Minister', mentions: 1 },
      ],
      places: [{ name: 'Warsaw', mentions: 1 }],
      organizations: [],
    });
  });

  it('abbreviations and long forms count for the common name; capitals stay cities', () => {
    expect(entities('The US said no. U.S. officials later agreed, and the United States signed in Washington.').places).toEqual([
      { name: 'United States', mentions: 3 },
      { name: 'Washington', mentions: 1 },
    ]);
    expect(entities('The Collective Security Treaty Organization (CSTO) met. The CSTO agreed.').organizations).toEqual([{ name: 'CSTO', mentions: 3 }]);
  });

  it('a body named with its country, then by its head noun', () => {
    expect(entities('Russia’s Defense Ministry said so. The Ministry later confirmed it.')).toEqual({
      people: [],
      places: [{ name: 'Russia', mentions: 1 }],
      organizations: [{ name: 'Russia’s Defense Ministry', mentions: 2 }],
    });
  });

  it('outlets named after an outlet noun', () => {
    expect(entities('The newspaper Golos and the Interfax agency reported the talks.').organizations).toEqual([
      { name: 'Golos', mentions: 1 },
      { name: 'Interfax', mentions: 1 },
    ]);
  });

  it('the sources line lists outlets, and an outlet it lists is one wherever it is named', () => {
    expect(entities('Colonel-General Igor Zorin told Krasnaya Zvezda it was ready.\n\n(Krasnaya Zvezda, Asia-Plus, April 26-27)')).toEqual({
      people: [{ name: 'Igor Zorin', role: 'Colonel-General', mentions: 1 }],
      places: [],
      organizations: [
        { name: 'Krasnaya Zvezda', mentions: 2 },
        { name: 'Asia-Plus', mentions: 1 },
      ],
    });
  });

  it('a compound name ending in a capitalised noun is no person', () => {
    expect(entities('The Unified Regional Air Defense System will be ready. U.S. Bases in Greece stay.').people).toEqual([]);
  });

  it('numbered parts of a document are not people', () => {
    expect(entities('Under Article 5 of the treaty, the allies must consult. Section 2 adds little.').people).toEqual([]);
  });

  it('capitalised common words are not people', () => {
    expect(entities('He unveiled a memorial to the Queen Mother in London.').people).toEqual([]);
    expect(entities('Cases of Severe Acute Respiratory Syndrome were reported in Hong Kong.').people).toEqual([]);
  });

  it('known_people from the rules are always people', () => {
    const text = 'Talks with Iron Lake went well.';
    expect(entities(text).people).toEqual([]);
    const withName = { ...rules, names: { ...rules.names, knownPeople: new Set(['Iron Lake']) } };
    expect(extract(text, { rules: withName }).entities.people).toEqual([{ name: 'Iron Lake', role: null, mentions: 1 }]);
  });
});
