/**
 * Keeping articles readable offline, in the background after a refresh: every feed's
 * icon, then for each queued article the full article when its feed asks for it and
 * every image it shows, into the image cache. Work is taken from the `offline_queue`
 * table, so a quit or a crash resumes where it stopped; the network is never asked while
 * the machine is offline; the cache is kept under its size cap after every article.
 * Everything an article names is fetched under the private-network rule of its feed
 * (feeds/address-guard.ts): a public feed cannot point the cache at the local network.
 */
import { existsSync } from 'node:fs';
import type { ArticleId, FeedId, OfflineStatus } from '../../../shared/domain.js';
import { feedIconAddress } from '../../../shared/feed-icon.js';
import type { IsOnline } from '../connectivity.js';
import type { AddressGuard, Resolve } from '../feeds/address-guard.js';
import { fetchFeed, FetchError, type FetchOptions } from '../feeds/fetch.js';
import { sharedCancel } from '../feeds/shared-cancel.js';
import * as articles from '../store/articles.js';
import type { Db } from '../store/db.js';
import { feedIconRows, getFeed, setFeedIconHash } from '../store/feeds.js';
import { feedNetworkRow } from '../store/feed-network.js';
import { setFullContent } from '../store/full-content.js';
import * as images from '../store/images.js';
import { wantsFullText } from '../store/rule-outcome.js';
import { feedNetworkOf, guardFor } from './feed-network.js';
import { fetchFullArticle } from './full-text.js';
import { deleteImageFile, hashOf, imagePath, imageTypeOf, writeImageFile } from './image-files.js';
import { imageUrlsOf } from './image-urls.js';
import { messageOf } from '../../../shared/error-message.js';

const DAY = 24 * 60 * 60 * 1000;
/** One image larger than this is not worth keeping offline. */
const MAX_IMAGE_BYTES = 12 * 1024 * 1024;
const ACCEPT_IMAGES = 'image/avif,image/webp,image/png,image/jpeg,image/gif,image/svg+xml,image/*;q=0.8';
/** Images fetched at once: the cache is background work and must not crowd out a refresh. */
const IMAGE_CONCURRENCY = 4;
/** Failures that mean "the network", not "this image": the article stays queued. */
const TRANSIENT = new Set(['dns', 'refused', 'network', 'timeout', 'offline']);

export interface OfflineCacheOptions {
  db: Db;
  dataDir: string;
  fetchOptions: FetchOptions;
  now: () => number;
  isOnline: IsOnline;
  /** The cache's size cap in bytes, read each time (the user can change it). */
  maxBytes: () => number;
  onStatus?: (status: OfflineStatus) => void;
  /** These feeds' icons are now cached (or their copy changed): the sidebar can show them. */
  onFeedIcons?: (feedIds: FeedId[]) => void;
  /** Resolves names for the private-network check; the system's resolver unless a test injects one. */
  resolve?: Resolve;
}

export class OfflineCache {
  private draining: Promise<void> | null = null;
  private controller = sharedCancel();
  private stopped = false;
  private paused = false;
  private done = 0;
  /**
   * Feeds may have been added or refreshed (a new icon) since the icons were last looked at.
   * Set by every kick, so feeds added while a round is at work get their icons in it.
   */
  private iconsDue = true;

  constructor(private readonly options: OfflineCacheOptions) {}

  /** Queues articles and starts working through the queue. */
  enqueue(ids: readonly ArticleId[]): void {
    images.enqueueOffline(this.options.db, ids, this.options.now());
    this.kick();
  }

  /** Starts draining the queue, unless already at it, stopped or offline. */
  kick(): void {
    this.iconsDue = true;
    if (this.draining || this.stopped || this.paused || !this.options.isOnline()) return;
    this.draining = this.drain()
      // A failure that is not one image's (a full disk, a closed database) ends this
      // round; the queue keeps the work for the next.
      .catch(() => undefined)
      .finally(() => {
        this.draining = null;
        this.report();
      });
  }

  /** Resolves when the queue is empty (or the work paused: offline, stopped). */
  async whenIdle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  status(): OfflineStatus {
    const { db } = this.options;
    const totals = images.cacheTotals(db);
    return {
      queued: images.queueLength(db),
      working: this.draining !== null,
      imageFiles: totals.files,
      imageBytes: totals.bytes,
      maxImageBytes: this.options.maxBytes(),
    };
  }

  private report(): void {
    if (this.options.db.open) this.options.onStatus?.(this.status());
  }

  /** Finishes the article at hand and waits (a restore must not race the cache's writes). */
  async pause(): Promise<void> {
    this.paused = true;
    await this.whenIdle();
  }

  resume(): void {
    this.paused = false;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.controller.abort();
    await this.whenIdle();
  }

  private async drain(): Promise<void> {
    const { db } = this.options;
    this.report();
    for (;;) {
      if (this.stopped || this.paused || !db.open || !this.options.isOnline()) return;
      if (this.iconsDue) {
        this.iconsDue = false;
        await this.cacheFeedIcons();
        continue;
      }
      const batch = images.nextQueued(db, 16);
      if (batch.length === 0) {
        if (this.iconsDue) continue;
        return;
      }
      for (const id of batch) {
        if (this.stopped || this.paused || !db.open) return;
        const outcome = await this.cacheArticle(id, false);
        if (!db.open) return;
        if (outcome === 'retry') images.markAttempt(db, id);
        else images.dequeue(db, id);
        this.evict();
        if (++this.done % 20 === 0) this.report();
      }
    }
  }

