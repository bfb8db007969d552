/**
 * The sync engine's writes: a server's subscriptions, items and states into the store.
 * These never touch the outbox (they are the server's news, not the user's changes), with
 * one exception: a local article matched to the server's copy (after "move my local feeds")
 * brings the user's read, star and tags, which go to the outbox for the server. Each call is
 * one transaction, so a sync killed at any point leaves either the old or the new state of
 * each step, never half of one.
 */
import type { AccountId, ArticleId, FeedId } from '../../../shared/domain.js';
import type { RemoteFeed, RemoteItem } from '../sync/sync-client.js';
import type { ParsedItem } from '../feeds/parse.js';
import type { InsertedArticles } from '../rules/new-article-hooks.js';
import { upsertFeedArticles } from './article-upsert.js';
import { applyRuleOutcomes, type ClassifyArticle } from './rule-outcome.js';
import { prepared, type Db } from './db.js';
import { CountDeltas } from './feed-counts.js';
import { deleteFeed, insertFeed } from './feeds.js';
import { recordArticleAction, recordArticleTag } from './outbox.js';
import { cleanTagName, ensureTag } from './tags.js';

interface LocalFeedRow {
  id: number;
  remote_id: string | null;
  url: string;
  title: string | null;
  remote_tags: string | null;
}

export interface FeedReconciliation {
  added: FeedId[];
  removed: FeedId[];
  /** Server feed id -> local feed id, for storing items. */
  feedIds: Map<string, FeedId>;
}

/**
 * Makes the account's feeds what the server has: adds new ones, drops those the server no
 * longer has, updates titles and tags. Feeds with a pending local change (`pendingTargets`:
 * an unconfirmed subscribe by URL, a rename, retag or unsubscribe) are left as they are:
 * the local change wins until the server has taken it.
 */
export function reconcileFeeds(
  db: Db,
  accountId: AccountId,
  remote: readonly RemoteFeed[],
  pendingTargets: ReadonlySet<string>,
  now: number,
): FeedReconciliation {
  return db.transaction(() => {
    const result: FeedReconciliation = { added: [], removed: [], feedIds: new Map() };
    const local = prepared<[number], LocalFeedRow>(
      db,
      'SELECT id, remote_id, url, title, remote_tags FROM feeds WHERE account_id = ?',
    ).all(accountId);
    const byRemote = new Map(local.filter((f) => f.remote_id != null).map((f) => [f.remote_id!, f]));
    const byUrl = new Map(local.map((f) => [f.url, f]));
    const seen = new Set<number>();
    for (const feed of remote) {
      let row = byRemote.get(feed.remoteId) ?? byUrl.get(feed.url);
      if (!row) {
        const { feed: created } = insertFeed(
          db,
          { url: feed.url, title: feed.title, siteUrl: feed.siteUrl, accountId, remoteId: feed.remoteId },
          now,
        );
        result.added.push(created.id);
        row = { id: created.id, remote_id: feed.remoteId, url: feed.url, title: feed.title, remote_tags: null };
      }
      seen.add(row.id);
      result.feedIds.set(feed.remoteId, row.id);
      if (pendingTargets.has(feed.remoteId) || pendingTargets.has(row.url)) continue;
      prepared(
        db,
        'UPDATE feeds SET remote_id = ?, url = ?, title = ?, site_url = coalesce(?, site_url) WHERE id = ?',
      ).run(feed.remoteId, feed.url, feed.title, feed.siteUrl, row.id);
      applyRemoteFeedTags(db, row, feed.tags, now);
    }
    for (const row of local) {
      if (seen.has(row.id)) continue;
      // Not on the server: gone there, unless it is ours and still waiting to be pushed.
      if (row.remote_id == null || pendingTargets.has(row.remote_id)) continue;
      deleteFeed(db, row.id, 'server');
      result.removed.push(row.id);
    }
    return result;
  })();
}

/**
 * The server's tags replace the ones it reported last time; tags only Syndic knows (a
 * TT-RSS feed's second tag, which has no place on the server) stay.
 */
function applyRemoteFeedTags(db: Db, row: LocalFeedRow, remoteTags: readonly string[], now: number): void {
  const before = new Set<string>(row.remote_tags ? (JSON.parse(row.remote_tags) as string[]) : []);
  const current = prepared<[number], { name: string }>(
    db,
    'SELECT t.name FROM feed_tags ft JOIN tags t ON t.id = ft.tag_id WHERE ft.feed_id = ?',
  )
    .all(row.id)
    .map((r) => r.name);
  const names = [...new Set([...current.filter((n) => !before.has(n)), ...remoteTags.map(cleanTagName)])];
  prepared(db, 'DELETE FROM feed_tags WHERE feed_id = ?').run(row.id);
  const add = prepared(db, 'INSERT OR IGNORE INTO feed_tags (tag_id, feed_id) VALUES (?, ?)');
  for (const name of names) add.run(ensureTag(db, name, now), row.id);
  prepared(db, 'UPDATE feeds SET remote_tags = ? WHERE id = ?').run(JSON.stringify(remoteTags), row.id);
}

