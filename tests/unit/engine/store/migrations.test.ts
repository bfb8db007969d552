/**
 * Every migration run over a database that holds data in the schema before it, as an
 * install upgrading from that version would: the database is migrated to N-1, filled
 * with rows written in that schema's own shape, then migrated to N. Every row is still
 * there, the new shape is right, and today's store reads the old data.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import type { ArticleQuery } from '../../../../shared/domain.js';
import { upsertFeedArticles } from '../../../../electron/engine/store/article-upsert.js';
import { getArticle, listArticles } from '../../../../electron/engine/store/articles.js';
import { closeDatabase, openDatabase, type Db } from '../../../../electron/engine/store/db.js';
import { listFeeds } from '../../../../electron/engine/store/feeds.js';
import { LATEST_VERSION, migrate, schemaVersion } from '../../../../electron/engine/store/migrate.js';
import { MIGRATIONS } from '../../../../electron/engine/store/migrations/index.js';
import { getSettings } from '../../../../electron/engine/store/settings.js';
import { indexLag } from '../../../../electron/engine/store/search-backlog.js';
import { catchUpSearchIndex } from '../../../../electron/engine/store/search-indexing.js';
import { viewSql } from '../../../../electron/engine/store/view-query.js';
import { parsedItem } from '../../../support/parsed-item.js';
import { tempDir } from '../../../support/temp.js';

const NOW = Date.UTC(2025, 0, 1);
/** Article ids were time-ordered keys before schema 12: (publication second << 20) + a sequence. */
const articleId = (seconds: number, seq: number): number => seconds * 2 ** 20 + seq;
const ARTICLES = [articleId(1_700_000_000, 1), articleId(1_700_000_100, 2), articleId(1_700_000_200, 3)] as const;
const IMAGE_HASH = 'ab'.repeat(32);

/** Inserts rows given as column → value, in whatever shape the table has at the time. */
function insert(db: Db, table: string, ...rows: Record<string, unknown>[]): void {
  for (const row of rows) {
    const columns = Object.keys(row);
    db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
      ...Object.values(row),
    );
  }
}

