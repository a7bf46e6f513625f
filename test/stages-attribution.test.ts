import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { extract } from '../src/pipeline.js';

const rules = loadRules();

/** Each quote as { text, kind, speaker, rule, cue, addressee, role } (absent fields left out). */
function attribute(text: string) {
  return extract(text, { rules }).quotes.map((q) => ({
    text: q.text,
    kind: q.kind,
    speaker: q.speaker?.name ?? null,
    ...(q.speaker ? { rule: q.speaker.rule } : {}),
    ...(q.speaker?.role ? { role: q.speaker.role } : {}),
    ...(q.cue ? { cue: q.cue } : {}),
    ...(q.addressee ? { addressee: q.addressee } : {}),
  }));
}

describe('attribution patterns', () => {
  it('X said … “Q”', () => {
    expect(attribute('Defense Minister Pavel Rusu said the army “will not be rushed.”')).toEqual([
      { text: 'will not be rushed.', kind: 'speech', speaker: 'Pavel Rusu', rule: 'speaker-verb-before-quote', role: 'Defense Minister', cue: 'said' },
    ]);
  });

  it('X averred / underscored / predicts … “Q”', () => {
    for (const verb of ['averred', 'underscored', 'predicts']) {
      expect(attribute(`The analyst Oleg Sviridov ${verb} that the base “will stay for decades.”`)).toEqual([
        { text: 'will stay for decades.', kind: 'speech', speaker: 'Oleg Sviridov', rule: 'speaker-verb-before-quote', role: 'analyst', cue: verb },
      ]);
    }
  });

  it('“Q,” X said', () => {
    expect(attribute('Pavel Rusu spoke first. “We will not be rushed,” Rusu said.')).toEqual([
      { text: 'We will not be rushed,', kind: 'speech', speaker: 'Pavel Rusu', rule: 'speaker-verb-after-quote', cue: 'said' },
    ]);
  });

  it('“Q,” said X', () => {
    expect(attribute('“We will not be rushed,” said Defense Minister Pavel Rusu.')).toEqual([
      { text: 'We will not be rushed,', kind: 'speech', speaker: 'Pavel Rusu', rule: 'verb-speaker-after-quote', role: 'Defense Minister', cue: 'said' },
    ]);
  });

  it('split quote: “A,” he said, “B.”', () => {
    expect(attribute('Pavel Rusu took the floor. “We will not be rushed,” he said, “and we will not be bullied.”')).toEqual([
      { text: 'We will not be rushed,', kind: 'speech', speaker: 'Pavel Rusu', rule: 'speaker-verb-after-quote', cue: 'said' },
      { text: 'and we will not be bullied.', kind: 'speech', speaker: 'Pavel Rusu', rule: 'speaker-verb-before-quote', cue: 'said' },
    ]);
  });

  it('X: “Q”', () => {
    expect(attribute('Pavel Rusu: “We will not be rushed.”')).toEqual([
      { text: 'We will not be rushed.', kind: 'speech', speaker: 'Pavel Rusu', rule: 'colon-introduction', cue: ':' },
    ]);
  });

  it('According to X, “Q” and “Q,” according to X', () => {
    expect(attribute('According to Pavel Rusu, “the army will not be rushed.”')).toEqual([
      { text: 'the army will not be rushed.', kind: 'speech', speaker: 'Pavel Rusu', rule: 'according-to', cue: 'according to' },
    ]);
    expect(attribute('“The drills are routine,” according to the Defense Ministry.')).toEqual([
      { text: 'The drills are routine,', kind: 'speech', speaker: 'Defense Ministry', rule: 'according-to-after-quote', cue: 'according to' },
    ]);
  });

  it('in the words of X, in his words', () => {
    expect(attribute('In the words of Pavel Rusu, the army “will not be rushed.”')[0]).toMatchObject({ speaker: 'Pavel Rusu', rule: 'in-the-words-of', cue: 'in the words of' });
    expect(attribute('Foreign Minister Ana Lupu spoke last. In her words, the talks were “all-weather.”')[0]).toMatchObject({
      speaker: 'Ana Lupu',
      role: 'Foreign Minister',
      rule: 'in-own-words',
      cue: 'In her words',
    });
  });

  it('in X’s words', () => {
    expect(attribute('The appeal went unanswered and brought, in Rusu’s words, “nothing but sympathy.”')[0]).toMatchObject({
      speaker: 'Rusu',
      rule: 'in-own-words',
      cue: 'in Rusu’s words',
    });
  });

  it('a sentence-initial adverb is no speaker', () => {
    expect(attribute('President Ion Sandu will sign the bill. Earlier this week he said the sanctions were not “right”.')[0]).toMatchObject({
      speaker: 'Ion Sandu',
    });
  });

  it('“States” in a country’s name is no reporting verb', () => {
    expect(attribute('Foreign Minister Ana Ruiz said the pact was a relic the United States uses as “cover for pressure.”').map((q) => [q.speaker, q.cue])).toEqual([['Ana Ruiz', 'said']]);
    expect(attribute('The United States says the deal is “dead.”').map((q) => [q.speaker, q.cue])).toEqual([['United States', 'says']]);
  });

  it('a common word opening a sentence is no speaker', () => {
    expect(attribute('Less often noted is that the minister said it was “a trap.”')[0]).toEqual({ text: 'a trap.', kind: 'speech', speaker: null });
    expect(attribute('Much was made of the plan, which the minister called “a trap.”')[0]).toEqual({ text: 'a trap.', kind: 'speech', speaker: null });
  });

  it('a press service speaks under its full name', () => {
    expect(attribute('The Moldovan presidential press service wrote that the talks had been “useful.”')[0]).toMatchObject({
      speaker: 'Moldovan presidential press service',
    });
  });

  it('a label verb in an infinitive takes the sentence’s subject', () => {
    expect(attribute('President Ion Sandu used the visit to present his country as a “reliable bridge.”')[0]).toMatchObject({
      kind: 'speech',
      speaker: 'Ion Sandu',
      rule: 'sentence-subject',
      cue: 'present',
    });
  });

  it('a label verb before a colon labels its object; the colon introduces the quote', () => {
    expect(attribute('Pavel Rusu cast the deal as a turning point: “Nothing will be the same.”')[0]).toMatchObject({
      speaker: 'Pavel Rusu',
      rule: 'colon-introduction',
      cue: ':',
    });
  });

  it('X told journalists / an agency that “Q”', () => {
    expect(attribute('Pavel Rusu told journalists that the army “will not be rushed.”')).toEqual([
      { text: 'will not be rushed.', kind: 'speech', speaker: 'Pavel Rusu', rule: 'speaker-verb-before-quote', cue: 'told', addressee: 'journalists' },
    ]);
    expect(attribute('Pavel Rusu told Interfax on Monday that the army “will not be rushed.”')[0]).toMatchObject({ speaker: 'Pavel Rusu', addressee: 'Interfax' });
    expect(attribute('Pavel Rusu told reporters the army was “not in a hurry.”')[0]).toMatchObject({ speaker: 'Pavel Rusu', addressee: 'reporters' });
  });

  it('a quote of several paragraphs takes the speaker named where it closes', () => {
    const text = 'Not everyone is convinced.\n\n“Parliament saw the treaty too late.\n\n“We were not asked.\n\n“I am against signing first,” Ruiz said.';
    expect(attribute(text).map((q) => [q.text, q.speaker, q.rule])).toEqual([
      ['Parliament saw the treaty too late.', 'Ruiz', 'continued-quote'],
      ['We were not asked.', 'Ruiz', 'continued-quote'],
      ['I am against signing first,', 'Ruiz', 'speaker-verb-after-quote'],
    ]);
  });

  it('a bare quote takes the speaker of the sentence before', () => {
    expect(attribute('“We will not be rushed,” said Pavel Rusu. “Nobody rushes an army.”')[1]).toEqual({
      text: 'Nobody rushes an army.',
      kind: 'speech',
      speaker: 'Pavel Rusu',
      rule: 'previous-sentence',
    });
    // the sentence before reports speech without quoting it
    expect(attribute('Marta Olaru, a retired colonel, said the plan was sound. “It is the only plan we have.”')[0]).toEqual({
      text: 'It is the only plan we have.',
      kind: 'speech',
      speaker: 'Marta Olaru',
      rule: 'previous-sentence',
      role: 'retired colonel',
    });
    // or introduces it with a colon, the quote opening the next paragraph
    expect(attribute('Pavel Rusu put it bluntly:\n\n“Nobody rushes an army.”')[0]).toMatchObject({ speaker: 'Pavel Rusu', rule: 'previous-sentence' });
  });

  it('a bare quote followed by a quote that names its speaker', () => {
    expect(attribute('The talks ended late. “We owe it to our children.” “Nobody else will do it,” Defence Minister Ana Lupu said.')[0]).toEqual({
      text: 'We owe it to our children.',
      kind: 'speech',
      speaker: 'Ana Lupu',
      rule: 'next-sentence',
      role: 'Defence Minister',
    });
  });

  it('a bare quote after a sentence saying how someone spoke', () => {
    expect(attribute('Talks went on. General Dan Mirea, the army’s chief of staff, was more cautious. “We are not ready for that.”')[0]).toEqual({
      text: 'We are not ready for that.',
      kind: 'speech',
      speaker: 'Dan Mirea',
      rule: 'previous-sentence',
      role: 'army’s chief of staff',
    });
    // a sentence about something else hands on no speaker
    expect(attribute('General Dan Mirea was born in Iasi. “We are not ready for that.”')[0]).toEqual({ text: 'We are not ready for that.', kind: 'speech', speaker: null });
    // nor does a capitalised plural, and “one Liberal MP” is a new, unnamed speaker
    expect(attribute('Backbenchers were less convinced. “We have read it, and that is the problem,” said one Liberal MP.')[0]).toEqual({
      text: 'We have read it, and that is the problem,',
      kind: 'speech',
      speaker: null,
    });
  });

  it('pronouns resolve to the nearest person of the right gender', () => {
    expect(attribute('Defense Minister Pavel Rusu arrived late. He said the army “will not be rushed.”')[0]).toMatchObject({
      speaker: 'Pavel Rusu',
      role: 'Defense Minister',
      rule: 'speaker-verb-before-quote',
    });
    expect(attribute('Deputy Minister Natalia Vasilyeva arrived with General Igor Sokolov. She said the army “will not be rushed.”')[0]).toMatchObject({
      speaker: 'Natalia Vasilyeva',
    });
    expect(attribute('Ms Lind met General Igor Sokolov. She said the army “will not be rushed.”')[0]).toMatchObject({ speaker: 'Lind' });
  });

  it('role descriptors and appositives', () => {
    expect(attribute('Hugo Marin, a doctor, said the wounded were “beyond counting.”')[0]).toMatchObject({ speaker: 'Hugo Marin', role: 'doctor' });
    expect(attribute('The Kremlin-connected analyst Oleg Sviridov predicts a “long winter.”')[0]).toMatchObject({
      speaker: 'Oleg Sviridov',
      role: 'Kremlin-connected analyst',
    });
    expect(attribute('The country’s defense minister, Ioana Pop, said the plan was “overdue.”')[0]).toMatchObject({ speaker: 'Ioana Pop', role: 'defense minister' });
    expect(attribute('“It is overdue,” said Ioana Pop, an opposition deputy.')[0]).toMatchObject({ speaker: 'Ioana Pop', role: 'opposition deputy' });
  });

  it('an indefinite description is a new, unnamed speaker; a rank may open the name after it', () => {
    expect(attribute('Pavel Rusu spoke first. A ministry spokesman said talks were “going well.”')[0]).toEqual({ text: 'going well.', kind: 'speech', speaker: null });
    expect(attribute('Pavel Rusu spoke first. A Pentagon spokesman, Captain Jeff Hart, said talks were “going well.”')[0]).toMatchObject({
      speaker: 'Jeff Hart',
      role: 'Pentagon spokesman',
    });
  });

  it('a quote inside a clause with its own speaker, reported by an outlet', () => {
    expect(attribute('Spokeswoman Maria Orlova called the request “a provocation,” the RIA news agency reported.')[0]).toMatchObject({
      speaker: 'Maria Orlova',
      rule: 'speaker-verb-before-quote',
      cue: 'called',
    });
  });

  it('a later surname resolves to the fullest name', () => {
    expect(attribute('Nodir Rashidov visited Tashkent. Later, Rashidov said the pact was “historic.”')[0]).toMatchObject({
      speaker: 'Nodir Rashidov',
    });
  });

  it('outlets and bodies speak', () => {
    expect(attribute('Izvestia daily commented that the deal was “overdue.”')[0]).toMatchObject({ speaker: 'Izvestia', cue: 'commented' });
    expect(attribute('The Foreign Ministry said the drills were “routine.”')[0]).toMatchObject({ speaker: 'Foreign Ministry', cue: 'said' });
    expect(attribute('The newspaper Golos wrote that the talks were “frank.” The paper added that they were “long.”').map((q) => q.speaker)).toEqual([
      'Golos',
      'Golos',
    ]);
    expect(attribute('The report said the base was “a liability.”')[0]).toMatchObject({ kind: 'speech', speaker: 'report' });
    expect(attribute('Talks stalled. But Armenia’s foreign ministry said the drills were “a provocation.”')[0]).toMatchObject({
      speaker: 'Armenia’s foreign ministry',
    });
  });

  it('"they" resolves to the last pair or group named', () => {
    expect(attribute('Moscow and Minsk signed the deal on Friday. They described it as “historic.”')[0]).toMatchObject({ speaker: 'Moscow and Minsk' });
    expect(attribute('Presidents Ion Sandu and Pavel Rusu met in Chisinau. They called the talks “frank.”')[0]).toMatchObject({ speaker: 'Ion Sandu and Pavel Rusu' });
    expect(attribute('Officials in Kyiv and Warsaw were cautious. They said the plan was “premature.”')[0]).toMatchObject({ speaker: null });
  });

  it('collective speakers, as written', () => {
    expect(attribute('Moscow and Minsk describe the treaty as an “unbreakable union.”')[0]).toMatchObject({ speaker: 'Moscow and Minsk', cue: 'describe' });
    expect(attribute('Estonia, Latvia and Lithuania said the drills were “provocative.”')[0]).toMatchObject({ speaker: 'Estonia, Latvia and Lithuania' });
  });

  it('anonymous sources stay anonymous', () => {
    expect(attribute('Historians still argue that the pact was “a fiction.”')[0]).toEqual({ text: 'a fiction.', kind: 'speech', speaker: null });
    expect(attribute('Some analysts call it a “frozen conflict.”')[0]).toEqual({ text: 'frozen conflict.', kind: 'speech', speaker: null });
    expect(attribute('The paper quoted an official who called the talks “businesslike.”')[0]).toEqual({ text: 'businesslike.', kind: 'speech', speaker: null });
    // an unnamed source's fragment is still speech
    expect(attribute('The treaty is, in the words of one diplomat, “a promise on paper.”')[0]).toEqual({ text: 'a promise on paper.', kind: 'speech', speaker: null });
  });
});

