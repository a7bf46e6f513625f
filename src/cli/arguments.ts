import { InvalidArgumentError } from 'commander';

/** Option parsers shared by the commands. */

export function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('must be a whole number of 1 or more');
  return Number(value);
}

const UNITS: Record<string, number> = { '': 1, b: 1, k: 1024, kb: 1024, m: 1024 ** 2, mb: 1024 ** 2, g: 1024 ** 3, gb: 1024 ** 3 };

/** "50MB", "200k", "1048576" -> bytes. */
export function byteSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(value.trim());
  const unit = m && UNITS[m[2].toLowerCase()];
  if (!m || unit === undefined || unit === null) throw new InvalidArgumentError('a size such as 50MB, 200k or 1048576');
  return Math.floor(Number(m[1]) * unit);
}
