import assert from 'node:assert/strict';
import { copyFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { ParsedItem } from '../../../../electron/engine/feeds/parse.js';
import { upsertFeedArticles } from '../../../../electron/engine/store/article-upsert.js';
import type { Db } from '../../../../electron/engine/store/db.js';
import * as feeds from '../../../../electron/engine/store/feeds.js';
import { setFullContent } from '../../../../electron/engine/store/full-content.js';
import { GroupCommit } from '../../../../electron/engine/store/group-commit.js';
import { deleteFeed } from '../../../../electron/engine/store/feeds.js';
import {
  mergeNewSegmentsNow,
  mergeNewSegmentsStep,
  mergeSearchIndexNow,
  mergeSearchIndexStep,
  searchIndexMergeDue,
} from '../../../../electron/engine/store/search-index.js';
import { closeDatabase, openDatabase } from '../../../../electron/engine/store/db.js';
import { listArticles } from '../../../../electron/engine/store/articles.js';
import {
  indexLag,
  pruneIndexedBacklog,
  setBackgroundIndexer,
} from '../../../../electron/engine/store/search-backlog.js';
import { catchUpSearchIndex, indexBacklogBatch } from '../../../../electron/engine/store/search-indexing.js';
import { parsedItem } from '../../../support/parsed-item.js';
import { tempDatabase } from '../../../support/temp.js';

const NOW = Date.UTC(2024, 0, 20, 12);

function item(feed: number, n: number, words: string): ParsedItem {
  return parsedItem({
    id: `https://site${feed}.example/${n}`,
    title: `Post ${n} of feed ${feed}`,
    published: Date.UTC(2024, 0, 10) + (feed * 100 + n) * 60_000,
    content: `<p>${words}</p>`,
  });
}

/**
 * Index entries matching `word`, as their articles' ids in ascending order, one row per
 * entry (a duplicate entry shows twice; an entry no article has, a leftover, shows as -1).
 */
function entries(db: Db, word: string): number[] {
  // `articles_fts` is found in the attached index file (schema 11); its rowids are sort keys (schema 12).
  return db
    .prepare(
      `SELECT coalesce(a.id, -1) FROM articles_fts f LEFT JOIN articles a ON a.sort_key = f.rowid
       WHERE articles_fts MATCH ? ORDER BY 1`,
    )
    .pluck()
    .all(word) as number[];
}

/** What a refresh does per feed: its writes in a savepoint of the group. */
function writeFeed(db: Db, group: GroupCommit, feedId: number, items: ParsedItem[]): number[] {
  return group.write(() => db.transaction(() => upsertFeedArticles(db, feedId, items, NOW))()).inserted;
}

/** Gives each test of the suite its own database file, removed after it. */
function eachTestOnAFreshDatabase(use: (db: Db) => void): void {
  let t: ReturnType<typeof tempDatabase>;
  beforeEach(() => {
    t = tempDatabase();
    use(t.db);
  });
  afterEach(() => t.done());
}

describe('the full-text index behind the writes', () => {
  let t: ReturnType<typeof tempDatabase>;
  let db: Db;
  /** The indexer's own connection, as its thread opens it. */
  let indexer: Db;
  beforeEach(() => {
    t = tempDatabase();
    db = t.db;
    indexer = openDatabase(t.path, { migrate: false });
    setBackgroundIndexer(db, () => {});
  });
  afterEach(() => {
    indexer.close();
    setBackgroundIndexer(db, null);
    t.done();
  });

  const feed = (n: number): number => feeds.insertFeed(db, { url: `https://site${n}.example/feed` }, NOW).feed.id;

  it('queues a group with its articles; the indexer sees them only once the group has committed', () => {
    const ids = [1, 2, 3].map(feed);
    const group = new GroupCommit(db, { maxFeeds: 10, maxMs: 60_000 });
    const stored = ids.flatMap((feedId, f) =>
      writeFeed(db, group, feedId, [item(f, 1, 'zebra crossing'), item(f, 2, 'zebra stripes')]),
    );
    assert.equal(stored.length, 6);
    catchUpSearchIndex(indexer);
    assert.deepEqual(entries(indexer, 'zebra'), [], 'nothing to index while the group is open');
    group.commit();
    assert.equal(indexLag(db), 6, 'six articles behind');
    catchUpSearchIndex(indexer);
    assert.equal(indexLag(db), 0);
    assert.deepEqual(
      entries(db, 'zebra'),
      [...stored].sort((a, b) => a - b),
    );
    assert.deepEqual(entries(db, 'stripes').length, 3);
  });

  it('leaves no entry for a feed whose savepoint failed, and keeps the others', () => {
    const [a, b] = [1, 2].map(feed);
    const group = new GroupCommit(db, { maxFeeds: 10, maxMs: 60_000 });
    const kept = writeFeed(db, group, a!, [item(1, 1, 'okapi')]);
    assert.throws(() =>
      group.write(() =>
        db.transaction(() => {
          upsertFeedArticles(db, b!, [item(2, 1, 'okapi lost')], NOW);
          throw new Error('this feed fails after writing');
        })(),
      ),
    );
    group.commit();
    catchUpSearchIndex(indexer);
    assert.deepEqual(entries(db, 'okapi'), kept);
    assert.deepEqual(entries(db, 'lost'), []);
    assert.equal(db.prepare('SELECT count(*) FROM articles').pluck().get(), 1);
  });

  it('indexes the full text that arrived before the indexer got to the article, once', () => {
    const group = new GroupCommit(db, { maxFeeds: 10, maxMs: 60_000 });
    const [id] = writeFeed(db, group, feed(1), [item(1, 1, 'summary words')]);
    setFullContent(db, id!, '<p>the whole article about pangolins</p>');
    group.commit();
    catchUpSearchIndex(indexer);
    assert.deepEqual(entries(db, 'pangolins'), [id], 'one entry, with the full text');
    assert.deepEqual(entries(db, 'summary'), [], 'the feed text was replaced');
    setFullContent(db, id!, '<p>now about tapirs</p>');
    catchUpSearchIndex(indexer);
    assert.deepEqual(entries(db, 'tapirs'), [id], 'replaced again once indexed');
    assert.deepEqual(entries(db, 'pangolins'), []);
  });

  it('removes the entries of deleted articles, indexed or not yet', () => {
    const [a, b, c] = [1, 2, 3].map(feed);
    const [gone] = upsertFeedArticles(db, a!, [item(1, 1, 'quokka')], NOW).inserted;
    catchUpSearchIndex(indexer);
    assert.deepEqual(entries(db, 'quokka'), [gone]);
    upsertFeedArticles(db, b!, [item(2, 1, 'quokka')], NOW);
    const [keep] = upsertFeedArticles(db, c!, [item(3, 1, 'quokka')], NOW).inserted;
    deleteFeed(db, a!);
    deleteFeed(db, b!);
    catchUpSearchIndex(indexer);
    assert.deepEqual(entries(db, 'quokka'), [keep]);
    assert.equal(pruneIndexedBacklog(db), 5, 'three added, two removed: taken in, then dropped');
    assert.equal(indexLag(db), 0);
  });

  it('resumes where it stopped: an indexer closed half-way leaves each article indexed once', () => {
    const feedId = feed(1);
    const ids = upsertFeedArticles(
      db,
      feedId,
      Array.from({ length: 10 }, (_, n) => item(1, n, 'ibex')),
      NOW,
    ).inserted;
    assert.equal(indexBacklogBatch(indexer, 4), 4);
    indexer.close();
    indexer = openDatabase(t.path, { migrate: false });
    assert.equal(indexLag(indexer), 6);
    catchUpSearchIndex(indexer);
    assert.deepEqual(
      entries(db, 'ibex'),
      [...ids].sort((a, b) => a - b),
    );
    assert.equal(
      db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'ibex'").pluck().get(),
      10,
      'no entry twice',
    );
  });

  it('a connection with no indexer indexes before it searches', () => {
    setBackgroundIndexer(db, null);
    const { inserted } = upsertFeedArticles(db, feed(1), [item(1, 1, 'wombat')], NOW);
    assert.deepEqual(
      listArticles(db, { view: 'all', search: 'wombat' }, null, 50, NOW).articles.map((a) => a.id),
      inserted,
    );
  });
});

describe('the index file', () => {
  it("is built again when missing, damaged or another database's, and searches find every article", () => {
    const t = tempDatabase();
    const other = tempDatabase();
    try {
      const feedId = feeds.insertFeed(t.db, { url: 'https://site1.example/feed' }, NOW).feed.id;
      const ids = upsertFeedArticles(t.db, feedId, [item(1, 1, 'lynx'), item(1, 2, 'lynx')], NOW).inserted;
      catchUpSearchIndex(t.db);
      // As the running indexer does: what the index holds leaves the backlog, so only a
      // rebuild can bring it back.
      pruneIndexedBacklog(t.db);
      const reopen = (): Db => {
        closeDatabase(t.db);
        t.db = openDatabase(t.path);
        catchUpSearchIndex(t.db);
        return t.db;
      };
      const searchPath = `${t.path}.search`;
      assert.ok(existsSync(searchPath), 'beside the database');

      rmSync(searchPath);
      assert.deepEqual(entries(reopen(), 'lynx'), ids, 'missing: rebuilt');

      closeDatabase(t.db);
      writeFileSync(searchPath, 'not a database at all, '.repeat(500));
      rmSync(`${searchPath}-wal`, { force: true });
      assert.deepEqual(entries(reopen(), 'lynx'), ids, 'damaged: rebuilt');

      // The other database's articles, indexed: their entries must not answer here.
      const otherFeed = feeds.insertFeed(other.db, { url: 'https://site2.example/feed' }, NOW).feed.id;
      upsertFeedArticles(other.db, otherFeed, [item(2, 1, 'lynx'), item(2, 2, 'lynx'), item(2, 3, 'lynx')], NOW);
      catchUpSearchIndex(other.db);
      pruneIndexedBacklog(other.db);
      closeDatabase(t.db);
      closeDatabase(other.db);
      copyFileSync(`${other.path}.search`, searchPath);
      rmSync(`${searchPath}-wal`, { force: true });
      assert.deepEqual(entries(reopen(), 'lynx'), ids, "another database's: rebuilt");
    } finally {
      closeDatabase(t.db);
      t.done();
      other.done();
    }
  });
});

describe('merging the full-text index', () => {
  let db: Db;
  eachTestOnAFreshDatabase((fresh) => (db = fresh));

  const segments = (): number =>
    // The structure record (id 10) grows with the number of segments: a proxy for the test.
    (db.prepare('SELECT length(block) FROM search.articles_fts_data WHERE id = 10').pluck().get() as number) ?? 0;

  it('merges many segments into one in steps, keeps every search result, and waits for growth', () => {
    const config = Object.fromEntries(
      (db.prepare('SELECT k, v FROM search.articles_fts_config').all() as { k: string; v: number }[]).map((r) => [
        r.k,
        r.v,
      ]),
    );
    assert.equal(config.automerge, 0, 'the indexer writes without merging');
    assert.equal(config.crisismerge, 64, 'the backstop');

    // One indexer batch per feed: one segment each.
    for (let f = 0; f < 30; f++) {
      const feedId = feeds.insertFeed(db, { url: `https://site${f}.example/feed` }, NOW).feed.id;
      upsertFeedArticles(db, feedId, [item(f, 1, `aardvark feed${f}`), item(f, 2, 'badger')], NOW);
      catchUpSearchIndex(db);
    }
    const before = { aardvark: entries(db, 'aardvark'), badger: entries(db, 'badger'), one: entries(db, 'feed7') };
    const unmerged = segments();
    assert.equal(searchIndexMergeDue(db), true, 'never merged');
    let steps = 0;
    while (mergeSearchIndexStep(db, 1)) steps++;
    assert.ok(steps >= 1, 'the merge did work');
    assert.ok(segments() < unmerged, `one segment: structure ${unmerged} -> ${segments()} bytes`);
    assert.deepEqual(
      { aardvark: entries(db, 'aardvark'), badger: entries(db, 'badger'), one: entries(db, 'feed7') },
      before,
    );
    assert.equal(mergeSearchIndexStep(db), false, 'nothing left to merge');
    assert.equal(searchIndexMergeDue(db), false, 'not again until the index grows');

    for (let f = 30; f < 34; f++) {
      const feedId = feeds.insertFeed(db, { url: `https://site${f}.example/feed` }, NOW).feed.id;
      upsertFeedArticles(db, feedId, [item(f, 1, 'aardvark'), item(f, 2, 'badger')], NOW);
      catchUpSearchIndex(db);
    }
    assert.equal(searchIndexMergeDue(db), true, 'grown by more than a tenth');
    mergeSearchIndexNow(db);
    assert.equal(searchIndexMergeDue(db), false);
    assert.equal(entries(db, 'aardvark').length, 34);
  });

  it('merges the segments the indexer wrote behind a refresh, keeping every search result', () => {
    const ids: number[] = [];
    // Twelve group commits, each indexed in its own batch: twelve new segments on level 0.
    for (let g = 0; g < 12; g++) {
      const group = new GroupCommit(db, { maxFeeds: 100, maxMs: 60_000 });
      const feedId = feeds.insertFeed(db, { url: `https://site${g}.example/feed` }, NOW).feed.id;
      ids.push(...writeFeed(db, group, feedId, [item(g, 1, `capybara group${g}`), item(g, 2, 'dugong')]));
      group.commit();
      catchUpSearchIndex(db);
    }
    const unmerged = segments();
    const before = { capybara: entries(db, 'capybara'), dugong: entries(db, 'dugong'), one: entries(db, 'group5') };
    assert.equal(before.capybara.length, 12, 'every article searchable before any merge');
    let steps = 0;
    while (mergeNewSegmentsStep(db, 1)) steps++;
    assert.ok(steps >= 1, 'the merge did work');
    assert.ok(segments() < unmerged, `fewer segments: structure ${unmerged} -> ${segments()} bytes`);
    assert.deepEqual(
      { capybara: entries(db, 'capybara'), dugong: entries(db, 'dugong'), one: entries(db, 'group5') },
      before,
    );
    assert.equal(mergeNewSegmentsStep(db), false, 'nothing left to merge');
    mergeNewSegmentsNow(db);
    assert.deepEqual(entries(db, 'capybara').length + entries(db, 'dugong').length, ids.length);
  });
});
