/**
 * Schema 2: offline reading and retention.
 *
 * - `image_files` is the image cache on disk, one row per file, keyed by the sha256 of
 *   its bytes (two addresses serving the same picture share one file). `used_at` is when
 *   an article showing it was last opened: eviction takes the least recently read first.
 * - `images` maps each image address to its cached file (or to why it could not be
 *   fetched, so a broken image is not retried on every refresh).
 * - `article_images` says which article shows which image, so a starred article's images
 *   are never evicted and opening an article marks its images used.
 * - `offline_queue` holds the articles whose images (and full text, for feeds that ask)
 *   are still to fetch. It is a table, not memory, so quitting mid-way loses nothing.
 * - `removed_articles` remembers what retention deleted, so the next refresh does not
 *   bring it back while the feed still lists it.
 */
import type { Migration } from './index.js';

export const migration002: Migration = {
  version: 2,
  description: 'image cache, offline queue, retention tombstones',
  up(db) {
    db.exec(`
      CREATE TABLE image_files (
        hash TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        used_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX image_files_used ON image_files(used_at);

      CREATE TABLE images (
        url TEXT PRIMARY KEY,
        hash TEXT REFERENCES image_files(hash) ON DELETE SET NULL,
        error TEXT,
        fetched_at INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX images_hash ON images(hash) WHERE hash IS NOT NULL;

      CREATE TABLE article_images (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        url TEXT NOT NULL,
        PRIMARY KEY (article_id, url)
      ) WITHOUT ROWID;
      CREATE INDEX article_images_url ON article_images(url);

      CREATE TABLE offline_queue (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        queued_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE removed_articles (
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        removed_at INTEGER NOT NULL,
        PRIMARY KEY (feed_id, guid)
      ) WITHOUT ROWID;
    `);
  },
};
