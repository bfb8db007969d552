import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { closeIdleConnections, DEFAULT_FETCH_OPTIONS } from '../../../../electron/engine/feeds/fetch.js';
import { ReaderService, UserError } from '../../../../electron/engine/reader/reader-service.js';
import * as feedsStore from '../../../../electron/engine/store/feeds.js';
import { contentTypeOf, fixture, seedFeedNames } from '../../../support/fixtures.js';
import { loopbackHosts, startFeedServer, type FeedServer } from '../../../support/feed-server.js';
import { tempDatabase } from '../../../support/temp.js';

const fetchOptions = { ...DEFAULT_FETCH_OPTIONS, totalTimeoutMs: 3_000, connectTimeoutMs: 2_000 };

function serveFixtures(server: FeedServer): void {
  for (const name of seedFeedNames())
    server.serve(`/feeds/${name}`, { body: fixture('feeds', name), contentType: contentTypeOf(name) });
  server.serve('/site.html', { body: fixture('edge', 'site.html'), contentType: 'text/html; charset=utf-8' });
  server.serve('/broken.xml', { body: fixture('edge', 'broken.xml') });
  server.serve('/page.html', { body: fixture('edge', 'not-a-feed.html'), contentType: 'text/html' });
}

describe('ReaderService', () => {
  let server: FeedServer;
  let t: ReturnType<typeof tempDatabase>;
  let service: ReaderService;
  const events: string[] = [];

  before(async () => {
    server = await startFeedServer();
    serveFixtures(server);
    t = tempDatabase();
    service = new ReaderService({ db: t.db, fetchOptions, emit: (event) => events.push(event) });
  });
  after(async () => {
    await service.shutdown();
    t.done();
    closeIdleConnections();
    await server.close();
  });

  it('adds a feed by its URL, fetching its articles at once', async () => {
    const result = await service.addFeed({ url: server.url('/feeds/aws.rss'), tags: ['Cloud'] });
    assert.equal(result.kind, 'added');
    if (result.kind !== 'added') return;
    assert.equal(result.feed.title, 'AWS Blogs');
    assert.equal(result.feed.articleCount, 22);
    assert.equal(result.feed.tags.length, 1);
    const again = await service.addFeed({ url: server.url('/feeds/aws.rss') });
    assert.equal(again.kind, 'exists');
    assert.ok(events.includes('counts-changed'));
  });

  it('offers the choice when a site has several feeds, and adds the only one otherwise', async () => {
    const result = await service.addFeed({ url: server.url('/site.html') });
    assert.equal(result.kind, 'choose');
    if (result.kind !== 'choose') return;
    assert.deepEqual(
      result.candidates.map((c) => [c.url, c.type]),
      [
        [server.url('/feeds/aws.rss'), 'rss'],
        [server.url('/feeds/schneier.atom'), 'atom'],
        [server.url('/feeds/backblaze.json'), 'json'],
      ],
    );
    server.serve('/one.html', {
      body: '<html><head><link rel="alternate" type="application/atom+xml" href="feeds/schneier.atom"></head></html>',
      contentType: 'text/html',
    });
    const single = await service.addFeed({ url: server.url('/one.html') });
    assert.equal(single.kind, 'added');
    assert.equal(single.kind === 'added' && single.feed.url, server.url('/feeds/schneier.atom'));
  });

  it('finds a feed at a common path when the page declares none', async () => {
    const other = await startFeedServer();
    try {
      other.serve('/', { body: '<html><head><title>No links</title></head></html>', contentType: 'text/html' });
      other.serve('/feed.xml', { body: fixture('feeds', 'torrentfreak.rss') });
      const found = await service.discoverFeeds(other.url('/'));
      assert.deepEqual(
        found.map((f) => f.url),
        [other.url('/feed.xml')],
      );
    } finally {
      closeIdleConnections();
      await other.close();
    }
  });

  it('says clearly when there is no feed at an address', async () => {
    await assert.rejects(
      service.addFeed({ url: server.url('/page.html') }),
      (e: unknown) => e instanceof UserError && /No feed was found/.test(e.message),
    );
    await assert.rejects(service.addFeed({ url: '  ' }), UserError);
  });

  it('refreshes all feeds; a broken feed records its error and the others go on', async () => {
    feedsStore.insertFeed(t.db, { url: server.url('/broken.xml') }, Date.now());
    feedsStore.insertFeed(t.db, { url: server.url('/feeds/lwn.rdf') }, Date.now());
    const summary = await service.refresh(null);
    assert.equal(summary.failed, 1);
    assert.equal(summary.ok + summary.notModified, 3);
    const broken = (await service.listFeeds()).find((f) => f.url.endsWith('/broken.xml'))!;
    assert.equal(broken.lastError?.kind, 'not-a-feed');
    assert.match(broken.lastError!.hint, /Add Feed/);
    assert.equal(broken.errorCount, 1);
    const lwn = (await service.listFeeds()).find((f) => f.url.endsWith('/lwn.rdf'))!;
    assert.equal(lwn.lastError, null);
    assert.ok(lwn.articleCount > 0);

    const second = await service.refresh(null);
    assert.equal(second.notModified, 3, 'unchanged feeds answer 304');
    assert.equal(second.newArticles, 0);
  });

  it('updates a changed item in place and keeps its read and starred state', async () => {
    const original = fixture('feeds', 'torrentfreak.rss').toString('utf8');
    server.serve('/tf.rss', { body: original });
    const added = await service.addFeed({ url: server.url('/tf.rss') });
    assert.equal(added.kind, 'added');
    const feedId = added.kind === 'added' ? added.feed.id : 0;
    const page = await service.listArticles({ view: 'all', feedId, dedupe: false }, null, 10);
    const target = page.articles[0]!;
    await service.markRead([target.id], true);
    await service.setStarred(target.id, true);
    const changedTitle = target.title!.replace(/^/, 'Updated: ');
    server.serve('/tf.rss', {
      body: original.replace(`<title>${target.title}</title>`, `<title>${changedTitle}</title>`),
    });
    const summary = await service.refresh([feedId]);
    assert.equal(summary.updatedArticles, 1);
    assert.equal(summary.newArticles, 0);
    const after = (await service.getArticle(target.id))!;
    assert.equal(after.title, changedTitle);
    assert.equal(after.read, true);
    assert.equal(after.starred, true);
  });

  it('moves a feed on a permanent redirect and schedules by ttl and Retry-After', async () => {
    server.serve('/new-home.rss', { body: fixture('feeds', 'misc.rss') });
    server.redirect('/old-home.rss', '/new-home.rss', 301);
    const added = await service.addFeed({ url: server.url('/old-home.rss') });
    assert.equal(added.kind, 'added');
    const feed = (await service.listFeeds()).find((f) => f.id === (added.kind === 'added' ? added.feed.id : -1))!;
    assert.equal(feed.url, server.url('/new-home.rss'));
    // misc.rss says <ttl>60</ttl>: never sooner than an hour, even with a 5-minute interval.
    await service.updateFeed(feed.id, { refreshMinutes: 5 });
    server.serve('/new-home.rss', {
      body: fixture('feeds', 'misc.rss')
        .toString()
        .replace('</channel>', '<item><title>x</title><guid>x</guid></item></channel>'),
    });
    const before = Date.now();
    await service.refresh([feed.id]);
    const scheduled = (await service.listFeeds()).find((f) => f.id === feed.id)!.nextFetchAt!;
    assert.ok(scheduled - before >= 0.95 * 60 * 60_000, 'ttl honoured');

    server.serve('/new-home.rss', { body: 'busy', status: 503, headers: { 'retry-after': '7200' }, validators: false });
    const t0 = Date.now();
    await service.refresh([feed.id]);
    const failed = (await service.listFeeds()).find((f) => f.id === feed.id)!;
    assert.equal(failed.lastError?.status, 503);
    assert.ok(failed.nextFetchAt! - t0 >= 7200_000 - 1000, 'Retry-After honoured');
  });

  it('refuses bad feed settings with a message', async () => {
    const feed = (await service.listFeeds())[0]!;
    await assert.rejects(service.updateFeed(feed.id, { refreshMinutes: 1 }), /between 5 minutes and 7 days/);
    await assert.rejects(service.updateFeed(feed.id, { url: 'ftp://x' }), /not an http/);
    await assert.rejects(service.updateFeed(999_999, { userTitle: 'x' }), /no feed with id/);
  });

  it('marks a view read and undoes it', async () => {
    const before = await service.getCounts();
    assert.ok(before.unread > 0);
    const result = await service.markViewRead({ view: 'unread' }, null);
    assert.ok(result.count >= before.unread);
    assert.equal((await service.getCounts()).unread, 0);
    await service.undoMarkRead(result.undoToken!);
    assert.equal((await service.getCounts()).unread, before.unread);
    await assert.rejects(service.undoMarkRead(result.undoToken!), /nothing to undo/);
  });

  it('exports OPML that imports back to the same feeds and tags', async () => {
    await service.setFeedTags((await service.listFeeds())[0]!.id, ['Cloud', 'Reading']);
    const opml = await service.exportOpml();
    const other = tempDatabase();
    const copy = new ReaderService({ db: other.db, fetchOptions });
    try {
      const report = await copy.importOpml(opml);
      assert.deepEqual(report.problems, []);
      const tagNames = async (s: ReaderService) => {
        const names = new Map((await s.listTags()).map((tag) => [tag.id, tag.name]));
        return (await s.listFeeds())
          .map(
            (f) =>
              `${f.url} [${f.tags
                .map((id) => names.get(id))
                .sort()
                .join(',')}]`,
          )
          .sort();
      };
      assert.deepEqual(await tagNames(copy), await tagNames(service));
      const again = await copy.importOpml(opml);
      assert.equal(again.added, 0, 'duplicates are skipped');
    } finally {
      await copy.shutdown();
      other.done();
    }
  });
});

