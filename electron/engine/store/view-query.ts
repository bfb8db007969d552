/**
 * Turns an ArticleQuery into SQL. Every view is read newest-first by walking an index in
 * id order (ids are time-ordered), so a page costs about one page of index entries.
 *
 * The one case where that walk can be long is a tag whose feeds hold a tiny share of all
 * articles: scanning the global order would skip nearly every row. There the plan reads
 * those feeds' articles through the feed index instead and sorts them. The switch point
 * bounds both plans to a few thousand rows at a million articles.
 */
import type { ArticleQuery, TagId } from '../../../shared/domain.js';
import { keyFloor } from './article-key.js';
import { prepared, type Db } from './db.js';

/** Below this many articles in a tag's feeds, read them by feed rather than by date. */
const SMALL_TAG_ARTICLES = 20_000;

export interface ViewSql {
  /** FROM clause, `a` is articles (and `f` the full-text table for searches). */
  from: string;
  /** WHERE conditions on `a`, joined with AND. */
  where: string[];
  params: unknown[];
}

/** Midnight (local time of the main process) of the day `now` falls in. */
export function startOfToday(now: number): number {
  const d = new Date(now);
  d.setHours(0, 0, 0, 0);
  return d.getTime();
}

/**
 * Turns the words a user types into an FTS5 query: every word must match (stemmed, so
 * "encrypt" also finds "encryption"), a word ending in * matches as a prefix, quoted
 * phrases stay phrases, and nothing the user types is read as FTS5 syntax (a stray quote
 * or `NEAR(` is not an error).
 */
export function toFtsQuery(search: string): string | null {
  const parts: string[] = [];
  const re = /"([^"]*)"|(\S+)/g;
  for (let m = re.exec(search); m; m = re.exec(search)) {
    if (m[1] !== undefined) {
      const phrase = m[1].replace(/"/g, '').trim();
      if (phrase) parts.push(`"${phrase}"`);
    } else {
      const prefix = m[2]!.endsWith('*');
      const words = m[2]!
        .replace(/["*^():{}+-]/g, ' ')
        .trim()
        .split(/\s+/)
        .filter(Boolean);
      words.forEach((w, i) => parts.push(`"${w}"${prefix && i === words.length - 1 ? '*' : ''}`));
    }
  }
  return parts.length ? parts.join(' AND ') : null;
}

/** Conditions for the smart view, feed and tags parts of a query, on table alias `t`. */
function filterConditions(query: ArticleQuery, t: string, now: number, forceScan: boolean): ViewSql {
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
    const feedCol = forceScan ? `+${t}.feed_id` : `${t}.feed_id`;
    const hasTag = (ids: TagId[]): string => {
      const marks = ids.map(() => '?').join(',');
      params.push(...ids, ...ids);
      return `(${feedCol} IN (SELECT feed_id FROM feed_tags WHERE tag_id IN (${marks})) OR ${t}.id IN (SELECT article_id FROM article_tags WHERE tag_id IN (${marks})))`;
    };
    if ((query.tagMode ?? 'any') === 'any') where.push(hasTag(tags));
    else for (const tag of tags) where.push(hasTag([tag]));
  }
  return { from: '', where, params };
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

/**
 * SQL for the rows of a view: conditions, plus "show a post once" (a copy is hidden when a
 * newer copy of the same story also matches the view) and the full-text join.
 */
export function viewSql(db: Db, query: ArticleQuery, now: number): ViewSql {
  const scan = tagPlanIsScan(db, query);
  const own = filterConditions(query, 'a', now, scan);
  const where = [...own.where];
  const params = [...own.params];
  if (query.dedupe !== false) {
    const other = filterConditions(query, 'b', now, true);
    const otherWhere = other.where.length ? ' AND ' + other.where.join(' AND ') : '';
    where.push(
      `(a.story_id IS NULL OR NOT EXISTS (SELECT 1 FROM articles b WHERE b.story_id = a.story_id AND b.id > a.id${otherWhere}))`,
    );
    params.push(...other.params);
  }
  const fts = query.search ? toFtsQuery(query.search) : null;
  if (fts) {
    // Read newest-first from the full-text index itself (its rowids are article ids).
    return {
      from: 'articles_fts f JOIN articles a ON a.id = f.rowid',
      where: ['articles_fts MATCH ?', ...where],
      params: [fts, ...params],
    };
  }
  return { from: 'articles a', where, params };
}
