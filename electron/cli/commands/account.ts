/**
 * `syndic account add|list|remove|move`: sync accounts from the command line, for scripts
 * and for tests. The password comes only on standard input (`--password-stdin`) and is kept
 * in credentials.json beside the database (mode 0600), never in the database.
 */
import type { Account } from '../../../shared/domain.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import type { Io } from '../io.js';
import { readPassword } from '../password-stdin.js';
import { UsageError } from '../usage-error.js';
import { withService } from '../with-service.js';

function accountId(raw: string | undefined): number {
  const id = Number(raw);
  if (!raw || !Number.isInteger(id) || id < 2) throw new UsageError(`"${raw ?? ''}" is not a sync account's id`);
  return id;
}

function printAccount(io: Io, a: Account): void {
  const status = a.lastError
    ? `ERROR ${a.lastError}`
    : a.lastSyncAt
      ? `synced ${new Date(a.lastSyncAt).toISOString()}`
      : 'never synced';
  io.out(
    `${a.id}\t${a.kind}\t${a.name}\t${a.serverUrl ?? '-'}\t${a.username ?? '-'}\t${a.feedCount} feeds\t${a.pendingChanges} pending\t${status}`,
  );
}

export const accountCommand = defineCommand({
  name: 'account',
  usage:
    'add --type ttrss|greader --url URL --user USER --password-stdin | list [--json] | remove ID [--keep-starred] | move ID',
  summary:
    'sync accounts: add one (TT-RSS or Google Reader API), list them, remove one,\nor move every local feed to one',
  maxArgs: 2,
  options: {
    type: { type: 'string', value: 'ttrss|greader', help: 'add: the server speaks TT-RSS or the Google Reader API' },
    url: {
      type: 'string',
      value: 'URL',
      help: "add: the server's address (TT-RSS base; FreshRSS base or …/api/greader.php; Miniflux base)",
    },
    user: { type: 'string', value: 'USER', help: 'add: your user name on the server' },
    name: { type: 'string', value: 'NAME', help: 'add: the name shown in the sidebar (default: the host)' },
    'password-stdin': { type: 'boolean', help: 'add: read the password from standard input' },
    json: { type: 'boolean', help: 'list: print a JSON array' },
    'keep-starred': { type: 'boolean', help: 'remove: move its starred articles to a local feed first' },
  },
  async run({ args, options, dataDir, io }) {
    const [action, target] = args;
    switch (action) {
      case 'add': {
        if (options.type !== 'ttrss' && options.type !== 'greader')
          throw new UsageError('--type must be ttrss or greader');
        if (!options.url) throw new UsageError('--url is required');
        if (!options.user) throw new UsageError('--user is required');
        if (options['password-stdin'] !== true)
          throw new UsageError('--password-stdin is required (the password is never an argument)');
        const password = await readPassword(io);
        const login = { kind: options.type, serverUrl: options.url, username: options.user, password } as const;
        return withService(dataDir, io, async (service) => {
          const test = await service.testAccount(login);
          if (!test.ok) {
            io.err(`syndic: ${test.message}`);
            return EXIT.failed;
          }
          if (test.warning) io.err(`syndic: warning: ${test.warning}`);
          const account = await service.addAccount({ ...login, ...(options.name ? { name: options.name } : {}) });
          printAccount(io, account);
          return EXIT.ok;
        });
      }
      case 'list':
        return withService(dataDir, io, async (service) => {
          const accounts = await service.listAccounts();
          if (options.json === true) io.out(JSON.stringify(accounts));
          else for (const a of accounts) printAccount(io, a);
          return EXIT.ok;
        });
      case 'remove': {
        const id = accountId(target);
        return withService(dataDir, io, async (service) => {
          await service.removeAccount(id, options['keep-starred'] === true);
          io.err(`removed account ${id}`);
          return EXIT.ok;
        });
      }
      case 'move': {
        const id = accountId(target);
        return withService(dataDir, io, async (service) => {
          const moved = await service.moveLocalFeeds(id, null);
          io.out(`${moved} feeds will be subscribed on account ${id} at its next sync (syndic sync --account ${id})`);
          return EXIT.ok;
        });
      }
      default:
        throw new UsageError(`account: say add, list, remove or move${action ? `, not "${action}"` : ''}`);
    }
  },
});
