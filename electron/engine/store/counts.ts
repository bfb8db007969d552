/**
 * Unread counts for the left pane. Per-feed counts are kept by triggers, so every count
 * here reads O(feeds + tags) rows plus the few articles that are copies or carry a tag of
 * their own, never a scan of all articles.
 */
import type { Counts } from '../../../shared/domain.js';
import { keyFloor } from './article-key.js';
import { prepared, type Db } from './db.js';
import { startOfToday } from './view-query.js';

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
    `SELECT count(*) AS n FROM articles WHERE read = 0 AND id >= ?${dedupe ? ' AND is_dup = 0' : ''}`,
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

  return { all: total, unread, starred, today, feeds, tags };
}
