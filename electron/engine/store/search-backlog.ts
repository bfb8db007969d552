/**
 * What the full-text index still has to take in: every write that adds, changes or
 * removes an article appends its sort key to `search_backlog` in the same transaction
 * (schema 11), and the indexer works through it behind the writes (search-indexing.ts).
 * The key, not the id (schema 12): it is the index's rowid, so a removed article's entry
 * is still found by it. A crash loses nothing: the backlog is committed with the
 * articles, and the index file records how far it got in the same transaction as its
 * entries.
 *
 * The indexer running beside a connection registers itself here: writers wake it, and
 * searches on that connection leave waiting for it to the reader (which reports the lag).
 * A connection with no indexer (the command line, tests, tools) indexes inline before it
 * searches.
 */
import { prepared, type Db } from './db.js';
import { indexedThroughOf } from './search-file.js';

export const INDEX_CHANGE = { added: 0, changed: 1, removed: 2 } as const;
export type IndexChange = keyof typeof INDEX_CHANGE;

const wakers = new WeakMap<Db, () => void>();

/** The indexer working for this connection: it is told whenever the backlog grows. */
export function setBackgroundIndexer(db: Db, wake: (() => void) | null): void {
  if (wake) wakers.set(db, wake);
  else wakers.delete(db);
}

export function hasBackgroundIndexer(db: Db): boolean {
  return wakers.has(db);
}

/** Wakes this connection's indexer, if it has one (the backlog was filled another way). */
export function backlogGrew(db: Db): void {
  wakers.get(db)?.();
}

/**
 * Queues articles, named by their sort keys, for the index; call inside the transaction
 * that writes them. One statement for all of them (a feed's twenty articles were twenty
 * statements, 2% of a refresh's writing thread).
 */
export function queueForIndex(db: Db, keys: Iterable<number>, change: IndexChange): void {
  const list = [...keys];
  if (!list.length) return;
  prepared(db, 'INSERT INTO search_backlog (article_key, change) SELECT value, ? FROM json_each(?)').run(
    INDEX_CHANGE[change],
    JSON.stringify(list),
  );
  wakers.get(db)?.();
}

/** Queues one stored article, named by its id, for the index (while its row exists). */
export function queueArticleForIndex(db: Db, id: number, change: IndexChange): void {
  const queued = prepared(
    db,
    'INSERT INTO search_backlog (article_key, change) SELECT sort_key, ? FROM articles WHERE id = ?',
  ).run(INDEX_CHANGE[change], id);
  if (queued.changes > 0) wakers.get(db)?.();
}

/** Queues a feed's articles for removal from the index, before they are deleted with it. */
export function queueFeedForRemoval(db: Db, feedId: number): void {
  const queued = prepared(
    db,
    `INSERT INTO search_backlog (article_key, change) SELECT sort_key, ${INDEX_CHANGE.removed} FROM articles WHERE feed_id = ?`,
  ).run(feedId);
  if (queued.changes > 0) wakers.get(db)?.();
}

/** How many backlog entries the index has not taken in yet. */
export function indexLag(db: Db): number {
  return prepared<[number], { n: number }>(db, 'SELECT count(*) AS n FROM search_backlog WHERE seq > ?').get(
    indexedThroughOf(db),
  )!.n;
}

/** Drops the entries the index has taken in; returns how many. */
export function pruneIndexedBacklog(db: Db): number {
  return prepared(db, 'DELETE FROM search_backlog WHERE seq <= ?').run(indexedThroughOf(db)).changes;
}
