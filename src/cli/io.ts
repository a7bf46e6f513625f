import type { Readable, Writable } from 'node:stream';

/** Everything the CLI touches of the outside world, so tests can run `main` in memory. */
export interface CliIO {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
}

export function processIO(): CliIO {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/** Exit codes (README "Exit codes"). */
export const EXIT_OK = 0;
export const EXIT_INPUT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Where a command's action leaves its exit code for `main` to return. */
export interface CommandResult {
  exitCode: number;
}
