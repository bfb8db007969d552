/**
 * Unread counts for the left pane. Per-feed counts are kept by triggers, so every count
 * here reads O(feeds + tags) rows plus the few articles that are copies or carry a tag of
 * their own, never a scan of all articles. A saved view is any filter, so it has no
 * counter: its count runs its query and stops at a cap (VIEW_COUNT_CAP).
 */
import type { ArticleQuery, Counts } from '../../../shared/domain.js';
import { viewQuery, type SavedView } from '../../../shared/saved-views.js';
import { keyFloor } from './article-key.js';
import { prepared, type Db } from './db.js';
import { listSavedViews } from './saved-views.js';
import { startOfToday, viewSql } from './view-query.js';

/**
 * A saved view's unread count stops here: past it the sidebar shows "99+". Exact, a view
 * of a common word would read every unread match of it after every refresh batch and
 * every mark-read; stopped, a view reads about a hundred rows. At 999 the ten views of the
 * benchmark cost three to five times as much (docs/performance.md, "Saved views").
 */
export const VIEW_COUNT_CAP = 99;

/** A view's unread articles, counted up to `cap + 1` (so "more than the cap" shows). */
export function viewUnreadCount(
  db: Db,
  view: Pick<SavedView, 'filter'>,
  dedupe: boolean,
  now: number,
  cap: number,
): number {
  const filter = viewQuery(view);
  // Unread of All is the Unread view: the same rows, and its plan reads the unread index.
  const query: ArticleQuery = { ...filter, view: filter.view === 'all' ? 'unread' : filter.view, dedupe };
  const sql = viewSql(db, query, now, cap + 1);
  const where = query.view === 'unread' ? sql.where : [...sql.where, 'a.read = 0'];
  const row = prepared<unknown[], { n: number }>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM ${sql.countFrom} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} LIMIT ?)`,
  ).get(...sql.params, cap + 1);
  return row?.n ?? 0;
}

export function getCounts(db: Db, now: number, dedupe: boolean): Counts {
  const feeds: Record<number, number> = {};
  let unread = 0;
  let total = 0;
  for (const row of prepared<[], { id: number; unread_count: number; article_count: number }>(
    db,
    'SELECT id, unread_count, article_count FROM feeds',
  ).all()) {
    feeds[row.id] = row.unread_count;
    unread += row.unread_count;
    total += row.article_count;
  }
  if (dedupe) {
    // Copies after the first are counted once (they share read state with the first).
    unread -= prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM articles WHERE is_dup = 1 AND read = 0').get()!
      .n;
    total -= prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM articles WHERE is_dup = 1').get()!.n;
  }
  const starred = prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM articles WHERE starred = 1').get()!.n;
  const today = prepared<[number], { n: number }>(
    db,
    `SELECT count(*) AS n FROM articles WHERE read = 0 AND muted = 0 AND sort_key >= ?${dedupe ? ' AND is_dup = 0' : ''}`,
  ).get(keyFloor(startOfToday(now)))!.n;

  const tags: Record<number, number> = {};
  for (const row of prepared<[], { id: number; n: number }>(
    db,
    `SELECT t.id,
       coalesce((SELECT sum(f.unread_count) FROM feed_tags ft JOIN feeds f ON f.id = ft.feed_id WHERE ft.tag_id = t.id), 0)
       + (SELECT count(*) FROM article_tags at JOIN articles a ON a.id = at.article_id
          WHERE at.tag_id = t.id AND a.read = 0
            AND NOT EXISTS (SELECT 1 FROM feed_tags x WHERE x.tag_id = t.id AND x.feed_id = a.feed_id)) AS n
     FROM tags t`,
  ).all())
    tags[row.id] = row.n;

  const views: Record<number, number> = {};
  const viewsCapped: number[] = [];
  for (const view of listSavedViews(db)) {
    const n = viewUnreadCount(db, view, dedupe, now, VIEW_COUNT_CAP);
    views[view.id] = Math.min(n, VIEW_COUNT_CAP);
    if (n > VIEW_COUNT_CAP) viewsCapped.push(view.id);
  }

  return { all: total, unread, starred, today, feeds, tags, views, viewsCapped };
}
