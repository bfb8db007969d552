/**
 * Schema 10: saved views, rules and notifications (issue 18).
 *
 * - `saved_views`: a named filter (shared/saved-views.ts) in the sidebar's order.
 * - `rules`: conditions and actions (shared/rules.ts) in the order they run. Both keep
 *   their definition as JSON, checked by the engine on the way in (zod) and by json_valid
 *   here, so a row cannot hold what the engine would refuse to read back.
 * - `articles.muted`: a rule's "mute" (read, and left out of All and Unread).
 * - `articles.has_enclosure`: a saved view's "has an attachment" without reading every
 *   article's contents; filled from the stored enclosures, then kept by the write path.
 *   The partial index walks only those articles, in id (date) order.
 * - `feeds.notify`, `tags.notify`: a desktop notification when new articles arrive.
 * - `offline_queue.full_text`: a rule's "keep the full article" for one queued article.
 */
import type { Migration } from './index.js';

export const migration010: Migration = {
  version: 10,
  description: 'saved views, rules and notifications',
  up(db) {
    db.exec(`
      CREATE TABLE saved_views (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        position INTEGER NOT NULL,
        filter TEXT NOT NULL CHECK (json_valid(filter)),
        notify INTEGER NOT NULL DEFAULT 0 CHECK (notify IN (0, 1)),
        created_at INTEGER NOT NULL
      );
      CREATE TABLE rules (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        position INTEGER NOT NULL,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        definition TEXT NOT NULL CHECK (json_valid(definition)),
        created_at INTEGER NOT NULL
      );
      ALTER TABLE articles ADD COLUMN muted INTEGER NOT NULL DEFAULT 0 CHECK (muted IN (0, 1));
      ALTER TABLE articles ADD COLUMN has_enclosure INTEGER NOT NULL DEFAULT 0 CHECK (has_enclosure IN (0, 1));
      UPDATE articles SET has_enclosure = 1
        WHERE id IN (SELECT article_id FROM article_contents WHERE enclosures IS NOT NULL AND enclosures <> '[]');
      CREATE INDEX articles_enclosure ON articles(has_enclosure) WHERE has_enclosure = 1;
      ALTER TABLE feeds ADD COLUMN notify INTEGER NOT NULL DEFAULT 0 CHECK (notify IN (0, 1));
      ALTER TABLE tags ADD COLUMN notify INTEGER NOT NULL DEFAULT 0 CHECK (notify IN (0, 1));
      ALTER TABLE offline_queue ADD COLUMN full_text INTEGER NOT NULL DEFAULT 0 CHECK (full_text IN (0, 1));
    `);
  },
};
