/**
 * Schema 5: feed icons kept offline.
 *
 * `feeds.icon_hash` names the offline image cache's copy of the feed's icon (see
 * shared/feed-icon.ts for which image that is). The sidebar shows the copy, so icons
 * appear offline and a thousand feeds do not ask a thousand hosts for an icon at every
 * start. Deleting the file's row (eviction, a restore that lost the file) clears the
 * column, and the next round of the offline cache fetches the icon again.
 */
import type { Migration } from './index.js';

export const migration005: Migration = {
  version: 5,
  description: 'feed icons in the offline image cache',
  up(db) {
    db.exec(`
      ALTER TABLE feeds ADD COLUMN icon_hash TEXT REFERENCES image_files(hash) ON DELETE SET NULL;
      CREATE INDEX feeds_icon_hash ON feeds(icon_hash) WHERE icon_hash IS NOT NULL;
    `);
  },
};
