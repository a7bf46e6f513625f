import { Command, CommanderError } from 'commander';
import { UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { EXIT_OK, EXIT_USAGE, type CliIO, type CommandResult } from './io.js';
import { EXAMPLES, extractCommand } from './commands/extract.js';
import { reportCommand } from './commands/report.js';
import { schemaCommand } from './commands/schema.js';
import { evalCommand } from './commands/eval.js';
import { rulesCommand } from './commands/rules.js';

/**
 * The command-line program. Returns the exit code; never calls process.exit, never prints
 * data anywhere but `io.stdout` (or --output) and messages anywhere but `io.stderr`.
 */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const result: CommandResult = { exitCode: EXIT_OK };
  const program = new Command('treaty-extract')
    .description('Extract quotes, speakers, treaties and ATOP-typed provisions from news-analysis articles.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');
  const extract = extractCommand(io, result);
  program.addCommand(extract, { isDefault: true });
  program.addCommand(reportCommand(io, result));
  program.addCommand(schemaCommand(io));
  program.addCommand(evalCommand(io, result));
  program.addCommand(rulesCommand(io, result));
  // `treaty-extract --help` shows the default command's options too: most runs use no command name
  program.addHelpText('after', () => `\nOptions of the default command (treaty-extract [options] [inputs...]):\n${extract.helpInformation().split('\nOptions:\n')[1] ?? ''}${EXAMPLES}\n  treaty-extract report corpus/ -o report.html   HTML report of a batch\n  treaty-extract schema                          JSON Schema of the record\n`);
  // every subcommand reports through the same streams and never exits the process
  for (const command of program.commands) {
    command.exitOverride().configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  }

  try {
    await program.parseAsync(argv, { from: 'user' });
    return result.exitCode;
  } catch (err) {
    return handleTopLevelError(err, io, argv.includes('--debug'));
  }
}

function handleTopLevelError(err: unknown, io: CliIO, debug: boolean): number {
  if (err instanceof CommanderError) {
    // help and version are successful exits; everything else commander rejects is usage
    return err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help' ? EXIT_OK : EXIT_USAGE;
  }
  if (err instanceof UsageError) {
    io.stderr.write(`treaty-extract: ${err.message}\n`);
    return EXIT_USAGE;
  }
  io.stderr.write(`treaty-extract: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
  if (debug && err instanceof Error) io.stderr.write(`${err.stack}\n`);
  return EXIT_USAGE;
}
