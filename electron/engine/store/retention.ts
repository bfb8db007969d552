/**
 * Retention: read articles older than N days, or beyond the newest N of their feed, are
 * removed. Unread and starred articles never are. A removed article's (feed, guid) is
 * remembered in `removed_articles`, so the next refresh does not bring it back while
 * the feed still lists it.
 */
import type { FeedId } from '../../../shared/domain.js';
import { keyFloor } from './article-key.js';
import { prepared, type Db } from './db.js';
import { CountDeltas } from './feed-counts.js';
import { queueForIndex } from './search-backlog.js';

const DAY = 24 * 60 * 60 * 1000;
/** Rows removed per transaction: long enough to be quick, short enough not to stall the reader. */
const CHUNK = 500;

export interface RetentionRules {
  keepReadDays: number;
  keepPerFeed: number;
}

interface Victim {
  id: number;
  feed_id: number;
  guid: string;
  story_id: number | null;
  is_dup: number;
  sort_key: number;
}

const VICTIM_COLUMNS = 'id, feed_id, guid, story_id, is_dup, sort_key';

function victims(db: Db, rules: RetentionRules, now: number): Victim[] {
  const found = new Map<number, Victim>();
  if (rules.keepReadDays > 0) {
    // Sort keys are time-ordered, so "older than" is a range of keys, walked on their index.
    for (const row of prepared<[number], Victim>(
      db,
      `SELECT ${VICTIM_COLUMNS} FROM articles WHERE sort_key < ? AND read = 1 AND starred = 0`,
    ).all(keyFloor(now - rules.keepReadDays * DAY)))
      found.set(row.id, row);
  }
  if (rules.keepPerFeed > 0) {
    const feeds = prepared<[number], { id: FeedId }>(db, 'SELECT id FROM feeds WHERE article_count > ?').all(
      rules.keepPerFeed,
    );
    for (const { id: feedId } of feeds) {
      for (const row of prepared<[number, number, number], Victim>(
        db,
        `SELECT ${VICTIM_COLUMNS} FROM articles WHERE feed_id = ? AND read = 1 AND starred = 0
           AND sort_key < (SELECT sort_key FROM articles WHERE feed_id = ? ORDER BY sort_key DESC LIMIT 1 OFFSET ?)`,
      ).all(feedId, feedId, rules.keepPerFeed - 1))
        found.set(row.id, row);
    }
  }
  return [...found.values()];
}

/** Removes what the rules allow; returns how many articles went. */
export function applyRetention(db: Db, rules: RetentionRules, now: number): number {
  if (rules.keepReadDays <= 0 && rules.keepPerFeed <= 0) return 0;
  const all = victims(db, rules, now);
  const remember = prepared(db, 'INSERT OR IGNORE INTO removed_articles (feed_id, guid, removed_at) VALUES (?, ?, ?)');
  const remove = prepared(db, 'DELETE FROM articles WHERE id = ?');
  // When the first copy of a syndicated post goes, the next copy becomes the one shown.
  const promote = prepared(
    db,
    `UPDATE articles SET is_dup = 0 WHERE id = (SELECT min(id) FROM articles WHERE story_id = ?)
       AND NOT EXISTS (SELECT 1 FROM articles WHERE story_id = ? AND is_dup = 0)`,
  );
  for (let start = 0; start < all.length; start += CHUNK) {
    const chunk = all.slice(start, start + CHUNK);
    db.transaction(() => {
      const counts = new CountDeltas();
      const stories = new Set<number>();
      for (const row of chunk) {
        remember.run(row.feed_id, row.guid, now);
        remove.run(row.id);
        counts.add(row.feed_id, -1, 0);
        if (row.story_id != null && row.is_dup === 0) stories.add(row.story_id);
      }
      for (const story of stories) promote.run(story, story);
      queueForIndex(
        db,
        chunk.map((row) => row.sort_key),
        'removed',
      );
      counts.apply(db);
    })();
  }
  return all.length;
}
