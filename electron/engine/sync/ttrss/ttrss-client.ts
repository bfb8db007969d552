/**
 * SyncClient for Tiny Tiny RSS's JSON API (level 15, as in Debian's tt-rss 21). Each method
 * is a few API calls; the wire (ttrss-wire.ts) holds the session and turns failures into
 * SyncErrors. What level 15 cannot do, and what this client does instead:
 *
 * - No op creates a category or a label, renames a feed or moves it to another category.
 *   subscribe() with an unknown category subscribes uncategorized; setItemTag() with an
 *   unknown label (on) throws 'refused' saying to create the label in TT-RSS; renameFeed()
 *   throws 'refused'; setFeedTags() succeeds when the feed already has that category and
 *   throws 'refused' otherwise.
 * - updateArticle is only ever sent with mode 0 or 1, never 2 (toggle): a batch repeated
 *   after a lost answer must leave the same state.
 *
 * Requests of a sync round with nothing new: subscriptions() 2 (getFeeds, getCategories),
 * tagNames() 0 right after it, newItems() 1, unreadIds() floor(unread/200)+1, starredIds()
 * floor(starred/200)+1 (a list ends at its first short page, so an empty list is one call).
 */
import type { RemoteFeed, RemoteItem, SyncClient, SyncCredentials, TransferStats } from '../sync-client.js';
import { SyncError } from '../sync-error.js';
import {
  ALL_FEEDS_AND_LABELS,
  REAL_FEEDS,
  categoryIdOf,
  parseCategories,
  parseFeeds,
  parseLabels,
  remoteFeed,
  uniqueNames,
  type TtrssLabel,
} from './ttrss-feeds.js';
import { ALL_ARTICLES, STARRED, headlineIds, newHeadlines } from './ttrss-headlines.js';
import { articleIds, batches, itemFromJson } from './ttrss-items.js';
import { subscribeFailure } from './ttrss-subscribe.js';
import { asInt, isObject } from './ttrss-json.js';
import { TtrssApiError, TtrssWire } from './ttrss-wire.js';

export interface TtrssClientOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Deadline of one HTTP attempt (default 30 s). */
  timeoutMs?: number;
  /** Most time one call may spend waiting on Retry-After (default 60 s). */
  maxRetryWaitMs?: number;
}

