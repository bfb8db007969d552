/**
 * Where a command writes: results to `out`, progress and errors to `err`, a line at a time.
 * Tests and browser mode pass their own; `syndic` itself writes to stdout and stderr, so a
 * script can pipe the results and still see what went wrong.
 */
export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  /** All of standard input (`--password-stdin`); tests pass their own. */
  stdin?: () => Promise<string>;
}

export const defaultIo: Io = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};
