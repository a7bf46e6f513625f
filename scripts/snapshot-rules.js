// Build step: parse the built-in rules once and store them as JSON beside the compiled code,
// so that a cold start does not pay for YAML parsing (see src/rules/load.ts).
import { writeRulesSnapshot } from '../dist/rules/load.js';

writeRulesSnapshot();
