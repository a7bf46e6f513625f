// Build step: store, beside the compiled code, what a cold start would otherwise compute:
// the parsed built-in rules (see src/rules/load.ts) and compromise's lexicon (see
// src/nlp/compromise.ts). Each is used only while it matches its source.
import { writeRulesSnapshot } from '../dist/rules/load.js';
import { writeLexiconSnapshot } from '../dist/nlp/compromise.js';

writeRulesSnapshot();
writeLexiconSnapshot();
