import assert from 'node:assert/strict';
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
import { tempDatabase } from '../../../support/temp.js';

const NOW = Date.UTC(2024, 0, 20, 12);

function item(feed: number, n: number, words: string): ParsedItem {
  return {
    id: `https://site${feed}.example/${n}`,
    title: `Post ${n} of feed ${feed}`,
    link: `https://site${feed}.example/${n}`,
    author: null,
    published: Date.UTC(2024, 0, 10) + (feed * 100 + n) * 60_000,
    updated: null,
    summary: null,
    content: `<p>${words}</p>`,
    categories: [],
    enclosures: [],
    thumbnailUrl: null,
  };
}

/** Index entries matching `word`, one row per entry (a duplicate entry shows twice). */
function entries(db: Db, word: string): number[] {
  return db
    .prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid')
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

describe('full-text index under group commit', () => {
  let db: Db;
  eachTestOnAFreshDatabase((fresh) => (db = fresh));

  it('indexes a group once, at its commit, and a search finds every article of it', () => {
    const ids = [1, 2, 3].map((n) => feeds.insertFeed(db, { url: `https://site${n}.example/feed` }, NOW).feed.id);
    const group = new GroupCommit(db, { maxFeeds: 10, maxMs: 60_000 });
    const stored = ids.flatMap((feedId, f) =>
      writeFeed(db, group, feedId, [item(f, 1, 'zebra crossing'), item(f, 2, 'zebra stripes')]),
    );
    assert.equal(stored.length, 6);
    assert.deepEqual(entries(db, 'zebra'), [], 'nothing indexed while the group is open');
    group.commit();
    assert.deepEqual(
      entries(db, 'zebra'),
      [...stored].sort((a, b) => a - b),
    );
    assert.deepEqual(entries(db, 'stripes').length, 3);
  });

  it('leaves no entry for a feed whose savepoint failed, and keeps the others', () => {
    const [a, b] = [1, 2].map((n) => feeds.insertFeed(db, { url: `https://site${n}.example/feed` }, NOW).feed.id);
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
    assert.deepEqual(entries(db, 'okapi'), kept);
    assert.deepEqual(entries(db, 'lost'), []);
    assert.equal(db.prepare('SELECT count(*) FROM articles').pluck().get(), 1);
  });

  it('replaces an entry once when the full text arrives while the group is open', () => {
    const feedId = feeds.insertFeed(db, { url: 'https://site1.example/feed' }, NOW).feed.id;
    const group = new GroupCommit(db, { maxFeeds: 10, maxMs: 60_000 });
    const [id] = writeFeed(db, group, feedId, [item(1, 1, 'summary words')]);
    setFullContent(db, id!, '<p>the whole article about pangolins</p>');
    group.commit();
    assert.deepEqual(entries(db, 'pangolins'), [id], 'one entry, with the full text');
    assert.deepEqual(entries(db, 'summary'), [], 'the feed text was replaced');
  });

  it('gives no entry to an article deleted before its group commits', () => {
    const [a, b] = [1, 2].map((n) => feeds.insertFeed(db, { url: `https://site${n}.example/feed` }, NOW).feed.id);
    const group = new GroupCommit(db, { maxFeeds: 10, maxMs: 60_000 });
    writeFeed(db, group, a!, [item(1, 1, 'quokka')]);
    const [keep] = writeFeed(db, group, b!, [item(2, 1, 'quokka')]);
    deleteFeed(db, a!);
    group.commit();
    assert.deepEqual(entries(db, 'quokka'), [keep]);
  });

  it('writes a large batch between feeds rather than holding it to the commit', () => {
    const [a, b] = [1, 2].map((n) => feeds.insertFeed(db, { url: `https://site${n}.example/feed` }, NOW).feed.id);
    const group = new GroupCommit(db, { maxFeeds: 10, maxMs: 60_000 });
    // 40 articles of 32,000 indexed characters each: past the group's limit.
    const long = `narwhal ${'lorem ipsum '.repeat(3_000)}`;
    const [first] = writeFeed(
      db,
      group,
      a!,
      Array.from({ length: 40 }, (_, n) => item(1, n, long)),
    );
    assert.deepEqual(entries(db, 'narwhal'), [], 'nothing written inside the feed');
    group.feedDone();
    assert.equal(entries(db, 'narwhal').length, 40, 'over the limit: written between feeds');
    assert.ok(db.inTransaction, 'the group is still open');
    const [second] = writeFeed(db, group, b!, [item(2, 1, 'narwhal tusk')]);
    group.commit();
    assert.deepEqual(entries(db, 'tusk'), [second]);
    assert.ok(entries(db, 'narwhal').includes(first!));
  });

  it('writes straight to the index outside a group', () => {
    const feedId = feeds.insertFeed(db, { url: 'https://site1.example/feed' }, NOW).feed.id;
    const { inserted } = upsertFeedArticles(db, feedId, [item(1, 1, 'wombat')], NOW);
    assert.deepEqual(entries(db, 'wombat'), inserted);
  });
});

describe('merging the full-text index', () => {
  let db: Db;
  eachTestOnAFreshDatabase((fresh) => (db = fresh));

  const segments = (): number =>
    // The structure record (id 10) grows with the number of segments: a proxy for the test.
    (db.prepare('SELECT length(block) FROM articles_fts_data WHERE id = 10').pluck().get() as number) ?? 0;

  it('merges many segments into one in steps, keeps every search result, and waits for growth', () => {
    const config = Object.fromEntries(
      (db.prepare('SELECT k, v FROM articles_fts_config').all() as { k: string; v: number }[]).map((r) => [r.k, r.v]),
    );
    assert.equal(config.automerge, 0, 'schema 4: writes do not merge');
    assert.equal(config.crisismerge, 64, 'schema 3: the backstop');

    // One transaction per feed: one segment each.
    for (let f = 0; f < 30; f++) {
      const feedId = feeds.insertFeed(db, { url: `https://site${f}.example/feed` }, NOW).feed.id;
      upsertFeedArticles(db, feedId, [item(f, 1, `aardvark feed${f}`), item(f, 2, 'badger')], NOW);
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
    }
    assert.equal(searchIndexMergeDue(db), true, 'grown by more than a tenth');
    mergeSearchIndexNow(db);
    assert.equal(searchIndexMergeDue(db), false);
    assert.equal(entries(db, 'aardvark').length, 34);
  });

  it("merges the segments a refresh's group commits wrote, after it, keeping every search result", () => {
    const ids: number[] = [];
    // Twelve group commits, as a refresh makes them: twelve new segments on level 0.
    for (let g = 0; g < 12; g++) {
      const group = new GroupCommit(db, { maxFeeds: 100, maxMs: 60_000 });
      const feedId = feeds.insertFeed(db, { url: `https://site${g}.example/feed` }, NOW).feed.id;
      ids.push(...writeFeed(db, group, feedId, [item(g, 1, `capybara group${g}`), item(g, 2, 'dugong')]));
      group.commit();
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
