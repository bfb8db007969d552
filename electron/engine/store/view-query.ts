/**
 * Turns an ArticleQuery into SQL. Every view is read newest-first (or oldest-first) by
 * walking an index in sort key order (keys are time-ordered: article-key.ts), so a page
 * costs about one page of index entries, in either direction.
 *
 * The one case where that walk can be long is a tag, or a few feeds (a saved view's feed
 * list, a `feed:` search), holding a tiny share of all articles: the walk would skip nearly
 * every row. There the rows are read from those feeds instead (view-driver.ts). What a
 * search means is parsed in shared/search-syntax.ts and turned into FTS5 in
 * search-query.ts; a saved view's author is one more `author:` term of it.
 *
 * Muted articles (a rule's "mute") are left out of the smart views All, Unread and Today
 * unless the query narrows to feeds, tags or a search: there they are still found.
 */
import type { ArticleQuery, FeedId } from '../../../shared/domain.js';
import { splitWords } from '../../../shared/search-match.js';
import { MAX_TERMS, parseSearch, type SearchQuery } from '../../../shared/search-syntax.js';
import { prepared, type Db } from './db.js';
import { ftsOf, searchSql, type SearchSql } from './search-query.js';
import { ensureSearchable } from './search-indexing.js';
import { dateFloor, driverOf } from './view-driver.js';

/** Below this many articles, a feed's articles are read by its index and probed in the search index. */
const SMALL_FEED_ARTICLES = 20_000;

/** How many rows a caller reads when it does not say: a page. */
const PAGE_ROWS = 51;

export interface ViewSql {
  /** FROM clause, `a` is articles (and `f` the full-text table for searches). */
  from: string;
  /** WHERE conditions on `a`, joined with AND. */
  where: string[];
  params: unknown[];
  /** The column the rows are read in order by, an article's sort key (the keyset cursor compares with it). */
  order: 'a.sort_key' | 'f.rowid';
  /** FROM clause for counting the rows, in no order (same aliases as `from`). */
  countFrom: string;
}

/** What viewSql worked out once for both the row and its newer copy (`b`, for dedupe). */
interface Scope {
  /** The feeds the query names (its feed list and its search's `feed:` terms, both holding); null for any. */
  feeds: FeedId[] | null;
  /** Leave muted articles out (a smart view not narrowed to feeds, tags or a search). */
  hideMuted: boolean;
  /** The oldest sort key Today or "the last N days" lets in; null for no date range. */
  floor: number | null;
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

/**
 * The search as typed, plus the author filter as an `author:` term: the author holds these
 * words, in this order, as the search syntax's `author:` finds them. Whole words, not the
 * start of one: a prefix makes FTS5 read every match of it (2.4 ms against 0.03 ms for
 * "schneier" at a million articles).
 */
function searchWithAuthor(query: ArticleQuery): SearchQuery {
  const typed = parseSearch(query.search ?? '');
  const words = splitWords(query.author ?? '').slice(0, MAX_TERMS);
  if (!words.length) return typed;
  return {
    terms: [...typed.terms, { field: 'author', words, phrase: words.length > 1, negated: false, prefix: false }],
  };
}

/**
 * Conditions for the smart view, feed, tags, `feed:`, attachment, date and mute parts of a
 * query, on table alias `t`. The date range is put on each of `keys`: on the full-text
 * index's rowid too when reading from it, so FTS5 skips older matches itself. Feed and tag
 * conditions carry a unary + : they filter, they never choose the index (view-driver.ts
 * does, when they are narrow).
 */
function filterConditions(
  query: ArticleQuery,
  scope: Scope,
  t: string,
  keys: string[],
): Pick<ViewSql, 'where' | 'params'> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.view === 'unread') where.push(`${t}.read = 0`);
  if (query.view === 'starred') where.push(`${t}.starred = 1`);
  if (scope.floor != null)
    for (const key of keys) {
      where.push(`${key} >= ?`);
      params.push(scope.floor);
    }
  if (scope.hideMuted) where.push(`${t}.muted = 0`);
  if (query.hasEnclosure != null) where.push(`${t}.has_enclosure = ${query.hasEnclosure ? 1 : 0}`);
  if (query.feedId != null) {
    where.push(`${t}.feed_id = ?`);
    params.push(query.feedId);
  }
  const tags = query.tags ?? [];
  if (tags.length) {
    const hasTag = (ids: readonly number[]): string => {
      const marks = ids.map(() => '?').join(',');
      params.push(...ids, ...ids);
      return `(+${t}.feed_id IN (SELECT feed_id FROM feed_tags WHERE tag_id IN (${marks})) OR ${t}.id IN (SELECT article_id FROM article_tags WHERE tag_id IN (${marks})))`;
    };
    if ((query.tagMode ?? 'any') === 'any') where.push(hasTag(tags));
    else for (const tag of tags) where.push(hasTag([tag]));
  }
  if (scope.feeds) {
    // One JSON parameter, however many feeds match: no statement grows with the feed list.
    where.push(`+${t}.feed_id IN (SELECT value FROM json_each(?))`);
    params.push(JSON.stringify(scope.feeds));
  }
  return { where, params };
}

