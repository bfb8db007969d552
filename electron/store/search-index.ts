/**
 * Keeping the full-text index in one piece. FTS5 writes each batch of new entries as a
 * new segment and merges segments a little with every write (automerge, schema 3); a
 * search reads every segment. Now and then maintenance merges the whole index back into
 * one segment, in small steps so the app never stalls: FTS5's `merge` command with a
 * negative page count does a bounded slice of a full merge per call.
 *
 * A full merge rewrites the whole index (8 s of work at a million articles), so it runs
 * only once the index has grown by a tenth since the last one, or was never merged.
 */
import { prepared, type Db } from './db.js';
import { getMeta, setMeta } from './meta.js';

/** How much one step merges, in index pages: about 30 ms of work. */
export const MERGE_STEP_PAGES = 500;
const GROWTH_BEFORE_MERGE = 0.1;

function articleCount(db: Db): number {
  return prepared<[], { n: number | null }>(db, 'SELECT sum(article_count) AS n FROM feeds').get()!.n ?? 0;
}

/** Whether the index has grown enough since its last full merge to merge it again. */
export function searchIndexMergeDue(db: Db): boolean {
  const merged = getMeta(db, 'searchIndexMergedAtCount');
  if (merged === null) return true;
  return articleCount(db) > Number(merged) * (1 + GROWTH_BEFORE_MERGE);
}

/**
 * One slice of a full merge. Returns false once there was nothing left to merge (FTS5
 * documents it: a step that did work changes at least two rows).
 */
export function mergeSearchIndexStep(db: Db, pages = MERGE_STEP_PAGES): boolean {
  const totalChanges = (): number => prepared<[], { n: number }>(db, 'SELECT total_changes() AS n').get()!.n;
  const before = totalChanges();
  prepared(db, "INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', ?)").run(-pages);
  const worked = totalChanges() - before >= 2;
  if (!worked) setMeta(db, 'searchIndexMergedAtCount', String(articleCount(db)));
  return worked;
}

/** The whole merge at once: for tools and for building benchmark databases. */
export function mergeSearchIndexNow(db: Db, pages = 4 * MERGE_STEP_PAGES): void {
  while (mergeSearchIndexStep(db, pages));
}
