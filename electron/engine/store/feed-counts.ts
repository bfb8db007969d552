/**
 * The per-feed counters (`feeds.article_count`, `feeds.unread_count`). Every store write
 * that adds articles or changes read state reports its changes here, per feed, inside
 * its own transaction. `recountFeeds` rebuilds them from the rows (used by tests as the
 * invariant, and available to repair a database).
 */
import type { FeedId } from '../../../shared/domain.js';
import { prepared, type Db } from './db.js';

/** Accumulates counter changes per feed, then writes one UPDATE per feed. */
export class CountDeltas {
  private readonly deltas = new Map<FeedId, { articles: number; unread: number }>();

  add(feedId: FeedId, articles: number, unread: number): void {
    const d = this.deltas.get(feedId) ?? { articles: 0, unread: 0 };
    d.articles += articles;
    d.unread += unread;
    this.deltas.set(feedId, d);
  }

  /** One row changed read state: +1 unread when it became unread, -1 when read. */
  readChanged(feedId: FeedId, nowRead: boolean): void {
    this.add(feedId, 0, nowRead ? -1 : 1);
  }

  get feedIds(): FeedId[] {
    return [...this.deltas.keys()];
  }

  apply(db: Db): void {
    const update = prepared(
      db,
      'UPDATE feeds SET article_count = article_count + ?, unread_count = unread_count + ? WHERE id = ?',
    );
    for (const [feedId, d] of this.deltas) if (d.articles || d.unread) update.run(d.articles, d.unread, feedId);
    this.deltas.clear();
  }
}

/** Recomputes the counters of these feeds (all when null) from the articles themselves. */
export function recountFeeds(db: Db, feedIds: FeedId[] | null): void {
  const sql = `UPDATE feeds SET
      article_count = (SELECT count(*) FROM articles WHERE feed_id = feeds.id),
      unread_count = (SELECT count(*) FROM articles WHERE feed_id = feeds.id AND read = 0)`;
  if (feedIds == null) {
    db.prepare(sql).run();
    return;
  }
  const one = prepared(db, `${sql} WHERE id = ?`);
  db.transaction(() => {
    for (const id of feedIds) one.run(id);
  })();
}
