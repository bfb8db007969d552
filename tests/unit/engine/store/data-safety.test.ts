/**
 * Data safety on a real SQLite file and real feeds over loopback: retention that never
 * takes unread or starred articles and does not let removed ones come back, backups and
 * restore, the starred export, scheduled maintenance, and a disk that fills up in the
 * middle of a refresh.
 */
import assert from 'node:assert/strict';
import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { callReader } from '../../../../electron/doors/reader-door.js';
import { closeIdleConnections, DEFAULT_FETCH_OPTIONS } from '../../../../electron/engine/feeds/fetch.js';
import { Maintenance } from '../../../../electron/engine/offline/maintenance.js';
import { ReaderService, UserError } from '../../../../electron/engine/reader/reader-service.js';
import { listBackups } from '../../../../electron/engine/store/backup.js';
import { closeDatabase, openDatabase } from '../../../../electron/engine/store/db.js';
import { recountFeeds } from '../../../../electron/engine/store/feed-counts.js';
import { assertDatabaseWhole, DamagedDatabaseError } from '../../../../electron/engine/store/recovery.js';
import { indexLag } from '../../../../electron/engine/store/search-backlog.js';
import { startCorpus } from '../../../support/corpus.js';
import { contentTypeOf, fixture } from '../../../support/fixtures.js';
import { startFeedServer, type FeedServer } from '../../../support/feed-server.js';
import { tempDatabase, tempDir } from '../../../support/temp.js';

const fetchOptions = { ...DEFAULT_FETCH_OPTIONS, totalTimeoutMs: 5_000, connectTimeoutMs: 2_000 };
const DAY = 24 * 60 * 60 * 1000;

/** The per-feed counters as kept, and as a recount finds them: they must agree. */
function countersAgree(db: ReturnType<typeof tempDatabase>['db']): void {
  const kept = db.prepare('SELECT id, unread_count, article_count FROM feeds ORDER BY id').all();
  recountFeeds(db, null);
  assert.deepEqual(db.prepare('SELECT id, unread_count, article_count FROM feeds ORDER BY id').all(), kept);
}

interface Setup {
  service: ReaderService;
  server: FeedServer;
  db: ReturnType<typeof tempDatabase>['db'];
  /** Subscribes to a fixture feed and returns its id. */
  add(path: string): Promise<number>;
  /** A feed's article ids, newest first. */
  idsOf(feedId: number): Promise<number[]>;
}

/** A headless service (as the CLI runs it) on a fresh data directory, with a feed server of its own. */
async function setup(t: TestContext): Promise<Setup> {
  const server = await startFeedServer();
  for (const name of ['aws.rss', 'schneier.atom', 'torrentfreak.rss', 'syndicated.rss'])
    server.serve(`/feeds/${name}`, { body: fixture('feeds', name), contentType: contentTypeOf(name) });
  server.serve('/edge/hostile.rss', { body: fixture('edge', 'hostile.rss') });
  const data = tempDatabase();
  const service = new ReaderService({ db: data.db, fetchOptions, headless: true });
  t.after(async () => {
    await service.shutdown();
    data.done();
    closeIdleConnections();
    await server.close();
  });
  return {
    service,
    server,
    db: data.db,
    async add(path) {
      const result = await service.addFeed({ url: server.url(path) });
      assert.equal(result.kind, 'added', path);
      return result.kind === 'added' ? result.feed.id : -1;
    },
    idsOf: async (feedId) =>
      (await service.listArticles({ view: 'all', feedId, dedupe: false }, null, 500)).articles.map((a) => a.id),
  };
}

