import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { extract } from '../src/pipeline.js';

const rules = loadRules();

/** Each quote as { text, kind, speaker }. */
function kinds(text: string) {
  return extract(text, { rules }).quotes.map((q) => ({ text: q.text, kind: q.kind, speaker: q.speaker?.name ?? null }));
}

describe('document: the article quotes a treaty’s own words', () => {
  it('a document named after the quote, as the subject of its verb', () => {
    expect(kinds('“Neither side shall host the troops of a third state,” the accord says.')).toEqual([
      { text: 'Neither side shall host the troops of a third state,', kind: 'document', speaker: null },
    ]);
    // a participle may stand between the document and its verb
    expect(kinds('The pact also seeks to “widen trade in grain,” the text published by both ministries states.')).toEqual([
      { text: 'widen trade in grain,', kind: 'document', speaker: null },
    ]);
  });

  it('a treaty named by a title with “and” in it is a document, not a group of speakers', () => {
    expect(kinds('Article 2 of the Treaty of Amity and Mutual Support says each party “shall defend the other against attack.”')).toEqual([
      { text: 'shall defend the other against attack.', kind: 'document', speaker: null },
    ]);
  });

  it('the parties’ quoted pledge is their treaty’s text', () => {
    expect(kinds('In 1995 Chile and Peru signed their Treaty on Friendship, Cooperation and Mutual Aid in Lima. The two sides pledged “not to join any alliance directed against the other Party.”')).toEqual([
      { text: 'not to join any alliance directed against the other Party.', kind: 'document', speaker: null },
    ]);
  });

  it('a fragment quoted after the word that binds a party, next to a deal, is the deal’s text; a person’s pledge is speech', () => {
    expect(kinds('Under the deal, Chile withdrew its troops. Peru, for its part, undertook to “refrain from the use of force against its neighbour.”')).toEqual([
      { text: 'refrain from the use of force against its neighbour.', kind: 'document', speaker: null },
    ]);
    expect(kinds('Under the deal, Chile withdrew its troops. President Ana Ruiz pledged to “never let this happen again.”')).toEqual([
      { text: 'never let this happen again.', kind: 'speech', speaker: 'Ana Ruiz' },
    ]);
  });

  it('a treaty that “states” is no speaker, nor is “a member state” a speaker who states', () => {
    expect(kinds('Article 4 of the Andean Security Treaty states that if a member state “is attacked by any state, all the other members shall assist it.”')).toEqual([
      { text: 'is attacked by any state, all the other members shall assist it.', kind: 'document', speaker: null },
    ]);
  });

  it('a commitment quoted right after quoted treaty text is treaty text too', () => {
    const text = 'Under the deal, Chile withdrew its troops. In return, the Zafaris pledged that they “will not attack Chile.”\n\nChile, for its part, undertook to “refrain from any use of force against the Zafaris.”';
    expect(kinds(text).map((q) => q.kind)).toEqual(['document', 'document']);
  });

  it('one unknown name after “the” is a body, whose pledge under a deal quotes the deal', () => {
    expect(kinds('Under the deal, Chile withdrew its troops. In return, the Zafaris pledged that they “will not allow any group to use the soil of the country against Chile.”')).toEqual([
      { text: 'will not allow any group to use the soil of the country against Chile.', kind: 'document', speaker: null },
    ]);
  });

  it('“it” going on with the document of the sentence before', () => {
    expect(kinds('The charter was signed in May. “Each member will aid the others,” the charter reads. It adds that aid may include “the dispatch of troops.”')).toEqual([
      { text: 'Each member will aid the others,', kind: 'document', speaker: null },
      { text: 'the dispatch of troops.', kind: 'document', speaker: null },
    ]);
    expect(kinds('The text says the army will “stay in barracks.” It also says both sides will “meet every spring.”').map((q) => q.kind)).toEqual(['document', 'document']);
    // through another "it", and by a verb only a text uses
    expect(kinds('The compact was signed in May. It goes further than earlier deals. It obliges the members to “share radar data.”')).toEqual([
      { text: 'share radar data.', kind: 'document', speaker: null },
    ]);
  });

  it('a document with a relative clause or participle before its verb', () => {
    expect(kinds('A draft that was seen by reporters last week said the fleet “may call at the port twice a year.”')).toEqual([
      { text: 'may call at the port twice a year.', kind: 'document', speaker: null },
    ]);
    expect(kinds('The accord, signed in the capital on Friday, commits both states to “regular joint patrols.”')).toEqual([
      { text: 'regular joint patrols.', kind: 'document', speaker: null },
    ]);
    // a person speaking in between makes it the person's words
    expect(kinds('The accord, Defence Minister Ana Lupu said, is “a shield for both of us.”')).toEqual([
      { text: 'a shield for both of us.', kind: 'speech', speaker: 'Ana Lupu' },
    ]);
  });

  it('an article numbered in Roman numerals, and verbs by which a text provides', () => {
    expect(kinds('Article VII requires the two states to consult whenever either judges that its border is “under threat.”')).toEqual([
      { text: 'under threat.', kind: 'document', speaker: null },
    ]);
    expect(kinds('Article 3 leaves each state free to choose “the means it judges fit.”')).toEqual([
      { text: 'the means it judges fit.', kind: 'document', speaker: null },
    ]);
  });
});

