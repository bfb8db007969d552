import assert from 'node:assert/strict';
import { after, beforeEach, describe, it, type TestContext } from 'node:test';
import type { ParsedItem } from '../../../../electron/engine/feeds/parse.js';
import { parseFeed } from '../../../../electron/engine/feeds/parse.js';
import { legacyItemHash } from '../../../../electron/engine/feeds/item-hash.js';
import { prepareItem } from '../../../../electron/engine/feeds/prepare-item.js';
import { keyFloor } from '../../../../electron/engine/store/article-key.js';
import { upsertFeedArticles } from '../../../../electron/engine/store/article-upsert.js';
import * as articles from '../../../../electron/engine/store/articles.js';
import { getCounts } from '../../../../electron/engine/store/counts.js';
import { closeDatabase, openDatabase, type Db } from '../../../../electron/engine/store/db.js';
import * as feeds from '../../../../electron/engine/store/feeds.js';
import {
  DatabaseTooNewError,
  LATEST_VERSION,
  migrate,
  schemaVersion,
} from '../../../../electron/engine/store/migrate.js';
import * as tags from '../../../../electron/engine/store/tags.js';
import { toFtsQuery } from '../../../../electron/engine/store/view-query.js';
import { fixture } from '../../../support/fixtures.js';
import { tempDatabase, tempDir } from '../../../support/temp.js';
import { join } from 'node:path';

const NOW = Date.UTC(2024, 0, 20, 12);

function item(id: string, overrides: Partial<ParsedItem> = {}): ParsedItem {
  return {
    id,
    title: `Title ${id}`,
    link: `https://site.example/${id}`,
    author: null,
    published: Date.UTC(2024, 0, 10) + Number(id.replace(/\D/g, '') || 0) * 60_000,
    updated: null,
    summary: `Summary of ${id}`,
    content: `<p>Body of ${id}</p>`,
    categories: [],
    enclosures: [],
    thumbnailUrl: null,
    ...overrides,
  };
}

/** The kept counters must equal counts recomputed from the rows. */
function assertCountersExact(db: Db): void {
  const rows = db
    .prepare(
      `SELECT id, article_count, unread_count,
         (SELECT count(*) FROM articles WHERE feed_id = feeds.id) AS real_articles,
         (SELECT count(*) FROM articles WHERE feed_id = feeds.id AND read = 0) AS real_unread
       FROM feeds`,
    )
    .all() as { id: number; article_count: number; unread_count: number; real_articles: number; real_unread: number }[];
  for (const r of rows) {
    assert.equal(r.article_count, r.real_articles, `feed ${r.id} article count`);
    assert.equal(r.unread_count, r.real_unread, `feed ${r.id} unread count`);
  }
}

function addFeed(db: Db, url: string): number {
  return feeds.insertFeed(db, { url }, NOW).feed.id;
}

