/** The public library API (named exports only; test/api.test.ts pins the list). The CLI is a thin shell over these. */
export { extract, type ExtractOptions } from './pipeline.js';
export { extractFile, extractMany, type ExtractFileOptions, type ExtractManyOptions } from './api.js';
export { loadRules, type LoadRulesOptions } from './rules/load.js';
export { InputError, UsageError } from './errors.js';
export type { ArticleInput } from './api.js';
export type { ArticleFormat } from './sources/input.js';
export type { RuleSet } from './rules/types.js';
export * from './types.js';
