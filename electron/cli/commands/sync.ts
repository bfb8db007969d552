/**
 * `syndic sync`: syncs every account (or one) now, with progress on stderr, and prints what
 * moved each way. Exit 1 when an account failed (its line says why and what to do).
 */
import type { SyncSummary } from '../../../shared/api.js';
import { PasswordUnavailableError } from '../../engine/sync/account-use-cases.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { readPassword } from '../password-stdin.js';
import { UsageError } from '../usage-error.js';
import { withService } from '../with-service.js';

function printSummary(io: Io, s: SyncSummary, jsonl: boolean): void {
  if (jsonl) {
    io.out(JSON.stringify(s));
    return;
  }
  const line = `account ${s.accountId}: pushed ${s.pushed}, new articles ${s.newArticles}, state changes ${s.stateChanges}, feeds +${s.feedsAdded} -${s.feedsRemoved}, ${s.requests} requests, ${(s.bytesReceived / 1024).toFixed(0)} KB in ${(s.durationMs / 1000).toFixed(1)} s`;
  io.out(s.ok ? line : `account ${s.accountId}: FAILED ${s.error}`);
  if (s.ok && s.error) io.err(`syndic: ${s.error}`);
}

export const syncCommand = defineCommand({
  name: 'sync',
  usage: '[--account ID] [--jsonl] [--password-stdin]',
  summary: "sync accounts with their servers: local changes up, the server's down",
  maxArgs: 0,
  options: {
    account: { type: 'string', value: 'ID', help: 'sync only this account' },
    jsonl: { type: 'boolean', help: 'print a JSON line per account' },
    'password-stdin': {
      type: 'boolean',
      help: "read the account's password from standard input and keep it for the command line\n(needed once for an account added in the desktop app, whose keychain the CLI cannot open)",
    },
  },
  async run({ options, dataDir, io }) {
    const id = options.account === undefined ? null : Number(options.account);
    if (id !== null && (!Number.isInteger(id) || id < 2))
      throw new UsageError(`"${options.account}" is not a sync account's id`);
    const password = options['password-stdin'] === true ? await readPassword(io) : null;
    if (password !== null && id === null) throw new UsageError('--password-stdin needs --account ID');
    return withService(
      dataDir,
      io,
      async (service) => {
        if (password !== null && id !== null) await service.updateAccount(id, { password });
        let summaries: SyncSummary[];
        try {
          summaries = await service.syncNow(id);
        } catch (error) {
          if (error instanceof PasswordUnavailableError) {
            io.err(`syndic: ${error.message}`);
            return EXIT.failed;
          }
          throw error;
        }
        if (summaries.length === 0) io.err('syndic: there is no sync account (add one with `syndic account add`)');
        for (const s of summaries) printSummary(io, s, options.jsonl === true);
        return summaries.every((s) => s.ok) ? EXIT.ok : EXIT.failed;
      },
      { progress: true },
    );
  },
});
