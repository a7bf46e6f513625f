import { createHash } from 'node:crypto';
import { InputError } from '../errors.js';
import type { DecodedText, Diagnostic } from '../types.js';

/**
 * Stage 1: bytes -> text. Detects the encoding from a BOM, else tries strict UTF-8, else
 * decides between "UTF-8 with a few damaged bytes" (replacement characters and a warning)
 * and a legacy single-byte text (Windows-1252, where 0x93/0x94 are curly quotes).
 * The BOM is dropped; nothing else changes length, so offsets stay exact.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const base = { bytes: bytes.length, sha256 };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { ...base, ...decodeUtf8(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { ...base, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', warnings: [] };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { ...base, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', warnings: [] };
  }
  if (looksBinary(bytes)) {
    throw new InputError('EBINARY', 'binary data (NUL or control bytes), not text');
  }
  return { ...base, encoding: 'utf-8', ...decodeUtf8(bytes) };
}

function decodeUtf8(bytes: Uint8Array): { text: string; encoding?: string; warnings: Diagnostic[] } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), warnings: [] };
  } catch {
    const { valid, invalid } = countUtf8Sequences(bytes);
    // A legacy 8-bit file has no valid multi-byte sequences at all; a UTF-8 file with a few
    // damaged bytes has mostly valid ones. Only the former is re-read as Windows-1252.
    if (valid === 0 || invalid > valid) {
      return { text: decodeWindows1252(bytes), encoding: 'windows-1252', warnings: [] };
    }
    const text = new TextDecoder('utf-8').decode(bytes);
    const offset = text.indexOf('\uFFFD');
    return {
      text,
      warnings: [{ code: 'invalid-utf8', message: `${invalid} invalid UTF-8 sequence(s) replaced with U+FFFD`, offset }],
    };
  }
}

/**
 * Windows-1252 as the WHATWG Encoding Standard defines it. Not TextDecoder: Node 20.18.3+ and
 * 22.13+ decode 'windows-1252' as Latin-1, turning 0x93/0x94 into C1 controls (nodejs/node#60888).
 * Bytes 0x80-0x9F use the table; every other byte is its own code point.
 */
const CP1252_HIGH =
  '\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F' +
  '\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return text;
}

/** Counts well-formed multi-byte UTF-8 sequences and stray high bytes. */
function countUtf8Sequences(bytes: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const need = b >= 0xf0 && b <= 0xf4 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b <= 0xdf ? 1 : -1;
    let ok = need > 0 && i + need < bytes.length + 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += need;
    } else {
      invalid++;
    }
  }
  return { valid, invalid };
}

/** NUL bytes, or many control characters other than tab/newline/form feed, mean binary data. */
function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 65536);
  let control = 0;
  for (const b of sample) {
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
  }
  return sample.length > 0 && control / sample.length > 0.1;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}