describe('term: names a text defines, labels in capitals', () => {
  it('a treaty’s defined name after “hereinafter”', () => {
    expect(kinds('The Kingdom of Norland and the Republic of Sudmark, hereinafter referred to as “the Contracting States”, have agreed as follows.')).toEqual([
      { text: 'the Contracting States', kind: 'term', speaker: null },
    ]);
    expect(kinds('The Republic of Sudmark (hereinafter “Sudmark”) shall notify the depositary.')).toEqual([{ text: 'Sudmark', kind: 'term', speaker: null }]);
    // the article may stand outside the marks
    expect(kinds('The Kingdom of Norland and the Republic of Sudmark, hereinafter referred to as the “Parties”, have agreed as follows.')).toEqual([
      { text: 'Parties', kind: 'term', speaker: null },
    ]);
  });

  it('a short quote in capitals', () => {
    expect(kinds('The ministry said the drill would go by a single word: “ANVIL”.')).toEqual([{ text: 'ANVIL', kind: 'term', speaker: null }]);
  });
});

describe('document: text announced or continued', () => {
  it('a bare quote after a sentence announcing a document’s words', () => {
    expect(kinds('The key clause of the accord reads as follows. “Each side will send aid within ten days.”')).toEqual([
      { text: 'Each side will send aid within ten days.', kind: 'document', speaker: null },
    ]);
    expect(kinds('The text of Article 4 is short:\n\n“Each side will send aid within ten days.”')).toEqual([
      { text: 'Each side will send aid within ten days.', kind: 'document', speaker: null },
    ]);
  });

  it('“it” after a sentence that names a document and no body', () => {
    expect(kinds('The two leaders signed the treaty in March. It pledges “lasting friendship between the peoples.”')).toEqual([
      { text: 'lasting friendship between the peoples.', kind: 'document', speaker: null },
    ]);
  });

  it('the parties’ undertakings right after the text was quoted', () => {
    expect(kinds('The charter says members will “come to each other’s aid.” The four states also undertake to fight “organised crime in all its shapes” together.')).toEqual([
      { text: 'come to each other’s aid.', kind: 'document', speaker: null },
      { text: 'organised crime in all its shapes', kind: 'document', speaker: null },
    ]);
    // without the text quoted before, the same words are the author's
    expect(kinds('The four states also undertake to fight “organised crime in all its shapes” together.')[0].kind).toBe('term');
  });
});

describe('document: more ways of presenting a text', () => {
  it('a clause after a colon in a sentence about a numbered article', () => {
    expect(kinds('Article 12 is the way out: either side may withdraw on “six months’ written notice.”')).toEqual([
      { text: 'six months’ written notice.', kind: 'document', speaker: null },
    ]);
  });

  it('a copy of a text, with a participle after it', () => {
    expect(kinds('A copy seen by this newspaper says the fleets will “exchange liaison officers.”')).toEqual([
      { text: 'exchange liaison officers.', kind: 'document', speaker: null },
    ]);
  });
});

describe('speech about a document stays speech', () => {
  it('a body, or a person after a document frame, speaking about a document', () => {
    expect(kinds('The Kremlin says the pact “threatens nobody.”')).toEqual([{ text: 'threatens nobody.', kind: 'speech', speaker: 'Kremlin' }]);
    expect(kinds('Under the treaty, Ana Lupu said, the garrison “can stay for decades.”')).toEqual([
      { text: 'can stay for decades.', kind: 'speech', speaker: 'Ana Lupu' },
    ]);
  });

  it('but an article that “reads” after the quote is the text itself', () => {
    expect(kinds('“Each state will send help at once,” reads Article 4.')).toEqual([{ text: 'Each state will send help at once,', kind: 'document', speaker: null }]);
  });
});
