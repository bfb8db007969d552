/**
 * Turns an ArticleQuery into SQL. Every view is read newest-first (or oldest-first) by
 * walking an index in id order (ids are time-ordered), so a page costs about one page of
 * index entries, in either direction.
 *
 * The one case where that walk can be long is a tag (or the feeds a `feed:` search names)
 * whose feeds hold a tiny share of all articles: scanning the global order would skip
 * nearly every row. There the plan reads those feeds' articles through the feed index
 * instead and sorts them. The switch point bounds both plans to a few thousand rows at a
 * million articles. What a search means is parsed in shared/search-syntax.ts and turned
 * into FTS5 in search-query.ts.
 */
import type { ArticleQuery, TagId } from '../../../shared/domain.js';
import { parseSearch } from '../../../shared/search-syntax.js';
import { keyFloor } from './article-key.js';
import { prepared, type Db } from './db.js';
import { ftsOf, searchSql, type SearchSql } from './search-query.js';

/** Below this many articles in a tag's (or named) feeds, read them by feed rather than by date. */
const SMALL_TAG_ARTICLES = 20_000;

export interface ViewSql {
  /** FROM clause, `a` is articles (and `f` the full-text table for searches). */
  from: string;
  /** WHERE conditions on `a`, joined with AND. */
  where: string[];
  params: unknown[];
  /** The column the rows are read in order by (the keyset cursor compares with it). */
  order: 'a.id' | 'f.rowid';
  /** FROM clause for counting the rows, in no order (same aliases as `from`). */
  countFrom: string;
}

/** Per feed filter: whether to keep SQLite off the feed index and walk the date order. */
interface Plan {
  tagsScan: boolean;
  feedsScan: boolean;
}

/** Midnight (local time of the main process) of the day `now` falls in. */
export function startOfToday(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * The FTS5 expression for what a user typed (see shared/search-syntax.ts), or null when
 * it asks for no text. Feed names and exclusion-only searches are not in it: viewSql
 * handles those.
 */
export function toFtsQuery(search: string): string | null {
  return ftsOf(parseSearch(search)).match;
}

/** Conditions for the smart view, feed, tags and `feed:` parts of a query, on table alias `t`. */
function filterConditions(
  query: ArticleQuery,
  search: SearchSql,
  t: string,
  now: number,
  plan: Plan,
): Pick<ViewSql, 'where' | 'params'> {
  const where: string[] = [];
  const params: unknown[] = [];
  switch (query.view) {
    case 'all':
      break;
    case 'unread':
      where.push(`${t}.read = 0`);
      break;
    case 'starred':
      where.push(`${t}.starred = 1`);
      break;
    case 'today':
      where.push(`${t}.id >= ?`);
      params.push(keyFloor(startOfToday(now)));
      break;
  }
  if (query.feedId != null) {
    where.push(`${t}.feed_id = ?`);
    params.push(query.feedId);
  }
  const tags = query.tags ?? [];
  if (tags.length) {
    // The unary + keeps SQLite off the feed index when the plan is a date-order scan.
    const feedCol = plan.tagsScan ? `+${t}.feed_id` : `${t}.feed_id`;
    const hasTag = (ids: TagId[]): string => {
      const marks = ids.map(() => '?').join(',');
      params.push(...ids, ...ids);
      return `(${feedCol} IN (SELECT feed_id FROM feed_tags WHERE tag_id IN (${marks})) OR ${t}.id IN (SELECT article_id FROM article_tags WHERE tag_id IN (${marks})))`;
    };
    if ((query.tagMode ?? 'any') === 'any') where.push(hasTag(tags));
    else for (const tag of tags) where.push(hasTag([tag]));
  }
  if (search.feedIds) {
    // One JSON parameter, however many feeds match: no statement grows with the feed list.
    where.push(`${plan.feedsScan ? '+' : ''}${t}.feed_id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(search.feedIds));
  }
  return { where, params };
}

/** Whether to walk the global date order (true) or read the tag's feeds by feed index. */
function tagPlanIsScan(db: Db, query: ArticleQuery): boolean {
  const tags = query.tags ?? [];
  if (!tags.length || query.feedId != null) return true;
  const marks = tags.map(() => '?').join(',');
  const column = query.view === 'unread' ? 'unread_count' : 'article_count';
  const row = prepared<unknown[], { n: number | null }>(
    db,
    `SELECT sum(${column}) AS n FROM feeds WHERE id IN (SELECT feed_id FROM feed_tags WHERE tag_id IN (${marks}))`,
  ).get(...tags);
  return (row?.n ?? 0) >= SMALL_TAG_ARTICLES;
}

/** Whether the feed holds few enough articles to read them all by the feed index. */
function feedIsSmall(db: Db, feedId: number): boolean {
  const row = prepared<[number], { n: number }>(db, 'SELECT article_count AS n FROM feeds WHERE id = ?').get(feedId);
  return (row?.n ?? 0) < SMALL_TAG_ARTICLES;
}

/**
 * SQL for the rows of a view: conditions, plus "show a post once" (a copy is hidden when a
 * newer copy of the same story also matches the view) and the search. A search with text
 * to find is read newest-first from the full-text index itself (its rowids are article
 * ids); a search of only `feed:` terms and exclusions is read like any other view.
 */
export function viewSql(db: Db, query: ArticleQuery, now: number): ViewSql {
  const search = searchSql(db, parseSearch(query.search ?? ''));
  const plan: Plan = {
    tagsScan: tagPlanIsScan(db, query),
    // Named feeds are read like a small tag's: through the feed index when they are few.
    feedsScan: search.feedIds === null || query.feedId != null || search.feedArticles >= SMALL_TAG_ARTICLES,
  };
  const own = filterConditions(query, search, 'a', now, plan);
  const where = [...own.where];
  const params = [...own.params];
  if (query.dedupe !== false) {
    const other = filterConditions(query, search, 'b', now, { tagsScan: true, feedsScan: true });
    const otherWhere = other.where.length ? ' AND ' + other.where.join(' AND ') : '';
    where.push(
      `(a.story_id IS NULL OR NOT EXISTS (SELECT 1 FROM articles b WHERE b.story_id = a.story_id AND b.id > a.id${otherWhere}))`,
    );
    params.push(...other.params);
  }
  if (search.exclude) {
    // Probed per row read, so a page costs what it reads, not every match of the excluded
    // words (NOT IN builds that whole list first: 20 ms a page for "-the" at 200,000 articles).
    where.push('NOT EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = a.id)');
    params.push(search.exclude);
  }
  if (query.below != null) {
    // "Below" follows the list's order; ids are time-ordered, so it is one range on the key.
    where.push(`${search.match ? 'f.rowid' : 'a.id'} ${query.order === 'oldest' ? '>' : '<'} ?`);
    params.push(query.below);
  }
  if (search.match) {
    const fromIndex = 'articles_fts f JOIN articles a ON a.id = f.rowid';
    // A count needs no order. Within a few feeds it reads their articles and probes the
    // index for each, instead of reading every match of a common word to keep the few in
    // those feeds (measured at 200,000 articles: 4 ms against 82 ms).
    const narrow = !plan.tagsScan || !plan.feedsScan || (query.feedId != null && feedIsSmall(db, query.feedId));
    return {
      from: fromIndex,
      where: ['articles_fts MATCH ?', ...where],
      params: [search.match, ...params],
      order: 'f.rowid',
      countFrom: narrow ? 'articles a CROSS JOIN articles_fts f ON f.rowid = a.id' : fromIndex,
    };
  }
  return { from: 'articles a', where, params, order: 'a.id', countFrom: 'articles a' };
}
