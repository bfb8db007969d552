/**
 * ReaderService: the ReaderApi, implemented once. The doors (Electron IPC through the
 * engine process, browser mode's WebSocket) and the CLI all call it. It assembles the
 * engine's running parts (poller, offline cache, maintenance) and hands each call to the
 * group of use cases it belongs to: feeds, tags, articles, data safety. Store calls are
 * synchronous and short; the API is async at this boundary, as the contract is.
 */
import { dirname } from 'node:path';
import type {
  ArticleCount,
  AccountLogin,
  AccountPatch,
  ConnectionTest,
  NewAccountRequest,
  SyncSummary,
  AddFeedRequest,
  AddFeedResult,
  FeedPatch,
  MarkReadResult,
  ReaderApi,
  ReaderEventName,
  ReaderEvents,
  StarredExportFormat,
} from '../../../shared/api.js';
import type {
  Account,
  AccountId,
  Article,
  ArticleCursor,
  ArticleId,
  ArticlePage,
  ArticleQuery,
  BackupInfo,
  Counts,
  DiscoveredFeed,
  Feed,
  FeedId,
  FeedRefreshResult,
  OpmlImportReport,
  RefreshSummary,
  RetentionReport,
  Settings,
  StorageInfo,
  Tag,
  TagId,
} from '../../../shared/domain.js';
import type { Rule, RuleDraft, RuleId, RulePreview, RuleRunReport, RulesImportReport } from '../../../shared/rules.js';
import type { SavedView, SavedViewDraft, ViewId } from '../../../shared/saved-views.js';
import { CACHED_IMAGE_PREFIX } from '../../../shared/cached-image.js';
import { nodeIsOnline, type IsOnline } from '../connectivity.js';
import type { Resolve } from '../feeds/address-guard.js';
import { DEFAULT_FETCH_OPTIONS, type FetchOptions } from '../feeds/fetch.js';
import { createParsePool, type FeedParser } from '../feeds/parse-pool.js';
import { imagePath } from '../offline/image-files.js';
import type { Maintenance } from '../offline/maintenance.js';
import type { OfflineCache } from '../offline/offline-cache.js';
import type { Poller } from '../poller/poller.js';
import type { Db } from '../store/db.js';
import type { GroupCommitOptions } from '../store/group-commit.js';
import { imageFile } from '../store/images.js';
import { getSettings, saveSettings } from '../store/settings.js';
import { SEARCH_WAIT_MS, type SearchIndexer } from '../store/search-indexer.js';
import type { AfterRefresh } from './after-refresh.js';
import { createRefreshParts } from './refresh-parts.js';
import { Notices } from '../rules/notices.js';
import { RuleUseCases } from '../rules/rule-use-cases.js';
import { ViewUseCases } from '../rules/view-use-cases.js';
import { ArticleUseCases } from './article-use-cases.js';
import { DataSafety } from './data-safety.js';
import type { FailureObserver } from './failure-observer.js';
import { FeedUseCases } from './feed-use-cases.js';
import { ReaderContext } from './reader-context.js';
import { TagUseCases } from './tag-use-cases.js';
import { UndoLog } from './undo-log.js';
import { AccountUseCases } from '../sync/account-use-cases.js';
import { clientFactory, type ClientFactory } from '../sync/create-client.js';
import { FileSecretStore } from '../sync/file-secret-store.js';
import type { SecretStore } from '../sync/secret-store.js';
import type { Timers } from '../sync/sync-scheduler.js';

export { UserError } from './user-error.js';

/** How long after start the image cache is checked against the database. */
const IMAGE_CHECK_DELAY_MS = 5_000;

export interface ServiceOptions {
  db: Db;
  fetchOptions?: FetchOptions;
  now?: () => number;
  concurrency?: number;
  perHost?: number;
  /** Where pushed events go (IPC, WebSocket); the CLI listens for progress. */
  emit?: <E extends ReaderEventName>(event: E, payload: ReaderEvents[E]) => void;
  onFeedDone?: (result: FeedRefreshResult) => void;
  /** Where feeds are parsed; by default a pool of worker threads. */
  parser?: FeedParser;
  /** Whether the machine has a network (Electron asks the OS; see connectivity.ts). */
  isOnline?: IsOnline;
  /**
   * The CLI: articles a refresh stores are still queued for the offline cache, but their
   * images are fetched by the app or by `syndic cache`, not by a cron job's refresh; and
   * no indexer thread runs: a search indexes what is queued before it answers.
   */
  headless?: boolean;
  /** Whether `emit`'s listener wants unread counts (a CLI command shows none: nothing is counted). */
  countsHeard?: boolean;
  /** How a refresh groups feeds' writes into commits (tests use small groups). */
  group?: GroupCommitOptions;
  /** Where sync passwords are kept: by default credentials.json beside the database (plain Node). */
  secrets?: SecretStore;
  /** How sync clients are made (tests inject fetch or clocks through it). */
  syncClients?: ClientFactory;
  /** The timers of the sync scheduler and of the live counts (tests use their own). */
  syncTimers?: Timers;
  /** How the offline cache resolves names for the private-network rule (tests inject one). */
  resolve?: Resolve;
}

