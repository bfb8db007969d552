/**
 * The running parts a refresh involves, wired together: the offline cache, maintenance,
 * what follows a refresh (after-refresh.ts), the poller and the search indexer, with the
 * events each sends to the windows. Kept apart from ReaderService so the service stays the
 * list of use cases it is, and this the one place that says what happens when a feed's
 * articles land.
 */
import type { Resolve } from '../feeds/address-guard.js';
import type { FetchOptions } from '../feeds/fetch.js';
import type { FeedParser } from '../feeds/parse-pool.js';
import { Maintenance } from '../offline/maintenance.js';
import { OfflineCache } from '../offline/offline-cache.js';
import { Poller } from '../poller/poller.js';
import type { NewArticleHooks } from '../rules/new-article-hooks.js';
import type { IsOnline } from '../connectivity.js';
import type { GroupCommitOptions } from '../store/group-commit.js';
import { SearchIndexer } from '../store/search-indexer.js';
import { getSettings } from '../store/settings.js';
import type { FeedRefreshResult } from '../../../shared/domain.js';
import { AfterRefresh } from './after-refresh.js';
import { LiveCounts } from './live-counts.js';
import type { ReaderContext } from './reader-context.js';
import type { Timers } from '../sync/sync-scheduler.js';

const MB = 1024 * 1024;

export interface RefreshPartsOptions {
  parser: FeedParser;
  dataDir: string;
  fetchOptions: FetchOptions;
  headless: boolean;
  isOnline: IsOnline;
  concurrency?: number;
  perHost?: number;
  group?: GroupCommitOptions;
  resolve?: Resolve;
  syncTimers?: Timers;
  onFeedDone?: (result: FeedRefreshResult) => void;
  /** The integrity check found damage (data-safety.ts decides what to tell the user). */
  reportDamage: (problem: string) => void;
  /** The rules and notifications, for the articles a refresh inserts. */
  hooks: NewArticleHooks;
  /** A refresh ended (notifications are sent then, grouped). */
  onRefreshEnded: () => void;
}

export interface RefreshParts {
  offline: OfflineCache;
  maintenance: Maintenance;
  afterRefresh: AfterRefresh;
  poller: Poller;
  /** Writes the full-text index behind every write path, on its own thread; none in the CLI. */
  searchIndex: SearchIndexer | null;
}

export function createRefreshParts(ctx: ReaderContext, options: RefreshPartsOptions): RefreshParts {
  const { db, now } = ctx;
  const { dataDir, fetchOptions, isOnline } = options;
  const offline: OfflineCache = new OfflineCache({
    db,
    dataDir,
    fetchOptions,
    now,
    isOnline,
    maxBytes: () => getSettings(db).imageCacheMB * MB,
    onStatus: (status) => ctx.emit('offline-status', status),
    onFeedIcons: (feedIds) => ctx.emit('feeds-changed', { feedIds }),
    resolve: options.resolve,
  });
  const maintenance: Maintenance = new Maintenance({
    db,
    dataDir,
    now,
    onRemoved: () => {
      ctx.emit('articles-changed', { feedIds: [] });
      ctx.countsChanged([]);
    },
    // A scheduled backup that failed (a full disk) must not pass unseen in the logs.
    onError: (error) => console.error(`Syndic: scheduled maintenance failed: ${String(error)}`),
    onDamaged: options.reportDamage,
  });
  const afterRefresh = new AfterRefresh({
    db,
    now,
    offline,
    headless: options.headless,
  });
  // Counts as feeds arrive, not only at the end of the refresh.
  const liveCounts = new LiveCounts(() => ctx.sendCounts(), now, options.syncTimers);
  const poller = new Poller({
    db,
    parser: options.parser,
    fetchOptions,
    now,
    // 64 in flight: with real latencies (TLS, 100-300 ms) a refresh is bound by waiting,
    // not by work; on loopback 64 against 32 measured 0.2 s faster for 14 MB more.
    concurrency: options.concurrency ?? 64,
    perHost: options.perHost ?? 2,
    defaultMinutes: () => getSettings(db).refreshMinutes,
    isOnline,
    group: options.group,
    hooks: options.hooks,
    onProgress: (progress) => {
      ctx.emit('refresh-progress', progress);
      if (progress.running) return;
      liveCounts.settled();
      ctx.sendCounts();
      afterRefresh.refreshEnded();
      // The last feed's own event also says "not running"; only the refresh's final event
      // (no feed) comes after the group's commit, when every new article is stored.
      if (progress.last === null) options.onRefreshEnded();
    },
    onFeedDone: (result) => {
      options.onFeedDone?.(result);
      if (!result.stored.length) return;
      afterRefresh.feedStored(result.stored);
      ctx.emit('articles-changed', { feedIds: [result.feedId] });
      liveCounts.articlesArrived();
    },
  });
  // The CLI's short runs start no indexer thread: a search there catches up first.
  // Once it has caught up, counts of saved views that search may have grown: sent as the
  // refresh's own, at most once a second.
  const searchIndex = options.headless
    ? null
    : new SearchIndexer(db, { onIndexed: () => liveCounts.articlesArrived() });
  return { offline, maintenance, afterRefresh, poller, searchIndex };
}
