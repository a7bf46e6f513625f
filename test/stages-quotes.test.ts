import { describe, expect, it } from 'vitest';
import { loadRules } from '../src/rules/load.js';
import { readDocument } from '../src/stages/document.js';
import { findQuotes } from '../src/stages/quotes.js';

const rules = loadRules();

/** Each quote as [text, nested texts, whether it closes in its paragraph, paragraph], and the warning codes with offsets. */
function scan(text: string) {
  const { blocks } = readDocument(text, rules);
  const { quotes, warnings } = findQuotes(text, blocks, rules);
  return {
    quotes: quotes.map((q) => [text.slice(q.span.start, q.span.end), q.nested.map((n) => text.slice(n.start, n.end)), q.close !== null, q.block]),
    warnings: warnings.map((w) => [w.code, w.offset]),
  };
}
const texts = (text: string) => scan(text).quotes.map((q) => q[0]);

describe('quote marks pair by family', () => {
  const table: [string, string][] = [
    ['“ ”', 'He called it “a relic” and left.'],
    ['" "', 'He called it "a relic" and left.'],
    ['‘ ’', 'He called it ‘a relic’ and left.'],
    ["' '", "He called it 'a relic' and left."],
    ['« »', 'He called it «a relic» and left.'],
    ['‹ ›', 'He called it ‹a relic› and left.'],
    ['„ “ (German)', 'He called it „a relic“ and left.'],
    ['„ ” (Polish)', 'He called it „a relic” and left.'],
    ['straight opening, curly closing', 'He called it "a relic” and left.'],
    ['curly opening, straight closing', 'He called it “a relic" and left.'],
    ['a closing mark typed for the opening one', 'He called it ”a relic” and left.'],
  ];
  for (const [marks, text] of table) {
    it(marks, () => expect(scan(text)).toEqual({ quotes: [['a relic', [], true, 1]], warnings: [] }));
  }

  it('does not pair marks of different families', () => {
    expect(scan('He called it “a relic’ and left.').quotes).toEqual([]);
  });
});

describe('apostrophes are not quote marks', () => {
  it('inside words, before decades, after a plural', () => {
    expect(scan('Russia’s view didn’t change in the ’80s, nor did the Parties’ rights.')).toEqual({ quotes: [], warnings: [] });
    expect(scan("Russia's view didn't change in the '80s, nor did the Parties' rights.")).toEqual({ quotes: [], warnings: [] });
  });

  it('elisions', () => {
    expect(scan('Rock ’n’ roll diplomacy, as one of ’em put it.')).toEqual({ quotes: [], warnings: [] });
  });

  it('inside a single-quoted span', () => {
    expect(texts('‘We honour the Parties’ obligations and didn’t waver,’ she said.')).toEqual(['We honour the Parties’ obligations and didn’t waver,']);
    expect(texts("'We don't know what the allies' aims are,' he said.")).toEqual(["We don't know what the allies' aims are,"]);
  });

  it('a closing single quote after a plural ends the quote when nothing later can', () => {
    expect(texts('She cited ‘the rights of the Parties’ in her speech.')).toEqual(['the rights of the Parties']);
    expect(texts('She cited ‘the rights of the Parties’. Then she left.')).toEqual(['the rights of the Parties']);
  });

  it('a closing single quote after a plural is not taken for an apostrophe because a later quote closes', () => {
    expect(texts("The board said the merger was 'in the members' interest' and would 'protect jobs' in the region.")).toEqual([
      "in the members' interest",
      'protect jobs',
    ]);
    expect(texts("It said the talks were 'useful for both countries' and would 'go on' next year.")).toEqual(['useful for both countries', 'go on']);
  });

  it('next to a double-quoted span', () => {
    expect(texts('It was the allies’ “red line,” he said.')).toEqual(['red line,']);
  });
});

describe('nested quotes stay inside their parent', () => {
  it('single inside double', () => {
    expect(scan('“He told me ‘no,’ and that was it,” she said.').quotes).toEqual([['He told me ‘no,’ and that was it,', ['no,'], true, 1]]);
  });
  it('double inside single', () => {
    expect(scan('‘He told me “no,” and that was it,’ she said.').quotes).toEqual([['He told me “no,” and that was it,', ['no,'], true, 1]]);
  });
  it('single guillemets inside guillemets', () => {
    expect(scan('«The word ‹ally› is empty,» it said.').quotes).toEqual([['The word ‹ally› is empty,', ['ally'], true, 1]]);
  });
  it('double inside double', () => {
    expect(scan('“Stop saying “never” to us,” he said.').quotes).toEqual([['Stop saying “never” to us,', ['never'], true, 1]]);
  });
  it('three levels: every inner quote is listed in the outermost one', () => {
    expect(scan('‘One “two ‘three’ two” one’').quotes).toEqual([['One “two ‘three’ two” one', ['two ‘three’ two', 'three'], true, 1]]);
  });
});

describe('quotes over several paragraphs (newswire convention)', () => {
  it('one quote per paragraph while each paragraph reopens it', () => {
    expect(scan('“We will stay.\n\n“We will pay.\n\n“We will not leave,” she said.').quotes).toEqual([
      ['We will stay.', [], false, 1],
      ['We will pay.', [], false, 2],
      ['We will not leave,', [], true, 3],
    ]);
  });
  it('with straight marks, after a closed quote in the same paragraph', () => {
    expect(scan('"First," he said. "Second.\n\n"Third."').quotes).toEqual([
      ['First,', [], true, 1],
      ['Second.', [], false, 1],
      ['Third.', [], true, 2],
    ]);
  });
  it('not when the next paragraph opens with another family', () => {
    expect(scan('“We will stay.\n\n‘Fine.’')).toEqual({ quotes: [['Fine.', [], true, 2]], warnings: [['unbalanced-quote', 0]] });
  });
});

describe('unbalanced marks are warnings, never errors', () => {
  it('an opening mark never closed', () => {
    expect(scan('He said critics were “fighting the last war.\n\nNobody replied.')).toEqual({ quotes: [], warnings: [['unbalanced-quote', 21]] });
  });
  it('a stray closing mark', () => {
    expect(scan('They try to “sit on two chairs”.” Nobody replied.')).toEqual({
      quotes: [['sit on two chairs', [], true, 1]],
      warnings: [['unbalanced-quote', 32]],
    });
  });
  it('an inner quote left open inside a closed one', () => {
    expect(scan('“He said ‘never, and left,” she wrote.')).toEqual({ quotes: [['He said ‘never, and left,', [], true, 1]], warnings: [['unbalanced-quote', 9]] });
  });
  it('an opening mark that never closes does not swallow the quotes after it', () => {
    expect(scan('He said “we will go. Later, “never” was “the word”. The end.')).toEqual({
      quotes: [
        ['never', [], true, 1],
        ['the word', [], true, 1],
      ],
      warnings: [['unbalanced-quote', 8]],
    });
    expect(scan('He said "we will go. Later, "never" was the word.').quotes).toEqual([['never', [], true, 1]]);
  });

  it('a long run of marks', () => {
    const text = '“'.repeat(5000) + ' text ' + '”'.repeat(3000);
    expect(() => scan(text)).not.toThrow();
  });
});