/** Rows in schema 1's shape: feeds, articles and their contents, tags, settings, the index. */
function fillSchema1(db: Db, version: number): void {
  const error = { kind: 'http', message: 'The server answered 500', hint: 'Later.', status: 500, at: NOW };
  insert(
    db,
    'feeds',
    {
      id: 1,
      url: 'https://a.example/feed.xml',
      site_url: 'https://a.example/',
      title: 'Feed A',
      user_title: 'My A',
      etag: '"e1"',
      body_hash: 'h1',
      ttl_minutes: 60,
      refresh_minutes: 15,
      fetch_full_text: 1,
      last_fetch_at: NOW,
      next_fetch_at: NOW + 1,
      created_at: NOW,
      unread_count: 1,
      article_count: 2,
    },
    {
      id: 2,
      url: 'https://b.example/rss',
      title: 'Feed B',
      last_modified: 'Mon, 01 Jan 2024 00:00:00 GMT',
      last_fetch_at: NOW,
      next_fetch_at: NOW + 2,
      error_count: 3,
      last_error: JSON.stringify(error),
      created_at: NOW,
      unread_count: 1,
      article_count: 1,
    },
  );
  // The second and third are one story carried by both feeds: the third is its duplicate.
  insert(
    db,
    'articles',
    {
      id: ARTICLES[0],
      feed_id: 1,
      guid: 'a-1',
      url: 'https://a.example/1',
      story_key: 'u:a.example/1',
      story_id: ARTICLES[0],
      title: 'Encrypted mail',
      author: 'Ann',
      snippet: 'On encryption',
      thumbnail_url: 'https://a.example/1.png',
      published_at: 1_700_000_000_000,
      fetched_at: NOW,
      content_hash: 'c1',
      read: 1,
      starred: 1,
    },
    {
      id: ARTICLES[1],
      feed_id: 1,
      guid: 'a-2',
      url: 'https://a.example/2',
      story_key: 'u:shared/post',
      story_id: ARTICLES[1],
      title: 'Shared post',
      snippet: 'Shared',
      published_at: 1_700_000_100_000,
      updated_at: NOW,
      fetched_at: NOW,
      content_hash: 'c2',
    },
    {
      id: ARTICLES[2],
      feed_id: 2,
      guid: 'b-1',
      url: 'https://b.example/1',
      story_key: 'u:shared/post',
      story_id: ARTICLES[1],
      is_dup: 1,
      title: 'Shared post',
      author: 'Bob',
      snippet: 'Shared',
      published_at: 1_700_000_200_000,
      fetched_at: NOW,
      content_hash: 'c3',
    },
  );
  const enclosure = { url: 'https://a.example/2.mp3', type: 'audio/mpeg', length: 10 };
  insert(
    db,
    'article_contents',
    {
      article_id: ARTICLES[0],
      canonical_url: 'https://a.example/1',
      summary: 'On encryption',
      content: '<p>Encrypted mail, at last.</p>',
      full_content: '<p>All of it.</p>',
      categories: '["crypto"]',
    },
    { article_id: ARTICLES[1], summary: 'Shared', enclosures: JSON.stringify([enclosure]) },
    { article_id: ARTICLES[2], content: '<p>Shared</p>' },
  );
  // From schema 11 the index is a file of its own, kept by today's code only from 12 on
  // (store/search-file.ts): a database at 11 has no index to fill.
  if (version < 11)
    insert(
      db,
      'articles_fts',
      { rowid: ARTICLES[0], title: 'Encrypted mail', author: 'Ann', body: 'Encrypted mail, at last.' },
      { rowid: ARTICLES[1], title: 'Shared post', author: '', body: 'Shared' },
      { rowid: ARTICLES[2], title: 'Shared post', author: 'Bob', body: 'Shared' },
    );
  insert(db, 'tags', { id: 1, name: 'Security', created_at: NOW }, { id: 2, name: 'Later', created_at: NOW });
  insert(db, 'feed_tags', { tag_id: 1, feed_id: 1 });
  insert(db, 'article_tags', { tag_id: 2, article_id: ARTICLES[2] });
  insert(db, 'settings', { key: 'refreshMinutes', value: '45' }, { key: 'theme', value: '"dark"' });
}

/** Rows in the tables schema 2 added: the image cache, the offline queue, tombstones. */
function fillSchema2(db: Db): void {
  insert(db, 'image_files', { hash: IMAGE_HASH, type: 'image/png', bytes: 1234, created_at: NOW, used_at: NOW });
  insert(
    db,
    'images',
    { url: 'https://a.example/1.png', hash: IMAGE_HASH, fetched_at: NOW },
    { url: 'https://b.example/gone.png', error: 'HTTP 404', fetched_at: NOW },
  );
  insert(db, 'article_images', { article_id: ARTICLES[0], url: 'https://a.example/1.png' });
  insert(db, 'offline_queue', { article_id: ARTICLES[2], queued_at: NOW, attempts: 1 });
  insert(db, 'removed_articles', { feed_id: 2, guid: 'b-0', removed_at: NOW });
}

/** The rows a database at `version` is filled with before the next migration. */
function fill(db: Db, version: number): void {
  if (version >= 1) fillSchema1(db, version);
  if (version >= 2) fillSchema2(db);
}

type Snapshot = Record<string, { columns: string[]; rows: unknown[][] }>;

/**
 * Every row of every table, each table's columns as they are, or as they were in `like`.
 * The full-text index's shadow tables aside (they are checked by searching), and the
 * index's backlog, a queue: a database that reaches schema 12 without an index file (as
 * these do) has every article queued again. The checks of 11 and 12 look at it.
 */
