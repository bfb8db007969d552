/**
 * The SyncClient for the Google Reader API, as FreshRSS, Miniflux, The Old Reader and BazQux
 * speak it. Sync with it rests on id sets (unread, starred) rather than "what changed since":
 * the protocol has no cheap form of the latter, so newItems is not offered, and a sync that
 * finds nothing new costs four requests plus continuations.
 *
 * Edits send one state change per request, because FreshRSS reads only the last `a` and the
 * last `r` of a request: a batch that mixed them would silently drop all but one.
 */
import { SyncError } from '../sync-error.js';
import type { RemoteFeed, RemoteItem, SyncClient, SyncCredentials, TransferStats } from '../sync-client.js';
import { parseSubscriptions, parseTagNames } from './greader-feeds.js';
import { GReaderHttp } from './greader-http.js';
import { type FoldersOf, feedIdsOf, itemRecords, toRemoteItem } from './greader-items.js';
import { isRecord, labelStream, numeric, text } from './greader-json.js';
import { GReaderWire, type Params } from './greader-wire.js';
import { allIds } from './id-paging.js';
import { longItemId, normaliseItemId } from './item-ids.js';

export interface GReaderClientOptions {
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Deadline of one HTTP attempt (default 30 s). */
  timeoutMs?: number;
  /** Most time one request may spend waiting on Retry-After (default 60 s). */
  maxRetryWaitMs?: number;
  /** Ids asked per stream/items/ids page (default 1000; servers may answer fewer). */
  pageSize?: number;
}

export interface GReaderClient extends SyncClient {
  /** The API root found by probing (to show, or to store so the next start skips probing). */
  readonly endpoint: string | null;
}

const STATE = 'user/-/state/com.google/';
const READING_LIST = `${STATE}reading-list`;
const READ = `${STATE}read`;
const STARRED = `${STATE}starred`;
/** Ids per items or edit-tag request: FreshRSS and Miniflux take more, proxies limit bodies. */
const BATCH = 250;

export function createGReaderClient(credentials: SyncCredentials, options: GReaderClientOptions = {}): GReaderClient {
  return new GReaderSyncClient(credentials, options);
}

class GReaderSyncClient implements GReaderClient {
  readonly protocol = 'greader' as const;
  private readonly http: GReaderHttp;
  private readonly wire: GReaderWire;
  private readonly pageSize: number;
  /** Each feed's folders, from the last subscription/list: told apart from item labels. */
  private folders: Map<string, readonly string[]> | null = null;

  constructor(credentials: SyncCredentials, options: GReaderClientOptions) {
    this.http = new GReaderHttp({
      fetch: options.fetch ?? globalThis.fetch,
      sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetryWaitMs: options.maxRetryWaitMs ?? 60_000,
    });
    this.wire = new GReaderWire(credentials, this.http);
    this.pageSize = Math.max(1, Math.floor(options.pageSize ?? 1000));
  }

  get stats(): TransferStats {
    return this.http.stats;
  }

  get endpoint(): string | null {
    return this.wire.endpoint;
  }

  login(): Promise<void> {
    return this.wire.login();
  }

  async subscriptions(): Promise<RemoteFeed[]> {
    const json = await this.wire.getJson('subscription/list', [['output', 'json']]);
    const feeds = parseSubscriptions(json, (detail) => this.wire.malformed('subscription/list', detail));
    this.folders = new Map(feeds.map((feed) => [feed.remoteId, feed.tags]));
    return feeds;
  }

  async tagNames(): Promise<string[]> {
    const json = await this.wire.getJson('tag/list', [['output', 'json']]);
    return parseTagNames(json, (detail) => this.wire.malformed('tag/list', detail));
  }

  unreadIds(): Promise<string[]> {
    return allIds(this.wire, { s: READING_LIST, xt: READ, pageSize: this.pageSize });
  }

  starredIds(): Promise<string[]> {
    return allIds(this.wire, { s: STARRED, pageSize: this.pageSize });
  }

  async items(ids: readonly string[]): Promise<RemoteItem[]> {
    const records = [];
    for (const batch of batches(uniqueIds(ids))) {
      const form: Params = batch.map((id) => ['i', longItemId(id)]);
      const json = await this.wire.postJson('stream/items/contents', form, [['output', 'json']]);
      records.push(...itemRecords(json, (detail) => this.wire.malformed('stream/items/contents', detail)));
    }
    // Items' categories name their feed's folder as a label; to leave it out, know the folders.
    const feedIds = feedIdsOf(records);
    if (this.folders === null || [...feedIds].some((id) => !this.folders?.has(id))) await this.subscriptions();
    const folders = this.folders ?? new Map<string, readonly string[]>();
    const foldersOf: FoldersOf = (feedId) => folders.get(feedId);
    return records.flatMap((record) => toRemoteItem(record, foldersOf) ?? []);
  }

