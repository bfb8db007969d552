/**
 * ReaderService: every use case of the reader, once. Electron IPC, the browser-mode
 * WebSocket and the CLI are thin doors over it. Store calls are synchronous and short;
 * the API is async at this boundary so the store can move to a worker later.
 */
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import type {
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
  Article,
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
import { CACHED_IMAGE_PREFIX, cachedImageAddress } from '../../../shared/cached-image.js';
import { messageOf } from '../../../shared/error-message.js';
import { parseHttpUrl } from '../../../shared/url.js';
import type { FailureObserver } from './failure-observer.js';
import { UserError } from './user-error.js';
import { nodeIsOnline, type IsOnline } from '../connectivity.js';
import { starredAsHtml, starredAsJson } from './export-starred.js';
import { discoverFeeds } from '../feeds/discover.js';
import { DEFAULT_FETCH_OPTIONS, FetchError, type FetchOptions } from '../feeds/fetch.js';
import { parseOpml, writeOpml } from '../feeds/opml.js';
import { createParsePool, type FeedParser } from '../feeds/parse-pool.js';
import { Maintenance } from '../offline/maintenance.js';
import { reconcileImageCache } from '../offline/image-cache-check.js';
import { imagePath } from '../offline/image-files.js';
import { OfflineCache } from '../offline/offline-cache.js';
import { Poller } from '../poller/poller.js';
import * as articles from '../store/articles.js';
import { BackupNotFoundError, createBackup, listBackups, restoreBackup } from '../store/backup.js';
import { getCounts } from '../store/counts.js';
import type { GroupCommitOptions } from '../store/group-commit.js';
import type { Db } from '../store/db.js';
import * as feeds from '../store/feeds.js';
import { cachedImagesOf, enqueueOffline, imageFile, touchArticleImages } from '../store/images.js';
import { damageMark, markDamaged } from '../store/integrity.js';
import { isDamagedDatabaseError } from '../store/recovery.js';
import { mergeNewSegmentsNow } from '../store/search-index.js';
import { getSettings, saveSettings } from '../store/settings.js';
import { listStarred } from '../store/starred.js';
import * as tags from '../store/tags.js';

/** How long after start the image cache is checked against the database. */
const IMAGE_CHECK_DELAY_MS = 5_000;

export { UserError };

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
   * images are fetched by the app or by `syndic cache`, not by a cron job's refresh.
   */
  headless?: boolean;
  /** How a refresh groups feeds' writes into commits (tests use small groups). */
  group?: GroupCommitOptions;
}

const MB = 1024 * 1024;
/** Stored articles queued for the offline cache in one transaction, during a long refresh. */
const FLUSH_EVERY = 1000;
/** How many of a feed's latest articles get their full text when the user turns it on. */
const FULL_TEXT_BACKFILL = 50;

const UNDO_KEPT = 10;

export class ReaderService implements ReaderApi, FailureObserver {
  readonly db: Db;
  /** The folder of the database: image cache and backups live beside it. */
  readonly dataDir: string;
  readonly poller: Poller;
  readonly offline: OfflineCache;
  readonly maintenance: Maintenance;
  /** Articles a refresh stored, queued for the offline cache when the refresh ends. */
  private storedSinceLastFlush: ArticleId[] = [];
  /** A refresh wrote full-text index segments that are not merged yet (schema 4). */
  private unmergedSegments = false;
  private readonly headless: boolean;
  /** Polling was started (by the app); a restore resumes it. */
  private started = false;
  private imageCheckTimer: NodeJS.Timeout | null = null;
  private readonly now: () => number;
  private readonly fetchOptions: FetchOptions;
  private readonly emit: NonNullable<ServiceOptions['emit']>;
  private readonly parser: FeedParser;
  private readonly undo = new Map<string, { ids: ArticleId[]; read: boolean }>();

