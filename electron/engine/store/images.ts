/**
 * The image cache's bookkeeping and the offline queue (files themselves: offline/image-files.ts).
 * See migration 002 for the tables.
 */
import type { ArticleId } from '../../../shared/domain.js';
import { prepared, type Db } from './db.js';

export interface ImageFileRow {
  hash: string;
  type: string;
  bytes: number;
}

/** Queues articles for the offline cache (images, full text). Already queued ones stay. */
export function enqueueOffline(db: Db, ids: readonly ArticleId[], now: number): void {
  if (ids.length === 0) return;
  // One statement for the lot: a refresh queues its 20,000 new articles in a few calls.
  prepared(db, 'INSERT OR IGNORE INTO offline_queue (article_id, queued_at) SELECT value, ? FROM json_each(?)').run(
    now,
    JSON.stringify(ids),
  );
}

/** The next queued articles, oldest queued first, skipping ones that failed too often. */
export function nextQueued(db: Db, limit: number): ArticleId[] {
  return prepared<[number], { article_id: number }>(
    db,
    'SELECT article_id FROM offline_queue WHERE attempts < 3 ORDER BY queued_at, article_id LIMIT ?',
  )
    .all(limit)
    .map((r) => r.article_id);
}

export function queueLength(db: Db): number {
  return prepared<[], { n: number }>(db, 'SELECT count(*) AS n FROM offline_queue WHERE attempts < 3').get()!.n;
}

export function dequeue(db: Db, id: ArticleId): void {
  prepared(db, 'DELETE FROM offline_queue WHERE article_id = ?').run(id);
}

export function markAttempt(db: Db, id: ArticleId): void {
  prepared(db, 'UPDATE offline_queue SET attempts = attempts + 1 WHERE article_id = ?').run(id);
}

export function setArticleImages(db: Db, id: ArticleId, urls: readonly string[]): void {
  const put = prepared(db, 'INSERT OR IGNORE INTO article_images (article_id, url) VALUES (?, ?)');
  db.transaction(() => {
    for (const url of urls) put.run(id, url);
  })();
}

/** What the cache knows of an address: a file, a recent failure, or nothing yet. */
export function imageState(
  db: Db,
  url: string,
): { hash: string | null; error: string | null; fetched_at: number } | null {
  return (
    prepared<[string], { hash: string | null; error: string | null; fetched_at: number }>(
      db,
      'SELECT hash, error, fetched_at FROM images WHERE url = ?',
    ).get(url) ?? null
  );
}

export function recordImage(db: Db, url: string, file: ImageFileRow, now: number): void {
  db.transaction(() => {
    prepared(
      db,
      `INSERT INTO image_files (hash, type, bytes, created_at, used_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(hash) DO UPDATE SET used_at = max(used_at, excluded.used_at)`,
    ).run(file.hash, file.type, file.bytes, now, now);
    prepared(
      db,
      `INSERT INTO images (url, hash, error, fetched_at) VALUES (?, ?, NULL, ?)
       ON CONFLICT(url) DO UPDATE SET hash = excluded.hash, error = NULL, fetched_at = excluded.fetched_at`,
    ).run(url, file.hash, now);
  })();
}

export function recordImageError(db: Db, url: string, error: string, now: number): void {
  prepared(
    db,
    `INSERT INTO images (url, hash, error, fetched_at) VALUES (?, NULL, ?, ?)
     ON CONFLICT(url) DO UPDATE SET hash = NULL, error = excluded.error, fetched_at = excluded.fetched_at`,
  ).run(url, error, now);
}

/** The cached files of one article, by address: what the renderer shows instead. */
export function cachedImagesOf(db: Db, id: ArticleId): Map<string, string> {
  const rows = prepared<[number], { url: string; hash: string }>(
    db,
    `SELECT i.url, i.hash FROM article_images ai JOIN images i ON i.url = ai.url
     WHERE ai.article_id = ? AND i.hash IS NOT NULL`,
  ).all(id);
  return new Map(rows.map((r) => [r.url, r.hash]));
}

/** Opening an article makes its images the most recently read (the last to be evicted). */
export function touchArticleImages(db: Db, id: ArticleId, now: number): void {
  prepared(
    db,
    `UPDATE image_files SET used_at = ? WHERE hash IN (
       SELECT i.hash FROM article_images ai JOIN images i ON i.url = ai.url
       WHERE ai.article_id = ? AND i.hash IS NOT NULL)`,
  ).run(now, id);
}

export function imageFile(db: Db, hash: string): ImageFileRow | null {
  return (
    prepared<[string], ImageFileRow>(db, 'SELECT hash, type, bytes FROM image_files WHERE hash = ?').get(hash) ?? null
  );
}

export function cacheTotals(db: Db): { files: number; bytes: number } {
  return prepared<[], { files: number; bytes: number }>(
    db,
    'SELECT count(*) AS files, coalesce(sum(bytes), 0) AS bytes FROM image_files',
  ).get()!;
}

/** A cached file's rows: its addresses (fetched again when next needed) and the file's own. */
function dropImageFileRows(db: Db, hash: string): void {
  prepared(db, 'DELETE FROM images WHERE hash = ?').run(hash);
  prepared(db, 'DELETE FROM image_files WHERE hash = ?').run(hash);
}

/**
 * Files to delete to bring the cache under `maxBytes`: least recently read first, never
 * one shown by a starred article nor a feed's icon (a few KB each, on screen all the
 * time). Their rows go in the same transaction; the caller deletes the files after it
 * commits (a file without a row is harmless, the reverse not).
 */
export function evictImages(db: Db, maxBytes: number): string[] {
  const evicted: string[] = [];
  db.transaction(() => {
    let { bytes } = cacheTotals(db);
    if (bytes <= maxBytes) return;
    const candidates = prepared<[], { hash: string; bytes: number }>(
      db,
      `SELECT f.hash, f.bytes FROM image_files f
       WHERE NOT EXISTS (
         SELECT 1 FROM images i JOIN article_images ai ON ai.url = i.url JOIN articles a ON a.id = ai.article_id
         WHERE i.hash = f.hash AND a.starred = 1)
       AND NOT EXISTS (SELECT 1 FROM feeds WHERE icon_hash = f.hash)
       ORDER BY f.used_at, f.created_at`,
    );
    for (const row of candidates.all()) {
      if (bytes <= maxBytes) break;
      dropImageFileRows(db, row.hash);
      evicted.push(row.hash);
      bytes -= row.bytes;
    }
  })();
  return evicted;
}

export function imageFileHashes(db: Db): string[] {
  return prepared<[], { hash: string }>(db, 'SELECT hash FROM image_files')
    .all()
    .map((r) => r.hash);
}

/** Forgets cached files that are gone from disk; returns the articles that showed them, to queue again. */
export function forgetImageFiles(db: Db, hashes: readonly string[]): ArticleId[] {
  const articles = new Set<ArticleId>();
  const shownBy = prepared<[string], { id: number }>(
    db,
    'SELECT DISTINCT ai.article_id AS id FROM images i JOIN article_images ai ON ai.url = i.url WHERE i.hash = ?',
  );
  db.transaction(() => {
    for (const hash of hashes) {
      for (const row of shownBy.all(hash)) articles.add(row.id);
      dropImageFileRows(db, hash);
    }
  })();
  return [...articles];
}
