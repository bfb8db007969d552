/**
 * Where a view's rows are read from when its tags or feeds hold few articles. Walking the
 * sort key order (or the unread, starred or attachment index, all in key order too) would
 * skip nearly every row there; instead the rows are named up front: the sort keys of those
 * feeds' articles, read from the feed index alone (`articles_feed_unread` for Unread: only
 * the unread ones), plus the articles tagged on their own. SQLite keeps such an `IN` list
 * in key order, so it serves a page in either order, and a count reads no other row. With
 * a search, the full-text index is read in its own order and each match is looked up in
 * that list before its row is read (`+f.rowid IN`; without the +, FTS5 would take the list
 * as rowids to probe one by one, 60 to 250 µs each).
 *
 * The plan is forced (CROSS JOIN, a key list), not left to SQLite: the statistics
 * `PRAGMA optimize` gathers rate the unread index at about 2,000 rows whatever its size,
 * so SQLite would walk 300,000 unread rows to find a small tag's (0.4 s at a million
 * articles, measured; 3 ms this way).
 */
import type { ArticleQuery, FeedId, SmartView, TagId } from '../../../shared/domain.js';
import { keyFloor } from './article-key.js';
import { prepared, type Db } from './db.js';

/** The candidate rows: a subquery listing their sort keys, in no order (an `IN` list sorts itself). */
export interface Driver {
  keys: string;
  params: unknown[];
}

/**
 * A row read from the key walk costs about this many rows read from the feed index: the
 * walk fetches each row from the table (for Unread, from all over it), the driver reads
 * index entries side by side. Measured at a million articles: 1.8 µs against 0.6 µs.
 */
const WALK_ROW_COST = 3;

/** The counter column that sizes a view's share of a feed. */
const counter = (view: SmartView): string => (view === 'unread' ? 'unread_count' : 'article_count');

interface Size {
  /** Articles (unread ones, for Unread) in the feeds. */
  set: number;
  /** The same in all feeds: what the key walk would go through. */
  total: number;
}

/** SQL for the feeds carrying every tag (mode 'all') or any of them, and its parameters. */
function tagFeeds(tags: TagId[], mode: 'any' | 'all'): { sql: string; params: unknown[] } {
  const marks = tags.map(() => '?').join(',');
  return mode === 'any' || tags.length === 1
    ? { sql: `SELECT DISTINCT feed_id FROM feed_tags WHERE tag_id IN (${marks})`, params: tags }
    : {
        sql: `SELECT feed_id FROM feed_tags WHERE tag_id IN (${marks}) GROUP BY feed_id HAVING count(*) = ?`,
        params: [...tags, tags.length],
      };
}

/** The size of a set of feeds (`feeds` is SQL naming their ids), from the counters. */
function sizeOf(db: Db, view: SmartView, feeds: string, params: unknown[]): Size {
  const row = prepared<unknown[], { set: number | null; total: number | null }>(
    db,
    `SELECT sum(CASE WHEN id IN (${feeds}) THEN ${counter(view)} END) AS "set", sum(${counter(view)}) AS total FROM feeds`,
  ).get(...params);
  return { set: row?.set ?? 0, total: row?.total ?? 0 };
}

/**
 * Whether reading the set costs less than walking for `rows` of it: the walk reads about
 * rows × total / set rows to find them, the driver reads the whole set.
 */
function cheaper(size: Size, rows: number): boolean {
  return size.set * size.set < WALK_ROW_COST * rows * size.total;
}

/**
 * What the feed index can narrow by itself: Unread (its partial index) and a date floor
 * (sort keys are the index's second column), on alias `x`.
 */
function narrowing(query: ArticleQuery, floor: number | null): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.view === 'unread') where.push('x.read = 0');
  if (floor != null) {
    where.push('x.sort_key >= ?');
    params.push(floor);
  }
  return { sql: where.length ? ' AND ' + where.join(' AND ') : '', params };
}

/** The articles of a few named feeds. */
function feedsDriver(query: ArticleQuery, feeds: FeedId[], floor: number | null): Driver {
  const narrow = narrowing(query, floor);
  return {
    keys: `SELECT x.sort_key FROM json_each(?) k CROSS JOIN articles x ON x.feed_id = k.value${narrow.sql}`,
    params: [JSON.stringify(feeds), ...narrow.params],
  };
}

/**
 * The articles of the tags' feeds (with 'all', the feeds carrying every tag), and those
 * tagged on their own with any of the tags: a superset the tag conditions then narrow.
 */
function tagsDriver(query: ArticleQuery, tags: TagId[], floor: number | null): Driver {
  const feeds = tagFeeds(tags, query.tagMode ?? 'any');
  const narrow = narrowing(query, floor);
  const marks = tags.map(() => '?').join(',');
  return {
    keys: `SELECT x.sort_key FROM (${feeds.sql}) k CROSS JOIN articles x ON x.feed_id = k.feed_id${narrow.sql}
      UNION ALL SELECT y.sort_key FROM article_tags t CROSS JOIN articles y ON y.id = t.article_id
        WHERE t.tag_id IN (${marks})`,
    params: [...feeds.params, ...narrow.params, ...tags],
  };
}

/**
 * Where the rows of a view come from, when `rows` of them are wanted (a page, a capped
 * count): the feed's, the feed list's or the tags' articles when reading them all costs
 * less than the walk would (the smaller set of the two), else null: the walk in key order
 * (or in the search index's order, when `searching`).
 */
export function driverOf(
  db: Db,
  query: ArticleQuery,
  named: FeedId[] | null,
  floor: number | null,
  rows: number,
  searching: boolean,
): Driver | null {
  // One feed: SQLite reads it by the feed index itself, unless the search index leads.
  if (query.feedId != null && !searching) return null;
  const feeds = query.feedId != null ? [query.feedId] : named;
  const tags = query.feedId != null ? [] : (query.tags ?? []);
  const byFeeds = feeds ? sizeOf(db, query.view, 'SELECT value FROM json_each(?)', [JSON.stringify(feeds)]) : null;
  const tagSet = tags.length ? tagFeeds(tags, query.tagMode ?? 'any') : null;
  const byTags = tagSet ? sizeOf(db, query.view, tagSet.sql, tagSet.params) : null;
  if (byFeeds && (!byTags || byFeeds.set <= byTags.set) && cheaper(byFeeds, rows))
    return feedsDriver(query, feeds!, floor);
  if (byTags && cheaper(byTags, rows)) return tagsDriver(query, tags, floor);
  return query.view === 'starred' && query.hasEnclosure === true ? starredWithEnclosure(floor) : null;
}

/**
 * Starred articles with an attachment: both flags' partial indexes read side by side and
 * intersected, index entries only. Walking either one instead fetches each row to test the
 * other flag; when few rows have both, that is every starred row (18,000 random reads,
 * 120 ms at a million articles, against 3 ms).
 */
function starredWithEnclosure(floor: number | null): Driver {
  const since = floor == null ? '' : ' AND sort_key >= ?';
  return {
    keys: `SELECT sort_key FROM articles WHERE starred = 1${since} INTERSECT SELECT sort_key FROM articles WHERE has_enclosure = 1${since}`,
    params: floor == null ? [] : [floor, floor],
  };
}

/** The newest of the date floors a query sets (Today, the last N days), or null. */
export function dateFloor(query: ArticleQuery, today: number, now: number): number | null {
  const floors: number[] = [];
  if (query.view === 'today') floors.push(keyFloor(today));
  if (query.sinceDays != null) floors.push(keyFloor(now - query.sinceDays * 86_400_000));
  return floors.length ? Math.max(...floors) : null;
}
