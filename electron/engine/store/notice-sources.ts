/**
 * What asked to hear about new articles: feeds and tags with notifications on, and which
 * of a set of new articles a saved view lists. Read when a refresh or a sync ends, from
 * the committed rows, so a notice never names an article that did not land.
 */
import type { ArticleId, ArticleQuery, FeedId } from '../../../shared/domain.js';
import { prepared, type Db } from './db.js';
import { viewSql } from './view-query.js';

export interface NewArticleRow {
  id: ArticleId;
  feedId: FeedId;
  title: string | null;
  read: boolean;
  muted: boolean;
}

/** The new articles still stored, newest first. */
export function newArticleRows(db: Db, ids: readonly ArticleId[]): NewArticleRow[] {
  if (!ids.length) return [];
  return prepared<[string], { id: number; feed_id: number; title: string | null; read: number; muted: number }>(
    db,
    'SELECT id, feed_id, title, read, muted FROM articles WHERE id IN (SELECT value FROM json_each(?)) ORDER BY sort_key DESC',
  )
    .all(JSON.stringify(ids))
    .map((r) => ({ id: r.id, feedId: r.feed_id, title: r.title, read: r.read === 1, muted: r.muted === 1 }));
}

/** Feeds with notifications on, by id, with the name the sidebar shows. */
export function notifyingFeeds(db: Db): Map<FeedId, string> {
  const rows = prepared<[], { id: number; name: string }>(
    db,
    'SELECT id, coalesce(user_title, title, url) AS name FROM feeds WHERE notify = 1',
  ).all();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** For each feed carrying a tag with notifications on: those tags' names. */
export function notifyingTagsByFeed(db: Db): Map<FeedId, string[]> {
  const byFeed = new Map<FeedId, string[]>();
  const rows = prepared<[], { feed_id: number; name: string }>(
    db,
    'SELECT ft.feed_id, t.name FROM feed_tags ft JOIN tags t ON t.id = ft.tag_id WHERE t.notify = 1 ORDER BY t.name',
  ).all();
  for (const row of rows) (byFeed.get(row.feed_id) ?? byFeed.set(row.feed_id, []).get(row.feed_id)!).push(row.name);
  return byFeed;
}

/** Which of `ids` the query lists (a saved view's filter, run over just these articles). */
export function idsInView(db: Db, query: ArticleQuery, ids: readonly ArticleId[], now: number): Set<ArticleId> {
  if (!ids.length) return new Set();
  const view = viewSql(db, { ...query, dedupe: false }, now);
  const rows = db
    .prepare(
      `SELECT a.id AS id FROM ${view.from} WHERE ${[...view.where, 'a.id IN (SELECT value FROM json_each(?))'].join(' AND ')}`,
    )
    .all(...view.params, JSON.stringify(ids)) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}