export class ReaderService implements ReaderApi, FailureObserver {
  readonly db: Db;
  /** The folder of the database: image cache and backups live beside it. */
  readonly dataDir: string;
  readonly poller: Poller;
  readonly offline: OfflineCache;
  readonly maintenance: Maintenance;
  private readonly ctx: ReaderContext;
  private readonly parser: FeedParser;
  private readonly afterRefresh: AfterRefresh;
  /** The indexer behind the writes; none in the CLI, where a search catches up itself. */
  private readonly searchIndex: SearchIndexer | null;
  private readonly feeds: FeedUseCases;
  private readonly tags: TagUseCases;
  private readonly articles: ArticleUseCases;
  private readonly safety: DataSafety;
  private readonly accounts: AccountUseCases;
  private readonly rules: RuleUseCases;
  private readonly views: ViewUseCases;
  private readonly notices: Notices;
  /** Polling was started (by the app); a restore resumes it. */
  private polling = false;
  private imageCheckTimer: NodeJS.Timeout | null = null;

  constructor(options: ServiceOptions) {
    this.db = options.db;
    this.dataDir = dirname(this.db.name);
    const now = options.now ?? Date.now;
    const fetchOptions = options.fetchOptions ?? DEFAULT_FETCH_OPTIONS;
    const headless = options.headless ?? false;
    const isOnline = options.isOnline ?? nodeIsOnline;
    this.ctx = new ReaderContext(this.db, now, options.emit, { countsHeard: options.countsHeard });
    this.parser = options.parser ?? createParsePool();
    const ctx = this.ctx;

    this.rules = new RuleUseCases(ctx);
    this.views = new ViewUseCases(ctx);
    this.notices = new Notices(ctx, () => this.views.list(), {
      caughtUp: async (ms) => this.searchIndex?.caughtUp(ms),
    });
    const hooks = this.rules.newArticleHooks(this.notices.collector());
    const parts = createRefreshParts(ctx, {
      ...options,
      parser: this.parser,
      dataDir: this.dataDir,
      fetchOptions,
      headless,
      isOnline,
      reportDamage: (problem) => this.safety.reportDamage(problem),
      hooks,
      onRefreshEnded: () => void this.notices.send(),
    });
    this.offline = parts.offline;
    this.maintenance = parts.maintenance;
    this.afterRefresh = parts.afterRefresh;
    this.poller = parts.poller;
    this.searchIndex = parts.searchIndex;

    const undo = new UndoLog();
    this.feeds = new FeedUseCases(ctx, fetchOptions, this.poller, this.afterRefresh);
    this.tags = new TagUseCases(ctx, (id) => this.feeds.requireFeed(id));
    this.articles = new ArticleUseCases(ctx, this.offline, undo);
    this.safety = new DataSafety(ctx, {
      dataDir: this.dataDir,
      poller: this.poller,
      offline: this.offline,
      maintenance: this.maintenance,
      undo,
      headless,
      polling: () => this.polling,
    });
    this.accounts = new AccountUseCases({
      ctx,
      secrets: options.secrets ?? new FileSecretStore(this.dataDir),
      clients: options.syncClients ?? clientFactory(),
      ...(options.syncTimers ? { timers: options.syncTimers } : {}),
      // A sync account's articles are offline like local ones: the same queue, the same cache.
      onArticlesStored: (ids) => {
        this.afterRefresh.feedStored(ids);
        this.afterRefresh.refreshEnded();
        void this.notices.send();
      },
      hooks,
    });
  }

  /** Starts the background work of a running app: polling, the offline cache, maintenance. */
  start({ poll = true }: { poll?: boolean } = {}): void {
    this.polling = poll;
    if (poll) this.poller.start();
    this.offline.kick();
    // The database may have been swapped since the last run (`syndic recover`). About
    // 30 ms per 10,000 cached images: after the first screen, not before it.
    this.imageCheckTimer = setTimeout(() => this.safety.checkImageCache(), IMAGE_CHECK_DELAY_MS);
    this.imageCheckTimer.unref?.();
    this.maintenance.start();
    if (poll) this.accounts.scheduler.start();
  }