  constructor(options: ServiceOptions) {
    this.db = options.db;
    this.now = options.now ?? Date.now;
    this.fetchOptions = options.fetchOptions ?? DEFAULT_FETCH_OPTIONS;
    this.emit = options.emit ?? (() => undefined);
    this.parser = options.parser ?? createParsePool();
    this.headless = options.headless ?? false;
    this.dataDir = dirname(this.db.name);
    const isOnline = options.isOnline ?? nodeIsOnline;
    this.offline = new OfflineCache({
      db: this.db,
      dataDir: this.dataDir,
      fetchOptions: this.fetchOptions,
      now: this.now,
      isOnline,
      maxBytes: () => getSettings(this.db).imageCacheMB * MB,
      onStatus: (status) => this.emit('offline-status', status),
      onSearchIndexWritten: () => void this.maintenance.mergeAfterRefresh(),
      onFeedIcons: (feedIds) => this.emit('feeds-changed', { feedIds }),
    });
    this.maintenance = new Maintenance({
      db: this.db,
      dataDir: this.dataDir,
      now: this.now,
      onRemoved: () => {
        this.emit('articles-changed', { feedIds: [] });
        this.countsChanged([]);
      },
      // A scheduled backup that failed (a full disk) must not pass unseen in the logs.
      onError: (error) => console.error(`Syndic: scheduled maintenance failed: ${String(error)}`),
      onDamaged: (problem) => this.reportDamage(problem),
    });
    this.poller = new Poller({
      db: this.db,
      parser: this.parser,
      fetchOptions: this.fetchOptions,
      now: this.now,
      // 64 in flight: with real latencies (TLS, 100-300 ms) a refresh is bound by waiting,
      // not by work; on loopback 64 against 32 measured 0.2 s faster for 14 MB more.
      concurrency: options.concurrency ?? 64,
      perHost: options.perHost ?? 2,
      defaultMinutes: () => getSettings(this.db).refreshMinutes,
      isOnline,
      group: options.group,
      onProgress: (progress) => {
        this.emit('refresh-progress', progress);
        if (!progress.running) {
          if (this.db.open) this.emit('counts-changed', this.counts());
          this.flushStored();
          // The app merges the index segments the refresh wrote while idle; the CLI at its end.
          if (this.unmergedSegments && !this.headless) {
            this.unmergedSegments = false;
            void this.maintenance.mergeAfterRefresh();
          }
        }
      },
      onFeedDone: (result) => {
        options.onFeedDone?.(result);
        if (result.stored.length) {
          this.unmergedSegments = true;
          this.emit('articles-changed', { feedIds: [result.feedId] });
          for (const id of result.stored) this.storedSinceLastFlush.push(id);
          // A long refresh queues as it goes, so a crash loses at most a batch from the queue.
          if (this.storedSinceLastFlush.length >= FLUSH_EVERY) this.flushStored();
        }
      },
    });
  }

  /**
   * Queues what the refresh stored for the offline cache, in one transaction at the end
   * (or per thousand articles) rather than one per feed: the refresh's own writes stay as
   * short as they can be.
   */
  private flushStored(): void {
    const ids = this.storedSinceLastFlush;
    this.storedSinceLastFlush = [];
    if (!ids.length || !this.db.open) return;
    this.queueForOffline(ids);
  }

  /** Queues articles for the offline cache; the app starts on them at once, the CLI leaves them queued. */
  private queueForOffline(ids: readonly ArticleId[]): void {
    if (this.headless) enqueueOffline(this.db, ids, this.now());
    else this.offline.enqueue(ids);
  }

  /** Starts the background work of a running app: polling, the offline cache, maintenance. */
  start({ poll = true }: { poll?: boolean } = {}): void {
    this.started = poll;
    if (poll) this.poller.start();
    this.offline.kick();
    // The database may have been swapped since the last run (`syndic recover`). About
    // 30 ms per 10,000 cached images: after the first screen, not before it.
    this.imageCheckTimer = setTimeout(() => this.checkImageCache(), IMAGE_CHECK_DELAY_MS);
    this.imageCheckTimer.unref?.();
    this.maintenance.start();
  }

  private counts(): Counts {
    return getCounts(this.db, this.now(), getSettings(this.db).dedupe);
  }

  private requireFeed(id: FeedId): Feed {
    const feed = feeds.getFeed(this.db, id);
    if (!feed) throw new UserError(`There is no feed with id ${id}`);
    return feed;
  }

  private countsChanged(feedIds: FeedId[]): void {
    this.emit('counts-changed', this.counts());
    if (feedIds.length) this.emit('feeds-changed', { feedIds });
  }

  // Feeds

  async listFeeds(): Promise<Feed[]> {
    return feeds.listFeeds(this.db);
  }

  async discoverFeeds(url: string): Promise<DiscoveredFeed[]> {
    try {
      return await discoverFeeds(url, this.fetchOptions);
    } catch (error) {
      if (error instanceof FetchError) throw new UserError(`Could not open ${url}: ${error.message}`);
      throw error;
    }
  }

