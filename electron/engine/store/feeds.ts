/** Feeds table: subscriptions, their fetch state, and their row-to-domain conversion. */
import { cachedImageAddress } from '../../../shared/cached-image.js';
import {
  KEPT_FEED_SCHEME,
  LOCAL_ACCOUNT_ID,
  type AccountId,
  type Feed,
  type FeedError,
  type FeedId,
  type FeedOpenMode,
} from '../../../shared/domain.js';
import type { NetworkKind } from '../../../shared/network-kind.js';
import { prepared, type Db } from './db.js';
import { recordFeedAction } from './outbox.js';
import { queueFeedForRemoval } from './search-backlog.js';

interface FeedRow {
  id: number;
  account_id: number;
  remote_id: string | null;
  remote_tags: string | null;
  url: string;
  site_url: string | null;
  title: string | null;
  user_title: string | null;
  description: string | null;
  icon_url: string | null;
  icon_hash: string | null;
  etag: string | null;
  last_modified: string | null;
  body_hash: string | null;
  ttl_minutes: number | null;
  max_age_seconds: number | null;
  refresh_minutes: number | null;
  fetch_full_text: number;
  open_as: FeedOpenMode;
  notify: number;
  last_fetch_at: number | null;
  next_fetch_at: number | null;
  error_count: number;
  last_error: string | null;
  created_at: number;
  unread_count: number;
  article_count: number;
  tag_ids: string | null;
}

const SELECT_FEED = `
  SELECT f.*, (SELECT group_concat(tag_id) FROM feed_tags WHERE feed_id = f.id) AS tag_ids
  FROM feeds f`;

export function rowToFeed(row: FeedRow): Feed {
  return {
    id: row.id,
    accountId: row.account_id,
    url: row.url,
    siteUrl: row.site_url,
    title: row.title,
    userTitle: row.user_title,
    description: row.description,
    iconUrl: row.icon_url,
    cachedIcon: row.icon_hash ? cachedImageAddress(row.icon_hash) : null,
    tags: row.tag_ids ? row.tag_ids.split(',').map(Number) : [],
    refreshMinutes: row.refresh_minutes,
    fetchFullText: row.fetch_full_text === 1,
    openAs: row.open_as,
    notify: row.notify === 1,
    lastFetchAt: row.last_fetch_at,
    nextFetchAt: row.next_fetch_at,
    errorCount: row.error_count,
    lastError: row.last_error ? (JSON.parse(row.last_error) as FeedError) : null,
    unreadCount: row.unread_count,
    articleCount: row.article_count,
    createdAt: row.created_at,
  };
}

export function listFeeds(db: Db): Feed[] {
  return prepared<[], FeedRow>(db, `${SELECT_FEED} ORDER BY coalesce(f.user_title, f.title, f.url) COLLATE NOCASE`)
    .all()
    .map(rowToFeed);
}

export function getFeed(db: Db, id: FeedId): Feed | null {
  const row = prepared<[number], FeedRow>(db, `${SELECT_FEED} WHERE f.id = ?`).get(id);
  return row ? rowToFeed(row) : null;
}

export function findFeedByUrl(db: Db, url: string, accountId: AccountId = LOCAL_ACCOUNT_ID): Feed | null {
  const row = prepared<[string, number], FeedRow>(db, `${SELECT_FEED} WHERE f.url = ? AND f.account_id = ?`).get(
    url,
    accountId,
  );
  return row ? rowToFeed(row) : null;
}

export interface NewFeed {
  url: string;
  /** Default: the local account. */
  accountId?: AccountId;
  /** The server's id, for a sync account's feed. */
  remoteId?: string | null;
  title?: string | null;
  userTitle?: string | null;
  siteUrl?: string | null;
}

