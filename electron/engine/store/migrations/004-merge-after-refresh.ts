/**
 * Schema 4: the full-text index is merged after a refresh, not during it.
 *
 * With `automerge` at 4 (schema 3) every COMMIT of a refresh also merged some of the
 * segments earlier COMMITs had just written, so the same entries were rewritten several
 * times while the refresh ran. With `automerge` at 0 a refresh only writes its segments
 * (one per group commit); when it ends, maintenance merges them in small slices on an idle
 * event loop (store/search-index.ts), all at once, which is also less work in total:
 * measured on 20,000 new articles, the store's writes took 0.6–1.5 s less at a million
 * articles and 0.5–0.9 s less into an empty store, and the merge after them 0.5 s.
 * `crisismerge` (64, schema 3) remains the backstop should merging never get its turn.
 */
import type { Migration } from './index.js';

export const migration004: Migration = {
  version: 4,
  description: 'full-text index: merged after each refresh',
  up(db) {
    db.exec(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 0);`);
  },
};