describe('Poller politeness', () => {
  it('keeps at most two requests per host and a global limit, and cancels cleanly', async () => {
    const hosts = loopbackHosts(3);
    const servers = await Promise.all(hosts.map((host) => startFeedServer({ host, latencyMs: 40 })));
    const t = tempDatabase();
    const service = new ReaderService({ db: t.db, fetchOptions, concurrency: 4, perHost: 2 });
    try {
      for (const [h, server] of servers.entries()) {
        for (let i = 0; i < 8; i++) {
          server.serve(`/f${i}.rss`, {
            body: fixture('feeds', 'torrentfreak.rss')
              .toString()
              .replace(/<guid isPermaLink="false">/g, `<guid isPermaLink="false">h${h}-${i}-`),
          });
          feedsStore.insertFeed(t.db, { url: server.url(`/f${i}.rss`) }, Date.now());
        }
      }
      const summary = await service.refresh(null);
      assert.equal(summary.ok, 24);
      for (const server of servers) assert.ok(server.maxConcurrent <= 2, `per-host max was ${server.maxConcurrent}`);
      // Cancellation: slow every feed down, cancel mid-way, and nothing is left half-written.
      for (const server of servers) for (let i = 0; i < 8; i++) server.handle(`/f${i}.rss`, () => undefined);
      const running = service.refresh(null);
      await new Promise((r) => setTimeout(r, 100));
      await service.cancelRefresh();
      const cancelled = await running;
      assert.equal(cancelled.cancelled, true);
      assert.equal(t.db.pragma('integrity_check', { simple: true }), 'ok');
    } finally {
      await service.shutdown();
      t.done();
      closeIdleConnections();
      await Promise.all(servers.map((s) => s.close()));
    }
  });
});
