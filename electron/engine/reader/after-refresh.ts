/**
 * What follows the articles a refresh stores: they are queued for the offline cache (in
 * one transaction at the end, or per thousand during a long refresh, rather than one per
 * feed, so the refresh's own writes stay short). The full-text index takes them in on its
 * own (store/search-indexer.ts).
 */
import type { ArticleId } from '../../../shared/domain.js';
import type { OfflineCache } from '../offline/offline-cache.js';
import type { Db } from '../store/db.js';
import { enqueueOffline } from '../store/images.js';

/** Stored articles queued for the offline cache in one transaction, during a long refresh. */
const FLUSH_EVERY = 1000;

export interface AfterRefreshOptions {
  db: Db;
  now: () => number;
  offline: OfflineCache;
  /**
   * The CLI: articles are still queued for the offline cache, but their images are
   * fetched by the app or by `syndic cache`, not by a cron job's refresh.
   */
  headless: boolean;
}

export class AfterRefresh {
  private stored: ArticleId[] = [];

  constructor(private readonly options: AfterRefreshOptions) {}

  /** One feed's transaction committed with these articles new or changed. */
  feedStored(ids: readonly ArticleId[]): void {
    if (!ids.length) return;
    for (const id of ids) this.stored.push(id);
    // A long refresh queues as it goes, so a crash loses at most a batch from the queue.
    if (this.stored.length >= FLUSH_EVERY) this.flush();
  }

  /** The refresh ended: queue what it stored. */
  refreshEnded(): void {
    this.flush();
  }

  /** Queues articles for the offline cache; the app starts on them at once, the CLI leaves them queued. */
  queueForOffline(ids: readonly ArticleId[]): void {
    if (this.options.headless) enqueueOffline(this.options.db, ids, this.options.now());
    else this.options.offline.enqueue(ids);
  }

  private flush(): void {
    const ids = this.stored;
    this.stored = [];
    if (!ids.length || !this.options.db.open) return;
    this.queueForOffline(ids);
  }
}