describe('quote kinds: whose words are these?', () => {
  it('document: text quoted from a treaty', () => {
    expect(attribute('Article 4 states that the parties “shall consult without delay.”')[0]).toEqual({ text: 'shall consult without delay.', kind: 'document', speaker: null });
    expect(attribute('The preamble calls the two states “good neighbors.”')[0]).toEqual({ text: 'good neighbors.', kind: 'document', speaker: null });
    expect(attribute('Article 2 was the core of the deal: “Each party shall stay neutral in a war of the other.”')[0]).toEqual({
      text: 'Each party shall stay neutral in a war of the other.',
      kind: 'document',
      speaker: null,
    });
  });

  it('speech: a person’s label for a document, and a person’s words about one', () => {
    expect(attribute('Nodir Rashidov called the treaty “a new page.”')[0]).toMatchObject({ kind: 'speech', speaker: 'Nodir Rashidov' });
    expect(attribute('Nodir Rashidov averred that the pact “ensures our protection.”')[0]).toMatchObject({ kind: 'speech', speaker: 'Nodir Rashidov' });
  });

  it('term: scare quotes and words mentioned', () => {
    expect(attribute('The so-called “peace format” has collapsed.')[0]).toEqual({ text: 'peace format', kind: 'term', speaker: null });
    expect(attribute('The government avoids the word “conflict” altogether.')[0]).toEqual({ text: 'conflict', kind: 'term', speaker: null });
  });

  it('title: works, operations, newspapers', () => {
    expect(attribute('He is reading the book “Winter Roads.”')[0]).toEqual({ text: 'Winter Roads.', kind: 'title', speaker: null });
    expect(attribute('Troops rotated under Operation “Northern Gate” last year.')[0]).toEqual({ text: 'Northern Gate', kind: 'title', speaker: null });
    expect(attribute('In her book “The Long Ceasefire,” the historian Irina Lupu argues otherwise.')[0]).toEqual({ text: 'The Long Ceasefire,', kind: 'title', speaker: null });
    expect(attribute('Critics disagree; a popular history, “The Border That Held,” argues otherwise.')[0]).toEqual({ text: 'The Border That Held,', kind: 'title', speaker: null });
  });
});