describe('data safety', () => {
  it('retention removes old read articles only, and they do not come back', async (t) => {
    const { service, server, db, add, idsOf } = await setup(t);
    const aws = await add('/feeds/aws.rss');
    const ids = await idsOf(aws);
    assert.ok(ids.length >= 6, `aws has ${ids.length} articles`);
    const [keepUnread, keepStarred, ...rest] = ids;
    await service.markRead(ids, true);
    await service.markRead([keepUnread!], false);
    await service.setStarred(keepStarred!, true);
    const removedTitle = (await service.getArticle(rest[0]!))!.title!;

    // The fixture posts are from 2024: everything read is older than 30 days.
    await service.updateSettings({ keepReadDays: 30 });
    const { removed } = await service.runMaintenance();
    assert.equal(removed, rest.length);
    assert.deepEqual((await idsOf(aws)).sort(), [keepUnread!, keepStarred!].sort());
    countersAgree(db);
    // Gone from search too.
    const words = removedTitle.split(/\s+/).filter((w) => /^[a-z]{5,}$/i.test(w));
    const found = await service.listArticles({ view: 'all', search: words.join(' ') }, null, 50);
    assert.ok(!found.articles.some((a) => rest.includes(a.id)));

    // The feed changes (so it is parsed again) and still lists the removed posts.
    server.serve('/feeds/aws.rss', {
      body: fixture('feeds', 'aws.rss').toString().replace('</channel>', '<!-- changed --></channel>'),
      contentType: 'application/rss+xml',
    });
    const summary = await service.refresh([aws]);
    assert.deepEqual([summary.ok, summary.newArticles], [1, 0], 'removed articles stay removed');
    assert.equal((await idsOf(aws)).length, 2);
  });

  it('retention per feed keeps the newest N, and never unread or starred ones', async (t) => {
    const { service, db, add, idsOf } = await setup(t);
    const syndicated = await add('/feeds/syndicated.rss');
    const ids = await idsOf(syndicated);
    assert.ok(ids.length > 6);
    await service.markRead(ids, true);
    const oldestUnread = ids[ids.length - 1]!;
    const starred = ids[ids.length - 2]!;
    await service.markRead([oldestUnread], false);
    await service.setStarred(starred, true);
    await service.updateSettings({ keepPerFeed: 4 });
    await service.runMaintenance();
    const left = await idsOf(syndicated);
    assert.deepEqual(left, [...ids.slice(0, 4), starred, oldestUnread]);
    countersAgree(db);
  });

  it('backs up, restores exactly, backs up the state before a restore, and refuses a stranger file', async (t) => {
    const { service, db, add, idsOf } = await setup(t);
    const torrent = await add('/feeds/torrentfreak.rss');
    const schneier = await add('/feeds/schneier.atom');
    const backup = await service.createBackup();
    assert.match(backup.name, /^syndic-\d{8}-\d{6}-\d{3}\.db$/);
    const [article] = await idsOf(torrent);
    await service.setStarred(article!, true);
    await service.deleteFeed(schneier);
    assert.deepEqual(
      (await service.listFeeds()).map((f) => f.id),
      [torrent],
    );

    await service.restoreBackup(backup.name);
    assert.deepEqual((await service.listFeeds()).map((f) => f.id).sort(), [torrent, schneier].sort());
    assert.equal((await service.getArticle(article!))!.starred, false);
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
    countersAgree(db);
    const backups = (await service.getStorageInfo()).backups.map((b) => b.name);
    assert.ok(backups.some((n) => n.endsWith('-before-restore.db')));
    // The restored database takes writes as before.
    await service.setStarred(article!, true);
    assert.equal((await service.getArticle(article!))!.starred, true);

    await assert.rejects(service.restoreBackup('../test.db'), UserError);
    await assert.rejects(service.restoreBackup('syndic-20990101-000000-000.db'), /no backup named/);
  });

  it('exports starred articles as JSON and as HTML with hostile content sanitised', async (t) => {
    const { service, add, idsOf } = await setup(t);
    const [aws] = await idsOf(await add('/feeds/aws.rss'));
    const hostile = await idsOf(await add('/edge/hostile.rss'));
    for (const id of [aws!, ...hostile]) await service.setStarred(id, true);
    const starred = 1 + hostile.length;
    assert.equal((await service.getCounts()).starred, starred);

    const json = JSON.parse(await service.exportStarred('json')) as { count: number; articles: { title: string }[] };
    assert.equal(json.count, starred);
    assert.equal(json.articles.length, starred);

    const html = await service.exportStarred('html');
    assert.equal(html.match(/<article>/g)?.length, starred);
    assert.doesNotMatch(html, /<script|onerror|onload|javascript:/i);
    assert.match(html, /Content-Security-Policy/);
  });

  it('runs a backup when one is due, and the daily tidy once a day', async (t) => {
    const { service, db, add } = await setup(t);
    await add('/feeds/aws.rss');
    let now = Date.now() + 10 * DAY;
    const maintenance = new Maintenance({ db, dataDir: service.dataDir, now: () => now });
    t.after(() => maintenance.stop());
    const count = () => listBackups(service.dataDir).length;
    assert.equal(count(), 0);
    await maintenance.runDue();
    assert.equal(count(), 1, 'no backup yet: one is made');
    assert.ok((await service.listArticles({ view: 'all', search: 'AWS' }, null, 5)).articles.length > 0);
    const tidied = maintenance.lastRunAt();
    assert.equal(tidied, now);
    now += 60 * 60 * 1000;
    await maintenance.runDue();
    assert.equal(count(), 1, 'an hour later: nothing is due');
    assert.equal(maintenance.lastRunAt(), tidied);
    // Only the last `backupsKept` are kept.
    await service.updateSettings({ backupsKept: 2 });
    for (let i = 0; i < 3; i++) {
      now += 25 * 60 * 60 * 1000;
      await maintenance.runDue();
    }
    assert.equal(count(), 2);
  });
});

