/**
 * Colour is decided once per run, here, and handed to the renderers as a Palette. chalk 5 on
 * its own does not honour NO_COLOR and looks at process.stdout rather than where our output
 * goes, so the level is computed from the flag, the environment and the output stream, then
 * fixed with `new Chalk({ level })`.
 */
import { Chalk, type ChalkInstance } from 'chalk';
import { Option, type Command } from 'commander';
import type { Writable } from 'node:stream';
import { UsageError } from '../errors.js';
import { PLAIN, type Palette } from '../render/palette.js';
import { TABLE_NAMES, type TableName } from '../render/table.js';

export type ColorLevel = 0 | 1 | 2 | 3;

export interface ColorContext {
  /** --color (true), --no-color (false), neither (undefined) */
  flag: boolean | undefined;
  env: Record<string, string | undefined>;
  /** whether the stream the coloured text goes to is a terminal */
  isTTY: boolean;
}

/**
 * Precedence, first match wins:
 * 1. --no-color: none. --color: on (at FORCE_COLOR's level when that is a level, else the terminal's, at least basic).
 * 2. FORCE_COLOR: "0"/"false" none, "1".."3" that level, any other value basic (as Node does, it beats NO_COLOR).
 * 3. NO_COLOR set and not empty (no-color.org): none.
 * 4. Not a terminal: none. TERM=dumb: none. Otherwise the terminal's depth from COLORTERM/TERM.
 */
export function colorLevel({ flag, env, isTTY }: ColorContext): ColorLevel {
  if (flag === false) return 0;
  const forced = forcedLevel(env.FORCE_COLOR);
  if (flag === true) return forced || (Math.max(1, terminalDepth(env)) as ColorLevel);
  if (forced !== undefined) return forced;
  if (env.NO_COLOR) return 0;
  return isTTY ? terminalDepth(env) : 0;
}

function forcedLevel(value: string | undefined): ColorLevel | undefined {
  if (value === undefined) return undefined;
  if (value === '0' || value === 'false') return 0;
  if (value === '1' || value === '2' || value === '3') return Number(value) as ColorLevel;
  return 1;
}

function terminalDepth(env: Record<string, string | undefined>): ColorLevel {
  if (env.TERM === 'dumb') return 0;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 3;
  if (env.TERM?.includes('256')) return 2;
  return 1;
}

/** The palette for a level: PLAIN at level 0 (brackets and asterisks instead of colour). */
export function paletteFor(level: ColorLevel): Palette {
  if (level === 0) return PLAIN;
  const c: ChalkInstance = new Chalk({ level });
  return {
    heading: c.bold,
    section: c.bold.underline,
    id: c.dim,
    tag: (text) => c.inverse(` ${text} `),
    speaker: c.bold.cyan,
    role: c.cyan,
    cue: c.magenta,
    type: c.bold.blue,
    highlight: c.bold.yellow.underline,
    dim: c.dim,
    warning: c.yellow,
    error: c.bold.red,
    key: c.blue,
    string: c.green,
    number: c.yellow,
    literal: c.magenta,
  };
}

/** How records are shown to people (text view, tables, coloured YAML); decided once per run. */
export interface Presentation {
  table: TableName;
  palette: Palette;
  /** YAML is coloured only when it goes straight to a terminal, never into a pipe or file */
  colorYaml: boolean;
  /** the text view wraps at this many columns */
  width: number;
}

export const PLAIN_PRESENTATION: Presentation = { table: 'quotes', palette: PLAIN, colorYaml: false, width: 100 };

/** The options behind `presentation()`: --table, --color, --no-color. */
export function addPresentationOptions(command: Command): Command {
  return command
    .addOption(new Option('--table <table>', 'with --format csv/tsv: which items to list, one row each').choices(TABLE_NAMES))
    .option('--color', 'colour the text view even into a pipe or file (YAML only ever on a terminal)')
    .option('--no-color', 'never colour (so does NO_COLOR=1); FORCE_COLOR=1 forces it');
}

export function presentation(
  opts: { format: string; table?: TableName; color?: boolean },
  out: Writable & { isTTY?: boolean; columns?: number },
  env: Record<string, string | undefined>,
): Presentation {
  if (opts.table && opts.format !== 'csv' && opts.format !== 'tsv') throw new UsageError('--table goes with --format csv or --format tsv');
  const isTTY = !!out.isTTY;
  const level = colorLevel({ flag: opts.color, env, isTTY });
  return {
    table: opts.table ?? 'quotes',
    palette: paletteFor(level),
    colorYaml: isTTY && level > 0,
    width: isTTY && out.columns ? Math.min(120, Math.max(40, out.columns)) : 100,
  };
}