/** getArticle ids per call: the query is `id IN (…)`, one placeholder each; 200 stays small. */
const ARTICLE_BATCH = 200;
/** updateArticle ids per call: one UPDATE … WHERE ref_id IN (…), cheap even at 500. */
const UPDATE_BATCH = 500;
/** setArticleLabel ids per call: TT-RSS runs a few queries per id, so smaller batches. */
const LABEL_BATCH = 200;
/** updateArticle's `field` values. */
const FIELD_STARRED = 0;
const FIELD_UNREAD = 2;
/** The title TT-RSS gives a feed until its first successful fetch. */
const UNKNOWN_TITLE = '[Unknown]';

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class TtrssClient implements SyncClient {
  readonly protocol = 'ttrss' as const;
  private readonly wire: TtrssWire;
  /**
   * Category and label names from the last subscriptions(), for the tagNames() that follows
   * it in a sync round (saving its calls). Used once: a later tagNames() asks again.
   */
  private names: { categories: Map<number, string>; labels: TtrssLabel[] } | null = null;

  constructor(credentials: SyncCredentials, options: TtrssClientOptions) {
    this.wire = new TtrssWire(credentials, {
      fetch: options.fetch ?? fetch,
      sleep: options.sleep ?? defaultSleep,
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetryWaitMs: options.maxRetryWaitMs ?? 60_000,
    });
  }

  get stats(): TransferStats {
    return this.wire.stats;
  }

  login(): Promise<void> {
    return this.wire.login();
  }

  async subscriptions(): Promise<RemoteFeed[]> {
    // One request at a time: TT-RSS keeps sessions in its database, and two requests of one
    // session racing to renew an expired one made it answer 500 (seen in the tests).
    const feedList = parseFeeds(await this.wire.call('getFeeds', { cat_id: ALL_FEEDS_AND_LABELS }));
    const categories = await this.categories();
    this.names = { categories, labels: feedList.labels };
    return feedList.feeds.map((feed) => remoteFeed(feed, categories));
  }

  async tagNames(): Promise<string[]> {
    let names = this.names;
    this.names = null;
    if (names === null) {
      const categories = await this.categories();
      const labels = await this.labels();
      names = { categories, labels };
    }
    const { categories, labels } = names;
    return uniqueNames([...categories.values(), ...labels.map((l) => l.caption)]);
  }

  unreadIds(): Promise<string[]> {
    return headlineIds(this.wire, ALL_ARTICLES, 'unread');
  }

  starredIds(): Promise<string[]> {
    return headlineIds(this.wire, STARRED, 'all_articles');
  }

  newItems(cursor: string | null, limit: number): Promise<{ items: RemoteItem[]; cursor: string | null }> {
    return newHeadlines(this.wire, cursor, limit);
  }

  async items(ids: readonly string[]): Promise<RemoteItem[]> {
    const found = new Map<string, RemoteItem>();
    for (const batch of batches([...new Set(articleIds(ids))], ARTICLE_BATCH)) {
      const content = await this.wire.call('getArticle', { article_id: batch.join(','), sanitize: false });
      if (!Array.isArray(content)) {
        throw new SyncError(
          'malformed',
          `TT-RSS at ${this.wire.host} answered getArticle with something that is not a list.`,
        );
      }
      for (const row of content) {
        // Articles whose feed is gone (archived) come back null and are left out.
        const item = itemFromJson(row);
        if (item !== null) found.set(item.remoteId, item);
      }
    }
    return [...found.values()];
  }

  setRead(ids: readonly string[], read: boolean): Promise<void> {
    return this.updateArticles(ids, FIELD_UNREAD, !read);
  }

  setStarred(ids: readonly string[], starred: boolean): Promise<void> {
    return this.updateArticles(ids, FIELD_STARRED, starred);
  }

  async setItemTag(ids: readonly string[], tag: string, on: boolean): Promise<void> {
    const labels = await this.labels();
    const label =
      labels.find((l) => l.caption === tag) ?? labels.find((l) => l.caption.toLowerCase() === tag.toLowerCase());
    if (label === undefined) {
      // Nothing to remove; and level 15 has no op that creates a label.
      if (!on) return;
      throw new SyncError(
        'refused',
        `TT-RSS at ${this.wire.host} has no label "${tag}", and its API cannot create one. Create the label in TT-RSS (Preferences → Labels), then sync again.`,
      );
    }
    for (const batch of batches(articleIds(ids), LABEL_BATCH)) {
      await this.wire.call('setArticleLabel', { article_ids: batch.join(','), label_id: label.id, assign: on });
    }
  }

  async subscribe(url: string, title: string | null, tags: readonly string[]): Promise<RemoteFeed> {
    const categories = await this.categories();
    const wanted = tags[0];
    // An unknown category cannot be created through the API: the feed goes uncategorized.
    const categoryId = wanted === undefined ? 0 : (categoryIdOf(categories, wanted) ?? 0);
    const content = await this.wire.call('subscribeToFeed', { feed_url: url, category_id: categoryId });
    const status = isObject(content) && isObject(content.status) ? content.status : null;
    const code = status === null ? null : asInt(status.code);
    const feedId = status === null ? null : asInt(status.feed_id);
    if (code !== 0 && code !== 1) throw subscribeFailure(this.wire.host, url, status);
    if (feedId === null) {
      throw new SyncError(
        'malformed',
        `TT-RSS at ${this.wire.host} subscribed to ${url} but did not say which feed it is.`,
      );
    }
    const feeds = parseFeeds(await this.wire.call('getFeeds', { cat_id: REAL_FEEDS })).feeds;
    const feed = feeds.find((f) => f.id === feedId);
    if (feed === undefined) {
      throw new SyncError('server', `TT-RSS at ${this.wire.host} subscribed to ${url} but does not list the feed.`);
    }
    const answer = remoteFeed(feed, categories);
    // Until TT-RSS first fetches a feed its title is a placeholder; the one asked for is better.
    if (answer.title === UNKNOWN_TITLE || answer.title === '') answer.title = title ?? url;
    return answer;
  }

  async unsubscribe(feedRemoteId: string): Promise<void> {
    const id = asInt(feedRemoteId);
    if (id === null || id <= 0) return; // not a TT-RSS feed id: nothing there to remove
    try {
      await this.wire.call('unsubscribeFeed', { feed_id: id });
    } catch (error) {
      // Already gone (another client, or a repeated call): the wanted state holds.
      if (error instanceof TtrssApiError && error.apiError === 'FEED_NOT_FOUND') return;
      throw error;
    }
  }

  renameFeed(_feedRemoteId: string, _title: string): Promise<void> {
    return Promise.reject(
      new SyncError(
        'refused',
        `TT-RSS's API cannot rename feeds: the new name stays in Syndic only (TT-RSS at ${this.wire.host} keeps its own; rename it in TT-RSS's preferences to change it there).`,
      ),
    );
  }

  async setFeedTags(feedRemoteId: string, tags: readonly string[]): Promise<void> {
    const feeds = parseFeeds(await this.wire.call('getFeeds', { cat_id: REAL_FEEDS })).feeds;
    const categories = await this.categories();
    const feed = feeds.find((f) => String(f.id) === feedRemoteId);
    if (feed === undefined) {
      throw new SyncError('refused', `TT-RSS at ${this.wire.host} has no feed ${feedRemoteId}.`);
    }
    const current = remoteFeed(feed, categories).tags[0];
    const wanted = tags[0];
    if (current?.toLowerCase() === wanted?.toLowerCase()) return;
    throw new SyncError(
      'refused',
      `TT-RSS's API cannot move feeds between categories: the feed stays in ${current === undefined ? 'Uncategorized' : `"${current}"`} on TT-RSS at ${this.wire.host}. Move it in TT-RSS's preferences.`,
    );
  }

  close(): Promise<void> {
    return this.wire.logout();
  }

  private async updateArticles(ids: readonly string[], field: number, on: boolean): Promise<void> {
    // mode 1 sets, 0 clears; 2 would toggle, and a retried toggle undoes itself.
    const mode = on ? 1 : 0;
    for (const batch of batches([...new Set(articleIds(ids))], UPDATE_BATCH)) {
      await this.wire.call('updateArticle', { article_ids: batch.join(','), field, mode });
    }
  }

  private async categories(): Promise<Map<number, string>> {
    return parseCategories(await this.wire.call('getCategories', { include_empty: true }));
  }

  private async labels(): Promise<TtrssLabel[]> {
    return parseLabels(await this.wire.call('getLabels'));
  }
}

/** A SyncClient for the TT-RSS at credentials.serverUrl (its base address or its /api/ address). */
export function createTtrssClient(credentials: SyncCredentials, options: TtrssClientOptions = {}): SyncClient {
  return new TtrssClient(credentials, options);
}