  setRead(ids: readonly string[], read: boolean): Promise<void> {
    return this.editTag(ids, read ? 'a' : 'r', READ);
  }

  setStarred(ids: readonly string[], starred: boolean): Promise<void> {
    return this.editTag(ids, starred ? 'a' : 'r', STARRED);
  }

  setItemTag(ids: readonly string[], tag: string, on: boolean): Promise<void> {
    return this.editTag(ids, on ? 'a' : 'r', labelStream(tag));
  }

  async subscribe(url: string, title: string | null, tags: readonly string[]): Promise<RemoteFeed> {
    const existing = (await this.subscriptions()).find((feed) => feed.url === url);
    if (existing) return existing;
    const json = await this.wire.postJson('subscription/quickadd', [['quickadd', url]]);
    const streamId = isRecord(json) && (numeric(json, 'numResults') ?? 0) > 0 ? text(json, 'streamId') : null;
    if (streamId === null) {
      const said = isRecord(json) ? text(json, 'error') : null;
      throw new SyncError(
        'refused',
        `${this.wire.host} could not subscribe to ${url}${said ? `: ${said.slice(0, 200)}` : ''}.`,
      );
    }
    await this.editFeed(streamId, title, [], tags);
    const feed = (await this.subscriptions()).find((f) => f.remoteId === streamId);
    return feed ?? { remoteId: streamId, url, title: title ?? url, siteUrl: null, tags: [...tags] };
  }

  async unsubscribe(feedRemoteId: string): Promise<void> {
    await this.wire.post('subscription/edit', [
      ['ac', 'unsubscribe'],
      ['s', feedRemoteId],
    ]);
    this.folders?.delete(feedRemoteId);
  }

  async renameFeed(feedRemoteId: string, title: string): Promise<void> {
    await this.editFeed(feedRemoteId, title, [], []);
  }

  async setFeedTags(feedRemoteId: string, tags: readonly string[]): Promise<void> {
    const feed = (await this.subscriptions()).find((f) => f.remoteId === feedRemoteId);
    if (!feed) throw new SyncError('refused', `${this.wire.host} has no subscription ${feedRemoteId}.`);
    const wanted = [...new Set(tags)];
    const remove = feed.tags.filter((tag) => !wanted.includes(tag));
    const add = wanted.filter((tag) => !feed.tags.includes(tag));
    await this.editFeed(feedRemoteId, null, remove, add);
  }

  async close(): Promise<void> {
    // The Google Reader API has no logout: the auth token lives until the password changes.
  }

  /**
   * subscription/edit, one label per request: FreshRSS reads only the last `a` and `r`, and a
   * feed there (and on Miniflux) is in one folder, so each `a` moves it. Removals go first
   * (FreshRSS's `r` moves the feed to its default folder), then additions, the first tag last,
   * so a one-folder server keeps the first tag, as TT-RSS's one category does.
   */
  private async editFeed(
    feedRemoteId: string,
    title: string | null,
    remove: readonly string[],
    add: readonly string[],
  ): Promise<void> {
    const changes: Params[] = [
      ...remove.map((tag): Params => [['r', labelStream(tag)]]),
      ...[...add].reverse().map((tag): Params => [['a', labelStream(tag)]]),
    ];
    if (title !== null) (changes[0] ??= []).push(['t', title]);
    for (const change of changes) {
      await this.wire.post('subscription/edit', [['ac', 'edit'], ['s', feedRemoteId], ...change]);
    }
    if (changes.length > 0) this.folders = null; // moved: learn the folders again when needed
  }

  /** edit-tag with one `a` or one `r`, in batches of ids. */
  private async editTag(ids: readonly string[], op: 'a' | 'r', stream: string): Promise<void> {
    for (const batch of batches(uniqueIds(ids))) {
      const form: Params = batch.map((id) => ['i', longItemId(id)]);
      form.push([op, stream]);
      await this.wire.post('edit-tag', form);
    }
  }
}

function uniqueIds(ids: readonly string[]): string[] {
  const out = new Set<string>();
  for (const id of ids) {
    const normal = normaliseItemId(id);
    if (normal === null) throw new Error(`not a Google Reader item id: ${id}`);
    out.add(normal);
  }
  return [...out];
}

function batches<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH) out.push(items.slice(i, i + BATCH));
  return out;
}