describe('what “it” stands for', () => {
  it('the body that was the subject of the sentence before, even when it is not capitalised', () => {
    expect(attribute('In a written reply, the governor’s office said the road would reopen. It said the closure was “a matter of safety.”')[0]).toMatchObject({
      kind: 'speech',
      speaker: 'governor’s office',
    });
  });

  it('a body that spoke before, across an unrelated organization named in between', () => {
    expect(attribute('The Defence Ministry said the drills had ended. Troops from the Northern Command went home. It called them “a success.”')[0]).toMatchObject({
      speaker: 'Defence Ministry',
    });
  });
});

describe('a statement speaks for the body that issued it', () => {
  it('X said in a statement … “Q,” the statement said', () => {
    expect(attribute('Two ports will reopen, the Coast Guard Office said in a statement. They will be “open to all ships,” the statement said.')[0]).toMatchObject({
      speaker: 'Coast Guard Office',
      cue: 'said',
    });
  });

  it('in a statement, X said; a statement from X', () => {
    expect(attribute('In a written statement, the governor’s office said the road was closed. The statement called the flooding “unprecedented.”')[0]).toMatchObject({
      speaker: 'governor’s office',
    });
    expect(attribute('A statement from the Farmers Union welcomed the deal. It was “long overdue,” the statement said.')[0]).toMatchObject({
      speaker: 'Farmers Union',
    });
  });

  it('with no issuer named, the statement itself', () => {
    expect(attribute('The statement said the base was “ready.”')[0]).toMatchObject({ kind: 'speech', speaker: 'statement' });
  });
});

