/**
 * Keeping the full-text index in few pieces. FTS5 writes each batch of new entries as a
 * new segment, and a search reads every segment. Writes do not merge (automerge 0): once
 * the indexer has caught up, the segments it wrote are merged in small steps (FTS5's
 * `merge` command with a positive page count merges a level that has 4 or more
 * segments), and now and then the whole index is merged back into one segment (a negative
 * page count). Both run in bounded slices on the indexer's thread (search-index-worker.ts),
 * so a new batch of articles never waits long behind a merge.
 *
 * A full merge rewrites the whole index (8 s of work at a million articles), so it runs
 * only once the index has grown by a tenth since the last one, or was never merged.
 */
import { prepared, type Db } from './db.js';
import { searchState, setSearchState } from './search-file.js';

/** How much one step merges, in index pages: about 30 ms of work. */
export const MERGE_STEP_PAGES = 500;
const GROWTH_BEFORE_MERGE = 0.1;

function articleCount(db: Db): number {
  return prepared<[], { n: number | null }>(db, 'SELECT sum(article_count) AS n FROM feeds').get()!.n ?? 0;
}

/** Whether the index has grown enough since its last full merge to merge it again. */
export function searchIndexMergeDue(db: Db): boolean {
  const merged = searchState(db, 'mergedAtCount');
  if (merged === null) return true;
  return articleCount(db) > Number(merged) * (1 + GROWTH_BEFORE_MERGE);
}

/** One `merge` command; whether it did any work (FTS5 documents it: work changes at least two rows). */
function merge(db: Db, pages: number): boolean {
  const totalChanges = (): number => prepared<[], { n: number }>(db, 'SELECT total_changes() AS n').get()!.n;
  const before = totalChanges();
  prepared(db, "INSERT INTO search.articles_fts (articles_fts, rank) VALUES ('merge', ?)").run(pages);
  return totalChanges() - before >= 2;
}

/** One slice of a full merge. Returns false once there was nothing left to merge. */
export function mergeSearchIndexStep(db: Db, pages = MERGE_STEP_PAGES): boolean {
  const worked = merge(db, -pages);
  if (!worked) setSearchState(db, 'mergedAtCount', articleCount(db));
  return worked;
}

/**
 * One slice of merging the segments recent writes left (a refresh's). Returns false once
 * no level has enough segments to merge.
 */
export function mergeNewSegmentsStep(db: Db, pages = MERGE_STEP_PAGES): boolean {
  return merge(db, pages);
}

/** All of it at once: for tools and tests. */
export function mergeNewSegmentsNow(db: Db, pages = 4 * MERGE_STEP_PAGES): void {
  while (mergeNewSegmentsStep(db, pages));
}

/** The whole merge at once: for tools and for building benchmark databases. */
export function mergeSearchIndexNow(db: Db, pages = 4 * MERGE_STEP_PAGES): void {
  while (mergeSearchIndexStep(db, pages));
}
