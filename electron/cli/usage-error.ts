/**
 * A command used the wrong way (a missing argument, an option out of range). The CLI
 * answers it with exit code 2 and that command's help, never with a stack trace.
 */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