function snapshot(db: Db, like?: Snapshot): Snapshot {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts%' AND name <> 'search_backlog' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const out: Snapshot = {};
  for (const table of like ? Object.keys(like) : tables) {
    const columns =
      like?.[table]?.columns ?? (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]);
    const list = columns.map((c) => `"${c}"`).join(', ');
    out[table] = {
      columns,
      rows: db.prepare(`SELECT ${list} FROM "${table}" ORDER BY ${list}`).raw().all() as unknown[][],
    };
  }
  return out;
}

const ftsConfig = (db: Db, key: string): unknown =>
  db.prepare('SELECT v FROM articles_fts_config WHERE k = ?').pluck().get(key);
const search = (db: Db, words: string): number[] =>
  db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').pluck().all(words) as number[];
const tablesOf = (db: Db): string[] =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
const indexesOf = (db: Db, table: string): string[] =>
  db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name")
    .pluck()
    .all(table) as string[];

/** What migration N must leave, checked after it ran over the data of N-1 (`before`). */
const CHECKS: Record<number, (db: Db, before: Snapshot) => void> = {
  1: (db) => {
    for (const table of [
      'feeds',
      'articles',
      'article_contents',
      'tags',
      'feed_tags',
      'article_tags',
      'settings',
      'articles_fts',
    ])
      assert.ok(tablesOf(db).includes(table), table);
    assert.equal(ftsConfig(db, 'automerge'), 16);
    fillSchema1(db, 1);
    assert.deepEqual(search(db, 'encryption'), [ARTICLES[0]], 'words are stemmed');
  },
  2: (db, before) => {
    const added = ['image_files', 'images', 'article_images', 'offline_queue', 'removed_articles'];
    for (const table of added) assert.deepEqual(snapshot(db)[table]?.rows, [], `${table} exists, empty`);
    assert.equal(Object.keys(before).filter((t) => added.includes(t)).length, 0);
    // The new tables take rows that point at the old ones.
    fillSchema2(db);
    assert.deepEqual(db.pragma('foreign_key_check'), []);
    db.prepare('DELETE FROM articles WHERE id = ?').run(ARTICLES[0]);
    assert.equal(db.prepare('SELECT count(*) FROM article_images').pluck().get(), 0, 'cascades from the old articles');
  },
  3: (db) => {
    assert.equal(ftsConfig(db, 'automerge'), 4);
    assert.equal(ftsConfig(db, 'crisismerge'), 64);
    assert.deepEqual(search(db, 'encryption'), [ARTICLES[0]], 'the old entries are still found');
    assert.deepEqual(search(db, 'shared'), [ARTICLES[1], ARTICLES[2]]);
  },
  4: (db) => {
    assert.equal(ftsConfig(db, 'automerge'), 0);
    assert.equal(ftsConfig(db, 'crisismerge'), 64, 'schema 3 kept as the backstop');
    assert.deepEqual(search(db, 'encryption'), [ARTICLES[0]]);
  },
  5: (db) => {
    assert.deepEqual(db.prepare('SELECT icon_hash FROM feeds ORDER BY id').pluck().all(), [null, null]);
    assert.ok(indexesOf(db, 'feeds').includes('feeds_icon_hash'));
    // The icon names a cached file; the file's row going clears it; an unknown file is refused.
    db.prepare('UPDATE feeds SET icon_hash = ? WHERE id = 1').run(IMAGE_HASH);
    assert.throws(() => db.prepare('UPDATE feeds SET icon_hash = ? WHERE id = 2').run('cd'.repeat(32)), /FOREIGN KEY/);
    db.prepare('DELETE FROM image_files WHERE hash = ?').run(IMAGE_HASH);
    assert.equal(db.prepare('SELECT icon_hash FROM feeds WHERE id = 1').pluck().get(), null);
  },
  6: (db) => {
    // The rebuilt feeds table: every old feed belongs to the local account, and still
    // owns its articles, tags and removed-article memory (nothing cascaded away).
    assert.deepEqual(db.prepare('SELECT id, account_id, remote_id FROM feeds ORDER BY id').raw().all(), [
      [1, 1, null],
      [2, 1, null],
    ]);
    assert.deepEqual(db.prepare('SELECT id, kind FROM accounts').raw().all(), [[1, 'local']]);
    assert.ok(indexesOf(db, 'feeds').includes('feeds_next_fetch'));
    assert.ok(indexesOf(db, 'feeds').includes('feeds_icon_hash'));
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1, 'foreign keys are back on');
    // A URL is unique per account now, not globally.
    insert(db, 'accounts', { id: 2, kind: 'ttrss', name: 'Server', created_at: NOW });
    insert(db, 'feeds', { account_id: 2, remote_id: '7', url: 'https://a.example/feed.xml', created_at: NOW });
    assert.throws(
      () => insert(db, 'feeds', { account_id: 1, url: 'https://a.example/feed.xml', created_at: NOW }),
      /UNIQUE/,
    );
    // Deleting a feed still cascades to its articles (the references survived the rebuild).
    db.prepare('DELETE FROM feeds WHERE id = 1').run();
    assert.equal(db.prepare('SELECT count(*) FROM articles WHERE feed_id = 1').pluck().get(), 0);
    assert.equal(db.prepare('SELECT count(*) FROM feed_tags WHERE feed_id = 1').pluck().get(), 0);
  },
  7: (db) => {
    // No title of the schema-1 rows needed repair: the index still finds them as before.
    assert.deepEqual(search(db, 'encryption'), [ARTICLES[0]]);
    assert.deepEqual(search(db, 'shared'), [ARTICLES[1], ARTICLES[2]]);
  },
  8: (db, before) => {
    // Every feed opens as before (its feed content) until the user says otherwise.
    assert.equal(snapshot(db).feeds?.rows.length, before.feeds?.rows.length);
    assert.deepEqual(db.prepare('SELECT DISTINCT open_as FROM feeds').pluck().all(), ['feed']);
    db.prepare("UPDATE feeds SET open_as = 'browser' WHERE id = 1").run();
    assert.throws(() => db.prepare("UPDATE feeds SET open_as = 'web' WHERE id = 2").run(), /CHECK/);
  },
  9: (db, before) => {
    // No feed was fetched since: where each lives is unknown until its next refresh.
    assert.equal(snapshot(db).feeds?.rows.length, before.feeds?.rows.length);
    assert.deepEqual(db.prepare('SELECT DISTINCT network FROM feeds').pluck().all(), [null]);
    db.prepare("UPDATE feeds SET network = 'private' WHERE id = 1").run();
    assert.throws(() => db.prepare("UPDATE feeds SET network = 'intranet' WHERE id = 2").run(), /CHECK/);
  },
  10: (db, before) => {
    assert.equal(snapshot(db).articles?.rows.length, before.articles?.rows.length);
    // "Has an attachment" comes from the stored enclosures; nothing is muted or notifies yet.
    const flags = db.prepare('SELECT id, has_enclosure, muted FROM articles ORDER BY id').raw().all();
    assert.deepEqual(flags, [
      [ARTICLES[0], 0, 0],
      [ARTICLES[1], 1, 0],
      [ARTICLES[2], 0, 0],
    ]);
    assert.ok(indexesOf(db, 'articles').includes('articles_enclosure'));
    assert.deepEqual(db.prepare('SELECT DISTINCT notify FROM feeds').pluck().all(), [0]);
    assert.deepEqual(db.prepare('SELECT DISTINCT notify FROM tags').pluck().all(), [0]);
    assert.deepEqual(db.prepare('SELECT DISTINCT full_text FROM offline_queue').pluck().all(), [0]);
    for (const table of ['saved_views', 'rules'])
      assert.deepEqual(snapshot(db)[table]?.rows, [], `${table} exists, empty`);
    // The new tables and flags take what the engine writes, and refuse what it would not.
    insert(db, 'saved_views', { name: 'Fresh', position: 0, filter: '{"view":"unread"}', notify: 1, created_at: NOW });
    insert(db, 'rules', { name: 'Mute ads', position: 0, definition: '{"when":[]}', created_at: NOW });
    const refused: [string, RegExp][] = [
      ["INSERT INTO saved_views (name, position, filter, created_at) VALUES ('', 0, '{}', 0)", /CHECK/],
      ["INSERT INTO saved_views (name, position, filter, created_at) VALUES ('x', 0, 'not json', 0)", /CHECK/],
      ["INSERT INTO saved_views (name, position, filter, notify, created_at) VALUES ('x', 0, '{}', 2, 0)", /CHECK/],
      ["INSERT INTO rules (name, position, definition, created_at) VALUES ('x', 0, '{', 0)", /CHECK/],
      ["INSERT INTO rules (name, position, enabled, definition, created_at) VALUES ('x', 0, 3, '{}', 0)", /CHECK/],
      [`UPDATE articles SET muted = 2 WHERE id = ${ARTICLES[0]}`, /CHECK/],
      [`UPDATE articles SET has_enclosure = -1 WHERE id = ${ARTICLES[0]}`, /CHECK/],
      ['UPDATE feeds SET notify = 5 WHERE id = 1', /CHECK/],
      ['UPDATE tags SET notify = 5 WHERE id = 1', /CHECK/],
      ['UPDATE offline_queue SET full_text = 5', /CHECK/],
    ];
    for (const [sql, error] of refused) assert.throws(() => db.prepare(sql).run(), error, sql);
  },
  11: (db) => {
    // The index left the database; every article waits in the backlog for the new file.
    assert.ok(!tablesOf(db).includes('articles_fts'), 'no index in the database itself');
    assert.deepEqual(db.prepare('SELECT article_id, change FROM search_backlog ORDER BY seq').raw().all(), [
      [ARTICLES[0], 0],
      [ARTICLES[1], 0],
      [ARTICLES[2], 0],
    ]);
    assert.match(db.prepare('SELECT id FROM search_identity').pluck().get() as string, /^[0-9a-f-]{36}$/);
    assert.throws(() => db.prepare('INSERT INTO search_backlog (article_id, change) VALUES (1, 3)').run(), /CHECK/);
  },
  12: (db) => {
    // Nothing renumbered: every stored article's sort key is its id, the time key it had.
    assert.deepEqual(db.prepare('SELECT id, sort_key FROM articles ORDER BY id').raw().all(), [
      [ARTICLES[0], ARTICLES[0]],
      [ARTICLES[1], ARTICLES[1]],
      [ARTICLES[2], ARTICLES[2]],
    ]);
    for (const index of ['articles_sort', 'articles_feed', 'articles_feed_unread', 'articles_unread'])
      assert.ok(indexesOf(db, 'articles').includes(index), index);
    assert.throws(
      () => db.prepare('UPDATE articles SET sort_key = ? WHERE id = ?').run(ARTICLES[0], ARTICLES[1]),
      /UNIQUE/,
      'one place in the lists per article',
    );
    // Each view walks its own index in the list's order: no sort of the whole view (with
    // the old indexes left in place, SQLite chose them and sorted every unread article).
    for (const view of ['all', 'unread', 'starred'] as const) {
      const plan = explainPage(db, { view });
      assert.ok(!plan.includes('TEMP B-TREE'), `${view}: ${plan}`);
    }
    assert.ok(!explainPage(db, { view: 'unread', feedId: 1 }).includes('TEMP B-TREE'), 'one feed, unread');
    // The index file (first kept at this schema) is built from the sort keys and answers.
    assert.deepEqual(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('search_backlog'), [
      'seq',
      'article_key',
      'change',
    ]);
    assert.deepEqual(db.prepare('SELECT article_key, change FROM search_backlog ORDER BY seq').raw().all(), [
      [ARTICLES[0], 0],
      [ARTICLES[1], 0],
      [ARTICLES[2], 0],
    ]);
    assert.equal(indexLag(db), 3);
    catchUpSearchIndex(db);
    assert.equal(indexLag(db), 0);
    assert.deepEqual(search(db, 'encryption'), [ARTICLES[0]], 'found through the attached index file');
    // A new article dated before every stored one takes the next id, and sorts last.
    const [added] = upsertFeedArticles(db, 1, [parsedItem({ id: 'old', published: 1_600_000_000_000 })], NOW).inserted;
    assert.ok(added! > ARTICLES[2]);
    assert.equal(listArticles(db, { view: 'all', feedId: 1 }, null, 10, NOW).articles.at(-1)?.id, added);
  },
};

