import { describe, expect, it } from 'vitest';
import { PassThrough, Readable } from 'node:stream';
import { parse, parseAllDocuments } from 'yaml';
import { colorLevel, paletteFor } from '../src/cli/color.js';
import { main } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';
import { colorYaml } from '../src/render/yaml.js';
import { PLAIN } from '../src/render/palette.js';
import { serializeRecord } from '../src/stages/serialize.js';
import { FAILED, RECORD_A, RECORD_C } from './render-sample.js';
import { ROOT } from './helpers.js';

const ANSI = /\u001b\[[0-9;]*m/;
const ANSI_ALL = /\u001b\[[0-9;]*m/g;
const ARTICLE = 'fixtures/articles/nested-quotes/input.txt';

/** The CLI in memory with a chosen environment and a stdout that may claim to be a terminal. */
async function run(argv: string[], env: Record<string, string>, stdoutTTY: boolean) {
  const stdout = Object.assign(new PassThrough(), { isTTY: stdoutTTY, columns: 100 });
  const stderr = new PassThrough();
  const chunks: Buffer[] = [];
  stdout.on('data', (c) => chunks.push(c));
  stderr.resume();
  const io: CliIO = { stdin: Object.assign(Readable.from([]), { isTTY: true }), stdout, stderr, env, cwd: ROOT };
  const code = await main([...argv, '-j', '1', '-q'], io);
  return { code, stdout: Buffer.concat(chunks).toString('utf8') };
}

describe('colour is decided once, from flag, environment and terminal', () => {
  const cases: [string, Parameters<typeof colorLevel>[0], number][] = [
    ['a pipe, nothing set', { flag: undefined, env: {}, isTTY: false }, 0],
    ['a terminal', { flag: undefined, env: {}, isTTY: true }, 1],
    ['a 256-colour terminal', { flag: undefined, env: { TERM: 'xterm-256color' }, isTTY: true }, 2],
    ['a truecolor terminal', { flag: undefined, env: { COLORTERM: 'truecolor' }, isTTY: true }, 3],
    ['a dumb terminal', { flag: undefined, env: { TERM: 'dumb' }, isTTY: true }, 0],
    ['NO_COLOR on a terminal', { flag: undefined, env: { NO_COLOR: '1' }, isTTY: true }, 0],
    ['NO_COLOR empty (ignored, as no-color.org says)', { flag: undefined, env: { NO_COLOR: '' }, isTTY: true }, 1],
    ['FORCE_COLOR=1 into a pipe', { flag: undefined, env: { FORCE_COLOR: '1' }, isTTY: false }, 1],
    ['FORCE_COLOR=3 into a pipe', { flag: undefined, env: { FORCE_COLOR: '3' }, isTTY: false }, 3],
    ['FORCE_COLOR=0 on a terminal', { flag: undefined, env: { FORCE_COLOR: '0' }, isTTY: true }, 0],
    ['FORCE_COLOR beats NO_COLOR (as in Node)', { flag: undefined, env: { FORCE_COLOR: '1', NO_COLOR: '1' }, isTTY: false }, 1],
    ['--color into a pipe', { flag: true, env: {}, isTTY: false }, 1],
    ['--color beats NO_COLOR', { flag: true, env: { NO_COLOR: '1' }, isTTY: false }, 1],
    ['--color at FORCE_COLOR level', { flag: true, env: { FORCE_COLOR: '2' }, isTTY: false }, 2],
    ['--no-color beats FORCE_COLOR', { flag: false, env: { FORCE_COLOR: '3' }, isTTY: true }, 0],
  ];
  it.each(cases)('%s', (_, context, level) => {
    expect(colorLevel(context)).toBe(level);
  });
});

describe('the text view in the CLI', () => {
  it('is plain into a pipe and readable: tags in brackets', async () => {
    const { code, stdout } = await run([ARTICLE, '--format', 'text'], {}, false);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(ANSI);
    expect(stdout).toContain('[speech]');
  });

  it('is coloured on a terminal, with --color into a pipe, and with FORCE_COLOR', async () => {
    expect((await run([ARTICLE, '--format', 'text'], {}, true)).stdout).toMatch(ANSI);
    expect((await run([ARTICLE, '--format', 'text', '--color'], {}, false)).stdout).toMatch(ANSI);
    expect((await run([ARTICLE, '--format', 'text'], { FORCE_COLOR: '1' }, false)).stdout).toMatch(ANSI);
  });

  it('is never coloured with NO_COLOR or --no-color, even on a terminal', async () => {
    expect((await run([ARTICLE, '--format', 'text'], { NO_COLOR: '1' }, true)).stdout).not.toMatch(ANSI);
    expect((await run([ARTICLE, '--format', 'text', '--no-color'], { FORCE_COLOR: '1' }, true)).stdout).not.toMatch(ANSI);
  });
});

describe('YAML colour', () => {
  it('colours keys and values on a terminal; the characters stay those of the plain YAML', async () => {
    const plain = await run([ARTICLE], {}, false);
    const coloured = await run([ARTICLE], {}, true);
    expect(coloured.stdout).toMatch(ANSI);
    expect(coloured.stdout.replace(ANSI_ALL, '')).toBe(plain.stdout);
  });

  it('is never coloured into a pipe, whatever FORCE_COLOR or --color say', async () => {
    for (const [argv, env] of [
      [[ARTICLE], { FORCE_COLOR: '3' }],
      [[ARTICLE, '--color'], {}],
    ] as const) {
      const { stdout } = await run([...argv], env, false);
      expect(stdout).not.toMatch(ANSI);
      expect(parse(stdout).source.path).toBe(ARTICLE);
    }
  });

  it('is not coloured on a terminal with NO_COLOR', async () => {
    expect((await run([ARTICLE], { NO_COLOR: '1' }, true)).stdout).not.toMatch(ANSI);
  });

  it('paints keys, strings, numbers and literals, block scalars included, and nothing else', () => {
    const multiline = { ...RECORD_C, quotes: [{ ...RECORD_C.quotes[0], text: 'first line\n  key: not a key\nlast' }] };
    for (const record of [RECORD_A, multiline, FAILED]) {
      const yaml = serializeRecord(record, 'yaml');
      expect(colorYaml(yaml, PLAIN)).toBe(yaml);
      const palette = { ...PLAIN, key: (s: string) => `<k>${s}</k>`, string: (s: string) => `<s>${s}</s>`, number: (s: string) => `<n>${s}</n>`, literal: (s: string) => `<l>${s}</l>` };
      const marked = colorYaml(yaml, palette);
      expect(marked.replace(/<\/?[ksnl]>/g, '')).toBe(yaml);
      expect(parseAllDocuments(colorYaml(yaml, paletteFor(1)).replace(ANSI_ALL, ''))[0].toJS()).toEqual(record);
    }
    const yaml = colorYaml('schema: treaty-extract/1\nsource:\n  bytes: 12\n  title: null\n  - x\n', { ...PLAIN, key: (s) => `<k>${s}</k>`, string: (s) => `<s>${s}</s>`, number: (s) => `<n>${s}</n>`, literal: (s) => `<l>${s}</l>` });
    expect(yaml).toBe('<k>schema</k>: <s>treaty-extract/1</s>\n<k>source</k>:\n  <k>bytes</k>: <n>12</n>\n  <k>title</k>: <l>null</l>\n  - <s>x</s>\n');
    const block = colorYaml('text: |-\n  a: b\n  c\nnext: 1\n', { ...PLAIN, key: (s) => `<k>${s}</k>`, string: (s) => `<s>${s}</s>`, number: (s) => `<n>${s}</n>`, literal: (s) => `<l>${s}</l>` });
    expect(block).toBe('<k>text</k>: <l>|-</l>\n<s>  a: b</s>\n<s>  c</s>\n<k>next</k>: <n>1</n>\n');
  });
});