  async addFeed(request: AddFeedRequest): Promise<AddFeedResult> {
    const address = request.url.trim();
    if (address === '') throw new UserError('Enter the address of a feed or of a site');
    const direct = parseHttpUrl(address);
    if (direct) {
      const existing = feeds.findFeedByUrl(this.db, direct.href);
      if (existing) return { kind: 'exists', feed: existing };
    }
    const candidates = await this.discoverFeeds(address);
    if (candidates.length === 0) {
      throw new UserError(
        `No feed was found at ${address}. Check the address, or look for an RSS or Atom link on the site.`,
      );
    }
    if (candidates.length > 1) return { kind: 'choose', candidates };
    const candidate = candidates[0]!;
    const { feed, created } = feeds.insertFeed(
      this.db,
      { url: candidate.url, title: candidate.title, userTitle: request.title ?? null },
      this.now(),
    );
    if (request.tags?.length)
      tags.setFeedTags(this.db, feed.id, [...new Set([...this.tagNames(feed), ...request.tags])], this.now());
    if (request.fetchFullText) feeds.updateFeedSettings(this.db, feed.id, { fetchFullText: true });
    if (created) await this.poller.refresh([feed.id]).catch(() => undefined);
    this.countsChanged([feed.id]);
    return { kind: created ? 'added' : 'exists', feed: this.requireFeed(feed.id) };
  }

  private tagNames(feed: Feed): string[] {
    const byId = new Map(tags.listTagRows(this.db).map((t) => [t.id, t.name]));
    return feed.tags.map((id) => byId.get(id)).filter((n): n is string => n != null);
  }

  async updateFeed(feedId: FeedId, patch: FeedPatch): Promise<Feed> {
    const before = this.requireFeed(feedId);
    if (patch.url !== undefined) {
      const url = parseHttpUrl(patch.url);
      if (!url) throw new UserError(`"${patch.url}" is not an http or https address`);
      const other = feeds.findFeedByUrl(this.db, url.href);
      if (other && other.id !== feedId) throw new UserError(`Another feed already uses ${url.href}`);
      patch = { ...patch, url: url.href };
    }
    if (patch.refreshMinutes != null && (patch.refreshMinutes < 5 || patch.refreshMinutes > 7 * 24 * 60)) {
      throw new UserError('The refresh interval must be between 5 minutes and 7 days');
    }
    feeds.updateFeedSettings(this.db, feedId, patch);
    if (patch.fetchFullText && !before.fetchFullText) {
      // Turning full articles on fetches them for what the feed already has, not only for what comes next.
      this.queueForOffline(articles.withoutFullContent(this.db, feedId, FULL_TEXT_BACKFILL));
    }
    this.emit('feeds-changed', { feedIds: [feedId] });
    return this.requireFeed(feedId);
  }

  async deleteFeed(feedId: FeedId): Promise<void> {
    this.requireFeed(feedId);
    feeds.deleteFeed(this.db, feedId);
    this.countsChanged([feedId]);
  }

  // Tags

  async listTags(): Promise<Tag[]> {
    const counts = this.counts();
    return tags.listTagRows(this.db).map((row) => tags.toTag(row, counts.tags[row.id] ?? 0));
  }

  private tag(id: TagId): Tag {
    const row = tags.getTagRow(this.db, id);
    if (!row) throw new UserError(`There is no tag with id ${id}`);
    return tags.toTag(row, this.counts().tags[id] ?? 0);
  }

