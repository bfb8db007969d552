/**
 * The sync tests' rig: a Google Reader test server (FreshRSS or Miniflux flavour), a Syndic
 * data dir of its own opened by openApp as the app opens it (real SQLite file, in-thread
 * parser, no background work unless a test starts it), and a sync account added through the
 * ReaderService. Everything is closed and removed when the test ends.
 */
import assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import type { TestContext } from 'node:test';
import type { ReaderEventName, ReaderEvents, SyncSummary } from '../../../../shared/api.js';
import type { Account, AccountId, Article, ArticleId } from '../../../../shared/domain.js';
import { openApp, type OpenAppOptions, type RunningApp } from '../../../../electron/app/open-app.js';
import { DEFAULT_FETCH_OPTIONS } from '../../../../electron/engine/feeds/fetch.js';
import { inThreadParser } from '../../../../electron/engine/feeds/in-thread-parser.js';
import type { Db } from '../../../../electron/engine/store/db.js';
import { pendingEntries, type OutboxEntry } from '../../../../electron/engine/store/outbox.js';
import {
  startGReaderServer,
  type Flavour,
  type GReaderServer,
  type GReaderServerOptions,
} from '../../../servers/greader/greader-server.js';
import { tempDir } from '../../../support/temp.js';

export const USER = 'alice';
export const PASSWORD = 'pw-Correct-Horse-7731';
export const fetchOptions = { ...DEFAULT_FETCH_OPTIONS, totalTimeoutMs: 3_000, connectTimeoutMs: 2_000 };

export type AppOptions = Partial<Omit<OpenAppOptions, 'dataDir' | 'emit'>>;

export interface RigOptions {
  flavour?: Flavour;
  server?: GReaderServerOptions;
  app?: AppOptions;
  /** Add the account at once (default true). */
  account?: boolean;
}

export interface PushedEvent {
  name: ReaderEventName;
  payload: unknown;
}

export interface SyncRig {
  server: GReaderServer;
  dataDir: string;
  app: RunningApp;
  account: Account;
  events: PushedEvent[];
  /** Calls `listener` synchronously, inside the emit, for every pushed event of that name. */
  on<E extends ReaderEventName>(name: E, listener: (payload: ReaderEvents[E]) => void): void;
  /** Resolves at the next pushed event of that name for which `match` holds. */
  nextEvent<E extends ReaderEventName>(
    name: E,
    match?: (payload: ReaderEvents[E]) => boolean,
  ): Promise<ReaderEvents[E]>;
  addAccount(password?: string): Promise<Account>;
  /** One sync of the account, which must succeed. */
  sync(): Promise<SyncSummary>;
  /** One sync of the account, whatever its outcome. */
  trySync(): Promise<SyncSummary>;
  /** Closes the app (another process may then open the data dir). */
  closeApp(): Promise<void>;
  /** Closes the app and opens the same data dir again (a restart). */
  reopen(options?: AppOptions): Promise<RunningApp>;
  /** The local article of a server item (by the server's id in any form), or fails. */
  local(remoteId: bigint | string): Promise<Article>;
  localId(remoteId: bigint | string): ArticleId;
  outbox(): OutboxEntry[];
  /** Server requests made by `work`, login excluded. */
  requestsDuring(work: () => Promise<unknown>): Promise<string[]>;
}

/** The server's id as Syndic keeps it (unsigned decimal). */
export function decimal(id: bigint | string): string {
  return typeof id === 'bigint' ? id.toString(10) : id;
}

export function db(rig: SyncRig): Db {
  return rig.app.db;
}

export async function syncRig(t: TestContext, options: RigOptions = {}): Promise<SyncRig> {
  const server = await startGReaderServer({
    flavour: options.flavour ?? 'freshrss',
    users: [{ name: USER, password: PASSWORD }],
    ...options.server,
  });
  const dir = tempDir('syndic-sync-');
  const events: PushedEvent[] = [];
  const emitter = new EventEmitter();
  const open = (extra: AppOptions = {}): RunningApp =>
    openApp({
      dataDir: dir.path,
      parser: inThreadParser,
      fetchOptions,
      headless: true,
      ...options.app,
      ...extra,
      emit: (name, payload) => {
        events.push({ name, payload });
        emitter.emit(name, payload);
      },
    });
  let app = open();
  t.after(async () => {
    await app.close();
    await server.close();
    dir.remove();
  });

  const rig: SyncRig = {
    server,
    dataDir: dir.path,
    get app() {
      return app;
    },
    account: null as unknown as Account,
    events,
    on: (name, listener) => void emitter.on(name, listener),
    nextEvent: (name, match) =>
      new Promise((resolve) => {
        const listener = (payload: ReaderEvents[typeof name]): void => {
          if (match && !match(payload)) return;
          emitter.off(name, listener);
          resolve(payload);
        };
        emitter.on(name, listener);
      }),
    async addAccount(password = PASSWORD) {
      rig.account = await app.service.addAccount({
        kind: 'greader',
        serverUrl: server.apiUrl,
        username: USER,
        password,
        name: 'Home server',
      });
      return rig.account;
    },
    async sync() {
      const summary = await rig.trySync();
      assert.ok(summary.ok, summary.error ?? 'the sync failed without a message');
      return summary;
    },
    async trySync() {
      const [summary] = await app.service.syncNow(rig.account.id);
      assert.ok(summary, 'syncNow answered no summary');
      return summary;
    },
    closeApp: () => app.close(),
    async reopen(extra = {}) {
      await app.close();
      app = open(extra);
      return app;
    },
    async local(remoteId) {
      const article = await app.service.getArticle(rig.localId(remoteId));
      assert.ok(article, `no article for ${decimal(remoteId)}`);
      return article;
    },
    localId(remoteId) {
      const row = app.db
        .prepare('SELECT article_id FROM synced_articles WHERE account_id = ? AND remote_id = ?')
        .get(rig.account.id, decimal(remoteId)) as { article_id: number } | undefined;
      assert.ok(row, `server item ${decimal(remoteId)} has no local article`);
      return row.article_id;
    },
    outbox: () => pendingEntries(app.db, rig.account.id),
    async requestsDuring(work) {
      const before = server.requests.entries.length;
      await work();
      return server.requests.entries
        .slice(before)
        .map((e) => e.endpoint)
        .filter((e) => e !== 'accounts/ClientLogin');
    },
  };
  if (options.account !== false) await rig.addAccount();
  return rig;
}

/** Rows of a table for one account (tests look at the store directly to check what it holds). */
export function count(database: Db, sql: string, ...params: (string | number)[]): number {
  return (database.prepare(sql).get(...params) as { n: number }).n;
}

export function syncedArticleCount(database: Db, accountId: AccountId): number {
  return count(database, 'SELECT count(*) AS n FROM synced_articles WHERE account_id = ?', accountId);
}

/** A small RSS document whose items have guids and links under `base`. */
export function rss(title: string, base: string, count: number): string {
  const items = Array.from(
    { length: count },
    (_, i) =>
      `<item><title>${title} ${i + 1}</title><link>${base}/${i + 1}.html</link><guid>${base}/${i + 1}</guid>` +
      `<pubDate>${new Date(Date.UTC(2024, 0, 1 + i, 12)).toUTCString()}</pubDate>` +
      `<description>Body ${i + 1}</description></item>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>${base}/</link>
<description>d</description>${items}</channel></rss>`;
}
