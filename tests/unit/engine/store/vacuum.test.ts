import assert from 'node:assert/strict';
import { dirname } from 'node:path';
import { describe, it } from 'node:test';
import type { ParsedItem } from '../../../../electron/engine/feeds/parse.js';
import { Maintenance } from '../../../../electron/engine/offline/maintenance.js';
import { upsertFeedArticles } from '../../../../electron/engine/store/article-upsert.js';
import type { Db } from '../../../../electron/engine/store/db.js';
import { deleteFeed, insertFeed } from '../../../../electron/engine/store/feeds.js';
import { tempDatabase } from '../../../support/temp.js';

const NOW = Date.UTC(2024, 0, 20, 12);

/** A file that is mostly free pages: one big feed added, then deleted. */
function fileWithFreePages(db: Db): void {
  const keep = insertFeed(db, { url: 'https://kept.example/feed' }, NOW).feed.id;
  const gone = insertFeed(db, { url: 'https://gone.example/feed' }, NOW).feed.id;
  const items = (site: string, n: number): ParsedItem[] =>
    Array.from({ length: n }, (_, i) => ({
      id: `https://${site}/${i}`,
      title: `Post ${i}`,
      link: `https://${site}/${i}`,
      author: null,
      published: NOW - i * 60_000,
      updated: null,
      summary: null,
      content: `<p>${`words of post ${i} `.repeat(200)}</p>`,
      categories: [],
      enclosures: [],
      thumbnailUrl: null,
    }));
  upsertFeedArticles(db, keep, items('kept.example', 20), NOW);
  upsertFeedArticles(db, gone, items('gone.example', 400), NOW);
  deleteFeed(db, gone);
}

const freeFraction = (db: Db): number =>
  (db.pragma('freelist_count', { simple: true }) as number) / (db.pragma('page_count', { simple: true }) as number);

describe('maintenance: compacting the file', () => {
  it('compacts a small file unasked, a big one only when asked', () => {
    const t = tempDatabase();
    try {
      fileWithFreePages(t.db);
      assert.ok(freeFraction(t.db) > 0.5, 'most of the file is free pages');

      // "Big" here: any file over 1 KB. Unasked, it is left as it is.
      const strict = new Maintenance({ db: t.db, dataDir: dirname(t.path), now: () => NOW, autoVacuumMaxBytes: 1024 });
      strict.tidy();
      assert.ok(freeFraction(t.db) > 0.5, 'a big file is not rewritten unasked');
      const pagesBefore = t.db.pragma('page_count', { simple: true }) as number;
      strict.tidy({ asked: true });
      assert.equal(t.db.pragma('freelist_count', { simple: true }), 0, 'asked: compacted');
      assert.ok((t.db.pragma('page_count', { simple: true }) as number) < pagesBefore / 2);

      fileWithFreePages(t.db);
      new Maintenance({ db: t.db, dataDir: dirname(t.path), now: () => NOW }).tidy();
      assert.equal(t.db.pragma('freelist_count', { simple: true }), 0, 'a small file is compacted unasked');
      assert.equal(t.db.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      t.done();
    }
  });
});