/** SQLite's plan for the first page of a view, as one string. */
function explainPage(db: Db, query: ArticleQuery): string {
  const view = viewSql(db, { ...query, dedupe: false }, NOW);
  const where = view.where.length ? `WHERE ${view.where.join(' AND ')}` : '';
  return db
    .prepare(`EXPLAIN QUERY PLAN SELECT a.id FROM ${view.from} ${where} ORDER BY ${view.order} DESC LIMIT 50`)
    .all(...view.params)
    .map((row) => (row as { detail: string }).detail)
    .join('; ');
}

/** Rows as schema 6 stored them before titles were plain text: markup and entities kept. */
const MARKED_UP = articleId(1_700_000_300, 4);
const LITERAL = articleId(1_700_000_400, 5);
const stored = (second: number) => ({
  published_at: (1_700_000_000 + second) * 1000,
  fetched_at: NOW,
  content_hash: 'h',
});
function fillMarkedUpTitles(db: Db): void {
  insert(db, 'feeds', {
    id: 3,
    url: 'https://notes.example/feed/atom/',
    title: 'Notes &amp; Queries &#8211; a blog',
    user_title: 'Q&amp;A',
    created_at: NOW,
    article_count: 2,
  });
  insert(
    db,
    'articles',
    { id: MARKED_UP, feed_id: 3, guid: 'n-1', title: 'Q&amp;A &#8211; part 1', author: 'Dana', ...stored(300) },
    { id: LITERAL, feed_id: 3, guid: 'n-2', title: 'Fish & chips, x < y', author: 'Dana', ...stored(400) },
  );
  insert(
    db,
    'article_contents',
    { article_id: MARKED_UP, summary: 'Queues', content: '<p>Questions about queues</p>' },
    { article_id: LITERAL, content: '<p>Batter</p>' },
  );
  insert(
    db,
    'articles_fts',
    { rowid: MARKED_UP, title: 'Q&amp;A &#8211; part 1', author: 'Dana', body: 'Questions about queues' },
    { rowid: LITERAL, title: 'Fish & chips, x < y', author: 'Dana', body: 'Batter' },
  );
}

