import { Command, Option } from 'commander';
import { stringify } from 'yaml';
import { loadRules } from '../../rules/load.js';
import type { CliIO, CommandResult } from '../io.js';

/** `treaty-extract rules`: the provision taxonomy as loaded (built-in plus --rules files). */
export function rulesCommand(io: CliIO, result: CommandResult): Command {
  return new Command('rules')
    .description('print the provision taxonomy: types, ATOP codes, cue counts')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'yaml', 'json']).default('text'))
    .option('--rules <file...>', 'extra rules files to merge first (checks them, too)')
    .addHelpText('after', '\nExamples:\n  treaty-extract rules\n  treaty-extract rules --rules my-types.yaml --format yaml\n')
    .action((opts: { format: 'text' | 'yaml' | 'json'; rules?: string[] }) => {
      const rules = loadRules({ files: opts.rules });
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
      result.exitCode = 0;
    });
}
