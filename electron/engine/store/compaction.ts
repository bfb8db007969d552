/**
 * Tidying the file after retention: SQLite's own statistics refreshed, and a VACUUM when
 * deletions have left much of the file empty. Here with the rest of the SQL; maintenance
 * decides when.
 */
import type { Db } from './db.js';

/** VACUUM rewrites the whole file: only worth it when a fifth of it is free pages. */
export const VACUUM_FREE_FRACTION = 0.2;

export interface CompactOptions {
  /** A file up to this size is compacted when due; a bigger one only when the user asked. */
  autoVacuumMaxBytes: number;
  /** The user asked (Tidy now, `syndic maintain`). */
  asked: boolean;
}

/** Returns whether the file was compacted. */
export function optimizeAndCompact(db: Db, options: CompactOptions): boolean {
  db.pragma('optimize');
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  const small = pages * pageSize <= options.autoVacuumMaxBytes;
  // Not inside a refresh's group commit (VACUUM cannot run in a transaction): tomorrow, then.
  if (pages > 0 && free / pages > VACUUM_FREE_FRACTION && (small || options.asked) && !db.inTransaction) {
    db.exec('VACUUM');
    return true;
  }
  return false;
}