describe('a participle after an inverted speaker', () => {
  it('“Q,” said X, warning of a “Q2”: X’s words too', () => {
    expect(attribute('“Prices will rise,” said Marta Olaru, an economist at a farm lobby, warning of a “lost decade” for growers.')[1]).toMatchObject({
      text: 'lost decade',
      kind: 'speech',
      speaker: 'Marta Olaru',
      rule: 'participle-main-subject',
    });
  });
});

describe('a report speaks for the body whose report it is', () => {
  it('the body named before the report noun, past a quoted title set off by commas', () => {
    expect(attribute('Oslo’s own defence ministry review, the “Report on the Northern Flank”, concluded that the bases would “add little.”')).toEqual([
      { text: 'Report on the Northern Flank', kind: 'title', speaker: null },
      { text: 'add little.', kind: 'speech', speaker: 'Oslo’s own defence ministry', rule: 'speaker-verb-before-quote', cue: 'concluded' },
    ]);
    expect(attribute('A Pentagon report concluded the base was “vulnerable.”')[0]).toMatchObject({ speaker: 'Pentagon' });
  });

  it('the body an earlier sentence says published it', () => {
    expect(attribute('The Central Bank published its annual report on Monday. The report said exports were “recovering.”')[0]).toMatchObject({
      speaker: 'Central Bank',
    });
  });
});

