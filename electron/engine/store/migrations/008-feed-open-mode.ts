/**
 * Schema 8: how a feed's articles open.
 *
 * `feeds.open_as` is 'feed' (the feed's own content, the default), 'full' (the article
 * extracted from its page, fetched when opened if not kept already) or 'browser' (the
 * original in the system browser), as NetNewsWire and Reeder let a reader choose per feed.
 * The CHECK keeps any other value out whatever writes the row.
 */
import type { Migration } from './index.js';

export const migration008: Migration = {
  version: 8,
  description: 'per-feed open mode',
  up(db) {
    db.exec(`
      ALTER TABLE feeds ADD COLUMN open_as TEXT NOT NULL DEFAULT 'feed' CHECK (open_as IN ('feed', 'full', 'browser'));
    `);
  },
};
