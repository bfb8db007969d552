import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { closeDatabase, openDatabase } from '../../../electron/engine/store/db.js';
import { LATEST_VERSION, migrate } from '../../../electron/engine/store/migrate.js';
import { assertBuilt, runCli } from '../../support/cli.js';
import { startCorpus, type Corpus } from '../../support/corpus.js';
import { fixturesDir } from '../../support/fixtures.js';
import { tempDir } from '../../support/temp.js';

describe('syndic parse', () => {
  before(assertBuilt);

  it('prints the normalised feed as JSON', async () => {
    const result = await runCli(['parse', join(fixturesDir, 'edge', 'podcast.rss')]);
    assert.equal(result.code, 0, result.stderr);
    const feed = JSON.parse(result.stdout);
    assert.deepEqual(Object.keys(feed), ['title', 'link', 'description', 'items']);
    assert.deepEqual(Object.keys(feed.items[0]), [
      'id',
      'title',
      'link',
      'author',
      'published',
      'updated',
      'summary',
      'content',
      'categories',
      'thumbnail',
      'enclosures',
    ]);
    assert.equal(feed.items[0].published, '2024-01-02T07:00:00.000Z');
    assert.equal(feed.items[0].updated, null);
    assert.deepEqual(feed.items[0].enclosures, [
      { url: 'https://pod.example/ep1.mp3', type: 'audio/mpeg', length: 12345678, duration: null, image: null },
    ]);
  });

  it('exits 3 with a message when the input is not a feed, 2 on usage errors', async () => {
    const notFeed = await runCli(['parse', join(fixturesDir, 'edge', 'not-a-feed.html')]);
    assert.equal(notFeed.code, 3);
    assert.match(notFeed.stderr, /not an RSS, Atom or JSON feed/);
    assert.equal(notFeed.stdout, '');
    assert.equal((await runCli(['frobnicate'])).code, 2);
    assert.equal((await runCli([])).code, 2);
    const missing = await runCli(['parse', '/no/such/file.xml']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no such file/i);
  });
});