describe('bodies and their spokesmen', () => {
  it('a title with the body it serves, before the name: “A spokesman for the ministry, X, said”', () => {
    expect(attribute('A spokesman for the ministry, Ion Rusu, said the pact was “defensive.”')[0]).toMatchObject({
      speaker: 'Ion Rusu',
      role: 'spokesman for the ministry',
    });
  });

  it('a body in a place: the body speaks', () => {
    expect(attribute('The foreign ministry in Chisinau said the move was “unacceptable.”')[0]).toMatchObject({ speaker: 'foreign ministry' });
  });
});

describe('a statement or report with its issuer after it', () => {
  it('“the statement, issued by X,” and “the report from X” speak for X', () => {
    expect(attribute('The statement, issued by the Defence Ministry, said the drills were “routine.”')[0]).toMatchObject({ speaker: 'Defence Ministry' });
    expect(attribute('“Costs are out of control,” the report from the Audit Office said.')[0]).toMatchObject({
      kind: 'speech',
      speaker: 'Audit Office',
      rule: 'speaker-verb-after-quote',
    });
  });

  it('“it” is no document when its words are about a document', () => {
    expect(attribute('The deal was welcomed by the European Union. It said the accord was “a step forward.”')[0]).toMatchObject({
      kind: 'speech',
      speaker: 'European Union',
    });
  });
});

describe('unnamed sources', () => {
  it('a plural noun before a verb of saying is a source nobody names', () => {
    expect(attribute('The charter’s critics say it “creates duties nobody can meet.”')[0]).toEqual({ text: 'creates duties nobody can meet.', kind: 'speech', speaker: null });
    // capitalised at the start of a sentence, it is still no name
    expect(attribute('Critics say the pact “binds nobody.”')[0]).toEqual({ text: 'binds nobody.', kind: 'speech', speaker: null });
    // but a surname that looks like a plural noun stays a name
    expect(attribute('Jonas Fields spoke first. Fields said the pact “binds nobody.”')[0]).toMatchObject({ speaker: 'Jonas Fields' });
  });
});