  /** Stops the background work; the caller closes the database. */
  async shutdown(): Promise<void> {
    if (this.imageCheckTimer) clearTimeout(this.imageCheckTimer);
    this.accounts.scheduler.stop();
    await this.poller.cancel();
    await this.accounts.scheduler.idle();
    await this.offline.stop();
    await this.maintenance.stop();
    // The app's indexer stops at once: what it had not taken in is indexed at the next start.
    await this.searchIndex?.close();
    await this.parser.close();
  }

  /**
   * The file behind a cached image's local address (`/cache/images/<sha256>`), for the
   * transports that serve it; null for anything else.
   */
  cachedImageFile(pathname: string): { path: string; type: string } | null {
    if (!pathname.startsWith(CACHED_IMAGE_PREFIX)) return null;
    const hash = pathname.slice(CACHED_IMAGE_PREFIX.length);
    if (!/^[0-9a-f]{64}$/.test(hash)) return null;
    const file = imageFile(this.db, hash);
    return file ? { path: imagePath(this.dataDir, hash), type: file.type } : null;
  }

  /** Called by the doors for every unexpected failure (see data-safety.ts). */
  noticeFailure(error: unknown): void {
    this.safety.noticeFailure(error);
  }

  // Feeds and OPML

  async listFeeds(): Promise<Feed[]> {
    return this.feeds.listFeeds();
  }
  async discoverFeeds(url: string): Promise<DiscoveredFeed[]> {
    return this.feeds.discoverFeeds(url);
  }
  async addFeed(request: AddFeedRequest): Promise<AddFeedResult> {
    return this.changed(await this.feeds.addFeed(request));
  }
  async updateFeed(feedId: FeedId, patch: FeedPatch): Promise<Feed> {
    return this.changed(this.feeds.updateFeed(feedId, patch));
  }
  async deleteFeed(feedId: FeedId): Promise<void> {
    this.changed(this.feeds.deleteFeed(feedId));
  }
  async importOpml(text: string): Promise<OpmlImportReport> {
    return this.feeds.importOpml(text);
  }
  async exportOpml(): Promise<string> {
    return this.feeds.exportOpml();
  }

  // Tags

  async listTags(): Promise<Tag[]> {
    return this.tags.listTags();
  }
  async createTag(name: string): Promise<Tag> {
    return this.tags.createTag(name);
  }
  async renameTag(tagId: TagId, name: string): Promise<Tag> {
    return this.changed(this.tags.renameTag(tagId, name));
  }
  async mergeTags(from: TagId, into: TagId): Promise<Tag> {
    return this.changed(this.tags.mergeTags(from, into));
  }
  async deleteTag(tagId: TagId): Promise<void> {
    this.changed(this.tags.deleteTag(tagId));
  }
  async setFeedTags(feedId: FeedId, tagNames: string[]): Promise<Feed> {
    return this.changed(this.tags.setFeedTags(feedId, tagNames));
  }
  async tagArticle(articleId: ArticleId, tagName: string): Promise<void> {
    this.changed(this.tags.tagArticle(articleId, tagName));
  }
  async untagArticle(articleId: ArticleId, tagId: TagId): Promise<void> {
    this.changed(this.tags.untagArticle(articleId, tagId));
  }

  // Articles

  async listArticles(query: ArticleQuery, after: ArticleCursor | null, limit: number): Promise<ArticlePage> {
    // A search waits a moment for the index to take in the newest articles, then says what it has not.
    const indexing = query.search || query.author ? ((await this.searchIndex?.caughtUp(SEARCH_WAIT_MS)) ?? 0) : 0;
    const page = this.articles.listArticles(query, after, limit);
    return indexing ? { ...page, indexing } : page;
  }
  async countArticles(query: ArticleQuery): Promise<ArticleCount> {
    if (query.search || query.author) await this.searchIndex?.caughtUp(SEARCH_WAIT_MS);
    return this.articles.countArticles(query);
  }
  async getArticle(articleId: ArticleId): Promise<Article | null> {
    return this.articles.getArticle(articleId);
  }
  async markRead(articleIds: ArticleId[], read: boolean): Promise<MarkReadResult> {
    return this.changed(this.articles.markRead(articleIds, read));
  }
  async markViewRead(query: ArticleQuery, before: number | null): Promise<MarkReadResult> {
    return this.changed(this.articles.markViewRead(query, before));
  }
  async undoMarkRead(undoToken: string): Promise<number> {
    return this.changed(this.articles.undoMarkRead(undoToken));
  }
  async setStarred(articleId: ArticleId, starred: boolean): Promise<void> {
    this.changed(this.articles.setStarred(articleId, starred));
  }
  async fetchFullArticle(articleId: ArticleId): Promise<Article> {
    return this.articles.fetchFullArticle(articleId);
  }
  async getCounts(): Promise<Counts> {
    return this.ctx.counts();
  }