/** Sets a feed's server id once the server has confirmed a subscribe. */
export function confirmFeed(db: Db, feedId: FeedId, remote: RemoteFeed): void {
  prepared(db, 'UPDATE feeds SET remote_id = ?, remote_tags = ? WHERE id = ?').run(
    remote.remoteId,
    JSON.stringify(remote.tags),
    feedId,
  );
}

function toParsedItem(item: RemoteItem): ParsedItem {
  return {
    id: item.guid ?? item.url ?? `remote:${item.remoteId}`,
    title: item.title,
    link: item.url,
    author: item.author,
    published: item.publishedAt,
    updated: item.updatedAt,
    summary: null,
    content: item.contentHtml,
    categories: [],
    enclosures: item.enclosures,
    thumbnailUrl: null,
  };
}

/** Server ids the account already has locally (to fetch only the bodies it lacks). */
export function knownRemoteIds(db: Db, accountId: AccountId): Set<string> {
  return new Set(
    prepared<[number], { remote_id: string }>(db, 'SELECT remote_id FROM synced_articles WHERE account_id = ?')
      .all(accountId)
      .map((r) => r.remote_id),
  );
}

/**
 * Stores items from the server: new ones become articles of their feed (matched first to
 * an unsynced local article of that feed with the same link or guid, as after "move my
 * feeds to this account"), and each gets the server's read, star and tags unless a local
 * change is pending for it. A matched local article keeps its own state instead: where it
 * differs from the server's, the difference is recorded in the outbox and pushed, and its
 * tags are kept (sent as labels) with the server's added. Items of feeds the account does
 * not have are skipped.
 */
export function storeRemoteItems(
  db: Db,
  accountId: AccountId,
  items: readonly RemoteItem[],
  feedIds: ReadonlyMap<string, FeedId>,
  pending: ReadonlySet<string>,
  now: number,
  hooks?: { classify: ClassifyArticle; inserted: (inserted: InsertedArticles) => void; firstSync: boolean },
): ArticleId[] {
  const inserted: ArticleId[] = [];
  db.transaction(() => {
    const byFeed = new Map<FeedId, RemoteItem[]>();
    for (const item of items) {
      const feedId = feedIds.get(item.feedRemoteId);
      if (feedId === undefined) continue;
      (byFeed.get(feedId) ?? byFeed.set(feedId, []).get(feedId)!).push(item);
    }
    const mapped = prepared<[number, string], { article_id: number }>(
      db,
      'SELECT article_id FROM synced_articles WHERE account_id = ? AND remote_id = ?',
    );
    const unsyncedMatch = prepared<[number, string, string], { id: number }>(
      db,
      `SELECT id FROM articles a WHERE feed_id = ? AND (url = ? OR guid = ?)
         AND NOT EXISTS (SELECT 1 FROM synced_articles s WHERE s.article_id = a.id) LIMIT 1`,
    );
    const byGuid = prepared<[string, number], { id: number }>(
      db,
      'SELECT id FROM articles WHERE guid = ? AND feed_id = ?',
    );
    const map = prepared(
      db,
      'INSERT OR IGNORE INTO synced_articles (account_id, remote_id, article_id) VALUES (?, ?, ?)',
    );
    for (const [feedId, feedItems] of byFeed) {
      const states = new StateWriter(db);
      const fresh: RemoteItem[] = [];
      const adopted = new Set<string>();
      for (const item of feedItems) {
        if (mapped.get(accountId, item.remoteId)) continue;
        const parsed = toParsedItem(item);
        const match = item.url ? unsyncedMatch.get(feedId, item.url, parsed.id) : byGuid.get(parsed.id, feedId);
        if (match) {
          map.run(accountId, item.remoteId, match.id);
          adoptLocalState(db, match.id, item, now);
          adopted.add(item.remoteId);
        } else fresh.push(item);
      }
      const result = upsertFeedArticles(db, feedId, fresh.map(toParsedItem), now, hooks?.classify);
      inserted.push(...result.inserted);
      for (const item of fresh) {
        const row = byGuid.get(toParsedItem(item).id, feedId);
        if (row) map.run(accountId, item.remoteId, row.id);
      }
      for (const item of feedItems) {
        const row = mapped.get(accountId, item.remoteId);
        if (!row || pending.has(item.remoteId) || adopted.has(item.remoteId)) continue;
        states.set(row.article_id, item.read, item.starred);
        setArticleTags(db, row.article_id, item.tags, now);
      }
      // The rules act last, over the server's state, and their changes go back through the outbox.
      states.finish();
      applyRuleOutcomes(db, result.ruled, now);
      if (result.inserted.length)
        hooks?.inserted({ feedId, ids: result.inserted, ruled: result.ruled, firstFetch: hooks.firstSync });
    }
  })();
  return inserted;
}