  /** Keeps the cache under its cap: least recently read first, starred articles' images kept. */
  evict(): void {
    for (const hash of images.evictImages(this.options.db, this.options.maxBytes()))
      deleteImageFile(this.options.dataDir, hash);
  }

  /**
   * Makes one article readable offline. `forceFullText` fetches the full article even if
   * its feed does not ask for it (the reader's "full article" button). Returns 'retry'
   * when the network failed (the article stays queued), else 'done'.
   */
  async cacheArticle(id: ArticleId, forceFullText: boolean): Promise<'done' | 'retry'> {
    const { db, now } = this.options;
    const article = articles.getArticle(db, id);
    if (!article) return 'done';
    let fullContent = article.fullContent;
    let transient = false;
    const feed = getFeed(db, article.feedId);
    const feedNetwork = feedNetworkOf(feedNetworkRow(db, article.feedId));
    const guard = (what: string): AddressGuard => guardFor(what, feedNetwork, this.options.resolve);
    // A rule's "keep the full article" is on the queue row, read here before it is removed.
    if (!fullContent && article.url && (forceFullText || feed?.fetchFullText || wantsFullText(db, id))) {
      try {
        const full = await fetchFullArticle(
          article.url,
          this.options.fetchOptions,
          guard('full article'),
          this.controller.signal,
        );
        if (!db.open) return 'retry';
        setFullContent(db, id, full.html);
        fullContent = full.html;
      } catch (error) {
        if (forceFullText) throw error;
        if (error instanceof FetchError && TRANSIENT.has(error.kind)) transient = true;
      }
    }
    const urls = imageUrlsOf([article.content, article.summary, fullContent], [article.thumbnailUrl], article.url);
    images.setArticleImages(db, id, urls);
    const pending = urls.filter((url) => this.needsFetch(url, now()));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < pending.length && !this.stopped) {
        const url = pending[next++]!;
        if ((await this.cacheImage(url, guard('image'))) === 'retry') transient = true;
      }
    };
    await Promise.all(Array.from({ length: Math.min(IMAGE_CONCURRENCY, pending.length) }, worker));
    return transient ? 'retry' : 'done';
  }

  /**
   * Keeps a copy of every feed's icon: fetched the first time, again when the feed names
   * another image, and a day after a failure (many sites answer 404 for /favicon.ico).
   * Once every icon is kept this costs one lookup per feed.
   */
  private async cacheFeedIcons(): Promise<void> {
    const { db, now } = this.options;
    const feeds = feedIconRows(db);
    const changed: FeedId[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < feeds.length && !this.stopped && !this.paused && db.open) {
        const feed = feeds[next++]!;
        const address = feedIconAddress(feed);
        if (!address) continue;
        // A network failure is tried again a day later too (an icon is not worth a lookup
        // of a dead domain at every start), unless the whole machine went offline or the
        // app quit mid-fetch: neither says anything about the icon's site.
        const guard = guardFor('icon', feedNetworkOf(feed), this.options.resolve);
        if (this.needsFetch(address, now()) && (await this.cacheImage(address, guard)) === 'retry') {
          if (db.open && !this.stopped && this.options.isOnline())
            images.recordImageError(db, address, 'The network failed', now());
          continue;
        }
        if (!db.open) return;
        const hash = images.imageState(db, address)?.hash ?? null;
        if (hash === feed.iconHash) continue;
        setFeedIconHash(db, feed.id, hash);
        changed.push(feed.id);
      }
    };
    await Promise.all(Array.from({ length: IMAGE_CONCURRENCY }, worker));
    if (changed.length && db.open) this.options.onFeedIcons?.(changed);
  }

  private needsFetch(url: string, now: number): boolean {
    const state = images.imageState(this.options.db, url);
    if (!state) return true;
    if (state.hash) return !existsSync(imagePath(this.options.dataDir, state.hash));
    // A broken image is tried again a day later, not on every refresh.
    return now - state.fetched_at > DAY;
  }

  /** Fetches one image into the cache; a refusal by the guard is recorded like a broken image. */
  private async cacheImage(url: string, guard: AddressGuard): Promise<'done' | 'retry'> {
    const { db, now } = this.options;
    try {
      const fetched = await fetchFeed(
        { url, accept: ACCEPT_IMAGES, signal: this.controller.signal, guard },
        { ...this.options.fetchOptions, maxBytes: MAX_IMAGE_BYTES },
      );
      if (!db.open) return 'retry';
      if (fetched.kind !== 'ok') return 'done';
      const type = imageTypeOf(fetched.contentType, fetched.body);
      if (!type) {
        images.recordImageError(db, url, `Not an image (${fetched.contentType ?? 'no type'})`, now());
        return 'done';
      }
      const hash = hashOf(fetched.body);
      writeImageFile(this.options.dataDir, hash, fetched.body);
      images.recordImage(db, url, { hash, type, bytes: fetched.body.length }, now());
      return 'done';
    } catch (error) {
      if (!db.open) return 'retry';
      if (error instanceof FetchError && TRANSIENT.has(error.kind)) return 'retry';
      images.recordImageError(db, url, messageOf(error), now());
      return 'done';
    }
  }
}
