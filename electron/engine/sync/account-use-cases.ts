/**
 * The accounts and sync use cases behind the ReaderApi: add, test, edit, remove, sync now,
 * move local feeds. Runs one sync at a time per account (through the scheduler), records
 * each outcome on the account, and tells the windows what moved.
 */
import type { NewArticleHooks } from '../rules/new-article-hooks.js';
import type {
  AccountLogin,
  AccountPatch,
  ConnectionTest,
  NewAccountRequest,
  SyncSummary,
} from '../../../shared/api.js';
import type { Account, AccountId, ArticleId, FeedId } from '../../../shared/domain.js';
import { LOCAL_ACCOUNT_ID } from '../../../shared/domain.js';
import type { ReaderContext } from '../reader/reader-context.js';
import { UserError } from '../reader/user-error.js';
import {
  accountSecretStore,
  deleteAccount,
  getAccount,
  insertAccount,
  keepStarredArticles,
  listAccounts,
  moveFeedsToAccount,
  recordSyncOutcome,
  updateAccount,
} from '../store/accounts.js';
import type { ClientFactory } from './create-client.js';
import type { SecretStore } from './secret-store.js';
import { insecureWarning, parseServerUrl } from './server-address.js';
import { syncAccount } from './sync-account.js';
import type { SyncClient } from './sync-client.js';
import { SyncError } from './sync-error.js';
import { SyncScheduler, type Timers } from './sync-scheduler.js';

export interface AccountUseCasesOptions {
  ctx: ReaderContext;
  secrets: SecretStore;
  clients: ClientFactory;
  timers?: Timers;
  /** Articles a sync stored: kept offline like a refresh's (images, full text), their index merged. */
  onArticlesStored?: (ids: readonly ArticleId[]) => void;
  /** The rules and notifications, for the articles a sync inserts. */
  hooks?: NewArticleHooks;
}

/** A password that this process cannot read (kept by the desktop app's keychain). */
export class PasswordUnavailableError extends UserError {
  constructor(account: Account) {
    super(
      `The password of "${account.name}" is kept by the desktop app's keychain, which the command line cannot open. ` +
        'Give it once with --password-stdin (it is then kept in credentials.json beside the database, readable only by you).',
    );
    this.name = 'PasswordUnavailableError';
  }
}

export class AccountUseCases {
  readonly scheduler: SyncScheduler;
  private readonly clients = new Map<AccountId, SyncClient>();
  private readonly ctx: ReaderContext;

  constructor(private readonly options: AccountUseCasesOptions) {
    this.ctx = options.ctx;
    this.scheduler = new SyncScheduler({
      db: this.ctx.db,
      run: (accountId) => this.runSync(accountId),
      ...(options.timers ? { timers: options.timers } : {}),
    });
  }

  list(): Account[] {
    return listAccounts(this.ctx.db);
  }

  private account(accountId: AccountId): Account {
    const account = getAccount(this.ctx.db, accountId);
    if (!account || account.id === LOCAL_ACCOUNT_ID) throw new UserError(`There is no sync account ${accountId}.`);
    return account;
  }

  async test(login: AccountLogin): Promise<ConnectionTest> {
    let url: URL;
    try {
      url = parseServerUrl(login.serverUrl);
    } catch (error) {
      return { ok: false, code: 'address', message: (error as Error).message };
    }
    const client = this.options.clients(login.kind, { ...login, serverUrl: url.href });
    try {
      await client.login();
      return { ok: true, warning: insecureWarning(url) };
    } catch (error) {
      if (error instanceof SyncError) return { ok: false, code: error.code, message: error.message };
      throw error;
    } finally {
      await client.close();
    }
  }

  async add(request: NewAccountRequest): Promise<Account> {
    const test = await this.test(request);
    if (!test.ok) throw new UserError(test.message);
    const url = parseServerUrl(request.serverUrl);
    const { db } = this.ctx;
    const id = insertAccount(
      db,
      {
        kind: request.kind,
        name: request.name?.trim() || url.host,
        serverUrl: url.href,
        username: request.username,
        secretStore: this.options.secrets.kind,
      },
      this.ctx.now(),
    );
    try {
      await this.options.secrets.set(id, request.password);
    } catch (error) {
      deleteAccount(db, id);
      throw error;
    }
    this.scheduler.added(id);
    this.accountsChanged();
    return this.account(id);
  }

  async update(accountId: AccountId, patch: AccountPatch): Promise<Account> {
    const account = this.account(accountId);
    if (patch.password !== undefined) {
      await this.options.secrets.set(accountId, patch.password);
      updateAccount(this.ctx.db, accountId, { secretStore: this.options.secrets.kind });
      await this.dropClient(accountId);
    }
    updateAccount(this.ctx.db, accountId, {
      ...(patch.name !== undefined ? { name: patch.name.trim() || account.name } : {}),
      ...(patch.syncMinutes !== undefined ? { syncMinutes: patch.syncMinutes } : {}),
    });
    this.accountsChanged();
    return this.account(accountId);
  }