  // Refresh

  async refresh(feedIds: FeedId[] | null): Promise<RefreshSummary> {
    return this.poller.refresh(feedIds);
  }
  async cancelRefresh(): Promise<void> {
    await this.poller.cancel();
  }

  // Settings and data safety

  async getSettings(): Promise<Settings> {
    return getSettings(this.db);
  }
  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    return saveSettings(this.db, patch);
  }
  async getStorageInfo(): Promise<StorageInfo> {
    return this.safety.storageInfo();
  }
  async createBackup(): Promise<BackupInfo> {
    return this.safety.backup();
  }
  async restoreBackup(name: string): Promise<void> {
    return this.safety.restore(name);
  }
  async exportStarred(format: StarredExportFormat): Promise<string> {
    return this.safety.exportStarred(format);
  }
  async runMaintenance(): Promise<RetentionReport> {
    return this.safety.runMaintenance();
  }

  // Sync accounts

  /**
   * After a change the user made: a sync account's part of it waits in the outbox, and the
   * scheduler pushes it shortly (debounced).
   */
  private changed<T>(result: T): T {
    this.accounts.localChange();
    return result;
  }
  async listAccounts(): Promise<Account[]> {
    return this.accounts.list();
  }
  async testAccount(login: AccountLogin): Promise<ConnectionTest> {
    return this.accounts.test(login);
  }
  async addAccount(request: NewAccountRequest): Promise<Account> {
    return this.accounts.add(request);
  }
  async updateAccount(accountId: AccountId, patch: AccountPatch): Promise<Account> {
    return this.accounts.update(accountId, patch);
  }
  async removeAccount(accountId: AccountId, keepStarred: boolean): Promise<void> {
    return this.accounts.remove(accountId, keepStarred);
  }
  async syncNow(accountId: AccountId | null): Promise<SyncSummary[]> {
    return this.accounts.syncNow(accountId);
  }
  async moveLocalFeeds(accountId: AccountId, feedIds: FeedId[] | null): Promise<number> {
    return this.accounts.moveLocalFeeds(accountId, feedIds);
  }
  /** The machine is back online or awake: accounts sync soon. */
  resumed(): void {
    this.accounts.scheduler.resumed();
  }

  // Saved views, rules and notifications

  async listViews(): Promise<SavedView[]> {
    return this.views.list();
  }
  async createView(draft: SavedViewDraft): Promise<SavedView> {
    return this.views.create(draft);
  }
  async updateView(viewId: ViewId, draft: SavedViewDraft): Promise<SavedView> {
    return this.views.update(viewId, draft);
  }
  async deleteView(viewId: ViewId): Promise<void> {
    this.views.delete(viewId);
  }
  async reorderViews(viewIds: ViewId[]): Promise<SavedView[]> {
    return this.views.reorder(viewIds);
  }
  async listRules(): Promise<Rule[]> {
    return this.rules.list();
  }
  async createRule(draft: RuleDraft): Promise<Rule> {
    return this.rules.create(draft);
  }
  async updateRule(ruleId: RuleId, draft: RuleDraft): Promise<Rule> {
    return this.rules.update(ruleId, draft);
  }
  async deleteRule(ruleId: RuleId): Promise<void> {
    this.rules.delete(ruleId);
  }
  async reorderRules(ruleIds: RuleId[]): Promise<Rule[]> {
    return this.rules.reorder(ruleIds);
  }
  async previewRule(draft: RuleDraft): Promise<RulePreview> {
    return this.rules.preview(draft);
  }
  async applyRule(ruleId: RuleId): Promise<RuleRunReport> {
    return this.changed(this.rules.apply(ruleId));
  }
  async exportRules(): Promise<string> {
    return this.rules.exportText();
  }
  async importRules(text: string): Promise<RulesImportReport> {
    return this.rules.importText(text);
  }
  async setTagNotify(tagId: TagId, notify: boolean): Promise<Tag> {
    return this.tags.setNotify(tagId, notify);
  }
}
