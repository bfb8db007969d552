/**
 * Schema 12: articles take their ids in the order they arrive; the time order every list
 * reads moves to a column of its own, `sort_key` (issue 19, item 9).
 *
 * Until now the id itself was the time key (store/article-key.ts), so an article dated in
 * the past was written into the middle of `articles` and `article_contents`, where most
 * inserts land on a full leaf and split it: 20,000 such articles into a million took
 * 2.5-2.9 s to write, half of it committing and checkpointing pages all over the file.
 * Now a new row takes the next rowid and both tables only grow at their right edge; only
 * the small entries of the indexes below go in the middle (about 1.6-1.8 s, measured on
 * a copy of the million: docs/performance.md, "Ids in arrival order").
 *
 * - `sort_key` is the old id of every stored article, so nothing is renumbered: the API,
 *   sync's mappings, tags and the search index file keep their ids and rowids.
 * - The views' indexes are keyed by it (each view walks its own in the list's order: with
 *   the old ones left, SQLite chose them and sorted every unread article, 1.3 s), and so
 *   is the story index: "is there a newer copy" (dedupe) is one range in it, not a read
 *   of every copy's row.
 * - The full-text index's rowid is the sort key (searches read matches newest first), so
 *   the backlog names articles by it: a removed article's entry must still be found.
 */
import type { Migration } from './index.js';

export const migration012: Migration = {
  version: 12,
  description: 'ids in arrival order, the time order in sort_key',
  up(db) {
    db.exec(`
      ALTER TABLE articles ADD COLUMN sort_key INTEGER;
      UPDATE articles SET sort_key = id;
      DROP INDEX articles_feed;
      DROP INDEX articles_feed_unread;
      DROP INDEX articles_unread;
      DROP INDEX articles_starred;
      DROP INDEX articles_enclosure;
      CREATE UNIQUE INDEX articles_sort ON articles(sort_key);
      CREATE INDEX articles_feed ON articles(feed_id, sort_key);
      CREATE INDEX articles_feed_unread ON articles(feed_id, sort_key) WHERE read = 0;
      CREATE INDEX articles_unread ON articles(sort_key) WHERE read = 0;
      CREATE INDEX articles_starred ON articles(sort_key) WHERE starred = 1;
      CREATE INDEX articles_enclosure ON articles(sort_key) WHERE has_enclosure = 1;
      DROP INDEX articles_story;
      CREATE INDEX articles_story ON articles(story_id, sort_key) WHERE story_id IS NOT NULL;
      ALTER TABLE search_backlog RENAME COLUMN article_id TO article_key;
    `);
  },
};
