/**
 * The indexer behind the writes (schema 11), with its real thread: the built
 * search-index-worker.js (npm test builds first), on a real database file.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { ParsedItem } from '../../../../electron/engine/feeds/parse.js';
import { upsertFeedArticles } from '../../../../electron/engine/store/article-upsert.js';
import { listArticles } from '../../../../electron/engine/store/articles.js';
import * as feeds from '../../../../electron/engine/store/feeds.js';
import { hasBackgroundIndexer, indexLag } from '../../../../electron/engine/store/search-backlog.js';
import { SearchIndexer } from '../../../../electron/engine/store/search-indexer.js';
import { parsedItem } from '../../../support/parsed-item.js';
import { tempDatabase } from '../../../support/temp.js';

const NOW = Date.UTC(2024, 0, 20, 12);

function builtWorker(): URL {
  const script = join(import.meta.dirname, '..', '..', '..', '..', 'dist', 'electron', 'search-index-worker.js');
  assert.ok(existsSync(script), `${script} is missing: run "npm run build" first (npm test does)`);
  return pathToFileURL(script);
}

const item = (n: number, words: string): ParsedItem =>
  parsedItem({
    id: `https://site.example/${n}`,
    title: `Post ${n}`,
    published: Date.UTC(2024, 0, 10) + n * 60_000,
    content: `<p>${words}</p>`,
  });

const found = (t: ReturnType<typeof tempDatabase>, words: string): number =>
  listArticles(t.db, { view: 'all', search: words }, null, 5000, NOW).articles.length;

describe('the search indexer', () => {
  it('indexes on its own thread what writers queue; what it had not taken in at close, a search does', async () => {
    const t = tempDatabase();
    const errors: string[] = [];
    let indexed = 0;
    const indexer = new SearchIndexer(t.db, {
      script: builtWorker(),
      onError: (message) => errors.push(message),
      onIndexed: () => indexed++,
    });
    try {
      assert.ok(hasBackgroundIndexer(t.db), 'searches on this connection leave the indexing to it');
      const feedId = feeds.insertFeed(t.db, { url: 'https://site.example/feed' }, NOW).feed.id;
      const items = Array.from({ length: 1200 }, (_, n) => item(n, n % 2 ? 'heron marsh' : 'heron reed'));
      upsertFeedArticles(t.db, feedId, items, NOW);
      assert.equal(found(t, 'heron'), 0, 'not indexed on the writing thread');
      assert.equal(await indexer.caughtUp(Infinity), 0);
      assert.ok(indexed >= 1, 'told once it had caught up (the app then sends the counts again)');
      assert.equal(found(t, 'heron'), 1200);
      assert.equal(found(t, 'marsh'), 600);
      // Written as it closes: left queued, and the connection, with no indexer now, takes
      // them in itself before its next search (the command line works so).
      upsertFeedArticles(t.db, feedId, [item(5000, 'egret')], NOW);
      await indexer.close();
      assert.ok(!hasBackgroundIndexer(t.db));
      assert.equal(indexLag(t.db), 1, 'still queued');
      assert.equal(found(t, 'egret'), 1);
      assert.equal(indexLag(t.db), 0);
      assert.deepEqual(errors, []);
    } finally {
      await indexer.close();
      t.done();
    }
  });

  it('without a thread (tests, an in-memory database), indexes on this one, every time it is woken', async () => {
    const t = tempDatabase();
    const indexer = new SearchIndexer(t.db, { script: null });
    try {
      const feedId = feeds.insertFeed(t.db, { url: 'https://site.example/feed' }, NOW).feed.id;
      // Its first wake (at start) finds nothing to do; the later ones must still be taken.
      await new Promise((resolve) => setTimeout(resolve, 20));
      for (const n of [1, 2, 3]) {
        upsertFeedArticles(t.db, feedId, [item(n, `curlew${n}`)], NOW);
        assert.equal(await indexer.caughtUp(2000), 0, `write ${n} indexed`);
        assert.equal(found(t, `curlew${n}`), 1);
      }
    } finally {
      await indexer.close();
      t.done();
    }
  });

  it('waits for a writer to commit, and a search that cannot wait longer is told what is left', async () => {
    const t = tempDatabase();
    const indexer = new SearchIndexer(t.db, { script: builtWorker() });
    try {
      const feedId = feeds.insertFeed(t.db, { url: 'https://site.example/feed' }, NOW).feed.id;
      t.db.exec('BEGIN IMMEDIATE');
      upsertFeedArticles(t.db, feedId, [item(1, 'bittern'), item(2, 'bittern')], NOW);
      // The refresh's transaction is open: the indexer's connection cannot see these yet.
      assert.equal(await indexer.caughtUp(60), 2, 'two articles still to come');
      t.db.exec('COMMIT');
      assert.equal(await indexer.caughtUp(Infinity), 0);
      assert.equal(found(t, 'bittern'), 2);
    } finally {
      await indexer.close();
      t.done();
    }
  });
});
