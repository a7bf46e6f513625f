import { Command, Option } from 'commander';
import { stringify } from 'yaml';
import { loadRules } from '../../rules/load.js';
import type { RuleSet } from '../../rules/types.js';
import { typeClause } from '../../stages/clauses.js';
import { EXIT_INPUT_FAILED, EXIT_OK, type CliIO, type CommandResult } from '../io.js';

/** `treaty-extract rules`: the provision taxonomy as loaded (built-in plus --rules files). */
export function rulesCommand(io: CliIO, result: CommandResult): Command {
  return new Command('rules')
    .description('print the provision taxonomy: types, ATOP codes, cue counts')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'yaml', 'json']).default('text'))
    .option('--rules <file...>', 'extra rules files to merge first (checks them, too)')
    .option('--check', "run every type's examples (match / no_match) and report the ones that fail")
    .addHelpText('after', '\nExamples:\n  treaty-extract rules\n  treaty-extract rules --rules my-types.yaml --check\n')
    .action((opts: { format: 'text' | 'yaml' | 'json'; rules?: string[]; check?: boolean }) => {
      const rules = loadRules({ files: opts.rules });
      if (opts.check) {
        result.exitCode = checkExamples(rules, io);
        return;
      }
      const types = rules.provisionTypes.map((t) => ({
        type: t.id,
        atop: t.atop,
        description: t.description,
        cues: t.cues.length,
        negative_cues: t.negativeCues.length,
        threshold: t.threshold,
        examples: t.examples.length,
      }));
      if (opts.format === 'json') io.stdout.write(`${JSON.stringify(types, null, 2)}\n`);
      else if (opts.format === 'yaml') io.stdout.write(stringify(types, { lineWidth: 0 }));
      else {
        io.stdout.write(`${'type'.padEnd(22)}${'ATOP'.padEnd(9)}cues  neg  examples  meaning\n`);
        for (const t of types) {
          io.stdout.write(`${t.type.padEnd(22)}${(t.atop ?? '-').padEnd(9)}${String(t.cues).padStart(4)} ${String(t.negative_cues).padStart(4)} ${String(t.examples).padStart(9)}  ${t.description}\n`);
        }
      }
      result.exitCode = EXIT_OK;
    });
}

/** Each example must (or must not) be typed as its type; prints one line per failure and a count. */
function checkExamples(rules: RuleSet, io: CliIO): number {
  let failures = 0;
  let total = 0;
  for (const type of rules.provisionTypes) {
    for (const example of type.examples) {
      total++;
      const typed = typeClause(example.text, rules).some((m) => m.type.id === type.id);
      if (typed === example.match) continue;
      failures++;
      io.stdout.write(`${type.id}: ${example.match ? 'should match' : 'should not match'}: ${example.text}\n`);
    }
  }
  io.stdout.write(`${total - failures} of ${total} examples behave as written\n`);
  return failures ? EXIT_INPUT_FAILED : EXIT_OK;
}
