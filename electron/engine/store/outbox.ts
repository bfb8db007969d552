/**
 * The sync outbox: local changes to a sync account's articles and feeds, waiting for its
 * server. Each is written inside the transaction of the change itself (the store's write
 * functions call these), so a change and its outbox entry exist together or not at all.
 *
 * Entries coalesce per target: marking an article read after unread leaves one entry,
 * "read", so a push sends the last state only, with absolute (never toggling) calls. The
 * sync engine deletes an entry only once the server has accepted it.
 *
 * Local-account articles have no row in synced_articles, so every function here is a
 * no-op for them: the join is the filter.
 */
import type { AccountId, ArticleId, FeedId } from '../../../shared/domain.js';
import { prepared, type Db } from './db.js';

export type ArticleAction = 'read' | 'unread' | 'star' | 'unstar';
export type FeedAction = 'subscribe' | 'unsubscribe' | 'rename' | 'set-tags';

/** The action an article action replaces (the same pair, either way). */
const PAIR: Record<ArticleAction, [ArticleAction, ArticleAction]> = {
  read: ['read', 'unread'],
  unread: ['read', 'unread'],
  star: ['star', 'unstar'],
  unstar: ['star', 'unstar'],
};

export interface OutboxEntry {
  id: number;
  accountId: AccountId;
  action: ArticleAction | 'tag' | 'untag' | FeedAction;
  /** The article's or feed's server id; for 'subscribe', the feed's URL. */
  target: string;
  /** Tag name ('tag'/'untag'), JSON for feed actions, else null. */
  value: string | null;
  createdAt: number;
}

/** Records read/unread/star/unstar for those of `ids` that belong to a sync account. */
export function recordArticleAction(db: Db, ids: readonly ArticleId[], action: ArticleAction, now: number): void {
  if (ids.length === 0) return;
  const json = JSON.stringify(ids);
  const [a, b] = PAIR[action];
  prepared(
    db,
    `DELETE FROM sync_outbox WHERE action IN (?, ?) AND (account_id, target) IN
       (SELECT account_id, remote_id FROM synced_articles WHERE article_id IN (SELECT value FROM json_each(?)))`,
  ).run(a, b, json);
  prepared(
    db,
    `INSERT INTO sync_outbox (account_id, action, target, value, created_at)
     SELECT account_id, ?, remote_id, NULL, ? FROM synced_articles WHERE article_id IN (SELECT value FROM json_each(?))`,
  ).run(action, now, json);
}

/** Records an article tag added or removed, if the article belongs to a sync account. */
export function recordArticleTag(db: Db, id: ArticleId, tagName: string, on: boolean, now: number): void {
  const synced = prepared<[number], { account_id: number; remote_id: string }>(
    db,
    'SELECT account_id, remote_id FROM synced_articles WHERE article_id = ?',
  ).get(id);
  if (!synced) return;
  prepared(
    db,
    "DELETE FROM sync_outbox WHERE account_id = ? AND target = ? AND action IN ('tag', 'untag') AND value = ?",
  ).run(synced.account_id, synced.remote_id, tagName);
  insertEntry(db, synced.account_id, on ? 'tag' : 'untag', synced.remote_id, tagName, now);
}

interface SyncedFeedRow {
  account_id: number;
  remote_id: string | null;
  url: string;
}

function syncedFeed(db: Db, feedId: FeedId): SyncedFeedRow | undefined {
  return prepared<[number], SyncedFeedRow>(
    db,
    'SELECT account_id, remote_id, url FROM feeds WHERE id = ? AND account_id <> 1',
  ).get(feedId);
}

/**
 * Records a change to a sync account's feed. A feed the server has not confirmed yet (no
 * remote id) is still a pending 'subscribe' keyed by its URL: later changes fold into it.
 */
export function recordFeedAction(db: Db, feedId: FeedId, action: FeedAction, value: unknown, now: number): void {
  const feed = syncedFeed(db, feedId);
  if (!feed) return;
  const target = feed.remote_id ?? feed.url;
  if (action === 'unsubscribe') {
    // Whatever was pending for the feed is moot; a never-confirmed subscribe just vanishes.
    prepared(db, 'DELETE FROM sync_outbox WHERE account_id = ? AND target = ?').run(feed.account_id, target);
    if (feed.remote_id == null) return;
  } else if (action !== 'subscribe') {
    prepared(db, 'DELETE FROM sync_outbox WHERE account_id = ? AND target = ? AND action = ?').run(
      feed.account_id,
      target,
      action,
    );
  }
  insertEntry(db, feed.account_id, action, target, JSON.stringify(value), now);
}

function insertEntry(db: Db, accountId: number, action: string, target: string, value: string | null, now: number) {
  prepared(db, 'INSERT INTO sync_outbox (account_id, action, target, value, created_at) VALUES (?, ?, ?, ?, ?)').run(
    accountId,
    action,
    target,
    value,
    now,
  );
}

interface EntryRow {
  id: number;
  account_id: number;
  action: OutboxEntry['action'];
  target: string;
  value: string | null;
  created_at: number;
}

/** The account's pending entries, oldest first. */
export function pendingEntries(db: Db, accountId: AccountId, limit = 100_000): OutboxEntry[] {
  return prepared<[number, number], EntryRow>(db, 'SELECT * FROM sync_outbox WHERE account_id = ? ORDER BY id LIMIT ?')
    .all(accountId, limit)
    .map((r) => ({
      id: r.id,
      accountId: r.account_id,
      action: r.action,
      target: r.target,
      value: r.value,
      createdAt: r.created_at,
    }));
}

/**
 * Drops entries the server accepted, each only if it still says what was sent. The id alone
 * is not enough: coalescing deletes the entry being sent and inserts the newer change, and
 * SQLite hands a new row the highest id plus one, which is the deleted entry's own id when it
 * was the newest. A change made meanwhile (read, then unread during the push) must stay.
 */
export function dropEntries(db: Db, entries: readonly Pick<OutboxEntry, 'id' | 'action' | 'target' | 'value'>[]): void {
  if (entries.length === 0) return;
  prepared(
    db,
    `DELETE FROM sync_outbox WHERE id IN (SELECT o.id FROM sync_outbox o JOIN json_each(?) j
       ON o.id = json_extract(j.value, '$[0]') AND o.action = json_extract(j.value, '$[1]')
       AND o.target = json_extract(j.value, '$[2]') AND o.value IS json_extract(j.value, '$[3]'))`,
  ).run(JSON.stringify(entries.map((e) => [e.id, e.action, e.target, e.value])));
}

/** Server ids of articles whose read or star state has a change not yet pushed. */
export function articlesWithPendingState(db: Db, accountId: AccountId): Set<string> {
  return new Set(
    prepared<[number], { target: string }>(
      db,
      "SELECT target FROM sync_outbox WHERE account_id = ? AND action IN ('read', 'unread', 'star', 'unstar')",
    )
      .all(accountId)
      .map((r) => r.target),
  );
}

export function pendingCount(db: Db, accountId: AccountId): number {
  return prepared<[number], { n: number }>(db, 'SELECT count(*) AS n FROM sync_outbox WHERE account_id = ?').get(
    accountId,
  )!.n;
}
