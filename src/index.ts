/** The public library API. The CLI is a thin shell over these. */
export { extract, type ExtractOptions } from './pipeline.js';
export { loadRules, type LoadRulesOptions } from './rules/load.js';
export type { RuleSet } from './rules/types.js';
export * from './types.js';
