/**
 * Colours a YAML record for a terminal: keys, strings, numbers and literals each in their own
 * paint. Works line by line on what `serializeRecord` produced (block style, never folded),
 * so the characters are unchanged and only escape codes are added; with the PLAIN palette the
 * text comes back identical.
 */
import type { Palette } from './palette.js';

const LINE = /^(\s*(?:- )*)(?:([A-Za-z_][\w-]*):(?= |$))?( ?)(.*)$/;
const BLOCK_SCALAR = /^[|>][-+]?\d*$/;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;
const LITERAL = /^(?:null|~|true|false|\[\]|\{\})$/;

export function colorYaml(yaml: string, p: Palette): string {
  let blockIndent = -1;
  return yaml
    .split('\n')
    .map((line) => {
      const indent = line.length - line.trimStart().length;
      if (blockIndent >= 0 && (line.trim() === '' || indent > blockIndent)) return p.string(line);
      blockIndent = -1;
      if (line === '---' || line === '...') return p.literal(line);
      const [, lead, key, gap, value] = LINE.exec(line)!;
      // the block's lines are indented deeper than its key (or than the dash of a list item)
      if (BLOCK_SCALAR.test(value)) blockIndent = key ? lead.length : lead.length - 2;
      return lead + (key ? `${p.key(key)}:` : '') + gap + paintScalar(value, p);
    })
    .join('\n');
}

function paintScalar(value: string, p: Palette): string {
  if (!value) return value;
  if (BLOCK_SCALAR.test(value) || LITERAL.test(value)) return p.literal(value);
  if (NUMBER.test(value)) return p.number(value);
  return p.string(value);
}
