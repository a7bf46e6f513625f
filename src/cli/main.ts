import { Command, CommanderError } from 'commander';
import { UsageError } from '../errors.js';
import { VERSION } from '../version.js';
import { EXIT_OK, EXIT_USAGE, type CliIO, type CommandResult } from './io.js';
import { extractCommand } from './commands/extract.js';

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
  program.addCommand(extractCommand(io, result), { isDefault: true });
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
