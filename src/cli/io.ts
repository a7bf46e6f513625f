import type { Readable, Writable } from 'node:stream';

/** Everything the CLI touches of the outside world, so tests can run `main` in memory. */
export interface CliIO {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  /** aborted on SIGINT/SIGTERM (its reason is the signal's name): a batch stops cleanly */
  signal?: AbortSignal;
}

export function processIO(): CliIO {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), signal: interruption() };
}

/**
 * SIGINT and SIGTERM as an AbortSignal: the first one asks the batch to stop (no new input,
 * no half-written file, a summary of what was done); the handler is gone then, so a second
 * one ends the process at once, as without the tool's help.
 */
function interruption(): AbortSignal {
  const controller = new AbortController();
  const stop = (name: NodeJS.Signals) => {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
    controller.abort(name);
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
  return controller.signal;
}

/** The exit code of a run stopped by a signal: 128 + its number, as shells report it. */
export function interruptedExitCode(signal: string): number {
  return signal === 'SIGTERM' ? 143 : 130;
}

/** Exit codes (README "Exit codes"). */
export const EXIT_OK = 0;
export const EXIT_INPUT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Where a command's action leaves its exit code for `main` to return. */
export interface CommandResult {
  exitCode: number;
}