  private guard<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof tags.TagNameError) throw new UserError(error.message);
      throw error;
    }
  }

  async createTag(name: string): Promise<Tag> {
    return this.tag(this.guard(() => tags.ensureTag(this.db, name, this.now())));
  }

  async renameTag(tagId: TagId, name: string): Promise<Tag> {
    this.tag(tagId);
    this.guard(() => tags.renameTag(this.db, tagId, name));
    this.emit('feeds-changed', { feedIds: [] });
    return this.tag(tagId);
  }

  async mergeTags(from: TagId, into: TagId): Promise<Tag> {
    this.tag(from);
    this.tag(into);
    tags.mergeTags(this.db, from, into);
    this.countsChanged([]);
    return this.tag(into);
  }

  async deleteTag(tagId: TagId): Promise<void> {
    this.tag(tagId);
    tags.deleteTag(this.db, tagId);
    this.countsChanged([]);
  }

  async setFeedTags(feedId: FeedId, tagNames: string[]): Promise<Feed> {
    this.requireFeed(feedId);
    this.guard(() => tags.setFeedTags(this.db, feedId, tagNames, this.now()));
    this.countsChanged([feedId]);
    return this.requireFeed(feedId);
  }

  async tagArticle(articleId: ArticleId, tagName: string): Promise<void> {
    if (!articles.getArticle(this.db, articleId)) throw new UserError(`There is no article with id ${articleId}`);
    const tagId = this.guard(() => tags.ensureTag(this.db, tagName, this.now()));
    tags.tagArticle(this.db, articleId, tagId);
    this.countsChanged([]);
  }

  async untagArticle(articleId: ArticleId, tagId: TagId): Promise<void> {
    tags.untagArticle(this.db, articleId, tagId);
    this.countsChanged([]);
  }

  // Articles

  async listArticles(query: ArticleQuery, after: ArticleId | null, limit: number): Promise<ArticlePage> {
    const dedupe = query.dedupe ?? getSettings(this.db).dedupe;
    return articles.listArticles(this.db, { ...query, dedupe }, after, Math.max(1, Math.min(limit, 500)), this.now());
  }

  async getArticle(articleId: ArticleId): Promise<Article | null> {
    const article = articles.getArticle(this.db, articleId);
    if (!article) return null;
    // Opening an article makes its images the last the cache would evict.
    touchArticleImages(this.db, articleId, this.now());
    return this.withCachedImages(article);
  }

  private withCachedImages(article: Article): Article {
    const cached: Record<string, string> = {};
    for (const [url, hash] of cachedImagesOf(this.db, article.id)) cached[url] = cachedImageAddress(hash);
    return { ...article, cachedImages: cached };
  }

  private rememberUndo(ids: ArticleId[], read: boolean): string | null {
    if (ids.length === 0) return null;
    const token = randomUUID();
    this.undo.set(token, { ids, read });
    while (this.undo.size > UNDO_KEPT) this.undo.delete(this.undo.keys().next().value!);
    return token;
  }

  async markRead(articleIds: ArticleId[], read: boolean): Promise<MarkReadResult> {
    const changed = articles.markRead(this.db, articleIds, read);
    if (changed.length) this.countsChanged(articles.articleFeedIds(this.db, changed));
    return { count: changed.length, undoToken: this.rememberUndo(changed, read) };
  }

  async markViewRead(query: ArticleQuery, before: number | null): Promise<MarkReadResult> {
    const changed = articles.markViewRead(this.db, query, before, this.now());
    if (changed.length) this.countsChanged(articles.articleFeedIds(this.db, changed));
    return { count: changed.length, undoToken: this.rememberUndo(changed, true) };
  }

  async undoMarkRead(undoToken: string): Promise<number> {
    const entry = this.undo.get(undoToken);
    if (!entry) throw new UserError('There is nothing to undo any more');
    this.undo.delete(undoToken);
    // Exactly the articles that changed go back, copies included (they were in the list).
    const count = articles.setReadExactly(this.db, entry.ids, !entry.read);
    this.countsChanged(articles.articleFeedIds(this.db, entry.ids));
    return count;
  }

  async setStarred(articleId: ArticleId, starred: boolean): Promise<void> {
    if (!articles.setStarred(this.db, articleId, starred))
      throw new UserError(`There is no article with id ${articleId}`);
    this.countsChanged([]);
  }

  async getCounts(): Promise<Counts> {
    return this.counts();
  }

  // Refresh

  async refresh(feedIds: FeedId[] | null): Promise<RefreshSummary> {
    return this.poller.refresh(feedIds);
  }

  async cancelRefresh(): Promise<void> {
    await this.poller.cancel();
  }

  // OPML and settings

  async importOpml(text: string): Promise<OpmlImportReport> {
    const parsed = parseOpml(text);
    const report: OpmlImportReport = { added: 0, skipped: 0, tagsCreated: 0, problems: parsed.problems };
    const tagsBefore = tags.listTagRows(this.db).length;
    const now = this.now();
    this.db.transaction(() => {
      for (const entry of parsed.feeds) {
        try {
          const { feed, created } = feeds.insertFeed(
            this.db,
            { url: entry.url, title: entry.title, siteUrl: entry.siteUrl },
            now,
          );
          // A feed already subscribed (or listed twice) is skipped; its folders still tag it.
          if (created) report.added++;
          else report.skipped++;
          for (const name of entry.tags) tags.addFeedTag(this.db, feed.id, tags.ensureTag(this.db, name, now));
        } catch (error) {
          report.problems.push({ line: entry.line, message: messageOf(error) });
        }
      }
    })();
    report.tagsCreated = tags.listTagRows(this.db).length - tagsBefore;
    report.problems.sort((a, b) => a.line - b.line);
    this.countsChanged([]);
    return report;
  }

  async exportOpml(): Promise<string> {
    const names = new Map(tags.listTagRows(this.db).map((t) => [t.id, t.name]));
    return writeOpml(
      feeds.listFeeds(this.db).map((f) => ({
        url: f.url,
        title: f.userTitle ?? f.title ?? f.url,
        siteUrl: f.siteUrl,
        tags: f.tags.map((id) => names.get(id)!).filter(Boolean),
      })),
      new Date(this.now()),
    );
  }

  async getSettings(): Promise<Settings> {
    return getSettings(this.db);
  }

  async updateSettings(patch: Partial<Settings>): Promise<Settings> {
    return saveSettings(this.db, patch);
  }

  // Offline reading and data safety

  async fetchFullArticle(articleId: ArticleId): Promise<Article> {
    if (!articles.getArticle(this.db, articleId)) throw new UserError(`There is no article with id ${articleId}`);
    try {
      await this.offline.cacheArticle(articleId, true);
    } catch (error) {
      const reason = messageOf(error);
      throw new UserError(`The full article could not be fetched: ${reason}. The feed's own text is still shown.`);
    }
    this.emit('articles-changed', { feedIds: [] });
    return this.withCachedImages(articles.getArticle(this.db, articleId)!);
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

  /**
   * Called by the door for every unexpected failure. SQLite finding a damaged page while
   * the app runs (past the quick check at start) is said once, with the restore, and
   * remembered so the next start offers the recovery choice.
   */
  noticeFailure(error: unknown): void {
    if (!isDamagedDatabaseError(error)) return;
    if (damageMark(this.db.name)) return;
    const problem = messageOf(error);
    markDamaged(this.db.name, problem);
    this.reportDamage(problem);
  }

  private reportDamage(problem: string): void {
    this.emit('database-damaged', { problem, latestBackup: listBackups(this.dataDir)[0]?.name ?? null });
  }

  async getStorageInfo(): Promise<StorageInfo> {
    let databaseBytes = 0;
    for (const suffix of ['', '-wal']) {
      try {
        databaseBytes += statSync(this.db.name + suffix).size;
      } catch {
        // No WAL right after a checkpoint.
      }
    }
    return {
      dataDir: this.dataDir,
      databaseBytes,
      articleCount: this.counts().all,
      offline: this.offline.status(),
      backups: listBackups(this.dataDir),
      lastMaintenanceAt: this.maintenance.lastRunAt(),
    };
  }

  async createBackup(): Promise<BackupInfo> {
    return createBackup(this.db, this.dataDir, this.now(), getSettings(this.db).backupsKept);
  }

  async restoreBackup(name: string): Promise<void> {
    // Nothing may write while the content is replaced; polling and caching resume after.
    await this.poller.cancel();
    await this.offline.pause();
    try {
      await restoreBackup(this.db, this.dataDir, name, this.now(), getSettings(this.db).backupsKept);
      // The backup may list images evicted since it was made: forget them, fetch them again.
      this.checkImageCache();
    } catch (error) {
      if (error instanceof BackupNotFoundError) throw new UserError(error.message);
      throw error;
    } finally {
      this.undo.clear();
      if (this.started) this.poller.start();
      this.offline.resume();
      if (!this.headless) this.offline.kick();
    }
    this.emit('data-replaced', {});
    this.countsChanged([]);
  }

  /** Makes the image cache's rows and files agree (see offline/image-cache-check.ts). */
  private checkImageCache(): void {
    try {
      const { requeued } = reconcileImageCache(this.db, this.dataDir, this.now());
      if (requeued.length && !this.headless) this.offline.kick();
    } catch {
      // Housekeeping only: an unreadable cache folder leaves things as they were, and
      // must not stop the app from starting or fail a restore that succeeded.
    }
  }

  async exportStarred(format: StarredExportFormat): Promise<string> {
    const rows = listStarred(this.db);
    return format === 'json' ? starredAsJson(rows, this.now()) : starredAsHtml(rows, this.now());
  }

  async runMaintenance(): Promise<RetentionReport> {
    return { removed: this.maintenance.tidy({ asked: true }) };
  }

  /** Stops the background work; the caller closes the database. */
  async shutdown(): Promise<void> {
    if (this.imageCheckTimer) clearTimeout(this.imageCheckTimer);
    await this.poller.cancel();
    // A command-line refresh leaves no idle time to merge in: it merges before it exits.
    if (this.unmergedSegments && this.db.open && !this.db.inTransaction) mergeNewSegmentsNow(this.db);
    this.unmergedSegments = false;
    await this.offline.stop();
    await this.maintenance.stop();
    await this.parser.close();
  }
}

// The compiler checks the service against the contract both ways: every method present,
// none with a different signature.
const contractCheck = (service: ReaderService): ReaderApi => service;
void contractCheck;
