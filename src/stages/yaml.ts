/**
 * A YAML emitter for records (plain data: mappings, sequences, strings, numbers, booleans,
 * null), laid out as the `yaml` package lays them out with our settings (block style, lists
 * indented under their key, `[]`/`{}` for empty ones, nothing folded) at a small fraction of
 * its cost, since records are written by the thousand.
 *
 * A string is written plain only when no YAML reader can take it for anything else: it must
 * not start with an indicator, a digit or a sign, not be a YAML 1.1 or 1.2 keyword (yes, no,
 * on, off, null, …), contain no ": " or " #", no control, format or separator character,
 * and not end in a colon or a space. Everything else is double-quoted with JSON's escapes
 * (a subset of YAML's) plus \u escapes for the characters YAML does not allow raw or that
 * YAML 1.1 readers take for line breaks.
 */
export function yamlDocument(value: unknown): string {
  return `---\n${isCollection(value) && !isEmpty(value) ? block(value, '') : `${scalar(value)}\n`}`;
}

type Collection = Record<string, unknown> | unknown[];

function isCollection(value: unknown): value is Collection {
  return typeof value === 'object' && value !== null;
}

function isEmpty(value: Collection): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

/** A non-empty mapping or sequence, every line starting with `indent`. */
function block(value: Collection, indent: string): string {
  let out = '';
  if (Array.isArray(value)) {
    for (const item of value) out += `${indent}-${afterIndicator(item, indent)}`;
    return out;
  }
  for (const key in value) {
    const item = value[key];
    if (item === undefined) continue;
    const name = isPlain(key) ? key : quoted(key);
    if (isCollection(item) && !isEmpty(item)) out += `${indent}${name}:\n${block(item, `${indent}  `)}`;
    else out += `${indent}${name}: ${scalar(item)}\n`;
  }
  return out;
}

/** What follows a sequence's dash: a scalar, or a collection whose first line sits beside the dash. */
function afterIndicator(item: unknown, indent: string): string {
  if (!isCollection(item) || isEmpty(item)) return ` ${scalar(item)}\n`;
  return ` ${block(item, `${indent}  `).slice(indent.length + 2)}`;
}

function scalar(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return isPlain(value) ? value : quoted(value);
    case 'number':
      if (Number.isFinite(value)) return String(value);
      return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? '[]' : '{}';
    default:
      return 'null';
  }
}

const UNSAFE_START = /^[\s\-?:,[\]{}#&*!|>'"%@`\d+.~=<\\]/;
const UNSAFE_INSIDE = /[\p{C}\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]|: | #|:$|\s$/u;
const KEYWORD = /^(?:null|true|false|yes|no|on|off|y|n)$/i;

function isPlain(text: string): boolean {
  return text !== '' && !UNSAFE_START.test(text) && !UNSAFE_INSIDE.test(text) && !KEYWORD.test(text);
}

/** Characters JSON leaves raw that YAML must see escaped (C1 controls, DEL, BOM, non-characters, U+2028/9). */
const RAW_UNSAFE = /[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/g;

function quoted(text: string): string {
  return JSON.stringify(text).replace(RAW_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