/** The feeds both the feed list and the `feed:` terms allow (an empty list is no filter). */
function namedFeeds(query: ArticleQuery, search: SearchSql): FeedId[] | null {
  const listed = query.feedIds?.length ? query.feedIds : null;
  if (!listed) return search.feedIds;
  if (!search.feedIds) return listed;
  const named = new Set(search.feedIds);
  return listed.filter((id) => named.has(id));
}

/** Whether the feed holds few enough articles to read them all by the feed index. */
function feedIsSmall(db: Db, feedId: number): boolean {
  const row = prepared<[number], { n: number }>(db, 'SELECT article_count AS n FROM feeds WHERE id = ?').get(feedId);
  return (row?.n ?? 0) < SMALL_FEED_ARTICLES;
}

/**
 * SQL for the rows of a view: conditions, plus "show a post once" (a copy is hidden when a
 * newer copy of the same story also matches the view) and the search. A search with text
 * to find is read newest-first from the full-text index itself (its rowids are article
 * sort keys); a search of only `feed:` terms and exclusions is read like any other view.
 * `rows` is how many rows the caller means to read (a page, a capped count): it chooses
 * between walking the key order and reading a few feeds' articles (view-driver.ts).
 */
export function viewSql(db: Db, query: ArticleQuery, now: number, rows = PAGE_ROWS): ViewSql {
  const parsed = searchWithAuthor(query);
  const search = searchSql(db, parsed);
  if (search.match || search.exclude) ensureSearchable(db);
  const feeds = namedFeeds(query, search);
  const narrowed = query.feedId != null || feeds !== null || (query.tags?.length ?? 0) > 0 || parsed.terms.length > 0;
  const scope: Scope = {
    feeds,
    hideMuted: query.view !== 'starred' && !narrowed,
    floor: dateFloor(query, startOfToday(now), now),
  };
  const own = filterConditions(query, scope, 'a', search.match ? ['a.sort_key', 'f.rowid'] : ['a.sort_key']);
  const driver = driverOf(db, query, scope.feeds, scope.floor, rows, search.match !== null);
  // With a search, the list filters the index's matches before their rows are read (view-driver.ts).
  const where = driver
    ? [`${search.match ? '+f.rowid' : 'a.sort_key'} IN (${driver.keys})`, ...own.where]
    : [...own.where];
  const params = driver ? [...driver.params, ...own.params] : [...own.params];
  if (query.dedupe !== false) {
    const other = filterConditions(query, scope, 'b', ['b.sort_key']);
    const otherWhere = other.where.length ? ' AND ' + other.where.join(' AND ') : '';
    where.push(
      `(a.story_id IS NULL OR NOT EXISTS (SELECT 1 FROM articles b WHERE b.story_id = a.story_id AND b.sort_key > a.sort_key${otherWhere}))`,
    );
    params.push(...other.params);
  }
  if (search.exclude) {
    // Probed per row read, so a page costs what it reads, not every match of the excluded
    // words (NOT IN builds that whole list first: 20 ms a page for "-the" at 200,000 articles).
    where.push('NOT EXISTS (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? AND rowid = a.sort_key)');
    params.push(search.exclude);
  }
  if (query.below != null) {
    // "Below" follows the list's order: one range on the sort key, from that article's.
    where.push(
      `${search.match ? 'f.rowid' : 'a.sort_key'} ${query.order === 'oldest' ? '>' : '<'} (SELECT sort_key FROM articles WHERE id = ?)`,
    );
    params.push(query.below);
  }
  if (search.match) {
    const fromIndex = 'articles_fts f JOIN articles a ON a.sort_key = f.rowid';
    // A count needs no order. Within one small feed it reads the feed's articles and probes
    // the index for each, instead of reading every match of a common word to keep the few
    // in that feed (measured at 200,000 articles: 4 ms against 82 ms). Several feeds or
    // tags filter the matches by their id list instead (view-driver.ts).
    const narrow = query.feedId != null && feedIsSmall(db, query.feedId);
    return {
      from: fromIndex,
      where: ['articles_fts MATCH ?', ...where],
      params: [search.match, ...params],
      order: 'f.rowid',
      countFrom: narrow ? 'articles a CROSS JOIN articles_fts f ON f.rowid = a.sort_key' : fromIndex,
    };
  }
  return { from: 'articles a', where, params, order: 'a.sort_key', countFrom: 'articles a' };
}