/** A database at `version`, in its own data dir, filled with that schema's rows. */
function databaseAt(t: TestContext, version: number): Db {
  const dir = tempDir();
  const db = openDatabase(join(dir.path, 'syndic.db'), { migrate: false });
  t.after(() => {
    closeDatabase(db);
    dir.remove();
  });
  migrate(db, version);
  assert.equal(schemaVersion(db), version);
  fill(db, version);
  return db;
}

describe('migrations over the data of the schema before them', () => {
  it('has a test for every migration, numbered 1 to the latest without a gap', () => {
    assert.deepEqual(
      MIGRATIONS.map((m) => m.version),
      Array.from({ length: LATEST_VERSION }, (_, i) => i + 1),
    );
    assert.deepEqual(
      Object.keys(CHECKS).map(Number),
      MIGRATIONS.map((m) => m.version),
    );
  });

  for (const migration of MIGRATIONS) {
    const { version } = migration;
    const what =
      version === 1 ? 'builds the first schema in an empty database' : `keeps every row of schema ${version - 1}`;
    it(`migration ${version} (${migration.description}) ${what}`, (t) => {
      const db = databaseAt(t, version - 1);
      const before = snapshot(db);
      assert.deepEqual(migrate(db, version), [version]);
      assert.equal(schemaVersion(db), version);
      assert.deepEqual(snapshot(db, before), before, 'every row as it was');
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      assert.deepEqual(db.pragma('foreign_key_check'), []);
      CHECKS[version]!(db, before);
    });
  }

  it('migration 7 makes the stored titles that hold markup plain text, index included', (t) => {
    const db = databaseAt(t, 6);
    fillMarkedUpTitles(db);
    const before = snapshot(db);
    assert.deepEqual(search(db, 'amp'), [MARKED_UP], 'the entity names were indexed as words');
    migrate(db, 7);
    const title = (table: string, id: number): unknown =>
      db.prepare(`SELECT title FROM ${table} WHERE id = ?`).pluck().get(id);
    assert.equal(title('articles', MARKED_UP), 'Q&A – part 1');
    assert.equal(title('feeds', 3), 'Notes & Queries – a blog');
    assert.equal(title('articles', LITERAL), 'Fish & chips, x < y', 'a plain title is left as it is');
    assert.equal(
      db.prepare('SELECT user_title FROM feeds WHERE id = 3').pluck().get(),
      'Q&amp;A',
      "the user's own words",
    );
    // Only the two repaired rows changed.
    const after = snapshot(db, before);
    const changed = (table: string) =>
      after[table]!.rows.filter((r) => !JSON.stringify(before[table]!.rows).includes(JSON.stringify(r)));
    assert.equal(changed('articles').length, 1);
    assert.equal(changed('feeds').length, 1);
    for (const table of Object.keys(before).filter((t) => t !== 'articles' && t !== 'feeds'))
      assert.deepEqual(after[table], before[table], table);
    // The index has the new title once, and still the article's author and body.
    assert.deepEqual(search(db, 'amp'), []);
    assert.deepEqual(search(db, '8211'), []);
    assert.deepEqual(search(db, 'part'), [MARKED_UP]);
    assert.deepEqual(search(db, 'queues'), [MARKED_UP]);
    assert.deepEqual(search(db, 'dana'), [MARKED_UP, LITERAL]);
    assert.deepEqual(search(db, 'chips'), [LITERAL]);
    assert.deepEqual(search(db, 'encryption'), [ARTICLES[0]]);
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    // FTS5's own check: throws when the index's entries disagree with themselves.
    db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
  });

  it("leaves the data of schema 1, migrated to the latest, readable by today's store", (t) => {
    const db = databaseAt(t, 1);
    assert.deepEqual(
      migrate(db),
      MIGRATIONS.slice(1).map((m) => m.version),
    );
    const feeds = listFeeds(db).sort((a, b) => a.id - b.id);
    assert.deepEqual(
      feeds.map((f) => [
        f.id,
        f.url,
        f.title,
        f.userTitle,
        f.refreshMinutes,
        f.fetchFullText,
        f.errorCount,
        f.lastError?.status ?? null,
        f.tags,
      ]),
      [
        [1, 'https://a.example/feed.xml', 'Feed A', 'My A', 15, true, 0, null, [1]],
        [2, 'https://b.example/rss', 'Feed B', null, null, false, 3, 500, []],
      ],
    );
    const first = getArticle(db, ARTICLES[0])!;
    assert.deepEqual(
      [first.title, first.author, first.read, first.starred, first.content, first.fullContent, first.categories],
      ['Encrypted mail', 'Ann', true, true, '<p>Encrypted mail, at last.</p>', '<p>All of it.</p>', ['crypto']],
    );
    assert.deepEqual(getArticle(db, ARTICLES[1])!.enclosures, [
      { url: 'https://a.example/2.mp3', type: 'audio/mpeg', length: 10 },
    ]);
    const found = listArticles(db, { view: 'all', search: 'encryption' }, null, 10, NOW);
    assert.deepEqual(
      found.articles.map((a) => a.id),
      [ARTICLES[0]],
    );
    assert.deepEqual([getSettings(db).refreshMinutes, getSettings(db).theme], [45, 'dark']);
  });
});
