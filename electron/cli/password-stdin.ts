/**
 * `--password-stdin`: the password comes on standard input (one line), never as an
 * argument, where `ps` and the shell's history would show it to anyone.
 */
import type { Io } from './io.js';
import { UsageError } from './usage-error.js';

async function readProcessStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function readPassword(io: Io): Promise<string> {
  const text = await (io.stdin ?? readProcessStdin)();
  // One line: the newline `echo` or a here-string adds is not part of the password.
  const password = text.replace(/\r?\n$/, '');
  if (password === '') throw new UsageError('--password-stdin: no password on standard input');
  return password;
}
