/**
 * A failure the user can act on: its message is written for them (what happened, what to
 * do) and reaches the window as it is. Anything else is an internal fault, logged with its
 * cause and shown as a generic message naming the method (see doors/reader-door.ts).
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
