/**
 * Schema 3: how the full-text index merges its segments.
 *
 * Schema 1 set FTS5's `automerge` to 16, which is also FTS5's default `crisismerge`. So
 * a level never got the incremental merging automerge is for: the write that brought it
 * to 16 segments merged all of them at once, in that write. At a million articles one of
 * those merges rewrote most of the index inside a refresh: the store's writes of 20,000
 * new articles took 7.6–9.1 s, most of it in COMMIT. With automerge at FTS5's default of
 * 4, each write does a share of merging in proportion to what it wrote, and `crisismerge`
 * at 64 is only the backstop it is meant to be. Maintenance also merges the whole index
 * now and then (store/search-index.ts), so a grown index is one segment again.
 */
import type { Migration } from './index.js';

export const migration003: Migration = {
  version: 3,
  description: 'full-text index: incremental merging',
  up(db) {
    db.exec(`
      INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 4);
      INSERT INTO articles_fts (articles_fts, rank) VALUES ('crisismerge', 64);
    `);
  },
};
