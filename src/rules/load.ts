import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { Document, LineCounter as LineCounterType } from 'yaml';
import { UsageError } from '../errors.js';
import { KEYED_SECTIONS, SECTIONS, type RawRules } from './sections.js';
import { compileRules } from './compile.js';
import type { RuleSet } from './types.js';

/** The rules that ship with the package: every *.yaml under rules/ (provisions/ included). */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

/**
 * The built-in rules, parsed and merged at build time (`npm run build`). Parsing the YAML
 * takes a few hundred milliseconds, most of a cold start; the snapshot is used only while
 * its hash matches the YAML files, so an edited rules file is always read as written.
 */
const SNAPSHOT = fileURLToPath(new URL('../../dist/rules-snapshot.json', import.meta.url));

/** User rules files are configuration, not corpora: anything larger is a mistake. */
const MAX_RULES_BYTES = 2 * 1024 * 1024;

export interface LoadRulesOptions {
  /** extra rules files, applied in order after the built-in ones */
  files?: string[];
}

let builtin: RawRules | undefined;
let builtinCompiled: RuleSet | undefined;

/**
 * Loads, validates, merges and compiles the rules. The built-in files are read and compiled
 * once per process (`extract(text)` without rules would otherwise compile them per call, a
 * millisecond and a half); a problem in any file throws a UsageError whose message names
 * file:line and what is wrong.
 */
export function loadRules(options: LoadRulesOptions = {}): RuleSet {
  builtin ??= readBuiltinRules();
  if (!options.files?.length) return (builtinCompiled ??= compileRules(builtin));
  let raw = builtin;
  for (const file of options.files ?? []) raw = mergeRules(raw, readRulesFile(file));
  return compileRules(raw);
}

interface Snapshot {
  hash: string;
  raw: RawRules;
}

function readBuiltinRules(): RawRules {
  const files = listYaml(BUILTIN_RULES_DIR).map((path) => ({ path, source: readFileSync(path, 'utf8') }));
  const hash = hashSources(files);
  const snapshot = readSnapshot();
  if (snapshot?.hash === hash) return snapshot.raw;
  return files.reduce<RawRules>((raw, f) => mergeRules(raw, parseRules(f.source, f.path)), {});
}

function hashSources(files: { path: string; source: string }[]): string {
  const hash = createHash('sha256');
  for (const f of files) hash.update(`${f.path.slice(BUILTIN_RULES_DIR.length)}\0${f.source}\0`);
  return hash.digest('hex');
}

function readSnapshot(): Snapshot | null {
  try {
    return JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as Snapshot;
  } catch {
    return null;
  }
}

/** Writes the snapshot of the built-in rules (run by `npm run build`); returns its path. */
export function writeRulesSnapshot(): string {
  const files = listYaml(BUILTIN_RULES_DIR).map((path) => ({ path, source: readFileSync(path, 'utf8') }));
  const raw = files.reduce<RawRules>((merged, f) => mergeRules(merged, parseRules(f.source, f.path)), {});
  const snapshot: Snapshot = { hash: hashSources(files), raw };
  writeFileSync(SNAPSHOT, JSON.stringify(snapshot));
  return SNAPSHOT;
}

function listYaml(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return listYaml(path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
}

export function readRulesFile(file: string): RawRules {
  let source: string;
  try {
    const size = statSync(file).size;
    if (size > MAX_RULES_BYTES) throw new UsageError(`${file}: rules file is ${size} bytes; the limit is ${MAX_RULES_BYTES}`);
    source = readFileSync(file, 'utf8');
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(`${file}: cannot read rules file: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return parseRules(source, file);
}

/** Parses one rules document. Plain YAML only: custom tags are refused, never executed. */
export function parseRules(source: string, file: string): RawRules {
  // the YAML parser is loaded only when a rules file has to be parsed (not from the snapshot)
  const { LineCounter, parseDocument } = yamlLibrary();
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, customTags: [] });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    const line = problem.linePos?.[0].line ?? lineOf(lines, problem.pos[0]);
    throw new UsageError(`${file}:${line}: ${problem.message.split('\n')[0]}`);
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    // aliases that expand without bound ("billion laughs") are refused, not followed
    throw new UsageError(`${file}:1: ${(err as Error).message}`);
  }
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${file}:1: a rules file must be a mapping of section names to entries`);
  }
  const errors: { path: (string | number)[]; message: string }[] = [];
  for (const [key, entry] of Object.entries(value)) {
    // own keys only: "constructor" or "__proto__" must be unknown sections, not Object's members
    const section = Object.hasOwn(SECTIONS, key) ? SECTIONS[key] : undefined;
    if (!section) {
      errors.push({ path: [key], message: `unknown section "${key}" (known: ${Object.keys(SECTIONS).join(', ')})` });
      continue;
    }
    section.check(entry, [key], errors);
  }
  if (errors.length) {
    const { path, message } = errors[0];
    throw new UsageError(`${file}:${lineOfPath(doc, lines, path)}: ${path.join('.')}: ${message}`);
  }
  return value as RawRules;
}

let yaml: typeof import('yaml') | undefined;
function yamlLibrary(): typeof import('yaml') {
  yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml');
  return yaml;
}

function lineOfPath(doc: Document, lines: LineCounterType, path: (string | number)[]): number {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth), true);
    if (yamlLibrary().isNode(node) && node.range) return lineOf(lines, node.range[0]);
  }
  return 1;
}

function lineOf(lines: LineCounterType, offset: number): number {
  return lines.linePos(offset).line;
}

/** Later files extend lists and replace keyed entries (marks by char, countries by name, types by id). */
export function mergeRules(base: RawRules, extra: RawRules): RawRules {
  const merged: RawRules = { ...base };
  for (const [key, value] of Object.entries(extra) as [keyof RawRules, unknown[]][]) {
    const section = SECTIONS[key];
    if (KEYED_SECTIONS.has(key)) {
      const before = (merged[key] ?? {}) as Record<string, string[]>;
      const added = value as unknown as Record<string, string[]>;
      const keys = new Set([...Object.keys(before), ...Object.keys(added)]);
      merged[key] = Object.fromEntries([...keys].map((k) => [k, [...new Set([...(before[k] ?? []), ...(added[k] ?? [])])]])) as never;
      continue;
    }
    const before = (merged[key] as unknown[] | undefined) ?? [];
    if (!section.key) {
      merged[key] = [...new Set([...before, ...value])] as never;
      continue;
    }
    const keyOf = (entry: unknown) => (entry as Record<string, unknown>)[section.key!];
    const replaced = new Map(value.map((entry) => [keyOf(entry), entry]));
    merged[key] = [...before.filter((entry) => !replaced.has(keyOf(entry))), ...value] as never;
  }
  return merged;
}
