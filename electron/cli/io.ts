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

/**
 * Writes lines to a standard stream until the reader of its pipe goes away (`syndic list
 * | head`): from then on lines are dropped and the command ends as it would have, quietly,
 * as `cat` does. Without the listener Node throws the EPIPE, with a stack trace and
 * status 1, at whichever write comes after head exits. Other write errors still throw.
 */
function lineWriter(stream: NodeJS.WriteStream): (line: string) => void {
  let gone = false;
  let listening = false;
  return (line) => {
    if (gone) return;
    if (!listening) {
      listening = true;
      stream.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        gone = true;
      });
    }
    stream.write(line + '\n');
  };
}

export const defaultIo: Io = {
  out: lineWriter(process.stdout),
  err: lineWriter(process.stderr),
};
