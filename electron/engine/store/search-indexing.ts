/**
 * The indexer's work (schema 11): takes backlog entries in order, writes their articles'
 * index entries into the index file, and records how far it got, all in one transaction
 * that writes only the index file. It runs on the indexer thread's own connection
 * (search-index-worker.ts), or inline on a connection that has no such thread.
 *
 * Entries are read at the time of indexing, from the article as it then is: the title
 * and author, and the text of its extracted full text, else its content, else its
 * summary. Several entries for one article in a batch (added, then changed, then removed)
 * come down to one: its old entry out if it had one, its current text in if it still
 * exists. An entry's rowid is the article's sort key (article-key.ts): matches come out
 * newest first. New entries go in ascending rowid order: FTS5 flushes its pending terms
 * whenever a rowid goes down.
 */
import { htmlToText } from '../feeds/html-text.js';
import { FTS_MAX_CHARS } from '../feeds/prepare-item.js';
import { prepared, type Db } from './db.js';
import { hasBackgroundIndexer, INDEX_CHANGE, pruneIndexedBacklog } from './search-backlog.js';
import { hasSearchIndexFile, indexedThroughOf, setSearchState } from './search-file.js';

/** Backlog entries per transaction: about 40 ms of work, so a search waits little for one. */
export const INDEX_BATCH = 500;

interface BacklogRow {
  seq: number;
  article_key: number;
  change: number;
}

interface IndexedArticle {
  title: string | null;
  author: string | null;
  full_content: string | null;
  content: string | null;
  summary: string | null;
}

/** Indexes up to `max` backlog entries; returns how many it took (0: caught up). */
export function indexBacklogBatch(db: Db, max = INDEX_BATCH): number {
  return db.transaction(() => {
    const rows = prepared<[number, number], BacklogRow>(
      db,
      'SELECT seq, article_key, change FROM search_backlog WHERE seq > ? ORDER BY seq LIMIT ?',
    ).all(indexedThroughOf(db), max);
    if (!rows.length) return 0;
    // Per article: whether the index held it before this batch (its first entry says).
    const heldBefore = new Map<number, boolean>();
    for (const row of rows) {
      if (!heldBefore.has(row.article_key)) heldBefore.set(row.article_key, row.change !== INDEX_CHANGE.added);
    }
    const remove = prepared(db, 'DELETE FROM search.articles_fts WHERE rowid = ?');
    const add = prepared(db, 'INSERT INTO search.articles_fts (rowid, title, author, body) VALUES (?, ?, ?, ?)');
    const read = prepared<[number], IndexedArticle>(
      db,
      `SELECT a.title, a.author, c.full_content, c.content, c.summary
       FROM articles a LEFT JOIN article_contents c ON c.article_id = a.id WHERE a.sort_key = ?`,
    );
    const keys = [...heldBefore.keys()].sort((a, b) => a - b);
    for (const key of keys) if (heldBefore.get(key)) remove.run(key);
    for (const key of keys) {
      const article = read.get(key);
      if (!article) continue; // removed since: it has no entry now
      const html = article.full_content ?? article.content ?? article.summary;
      add.run(key, article.title ?? '', article.author ?? '', htmlToText(html, FTS_MAX_CHARS));
    }
    setSearchState(db, 'indexedThrough', rows[rows.length - 1]!.seq);
    return rows.length;
  })();
}

/** Indexes the whole backlog now, on this connection. */
export function catchUpSearchIndex(db: Db): void {
  while (indexBacklogBatch(db) > 0);
}

/**
 * Before a search on a connection no indexer works for (the command line, tests, tools):
 * index what is queued, so the search sees every article. With an indexer, the reader
 * waits for it instead, briefly, and says what is still to come (reader-service.ts).
 */
export function ensureSearchable(db: Db): void {
  if (db.readonly || hasBackgroundIndexer(db) || !hasSearchIndexFile(db)) return;
  catchUpSearchIndex(db);
  // The writer's own connection: it drops what is indexed (an indexer thread's may not).
  if (!db.inTransaction) pruneIndexedBacklog(db);
}
