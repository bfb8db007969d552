/**
 * Schema 11: the full-text index moves out of the database into its own file, written by
 * its own thread behind the refresh (issue 19, item 9).
 *
 * Tokenising every new article inside the refresh's transactions was the largest single
 * cost of storing them (about 1 s of a 20,000-article refresh's writes, and the merges
 * after). Now a write only appends the article's id to `search_backlog`, in the same
 * transaction as the article; the indexer (search-indexer.ts) reads the backlog, writes
 * the index in `<database>.search` (search-file.ts) on the other core, and records there
 * how far it got. The backlog's `seq` only grows (AUTOINCREMENT): a pruned backlog must
 * never hand out a number the index has already passed.
 *
 * - `change`: 0 a new article, 1 a changed one (its old entry goes first), 2 a removed one.
 * - The old index is dropped and every stored article queued: the index file is built
 *   again behind the first start, searches meanwhile saying how much is left. (Copying
 *   FTS5's internal tables across files would be faster but depends on their layout.)
 * - `search_identity` names this database to its index file: a file left by another
 *   database (a fresh start, a copied data folder) is rebuilt rather than trusted.
 */
import { randomUUID } from 'node:crypto';
import type { Migration } from './index.js';

export const migration011: Migration = {
  version: 11,
  description: 'full-text index in its own file, written behind the refresh',
  up(db) {
    db.exec(`
      CREATE TABLE search_backlog (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        article_id INTEGER NOT NULL,
        change INTEGER NOT NULL CHECK (change IN (0, 1, 2))
      );
      DROP TABLE main.articles_fts;
      INSERT INTO search_backlog (article_id, change) SELECT id, 0 FROM articles ORDER BY id;
      DELETE FROM settings WHERE key = 'meta.searchIndexMergedAtCount';
      CREATE TABLE search_identity (id TEXT NOT NULL);
    `);
    db.prepare('INSERT INTO search_identity (id) VALUES (?)').run(randomUUID());
  },
};