describe('a database damaged while in use', () => {
  it('is found before the scheduled backup, replaces no backup, and is reported until restored', async () => {
    const server = await startFeedServer();
    server.serve('/aws.rss', { body: fixture('feeds', 'aws.rss'), contentType: contentTypeOf('aws.rss') });
    const dir = tempDir();
    const path = join(dir.path, 'syndic.db');
    try {
      let db = openDatabase(path);
      let service = new ReaderService({ db, fetchOptions, headless: true });
      await service.addFeed({ url: server.url('/aws.rss') });
      const good = await service.createBackup();
      await service.shutdown();
      closeDatabase(db);
      // A failing disk garbles pages in the middle of the file while the app is closed.
      const size = statSync(path).size;
      const fd = openSync(path, 'r+');
      writeSync(fd, Buffer.alloc(8192, 0x5a), 0, 8192, Math.floor(size / 2 / 4096) * 4096);
      closeSync(fd);

      db = openDatabase(path);
      const damaged: string[] = [];
      const maintenance = new Maintenance({
        db,
        dataDir: dir.path,
        now: () => Date.now() + 2 * DAY,
        onDamaged: (problem) => damaged.push(problem),
      });
      await maintenance.runDue();
      assert.equal(damaged.length, 1, 'reported once');
      assert.deepEqual(
        listBackups(dir.path).map((b) => b.name),
        [good.name],
        'no backup of the damaged file was made',
      );
      // The next start meets it without checking the whole file again.
      assert.throws(() => assertDatabaseWhole(dir.path), DamagedDatabaseError);

      // Restoring the backup in place, on the open connection, makes it whole again.
      service = new ReaderService({ db, fetchOptions });
      await service.restoreBackup(good.name);
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
      assert.equal((await service.listFeeds()).length, 1);
      await service.shutdown();
      closeDatabase(db);
      assert.doesNotThrow(() => assertDatabaseWhole(dir.path));
    } finally {
      dir.remove();
      closeIdleConnections();
      await server.close();
    }
  });
});

describe('a damaged page met while the app runs', () => {
  it('is reported once through the door, and remembered for the next start', async () => {
    const dir = tempDir();
    const db = openDatabase(join(dir.path, 'syndic.db'));
    const said: unknown[] = [];
    const service = new ReaderService({
      db,
      fetchOptions,
      emit: (event, payload) => event === 'database-damaged' && said.push(payload),
    });
    try {
      // What better-sqlite3 throws when SQLite reads a damaged page.
      const corrupt = Object.assign(new Error('database disk image is malformed'), { code: 'SQLITE_CORRUPT' });
      const api = Object.assign(Object.create(service) as ReaderService, {
        getCounts: () => Promise.reject(corrupt),
      });
      const reply = await callReader(api, 1, 'getCounts', [], () => undefined);
      assert.equal(reply.ok, false);
      await callReader(api, 2, 'getCounts', [], () => undefined);
      assert.deepEqual(said, [{ problem: 'database disk image is malformed', latestBackup: null }], 'said once');
      assert.throws(() => assertDatabaseWhole(dir.path), /damaged \(database disk image is malformed\)/);
      // Other failures are not damage.
      service.noticeFailure(new Error('something else'));
      assert.equal(said.length, 1);
    } finally {
      await service.shutdown();
      closeDatabase(db);
      dir.remove();
    }
  });
});