/** Inserts a feed, or returns the existing one with that URL. */
export function insertFeed(db: Db, feed: NewFeed, now: number): { feed: Feed; created: boolean } {
  const accountId = feed.accountId ?? LOCAL_ACCOUNT_ID;
  const existing = findFeedByUrl(db, feed.url, accountId);
  if (existing) return { feed: existing, created: false };
  // A server's feed is never due for Syndic's poller (next_fetch_at NULL): its server fetches it.
  const info = prepared(
    db,
    `INSERT INTO feeds (account_id, remote_id, url, title, user_title, site_url, created_at, next_fetch_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    accountId,
    feed.remoteId ?? null,
    feed.url,
    feed.title ?? null,
    feed.userTitle ?? null,
    feed.siteUrl ?? null,
    now,
    accountId === LOCAL_ACCOUNT_ID ? now : null,
  );
  return { feed: getFeed(db, Number(info.lastInsertRowid))!, created: true };
}

export interface FeedPatchRow {
  userTitle?: string | null;
  url?: string;
  refreshMinutes?: number | null;
  fetchFullText?: boolean;
  openAs?: FeedOpenMode;
  notify?: boolean;
}

export function updateFeedSettings(db: Db, id: FeedId, patch: FeedPatchRow): void {
  const sets: [string, unknown][] = [];
  if (patch.userTitle !== undefined) sets.push(['user_title = ?', patch.userTitle]);
  if (patch.url !== undefined) {
    // A new address is a new resource: forget the old validators and body hash.
    sets.push(['url = ?', patch.url], ['etag = ?', null], ['last_modified = ?', null], ['body_hash = ?', null]);
  }
  if (patch.refreshMinutes !== undefined) sets.push(['refresh_minutes = ?', patch.refreshMinutes]);
  if (patch.fetchFullText !== undefined) sets.push(['fetch_full_text = ?', patch.fetchFullText ? 1 : 0]);
  if (patch.openAs !== undefined) sets.push(['open_as = ?', patch.openAs]);
  if (patch.notify !== undefined) sets.push(['notify = ?', patch.notify ? 1 : 0]);
  if (sets.length === 0) return;
  db.transaction(() => {
    db.prepare(`UPDATE feeds SET ${sets.map(([column]) => column).join(', ')} WHERE id = ?`).run(
      ...sets.map(([, value]) => value),
      id,
    );
    // A sync account's server keeps one title: a cleared user title goes back to the feed's own.
    if (patch.userTitle !== undefined) {
      const title = patch.userTitle ?? getFeed(db, id)?.title ?? null;
      if (title) recordFeedAction(db, id, 'rename', title, Date.now());
    }
  })();
}

/** What a refresh learned about the feed, written after a successful fetch. */
export interface FetchSuccess {
  url?: string;
  title: string | null;
  siteUrl: string | null;
  description: string | null;
  iconUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  ttlMinutes: number | null;
  maxAgeSeconds: number | null;
  fetchedAt: number;
  nextFetchAt: number;
}

export function recordFetchSuccess(db: Db, id: FeedId, s: FetchSuccess): void {
  prepared(
    db,
    `UPDATE feeds SET url = coalesce(?, url), title = coalesce(?, title), site_url = coalesce(?, site_url),
       description = coalesce(?, description), icon_url = coalesce(?, icon_url), etag = ?, last_modified = ?,
       body_hash = coalesce(?, body_hash), ttl_minutes = ?, max_age_seconds = ?, last_fetch_at = ?,
       next_fetch_at = ?, error_count = 0, last_error = NULL
     WHERE id = ?`,
  ).run(
    s.url ?? null,
    s.title,
    s.siteUrl,
    s.description,
    s.iconUrl,
    s.etag,
    s.lastModified,
    s.bodyHash,
    s.ttlMinutes,
    s.maxAgeSeconds,
    s.fetchedAt,
    s.nextFetchAt,
    id,
  );
}

/** A 304 or an unchanged body: only the schedule and validators move. */
export function recordNotModified(
  db: Db,
  id: FeedId,
  s: {
    url?: string;
    etag: string | null;
    lastModified: string | null;
    maxAgeSeconds: number | null;
    fetchedAt: number;
    nextFetchAt: number;
  },
): void {
  prepared(
    db,
    `UPDATE feeds SET url = coalesce(?, url), etag = coalesce(?, etag), last_modified = coalesce(?, last_modified),
       max_age_seconds = ?, last_fetch_at = ?, next_fetch_at = ?, error_count = 0, last_error = NULL
     WHERE id = ?`,
  ).run(s.url ?? null, s.etag, s.lastModified, s.maxAgeSeconds, s.fetchedAt, s.nextFetchAt, id);
}

export function recordFetchError(db: Db, id: FeedId, error: FeedError, nextFetchAt: number): void {
  prepared(
    db,
    `UPDATE feeds SET error_count = error_count + 1, last_error = ?, last_fetch_at = ?, next_fetch_at = ? WHERE id = ?`,
  ).run(JSON.stringify(error), error.at, nextFetchAt, id);
}

/** Internal fetch state the poller needs (not part of the domain Feed). */
export interface FeedFetchState {
  id: FeedId;
  url: string;
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  errorCount: number;
  refreshMinutes: number | null;
  ttlMinutes: number | null;
  maxAgeSeconds: number | null;
  nextFetchAt: number | null;
}

/** The fetch state of the local account's feeds: only those are Syndic's to fetch. */
export function fetchStates(db: Db, ids: FeedId[] | null): FeedFetchState[] {
  // Feeds holding starred articles kept from a removed account have nothing to fetch.
  const rows = prepared<[number, string], FeedRow>(
    db,
    "SELECT * FROM feeds WHERE account_id = ? AND url NOT LIKE ? || '%' ORDER BY id",
  ).all(LOCAL_ACCOUNT_ID, KEPT_FEED_SCHEME);
  const wanted = ids ? new Set(ids) : null;
  return rows
    .filter((r) => !wanted || wanted.has(r.id))
    .map((r) => ({
      id: r.id,
      url: r.url,
      etag: r.etag,
      lastModified: r.last_modified,
      bodyHash: r.body_hash,
      errorCount: r.error_count,
      refreshMinutes: r.refresh_minutes,
      ttlMinutes: r.ttl_minutes,
      maxAgeSeconds: r.max_age_seconds,
      nextFetchAt: r.next_fetch_at,
    }));
}

/**
 * Deletes a feed with its articles, their contents, tags and full-text entries. The user
 * deleting a sync account's feed unsubscribes it on the server (through the outbox); the
 * server having dropped it ('server') does not.
 */
export function deleteFeed(db: Db, id: FeedId, origin: 'user' | 'server' = 'user'): void {
  db.transaction(() => {
    if (origin === 'user') recordFeedAction(db, id, 'unsubscribe', null, Date.now());
    queueFeedForRemoval(db, id);
    prepared(db, 'DELETE FROM feeds WHERE id = ?').run(id);
  })();
}

/** What the offline cache needs to keep each feed's icon (see shared/feed-icon.ts). */
export interface FeedIconRow {
  id: FeedId;
  url: string;
  siteUrl: string | null;
  iconUrl: string | null;
  iconHash: string | null;
  /** Where the feed lives (store/feed-network.ts): the icon is named by the feed. */
  network: NetworkKind | null;
}

export function feedIconRows(db: Db): FeedIconRow[] {
  return prepared<[], FeedIconRow>(
    db,
    `SELECT id, url, site_url AS siteUrl, icon_url AS iconUrl, icon_hash AS iconHash, network
     FROM feeds ORDER BY id`,
  ).all();
}

/** Names the cached copy of a feed's icon (a row of image_files), or forgets it. */
export function setFeedIconHash(db: Db, id: FeedId, hash: string | null): void {
  prepared(db, 'UPDATE feeds SET icon_hash = ? WHERE id = ?').run(hash, id);
}
