/**
 * Errors that stop one input (not the batch). `code` is stable and documented in the README;
 * the CLI turns an InputError into an error record and a one-line message.
 */
export class InputError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}

/** A problem with how the program was called or configured (exit code 2). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