describe('a full disk during a refresh', () => {
  it('stops the refresh, says so, keeps the database whole, and works again once there is room', async () => {
    const corpus = await startCorpus({ feeds: 40, items: 20, hosts: 4 });
    const t = tempDatabase();
    const service = new ReaderService({ db: t.db, fetchOptions, concurrency: 4, headless: true });
    const stored: number[] = [];
    try {
      await service.importOpml(corpus.opml);
      // SQLite's page limit is how a full disk looks to it: SQLITE_FULL on the next write.
      const pages = t.db.pragma('page_count', { simple: true }) as number;
      t.db.pragma(`max_page_count = ${pages + 200}`);
      const progress: unknown[] = [];
      const full = new ReaderService({
        db: t.db,
        fetchOptions,
        concurrency: 4,
        // Small groups, so some commit before the disk fills (a group is all or nothing).
        group: { maxFeeds: 2, maxMs: 250 },
        onFeedDone: (r) => stored.push(...r.stored),
        emit: (event, payload) => event === 'refresh-progress' && progress.push(payload),
        headless: true,
      });
      const summary = await full.refresh(null);
      await full.shutdown();
      assert.equal(summary.diskFull, true);
      assert.equal(summary.cancelled, false);
      assert.ok(summary.ok < 40, 'the refresh stopped early');
      assert.ok(stored.length > 0, 'what fitted was stored');
      assert.deepEqual((progress.at(-1) as { diskFull?: boolean }).diskFull, true);
      assert.equal(t.db.pragma('integrity_check', { simple: true }), 'ok');
      const has = t.db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck();
      assert.deepEqual(
        stored.filter((id) => !has.get(id)),
        [],
      );
      countersAgree(t.db);
      // Reading still works on the full database.
      assert.ok((await service.listArticles({ view: 'all' }, null, 10)).articles.length > 0);

      t.db.pragma('max_page_count = 1073741823');
      const again = await service.refresh(null);
      assert.deepEqual([again.diskFull, again.failed], [false, 0]);
      assert.equal((await service.getCounts()).all, 40 * 20);
    } finally {
      await service.shutdown();
      t.done();
      closeIdleConnections();
      await corpus.close();
    }
  });
});

describe('the full-text index behind a refresh', () => {
  it('is left queued by the command line, and caught up before its search answers', async () => {
    const corpus = await startCorpus({ feeds: 12, items: 5, hosts: 2 });
    const cli = tempDatabase();
    try {
      const options = { fetchOptions, concurrency: 2, group: { maxFeeds: 1, maxMs: 250 } };
      const headless = new ReaderService({ db: cli.db, headless: true, ...options });
      await headless.importOpml(corpus.opml);
      assert.equal((await headless.refresh(null)).newArticles, 60);
      // No indexer thread in a command's short run: the refresh only queued its articles.
      assert.equal(indexLag(cli.db), 60);
      // A word of the newest article's title, as the user would search for it.
      const newest = (await headless.listArticles({ view: 'all' }, null, 1)).articles[0]!;
      const word = newest.title!.split(/\W+/).find((w) => w.length > 3)!;
      const page = await headless.listArticles({ view: 'all', search: word }, null, 100);
      assert.equal(page.indexing, undefined, 'the search waited for the index: nothing left out');
      assert.ok(page.articles.some((a) => a.id === newest.id));
      assert.equal(cli.db.prepare('SELECT count(*) FROM articles_fts').pluck().get(), 60, 'every article indexed');
      await headless.shutdown();
      assert.equal(indexLag(cli.db), 0, 'nothing left for the next start');
      assert.equal(cli.db.prepare('SELECT count(*) FROM search_backlog').pluck().get(), 0, 'the backlog pruned');
      // FTS5's own check: throws when the index's entries disagree with themselves.
      cli.db.exec("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')");
    } finally {
      cli.done();
      closeIdleConnections();
      await corpus.close();
    }
  });
});
