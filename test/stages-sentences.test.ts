import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { splitSentences, splitSpan } from '../src/stages/sentences.js';

const rules = loadRules();
const split = (text: string) => splitSpan(text, { start: 0, end: text.length }, rules).map((s) => text.slice(s.start, s.end));

describe('sentence splitter', () => {
  const table: [string, string, string[]][] = [
    // ends after closing quotes and brackets
    ['after ."', 'The talks failed." Then the envoys left.', ['The talks failed."', 'Then the envoys left.']],
    ['after .”', 'The talks failed.” Then the envoys left.', ['The talks failed.”', 'Then the envoys left.']],
    ['after ?”', 'Was the pact dead?” The minister paused.', ['Was the pact dead?”', 'The minister paused.']],
    ['after .’', 'She called it ‘a relic.’ Her deputy agreed.', ['She called it ‘a relic.’', 'Her deputy agreed.']],
    ['after .)', 'The annex was dropped (as expected.) The talks resumed.', ['The annex was dropped (as expected.)', 'The talks resumed.']],
    ['after .»', 'Il a dit «non.» Puis il est parti.', ['Il a dit «non.»', 'Puis il est parti.']],
    ['before an opening quote', 'He paused. “We will sign,” he said.', ['He paused.', '“We will sign,” he said.']],
    // a sentence holding a complete quote is never glued to the next one
    ['a complete quote ends its sentence', '“We will sign,” he said. “Not today.” He left.', ['“We will sign,” he said.', '“Not today.”', 'He left.']],
    ['a quote closing the sentence', 'He said: “We will sign.” The talks ended.', ['He said: “We will sign.”', 'The talks ended.']],
    ['a question inside a sentence goes on', 'He asked, “Why now?” and walked out.', ['He asked, “Why now?” and walked out.']],
    // abbreviations that never end a sentence
    ['U.S. before a noun', 'The U.S. Army left Bagram. Few noticed.', ['The U.S. Army left Bagram.', 'Few noticed.']],
    ['U.S. mid-sentence', 'Officials in the U.S. said so. Moscow disagreed.', ['Officials in the U.S. said so.', 'Moscow disagreed.']],
    ['U.S. ending a sentence before an opener', 'The envoy flew to the U.S. The talks began.', ['The envoy flew to the U.S.', 'The talks began.']],
    ['U.S. before a demonym', 'The base was run by the U.S. Polish troops guard it now.', ['The base was run by the U.S.', 'Polish troops guard it now.']],
    ['Gen., Lt., Col.', 'Gen. Orlov spoke. Lt. Col. Brandt agreed.', ['Gen. Orlov spoke.', 'Lt. Col. Brandt agreed.']],
    ['Art. before a number', 'Under Art. 4 of the treaty, the parties consult.', ['Under Art. 4 of the treaty, the parties consult.']],
    ['No. before a number', 'Resolution No. 12 passed. It was short.', ['Resolution No. 12 passed.', 'It was short.']],
    ['"no." as a word', 'The minister said no. Mrs. Lind agreed.', ['The minister said no.', 'Mrs. Lind agreed.']],
    ['Amb., Pres., Jan.', 'Amb. Varga and Pres. Orban met on Jan. 5 in Vienna.', ['Amb. Varga and Pres. Orban met on Jan. 5 in Vienna.']],
    ['e.g. and i.e.', 'Some allies, e.g. Norway, agreed. Others, i.e. Hungary, did not.', ['Some allies, e.g. Norway, agreed.', 'Others, i.e. Hungary, did not.']],
    ['initials', 'J. R. Tolland arrived. He said nothing.', ['J. R. Tolland arrived.', 'He said nothing.']],
    ['middle initial', 'Harry S. Truman signed it. Congress agreed.', ['Harry S. Truman signed it.', 'Congress agreed.']],
    ['p.m. before a place', 'The vote came at 5 p.m. Moscow time.', ['The vote came at 5 p.m. Moscow time.']],
    ['p.m. ending a sentence', 'The vote came at 5 p.m. The result surprised no one.', ['The vote came at 5 p.m.', 'The result surprised no one.']],
    ['St.', 'They met in St. Petersburg. Then they flew home.', ['They met in St. Petersburg.', 'Then they flew home.']],
    ['lower-case continuation', 'The talks ended at 5 p.m. and resumed later.', ['The talks ended at 5 p.m. and resumed later.']],
    ['ellipsis', 'The pact was signed… Nobody cheered.', ['The pact was signed…', 'Nobody cheered.']],
  ];
  for (const [name, text, expected] of table) {
    it(name, () => expect(split(text)).toEqual(expected));
  }

  it('never crosses a paragraph', () => {
    const text = 'First paragraph without a stop\n\nSecond one.';
    const blocks = [
      { index: 1, role: 'body' as const, span: { start: 0, end: 30 } },
      { index: 2, role: 'body' as const, span: { start: 32, end: 43 } },
    ];
    expect(splitSentences(text, blocks, rules).map((s) => [text.slice(s.span.start, s.span.end), s.block])).toEqual([
      ['First paragraph without a stop', 1],
      ['Second one.', 2],
    ]);
  });
});