/**
 * A local article just matched to the server's copy: the user's read and star state where it
 * differs from the server's, and the user's tags, go to the outbox (the mapping exists now,
 * so the outbox knows the server id); the server's labels are added to the local tags.
 */
function adoptLocalState(db: Db, articleId: ArticleId, item: RemoteItem, now: number): void {
  const local = prepared<[number], { read: number; starred: number }>(
    db,
    'SELECT read, starred FROM articles WHERE id = ?',
  ).get(articleId);
  if (!local) return;
  if ((local.read === 1) !== item.read) recordArticleAction(db, [articleId], local.read ? 'read' : 'unread', now);
  if ((local.starred === 1) !== item.starred)
    recordArticleAction(db, [articleId], local.starred ? 'star' : 'unstar', now);
  const names = prepared<[number], { name: string }>(
    db,
    'SELECT t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?',
  )
    .all(articleId)
    .map((r) => r.name);
  for (const name of names) if (!item.tags.includes(name)) recordArticleTag(db, articleId, name, true, now);
  const add = prepared(db, 'INSERT OR IGNORE INTO article_tags (tag_id, article_id) VALUES (?, ?)');
  for (const name of item.tags) add.run(ensureTag(db, name, now), articleId);
}

/** Replaces an article's tags with the server's labels. */
function setArticleTags(db: Db, articleId: ArticleId, names: readonly string[], now: number): void {
  prepared(db, 'DELETE FROM article_tags WHERE article_id = ?').run(articleId);
  const add = prepared(db, 'INSERT OR IGNORE INTO article_tags (tag_id, article_id) VALUES (?, ?)');
  for (const name of names) add.run(ensureTag(db, name, now), articleId);
}

/** Read and star writes that keep the feeds' counters right. */
class StateWriter {
  private readonly counts = new CountDeltas();
  private readonly update;
  constructor(private readonly db: Db) {
    this.update = prepared<[number, number, number, number, number], unknown>(
      db,
      'UPDATE articles SET read = ?, starred = ? WHERE id = ? AND (read <> ? OR starred <> ?)',
    );
  }
  set(articleId: ArticleId, read: boolean, starred: boolean): void {
    const before = prepared<[number], { read: number; feed_id: number }>(
      this.db,
      'SELECT read, feed_id FROM articles WHERE id = ?',
    ).get(articleId);
    if (!before) return;
    const r = read ? 1 : 0;
    const s = starred ? 1 : 0;
    if (this.update.run(r, s, articleId, r, s).changes > 0 && before.read !== r) {
      this.counts.readChanged(before.feed_id, read);
    }
  }
  finish(): void {
    this.counts.apply(this.db);
  }
}

export interface StateSets {
  unread: ReadonlySet<string>;
  starred: ReadonlySet<string>;
}

/**
 * Makes every synced article's read and star state the server's (unread = in the unread
 * set, starred = in the starred set), except articles with a pending local change: those
 * keep the local state, which the next push sends. Returns how many articles changed.
 */
export function applyRemoteStates(db: Db, accountId: AccountId, sets: StateSets, pending: ReadonlySet<string>): number {
  let changed = 0;
  db.transaction(() => {
    const rows = prepared<[number], { article_id: number; remote_id: string; read: number; starred: number }>(
      db,
      `SELECT s.article_id, s.remote_id, a.read, a.starred FROM synced_articles s
       JOIN articles a ON a.id = s.article_id WHERE s.account_id = ?`,
    ).all(accountId);
    const states = new StateWriter(db);
    for (const row of rows) {
      if (pending.has(row.remote_id)) continue;
      const read = !sets.unread.has(row.remote_id);
      const starred = sets.starred.has(row.remote_id);
      if ((row.read === 1) === read && (row.starred === 1) === starred) continue;
      states.set(row.article_id, read, starred);
      changed++;
    }
    states.finish();
  })();
  return changed;
}

/** A sync account's feed by its server id or, before the server confirmed it, its URL. */
export function feedByTarget(
  db: Db,
  accountId: AccountId,
  target: string,
): { id: FeedId; url: string; userTitle: string | null } | null {
  const row = prepared<[number, string, string], { id: number; url: string; user_title: string | null }>(
    db,
    'SELECT id, url, user_title FROM feeds WHERE account_id = ? AND (remote_id = ? OR (remote_id IS NULL AND url = ?))',
  ).get(accountId, target, target);
  return row ? { id: row.id, url: row.url, userTitle: row.user_title } : null;
}