  async remove(accountId: AccountId, keepStarred: boolean): Promise<void> {
    const account = this.account(accountId);
    this.scheduler.removed(accountId);
    await this.dropClient(accountId);
    const { db } = this.ctx;
    db.transaction(() => {
      if (keepStarred) keepStarredArticles(db, accountId, `Starred from ${account.name}`, this.ctx.now());
      deleteAccount(db, accountId);
    })();
    await this.options.secrets.delete(accountId);
    this.accountsChanged();
    this.ctx.emit('feeds-changed', { feedIds: [] });
    this.ctx.emit('articles-changed', { feedIds: [] });
    this.ctx.countsChanged([]);
  }

  moveLocalFeeds(accountId: AccountId, feedIds: FeedId[] | null): number {
    this.account(accountId);
    const moved = moveFeedsToAccount(this.ctx.db, feedIds, accountId, this.ctx.now());
    if (moved) {
      this.ctx.emit('feeds-changed', { feedIds: feedIds ?? [] });
      this.scheduler.localChange();
      this.accountsChanged();
    }
    return moved;
  }

  async syncNow(accountId: AccountId | null): Promise<SyncSummary[]> {
    const ids =
      accountId == null
        ? this.list()
            .filter((a) => a.id !== LOCAL_ACCOUNT_ID)
            .map((a) => a.id)
        : [accountId];
    for (const id of ids) this.account(id);
    const summaries: SyncSummary[] = [];
    for (const id of ids) {
      await this.scheduler.syncNow(id);
      summaries.push(this.lastSummaries.get(id)!);
    }
    return summaries;
  }

  private readonly lastSummaries = new Map<AccountId, SyncSummary>();

  private async clientFor(account: Account): Promise<SyncClient> {
    const cached = this.clients.get(account.id);
    if (cached) return cached;
    const password = await this.options.secrets.get(account.id);
    if (password == null) {
      const keptElsewhere = accountSecretStore(this.ctx.db, account.id) !== this.options.secrets.kind;
      if (keptElsewhere) throw new PasswordUnavailableError(account);
      throw new UserError(`No password is stored for "${account.name}". Enter it in Settings → Accounts.`);
    }
    const client = this.options.clients(account.kind as 'ttrss' | 'greader', {
      serverUrl: account.serverUrl ?? '',
      username: account.username ?? '',
      password,
    });
    this.clients.set(account.id, client);
    return client;
  }

  private async dropClient(accountId: AccountId): Promise<void> {
    const client = this.clients.get(accountId);
    this.clients.delete(accountId);
    await client?.close();
  }

  /** One sync of one account, its outcome recorded on the account. Never throws. */
  private async runSync(accountId: AccountId): Promise<{ retryAfterMs: number | null }> {
    const { db } = this.ctx;
    const account = getAccount(db, accountId);
    if (!account) return { retryAfterMs: null };
    const summary: SyncSummary = {
      accountId,
      ok: false,
      error: null,
      pushed: 0,
      newArticles: 0,
      stateChanges: 0,
      feedsAdded: 0,
      feedsRemoved: 0,
      requests: 0,
      bytesReceived: 0,
      durationMs: 0,
    };
    let retryAfterMs: number | null = null;
    const started = this.ctx.now();
    try {
      const client = await this.clientFor(account);
      const before = { ...client.stats };
      const report = await syncAccount({
        db,
        accountId,
        client,
        now: this.ctx.now,
        onProgress: (progress) => this.ctx.emit('sync-progress', progress),
        hooks: this.options.hooks,
        onChanged: (feedIds) => {
          this.ctx.emit('articles-changed', { feedIds });
          this.ctx.countsChanged(feedIds);
        },
      });
      Object.assign(summary, {
        ok: true,
        pushed: report.pushed,
        newArticles: report.newArticles.length,
        stateChanges: report.stateChanges,
        feedsAdded: report.feedsAdded.length,
        feedsRemoved: report.feedsRemoved.length,
        requests: report.requests - before.requests,
        bytesReceived: report.bytesReceived - before.bytesReceived,
        error: report.refused.length ? report.refused.join(' ') : null,
      });
      recordSyncOutcome(db, accountId, this.ctx.now(), null);
      this.options.onArticlesStored?.(report.newArticles);
    } catch (error) {
      summary.error = describeFailure(account, error);
      if (error instanceof SyncError) {
        retryAfterMs = error.retryAfterMs;
        // A rejected password or a moved server: a fresh client (and login) next time.
        if (error.code === 'auth' || error.code === 'not-endpoint') await this.dropClient(accountId);
      }
      if (getAccount(db, accountId)) recordSyncOutcome(db, accountId, this.ctx.now(), summary.error);
    }
    summary.durationMs = this.ctx.now() - started;
    this.lastSummaries.set(accountId, summary);
    this.ctx.emit('sync-progress', { accountId, phase: 'done', done: 1, total: 1 });
    this.accountsChanged();
    return { retryAfterMs };
  }

  /** The user changed something: a sync account's part waits in the outbox; show the count, push soon. */
  localChange(): void {
    if (this.list().length <= 1) return;
    this.scheduler.localChange();
    this.accountsChanged();
  }

  accountsChanged(): void {
    this.ctx.emit('accounts-changed', this.list());
  }
}

/** The account's name, what failed and what to do; no password or token (clients never put them in messages). */
function describeFailure(account: Account, error: unknown): string {
  if (error instanceof SyncError || error instanceof UserError) return `${account.name}: ${error.message}`;
  return `${account.name}: sync failed (${error instanceof Error ? error.message : String(error)}). It will be tried again at the next sync.`;
}