describe('syndic against a loopback corpus', () => {
  let corpus: Corpus;
  let dir: ReturnType<typeof tempDir>;
  let opmlPath: string;
  const FEEDS = 120;

  before(async () => {
    assertBuilt();
    corpus = await startCorpus({ feeds: FEEDS, items: 10, hosts: 12 });
    dir = tempDir();
    opmlPath = join(dir.path, 'corpus.opml');
    writeFileSync(opmlPath, corpus.opml);
  });
  after(async () => {
    await corpus.close();
    dir.remove();
  });

  it('imports OPML, refreshes everything, then finds nothing modified', async () => {
    const data = join(dir.path, 'data');
    const imported = await runCli(['import-opml', opmlPath, '--data-dir', data]);
    assert.equal(imported.code, 0, imported.stderr);
    assert.match(imported.stdout, new RegExp(`Imported ${FEEDS} feeds`));

    const first = await runCli(['refresh', '--data-dir', data]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(
      first.stdout,
      new RegExp(`feeds ok: ${FEEDS}, failed: 0, not modified: 0, new articles: ${FEEDS * 10}`),
    );
    assert.match(first.stderr, /refreshing: \d+\/120/, 'progress on stderr');

    const second = await runCli(['refresh', '--data-dir', data, '--jsonl']);
    assert.equal(second.code, 0, second.stderr);
    const lines = second.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.equal(lines.length, FEEDS);
    assert.ok(lines.every((l) => l.status === 'not-modified' && l.new === 0));
    assert.deepEqual(Object.keys(lines[0]), ['feed', 'status', 'new', 'updated', 'error', 'stored']);
    assert.match(second.stderr, new RegExp(`feeds ok: 0, failed: 0, not modified: ${FEEDS}, new articles: 0`));

    const stats = JSON.parse((await runCli(['stats', '--data-dir', data])).stdout);
    assert.equal(stats.feeds, FEEDS);
    assert.equal(stats.articles, FEEDS * 10);

    const list = await runCli(['list', '--data-dir', data]);
    assert.equal(list.stdout.trim().split('\n').length, FEEDS);
    assert.match(list.stdout, /\t10\/10\tFeed 0\t/);

    const exported = await runCli(['export-opml', '--data-dir', data]);
    assert.equal((exported.stdout.match(/xmlUrl=/g) ?? []).length, FEEDS);
    assert.match(exported.stdout, /<outline text="Group 3" title="Group 3">/);
  });

  it('adds a feed with tags, and reports a broken one with exit code 1', async () => {
    const data = join(dir.path, 'data-add');
    const added = await runCli(['add', corpus.feedUrls[0]!, '--tag', 'News', '--tag', 'Daily', '--data-dir', data]);
    assert.equal(added.code, 0, added.stderr);
    assert.match(added.stdout, /Added Feed 0 .*: 10 articles/);
    const list = await runCli(['list', '--data-dir', data]);
    assert.match(list.stdout, /Daily,News|News,Daily/);
    const missing = await runCli(['add', corpus.servers[0]!.url('/nothing-here'), '--data-dir', data]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /404 Not Found/);
  });

  it('updates a changed item and keeps its read and starred state across CLI refreshes', async () => {
    const data = join(dir.path, 'data');
    const db = openDatabase(join(data, 'syndic.db'));
    const feedId = db.prepare('SELECT id FROM feeds WHERE url = ?').pluck().get(corpus.feedUrls[5]) as number;
    const article = db
      .prepare('SELECT id, title FROM articles WHERE feed_id = ? ORDER BY id DESC LIMIT 1')
      .get(feedId) as { id: number; title: string };
    db.prepare('UPDATE articles SET read = 1, starred = 1 WHERE id = ?').run(article.id);
    closeDatabase(db);

    const xml = corpus.feedXml(5);
    const escapedTitle = article.title.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    assert.ok(xml.includes(`<title>${escapedTitle}</title>`));
    corpus.setFeed(5, xml.replace(`<title>${escapedTitle}</title>`, '<title>A corrected title</title>'));
    const result = await runCli(['refresh', '--data-dir', data, '--jsonl']);
    const line = result.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
      .find((l) => l.feed === corpus.feedUrls[5]);
    assert.deepEqual([line.status, line.new, line.updated, line.stored], ['ok', 0, 1, [article.id]]);
    const after = openDatabase(join(data, 'syndic.db'));
    const row = after.prepare('SELECT title, read, starred FROM articles WHERE id = ?').get(article.id);
    closeDatabase(after);
    assert.deepEqual(row, { title: 'A corrected title', read: 1, starred: 1 });
  });
});

describe('syndic on a library written by an older version', () => {
  before(assertBuilt);

  it('says it upgrades the database before the wait, once, and nothing on a new one', async () => {
    const dir = tempDir();
    try {
      const older = join(dir.path, 'older');
      mkdirSync(older);
      const db = openDatabase(join(older, 'syndic.db'), { migrate: false });
      migrate(db, LATEST_VERSION - 1);
      closeDatabase(db);
      const first = await runCli(['stats', '--data-dir', older]);
      assert.equal(first.code, 0, first.stderr);
      assert.match(
        first.stderr,
        new RegExp(`upgrading the database from schema ${LATEST_VERSION - 1} to ${LATEST_VERSION}, once`),
      );
      const again = await runCli(['stats', '--data-dir', older]);
      assert.equal(again.code, 0, again.stderr);
      assert.doesNotMatch(again.stderr, /upgrading/, 'upgraded already');
      const fresh = await runCli(['stats', '--data-dir', join(dir.path, 'fresh')]);
      assert.equal(fresh.code, 0, fresh.stderr);
      assert.doesNotMatch(fresh.stderr, /upgrading/, 'a new file is built, not upgraded');
    } finally {
      dir.remove();
    }
  });
});
