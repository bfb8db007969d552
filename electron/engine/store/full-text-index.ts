/**
 * Writes to the full-text index (`articles_fts`), deferred while a refresh's group commit
 * is open (see group-commit.ts).
 *
 * Why defer: once the table has joined a transaction, FTS5 flushes its pending terms into
 * a new segment at the start of every savepoint, and whenever a rowid is lower than the
 * last one written. A group commit gives each feed a savepoint, so indexing inside them
 * wrote a small segment per feed. Written once per group instead, outside the savepoints
 * and in ascending rowid order, the store's writes of a 20,000-article refresh into a
 * million articles went from 5.3 s to 4.9 s, and an article whose full text arrives while
 * its group is open can no longer be indexed twice.
 *
 * Outside a group every write goes straight to the index, inside the caller's transaction.
 */
import { prepared, type Db } from './db.js';

export interface IndexEntry {
  title: string;
  author: string;
  body: string;
}

/** Index changes not yet written: entries to drop, then entries to add. */
export class PendingIndex {
  readonly removals = new Set<number>();
  readonly entries = new Map<number, IndexEntry>();
  /** Characters of text held, so a group can write its batch early rather than hold much. */
  chars = 0;

  add(id: number, entry: IndexEntry): void {
    this.chars += entry.title.length + entry.author.length + entry.body.length;
    this.entries.set(id, entry);
  }

  /** Takes over another batch's changes (a feed's, once its savepoint is released). */
  absorb(other: PendingIndex): void {
    for (const id of other.removals) this.removals.add(id);
    for (const [id, entry] of other.entries) this.add(id, entry);
  }

  /**
   * Writes the batch: removals first, then additions in ascending rowid order. An article
   * deleted since it was queued (retention, a deleted feed) gets no entry.
   */
  writeTo(db: Db): void {
    const remove = prepared(db, 'DELETE FROM articles_fts WHERE rowid = ?');
    for (const id of this.removals) remove.run(id);
    const exists = prepared(db, 'SELECT 1 FROM articles WHERE id = ?');
    // A plain single-row INSERT: an INSERT ... SELECT opens a statement savepoint on the
    // table, and FTS5 flushes at every one (measured: twelve times slower).
    const add = prepared(db, 'INSERT INTO articles_fts (rowid, title, author, body) VALUES (?, ?, ?, ?)');
    for (const id of [...this.entries.keys()].sort((a, b) => a - b)) {
      if (!exists.get(id)) continue;
      const entry = this.entries.get(id)!;
      add.run(id, entry.title, entry.author, entry.body);
    }
  }
}

/** The batch collecting this connection's index writes, while a group commit is open. */
const deferred = new WeakMap<Db, PendingIndex>();

/** Sends this connection's index writes to `pending` (or, with null, straight to the index again). */
export function deferIndexWrites(db: Db, pending: PendingIndex | null): void {
  if (pending) deferred.set(db, pending);
  else deferred.delete(db);
}

/**
 * Indexes articles: `replacing` are ids whose old entries go first (changed articles),
 * `entries` the new entries. Call inside the transaction that writes the articles.
 */
export function indexArticles(db: Db, replacing: readonly number[], entries: ReadonlyMap<number, IndexEntry>): void {
  const batch = deferred.get(db) ?? new PendingIndex();
  for (const id of replacing) batch.removals.add(id);
  for (const [id, entry] of entries) batch.add(id, entry);
  if (!deferred.has(db)) batch.writeTo(db);
}