describe('store: opening and migrations', () => {
  it('sets WAL, foreign keys, synchronous and a busy timeout on every open', () => {
    const t = tempDatabase();
    try {
      assert.equal(t.db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(t.db.pragma('foreign_keys', { simple: true }), 1);
      assert.equal(t.db.pragma('synchronous', { simple: true }), 1);
      assert.equal(t.db.pragma('busy_timeout', { simple: true }), 5000);
      assert.equal(schemaVersion(t.db), LATEST_VERSION);
    } finally {
      t.done();
    }
  });

  it('migrates an empty database from version 0 and runs nothing twice', () => {
    const dir = tempDir();
    try {
      const db = openDatabase(join(dir.path, 'a.db'), { migrate: false });
      assert.equal(schemaVersion(db), 0);
      // One version at a time, as an older install upgrading twice would.
      assert.deepEqual(migrate(db, 1), [1]);
      assert.deepEqual(migrate(db), [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
      assert.deepEqual(migrate(db), []);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").pluck().all();
      for (const t of [
        'articles',
        'article_contents',
        'feeds',
        'tags',
        'feed_tags',
        'article_tags',
        'settings',
        'search_backlog',
        'image_files',
        'images',
        'article_images',
        'offline_queue',
        'removed_articles',
      ])
        assert.ok(tables.includes(t), t);
      // The full-text index lives in its own file beside the database (schema 11).
      const searchTables = db.prepare("SELECT name FROM search.sqlite_master WHERE type = 'table'").pluck().all();
      assert.ok(searchTables.includes('articles_fts'), 'articles_fts in the index file');
      assert.ok(!tables.includes('articles_fts'), 'and not in the database');
      closeDatabase(db);
    } finally {
      dir.remove();
    }
  });

  it('refuses a database written by a newer app, with a clear message, and leaves it alone', () => {
    const dir = tempDir();
    try {
      const path = join(dir.path, 'new.db');
      const db = openDatabase(path);
      db.pragma(`user_version = ${LATEST_VERSION + 5}`);
      closeDatabase(db);
      assert.throws(
        () => openDatabase(path),
        (error: unknown) => {
          assert.ok(error instanceof DatabaseTooNewError);
          assert.match(error.message, /newer version of Syndic/);
          return true;
        },
      );
      const again = openDatabase(path, { migrate: false });
      assert.equal(schemaVersion(again), LATEST_VERSION + 5);
      closeDatabase(again);
    } finally {
      dir.remove();
    }
  });
});

describe('store: articles', () => {
  let t: ReturnType<typeof tempDatabase>;
  let db: Db;
  beforeEach(() => {
    t?.done();
    t = tempDatabase();
    db = t.db;
  });
  after(() => t?.done());
  /** An article's place in the lists (store/article-key.ts). */
  const keyOf = (id: number): number =>
    db.prepare('SELECT sort_key FROM articles WHERE id = ?').pluck().get(id) as number;

  it('inserts new items, updates changed ones without touching read/starred, keeps items that left', () => {
    const feedId = addFeed(db, 'https://site.example/feed');
    const first = upsertFeedArticles(db, feedId, [item('a1'), item('a2'), item('a3')], NOW);
    assert.equal(first.inserted.length, 3);
    const [id1, id2] = first.inserted;
    articles.markRead(db, [id1!], true);
    articles.setStarred(db, id2!, true);

    const second = upsertFeedArticles(
      db,
      feedId,
      [item('a1', { title: 'New title' }), item('a2', { content: '<p>edited</p>' })],
      NOW + 1000,
    );
    assert.deepEqual(second.inserted, []);
    assert.deepEqual(second.updated.sort(), [id1, id2].sort());
    const a1 = articles.getArticle(db, id1!)!;
    assert.equal(a1.title, 'New title');
    assert.equal(a1.read, true, 'read state survives an update');
    const a2 = articles.getArticle(db, id2!)!;
    assert.equal(a2.content, '<p>edited</p>');
    assert.equal(a2.starred, true, 'starred state survives an update');
    assert.equal(feeds.getFeed(db, feedId)!.articleCount, 3, 'a3 left the feed but is kept');

    const third = upsertFeedArticles(db, feedId, [item('a1', { title: 'New title' })], NOW + 2000);
    assert.deepEqual(third, { inserted: [], updated: [], ruled: [] }, 'an unchanged item is not written');
    assertCountersExact(db);
  });

  it('keeps removed articles out of a feed that has none stored, and finds stored ones after its first fetch', () => {
    const feedId = addFeed(db, 'https://site.example/feed');
    // Retention removed every article the feed had: none stored, their guids remembered.
    db.prepare('INSERT INTO removed_articles (feed_id, guid, removed_at) VALUES (?, ?, ?)').run(feedId, 'a1', NOW);
    const first = upsertFeedArticles(db, feedId, [item('a1'), item('a2')], NOW);
    assert.equal(first.inserted.length, 1, 'a1 stays removed');
    const again = upsertFeedArticles(db, feedId, [item('a1'), item('a2'), item('a3')], NOW + 1000);
    assert.equal(again.inserted.length, 1, 'only a3 is new');
    assert.equal(feeds.getFeed(db, feedId)!.articleCount, 2);
  });

  it("takes an article stored under an earlier version's hash as unchanged, and gives it the new hash", () => {
    const feedId = addFeed(db, 'https://site.example/feed');
    const [same, edited] = upsertFeedArticles(db, feedId, [item('a1'), item('a2')], NOW).inserted;
    // As the versions before item-hash.ts stored them.
    const setHash = db.prepare('UPDATE articles SET content_hash = ? WHERE id = ?');
    setHash.run(legacyItemHash(item('a1')), same);
    setHash.run(legacyItemHash(item('a2')), edited);
    const hashOf = (id: number): string =>
      (db.prepare('SELECT content_hash AS h FROM articles WHERE id = ?').get(id) as { h: string }).h;

    const next = upsertFeedArticles(db, feedId, [item('a1'), item('a2', { content: '<p>edited</p>' })], NOW + 1000);
    assert.deepEqual(next.updated, [edited], 'only the edited one is an update');
    assert.equal(hashOf(same!), prepareItem(item('a1')).hash);
    assert.equal(hashOf(edited!), prepareItem(item('a2', { content: '<p>edited</p>' })).hash);
    const again = upsertFeedArticles(db, feedId, [item('a1'), item('a2', { content: '<p>edited</p>' })], NOW + 2000);
    assert.deepEqual(again.updated, []);
  });

  it('orders sort keys by publication time, pins future dates to first-seen, fills missing dates', () => {
    const feedId = addFeed(db, 'https://site.example/feed');
    const future = Date.UTC(2030, 0, 1);
    const { inserted } = upsertFeedArticles(
      db,
      feedId,
      [
        item('old', { published: Date.UTC(2020, 0, 1) }),
        item('future', { published: future }),
        item('undated', { published: null }),
      ],
      NOW,
    );
    const page = articles.listArticles(db, { view: 'all' }, null, 10, NOW);
    // The future post is pinned to the time it was first seen, like the undated one
    // (inserted after it, in the same second, so it sorts just above).
    assert.deepEqual(
      page.articles.map((a) => a.title),
      ['Title undated', 'Title future', 'Title old'],
    );
    assert.ok(keyOf(inserted[1]!) >= keyFloor(NOW) && keyOf(inserted[1]!) < keyFloor(NOW) + 2 ** 20);
    assert.equal(articles.getArticle(db, inserted[1]!)!.publishedAt, future, 'the stated date is still shown');
    assert.equal(articles.getArticle(db, inserted[2]!)!.publishedAt, NOW, 'a missing date becomes first-seen');
  });

  it('gives articles of the same second distinct sort keys across feeds and transactions', () => {
    const a = addFeed(db, 'https://a.example/feed');
    const b = addFeed(db, 'https://b.example/feed');
    const second = Date.UTC(2024, 0, 1, 12, 0, 0);
    const [first] = upsertFeedArticles(db, a, [item('a', { published: second + 100 })], NOW).inserted;
    const later = upsertFeedArticles(
      db,
      b,
      [
        item('same-second', { published: second + 900 }),
        item('newer-than-all', { published: second + 5000 }),
        item('older-empty-second', { published: second - 60_000 }),
      ],
      NOW,
    ).inserted;
    assert.deepEqual(later.map(keyOf), [keyFloor(second - 60_000), keyOf(first!) + 1, keyFloor(second + 5000)]);
    const again = upsertFeedArticles(db, a, [item('a2', { published: second + 5000 })], NOW).inserted;
    assert.deepEqual(
      again.map(keyOf),
      [keyFloor(second + 5000) + 1],
      'a second taken in an earlier transaction is probed',
    );
  });

  it('gives new articles ids after every stored one, whatever their dates (the tables grow at their end)', () => {
    const feedId = addFeed(db, 'https://site.example/feed');
    const stored = upsertFeedArticles(
      db,
      feedId,
      [item('2023', { published: Date.UTC(2023, 0, 1) }), item('2024', { published: Date.UTC(2024, 0, 1) })],
      NOW,
    ).inserted;
    const older = upsertFeedArticles(db, feedId, [item('2022', { published: Date.UTC(2022, 0, 1) })], NOW).inserted;
    assert.ok(older[0]! > Math.max(...stored), 'an article dated before the stored ones still takes the next id');
    assert.ok(keyOf(older[0]!) < Math.min(...stored.map(keyOf)), 'and sorts below them');
    assert.deepEqual(
      articles.listArticles(db, { view: 'all' }, null, 10, NOW).articles.map((a) => a.title),
      ['Title 2024', 'Title 2023', 'Title 2022'],
    );
  });

  it('pages newest first with keyset pagination', () => {
    const feedId = addFeed(db, 'https://site.example/feed');
    upsertFeedArticles(
      db,
      feedId,
      Array.from({ length: 25 }, (_, i) => item(`p${i}`)),
      NOW,
    );
    const seen: number[] = [];
    let after: number | null = null;
    do {
      const page = articles.listArticles(db, { view: 'all' }, after, 10, NOW);
      seen.push(...page.articles.map((a) => a.id));
      after = page.next;
    } while (after != null);
    assert.equal(seen.length, 25);
    assert.deepEqual(
      seen,
      [...seen].sort((a, b) => b - a),
    );
  });

  it('serves every view: unread, starred, today, feed, tags any/all, search', () => {
    const f1 = addFeed(db, 'https://one.example/feed');
    const f2 = addFeed(db, 'https://two.example/feed');
    const today = upsertFeedArticles(
      db,
      f1,
      [item('t1', { published: NOW - 3600_000, title: 'Encryption today' })],
      NOW,
    ).inserted[0]!;
    const [o1, o2] = upsertFeedArticles(db, f1, [item('o1'), item('o2', { title: 'Cloud storage' })], NOW).inserted;
    const [x1] = upsertFeedArticles(
      db,
      f2,
      [item('x1', { link: 'https://two.example/x1', content: '<p>Hard drive encryption</p>' })],
      NOW,
    ).inserted;
    const news = tags.ensureTag(db, 'News', NOW);
    const tech = tags.ensureTag(db, 'Tech', NOW);
    tags.addFeedTag(db, f1, news);
    tags.addFeedTag(db, f2, tech);
    tags.tagArticle(db, o1!, tech);
    articles.markRead(db, [o2!], true);
    articles.setStarred(db, x1!, true);

    const ids = (q: Parameters<typeof articles.listArticles>[1]) =>
      articles
        .listArticles(db, q, null, 50, NOW)
        .articles.map((a) => a.id)
        .sort();
    assert.deepEqual(ids({ view: 'unread' }), [today, o1, x1].sort());
    assert.deepEqual(ids({ view: 'starred' }), [x1]);
    assert.deepEqual(ids({ view: 'today' }), [today]);
    assert.deepEqual(ids({ view: 'all', feedId: f2 }), [x1]);
    assert.deepEqual(ids({ view: 'all', tags: [news] }), [today, o1, o2].sort());
    assert.deepEqual(ids({ view: 'all', tags: [tech] }), [o1, x1].sort(), 'a tag on one article counts');
    assert.deepEqual(ids({ view: 'all', tags: [news, tech], tagMode: 'any' }), [today, o1, o2, x1].sort());
    assert.deepEqual(ids({ view: 'all', tags: [news, tech], tagMode: 'all' }), [o1]);
    assert.deepEqual(ids({ view: 'all', search: 'encrypt' }), [today, x1].sort(), 'stemmed search over title and text');
    assert.deepEqual(ids({ view: 'all', search: 'encrypt*' }), [today, x1].sort(), 'prefix search');
    assert.deepEqual(ids({ view: 'all', search: 'drives' }), [x1], 'plural finds singular');
    assert.deepEqual(ids({ view: 'unread', search: 'cloud' }), [], 'search within a view');
    assert.deepEqual(ids({ view: 'all', search: '"hard drive"' }), [x1], 'phrases');
    assert.deepEqual(ids({ view: 'all', search: 'NEAR( "' }), [], 'FTS syntax in user input is not an error');
  });

  it('keeps unread counts per feed, per tag and per view', () => {
    const f1 = addFeed(db, 'https://one.example/feed');
    const f2 = addFeed(db, 'https://two.example/feed');
    const a = upsertFeedArticles(db, f1, [item('c1'), item('c2'), item('c3')], NOW).inserted;
    const b = upsertFeedArticles(db, f2, [item('d1', { link: 'https://two.example/d1' })], NOW).inserted;
    const tag = tags.ensureTag(db, 'T', NOW);
    tags.addFeedTag(db, f1, tag);
    tags.tagArticle(db, b[0]!, tag);
    articles.markRead(db, [a[0]!], true);
    articles.setStarred(db, a[1]!, true);
    let counts = getCounts(db, NOW, true);
    assert.equal(counts.feeds[f1], 2);
    assert.equal(counts.feeds[f2], 1);
    assert.equal(counts.unread, 3);
    assert.equal(counts.all, 4);
    assert.equal(counts.starred, 1);
    assert.equal(counts.tags[tag], 3);
    feeds.deleteFeed(db, f2);
    counts = getCounts(db, NOW, true);
    assert.equal(counts.unread, 2);
    assert.equal(counts.tags[tag], 2);
    assert.equal(
      db.prepare("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'd1'").pluck().get(),
      0,
      'FTS rows go with the feed',
    );
  });

  it('marks all read in a view, older than a date, and undoes exactly that', () => {
    const f1 = addFeed(db, 'https://one.example/feed');
    const ids = upsertFeedArticles(db, f1, [item('m1'), item('m2'), item('m3')], NOW).inserted;
    articles.markRead(db, [ids[0]!], true);
    const cutoff = articles.getArticle(db, ids[2]!)!.publishedAt;
    const older = articles.markViewRead(db, { view: 'all', feedId: f1 }, cutoff, NOW);
    assert.deepEqual(older, [ids[1]]);
    const rest = articles.markViewRead(db, { view: 'unread' }, null, NOW);
    assert.deepEqual(rest, [ids[2]]);
    assert.equal(getCounts(db, NOW, true).unread, 0);
    assertCountersExact(db);
    articles.setReadExactly(db, [...older, ...rest], false);
    assert.equal(getCounts(db, NOW, true).unread, 2);
    assertCountersExact(db);
    assert.equal(articles.getArticle(db, ids[0]!)!.read, true, 'undo leaves the earlier read alone');
  });

  it('renames, merges and deletes tags', () => {
    const f1 = addFeed(db, 'https://one.example/feed');
    const f2 = addFeed(db, 'https://two.example/feed');
    const a = tags.ensureTag(db, 'linux', NOW);
    const b = tags.ensureTag(db, 'Linux kernel', NOW);
    assert.equal(tags.ensureTag(db, '  LINUX ', NOW), a, 'names are case-insensitive and trimmed');
    tags.addFeedTag(db, f1, a);
    tags.addFeedTag(db, f2, b);
    assert.throws(() => tags.renameTag(db, a, 'linux KERNEL'), tags.TagNameError);
    tags.renameTag(db, a, 'GNU/Linux');
    tags.mergeTags(db, b, a);
    assert.deepEqual(feeds.getFeed(db, f2)!.tags, [a]);
    assert.equal(tags.getTagRow(db, b), null);
    tags.deleteTag(db, a);
    assert.deepEqual(feeds.getFeed(db, f1)!.tags, []);
    assert.throws(() => tags.ensureTag(db, '   ', NOW), tags.TagNameError);
  });
});

describe('store: the same post in several feeds', () => {
  const base = 'https://feeds.example/';
  /** A database of its own holding AWS's feed and an aggregator that carries AWS's posts. */
  function twoFeeds(t: TestContext): { db: Db; source: number; aggregator: number } {
    const data = tempDatabase();
    t.after(() => data.done());
    const { db } = data;
    const source = addFeed(db, base + 'aws.rss');
    const aggregator = addFeed(db, base + 'syndicated.rss');
    upsertFeedArticles(db, source, parseFeed({ body: fixture('feeds', 'aws.rss'), url: base + 'aws.rss' }).items, NOW);
    upsertFeedArticles(
      db,
      aggregator,
      parseFeed({ body: fixture('feeds', 'syndicated.rss'), url: base + 'syndicated.rss' }).items,
      NOW,
    );
    return { db, source, aggregator };
  }

  it('recognises copies by canonical URL (utm_* removed) and shows them once', (t) => {
    const { db, source } = twoFeeds(t);
    const all = articles.listArticles(db, { view: 'all', dedupe: true }, null, 500, NOW).articles;
    const every = articles.listArticles(db, { view: 'all', dedupe: false }, null, 500, NOW).articles;
    const awsCount = feeds.getFeed(db, source)!.articleCount;
    assert.equal(every.length - all.length, awsCount, 'each AWS post appears once');
    assert.equal(getCounts(db, NOW, true).unread, all.length, 'counts agree with the deduplicated list');
    const copy = all.find((a) => a.duplicateCount > 0)!;
    assert.equal(copy.duplicateCount, 1);
    // One feed's own view still shows its own copy.
    assert.equal(articles.listArticles(db, { view: 'all', feedId: source }, null, 500, NOW).articles.length, awsCount);
  });

  it('recognises copies by a guid worth matching when their links differ, and not by a short one', (t) => {
    const data = tempDatabase();
    t.after(() => data.done());
    const { db } = data;
    const first = addFeed(db, base + 'first.rss');
    const second = addFeed(db, base + 'second.rss');
    const tag = 'tag:blog.example,2024:post-17';
    upsertFeedArticles(
      db,
      first,
      [item(tag, { link: 'https://blog.example/17' }), item('7', { link: 'https://blog.example/7' })],
      NOW,
    );
    upsertFeedArticles(
      db,
      second,
      [item(tag, { link: 'https://mirror.example/a' }), item('7', { link: 'https://mirror.example/b' })],
      NOW,
    );
    const idOf = (feedId: number, guid: string): number =>
      (db.prepare('SELECT id FROM articles WHERE feed_id = ? AND guid = ?').get(feedId, guid) as { id: number }).id;
    const [original, local, copy, other] = [idOf(first, tag), idOf(first, '7'), idOf(second, tag), idOf(second, '7')];
    const storyOf = (id: number): { story_id: number | null; is_dup: number } =>
      db.prepare('SELECT story_id, is_dup FROM articles WHERE id = ?').get(id) as {
        story_id: number | null;
        is_dup: number;
      };
    assert.deepEqual(storyOf(copy), { story_id: original, is_dup: 1 }, 'the same tag: guid is the same post');
    assert.deepEqual(storyOf(original), { story_id: original, is_dup: 0 });
    assert.deepEqual(storyOf(other), { story_id: null, is_dup: 0 }, '"7" in two feeds is two posts');
    assert.deepEqual(storyOf(local), { story_id: null, is_dup: 0 });
  });

  it('marks the other copies read when one is read', (t) => {
    const { db, source, aggregator } = twoFeeds(t);
    const sourceArticle = articles.listArticles(db, { view: 'all', feedId: source }, null, 1, NOW).articles[0]!;
    const changed = articles.markRead(db, [sourceArticle.id], true);
    assert.equal(changed.length, 2);
    const copyId = changed.find((id) => id !== sourceArticle.id)!;
    assert.equal(articles.getArticle(db, copyId)!.read, true);
    assert.notEqual(articles.getArticle(db, copyId)!.feedId, source);
    articles.markViewRead(db, { view: 'all', feedId: source }, null, NOW);
    assert.equal(
      feeds.getFeed(db, aggregator)!.unreadCount,
      feeds.getFeed(db, aggregator)!.articleCount - feeds.getFeed(db, source)!.articleCount,
    );
    assertCountersExact(db);
  });
});

describe('toFtsQuery', () => {
  it('quotes words, keeps phrases, and takes a trailing * as a prefix', () => {
    assert.equal(toFtsQuery('cloud flare'), '"cloud" AND "flare"');
    assert.equal(toFtsQuery('"hard drive" failure'), '"hard drive" AND "failure"');
    assert.equal(toFtsQuery('encry*'), '"encr"*', 'shortened so that stemming does not change its letters');
    assert.equal(toFtsQuery('   '), null);
    assert.equal(toFtsQuery('a-b'), '"a b"', 'one typed word with a hyphen is its words together');
  });
});
