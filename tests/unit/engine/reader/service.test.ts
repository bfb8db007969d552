/**
 * ReaderService's use cases against real loopback feed servers. Every test has its own
 * data directory, service and server, and builds the state it needs itself, so each can
 * run alone and in any order.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { ReaderEventName } from '../../../../shared/api.js';
import type { FeedId } from '../../../../shared/domain.js';
import { closeIdleConnections, DEFAULT_FETCH_OPTIONS } from '../../../../electron/engine/feeds/fetch.js';
import { ReaderService, UserError, type ServiceOptions } from '../../../../electron/engine/reader/reader-service.js';
import * as feedsStore from '../../../../electron/engine/store/feeds.js';
import { contentTypeOf, fixture, seedFeedNames } from '../../../support/fixtures.js';
import { loopbackHosts, startFeedServer, type FeedServer } from '../../../support/feed-server.js';
import { tempDatabase } from '../../../support/temp.js';

const fetchOptions = { ...DEFAULT_FETCH_OPTIONS, totalTimeoutMs: 3_000, connectTimeoutMs: 2_000 };
const MINUTE = 60_000;

function serveFixtures(server: FeedServer): void {
  for (const name of seedFeedNames())
    server.serve(`/feeds/${name}`, { body: fixture('feeds', name), contentType: contentTypeOf(name) });
  server.serve('/site.html', { body: fixture('edge', 'site.html'), contentType: 'text/html; charset=utf-8' });
  server.serve('/broken.xml', { body: fixture('edge', 'broken.xml') });
  server.serve('/page.html', { body: fixture('edge', 'not-a-feed.html'), contentType: 'text/html' });
}

interface Setup {
  service: ReaderService;
  server: FeedServer;
  db: ReturnType<typeof tempDatabase>['db'];
  /** Names of the events the service pushed, in order. */
  events: ReaderEventName[];
  /** Subscribes through the service and returns the new feed's id. */
  add(path: string, tags?: string[]): Promise<FeedId>;
}

/** A service on a fresh data directory, with the fixture feeds on a server of its own. */
async function setup(t: TestContext, options: Partial<ServiceOptions> = {}): Promise<Setup> {
  const server = await startFeedServer();
  serveFixtures(server);
  const data = tempDatabase();
  const events: ReaderEventName[] = [];
  const service = new ReaderService({ db: data.db, fetchOptions, emit: (event) => events.push(event), ...options });
  t.after(async () => {
    await service.shutdown();
    data.done();
    closeIdleConnections();
    await server.close();
  });
  const add = async (path: string, tags?: string[]): Promise<FeedId> => {
    const result = await service.addFeed({ url: server.url(path), tags });
    assert.equal(result.kind, 'added', path);
    return result.kind === 'added' ? result.feed.id : -1;
  };
  return { service, server, db: data.db, events, add };
}

describe('ReaderService: subscribing', () => {
  it('adds a feed by its URL, fetching its articles at once, and finds it again by the same URL', async (t) => {
    const { service, server, events } = await setup(t);
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

  it('offers the choice when a site has several feeds, and adds the only one otherwise', async (t) => {
    const { service, server } = await setup(t);
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

  it('finds a feed at a common path when the page declares none', async (t) => {
    const { service, server } = await setup(t);
    server.serve('/', { body: '<html><head><title>No links</title></head></html>', contentType: 'text/html' });
    server.serve('/feed.xml', { body: fixture('feeds', 'torrentfreak.rss') });
    const found = await service.discoverFeeds(server.url('/'));
    assert.deepEqual(
      found.map((f) => f.url),
      [server.url('/feed.xml')],
    );
  });

  it('says clearly when there is no feed at an address', async (t) => {
    const { service, server } = await setup(t);
    await assert.rejects(
      service.addFeed({ url: server.url('/page.html') }),
      (e: unknown) => e instanceof UserError && /No feed was found/.test(e.message),
    );
    await assert.rejects(service.addFeed({ url: '  ' }), UserError);
  });

  it('moves a feed on a permanent redirect', async (t) => {
    const { service, server, add } = await setup(t);
    server.serve('/new-home.rss', { body: fixture('feeds', 'misc.rss') });
    server.redirect('/old-home.rss', '/new-home.rss', 301);
    const id = await add('/old-home.rss');
    assert.equal((await service.listFeeds()).find((f) => f.id === id)!.url, server.url('/new-home.rss'));
  });
});

describe('ReaderService: refreshing', () => {
  it('refreshes all feeds; a broken feed records its error and the others go on', async (t) => {
    const { service, server, db } = await setup(t);
    for (const path of ['/feeds/aws.rss', '/broken.xml', '/feeds/lwn.rdf'])
      feedsStore.insertFeed(db, { url: server.url(path) }, Date.now());
    const summary = await service.refresh(null);
    assert.deepEqual([summary.ok, summary.notModified, summary.failed], [2, 0, 1]);
    const broken = (await service.listFeeds()).find((f) => f.url.endsWith('/broken.xml'))!;
    assert.equal(broken.lastError?.kind, 'not-a-feed');
    assert.match(broken.lastError!.hint, /Add Feed/);
    assert.equal(broken.errorCount, 1);
    const lwn = (await service.listFeeds()).find((f) => f.url.endsWith('/lwn.rdf'))!;
    assert.equal(lwn.lastError, null);
    assert.ok(lwn.articleCount > 0);

    const second = await service.refresh(null);
    assert.deepEqual([second.ok, second.notModified, second.failed], [0, 2, 1], 'unchanged feeds answer 304');
    assert.equal(second.newArticles, 0);
  });

  it('updates a changed item in place and keeps its read and starred state', async (t) => {
    const { service, server, add } = await setup(t);
    const original = fixture('feeds', 'torrentfreak.rss').toString('utf8');
    server.serve('/tf.rss', { body: original });
    const feedId = await add('/tf.rss');
    const page = await service.listArticles({ view: 'all', feedId, dedupe: false }, null, 10);
    const target = page.articles[0]!;
    await service.markRead([target.id], true);
    await service.setStarred(target.id, true);
    const changedTitle = `Updated: ${target.title}`;
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

  it("schedules the next fetch by the feed's <ttl> when it is longer than the chosen interval", async (t) => {
    const clock = { now: Date.UTC(2025, 0, 1) };
    const { service, server, add } = await setup(t, { now: () => clock.now });
    server.serve('/misc.rss', { body: fixture('feeds', 'misc.rss') });
    const id = await add('/misc.rss');
    await service.updateFeed(id, { refreshMinutes: 5 });
    // misc.rss says <ttl>60</ttl>: never sooner than an hour (less the 5% jitter), even every 5 minutes.
    server.serve('/misc.rss', {
      body: fixture('feeds', 'misc.rss')
        .toString()
        .replace('</channel>', '<item><title>x</title><guid>x</guid></item></channel>'),
    });
    clock.now += MINUTE;
    assert.equal((await service.refresh([id])).newArticles, 1);
    const scheduled = (await service.listFeeds()).find((f) => f.id === id)!.nextFetchAt!;
    assert.ok(scheduled - clock.now >= 0.95 * 60 * MINUTE, `${(scheduled - clock.now) / MINUTE} minutes`);
  });
});

describe('ReaderService: settings, marking and OPML', () => {
  it('refuses bad feed settings with a message', async (t) => {
    const { service, add } = await setup(t);
    const id = await add('/feeds/schneier.atom');
    await assert.rejects(service.updateFeed(id, { refreshMinutes: 1 }), /between 5 minutes and 7 days/);
    await assert.rejects(service.updateFeed(id, { refreshMinutes: 7 * 24 * 60 + 1 }), /between 5 minutes and 7 days/);
    await assert.rejects(service.updateFeed(id, { url: 'ftp://x' }), /not an http/);
    await assert.rejects(service.updateFeed(999_999, { userTitle: 'x' }), /no feed with id/);
  });

  it('marks a view read and undoes it, once', async (t) => {
    const { service, add } = await setup(t);
    await add('/feeds/aws.rss');
    await add('/feeds/schneier.atom');
    const before = await service.getCounts();
    assert.equal(before.unread, 26);
    const result = await service.markViewRead({ view: 'unread' }, null);
    assert.equal(result.count, 26);
    assert.equal((await service.getCounts()).unread, 0);
    await service.undoMarkRead(result.undoToken!);
    assert.equal((await service.getCounts()).unread, 26);
    await assert.rejects(service.undoMarkRead(result.undoToken!), /nothing to undo/);
  });

  it('exports OPML that imports back to the same feeds and tags, and skips them the second time', async (t) => {
    const { service, add } = await setup(t);
    await service.setFeedTags(await add('/feeds/aws.rss'), ['Cloud', 'Reading']);
    await add('/feeds/schneier.atom', ['Security']);
    await add('/feeds/lwn.rdf');
    const opml = await service.exportOpml();
    const { service: copy } = await setup(t);
    const report = await copy.importOpml(opml);
    assert.deepEqual(report.problems, []);
    assert.equal(report.added, 3);
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
  });
});

describe('ReaderService: politeness and cancelling', () => {
  it('keeps at most two requests per host and a global limit, and cancels cleanly', async (t) => {
    const hosts = loopbackHosts(3);
    const servers = await Promise.all(hosts.map((host) => startFeedServer({ host, latencyMs: 40 })));
    t.after(() => Promise.all(servers.map((s) => s.close())));
    const { service, db } = await setup(t, { concurrency: 4, perHost: 2 });
    for (const [h, server] of servers.entries()) {
      for (let i = 0; i < 8; i++) {
        server.serve(`/f${i}.rss`, {
          body: fixture('feeds', 'torrentfreak.rss')
            .toString()
            .replace(/<guid isPermaLink="false">/g, `<guid isPermaLink="false">h${h}-${i}-`),
        });
        feedsStore.insertFeed(db, { url: server.url(`/f${i}.rss`) }, Date.now());
      }
    }
    const summary = await service.refresh(null);
    assert.equal(summary.ok, 24);
    for (const server of servers) assert.ok(server.maxConcurrent <= 2, `per-host max was ${server.maxConcurrent}`);

    // Cancelling: every feed's server now holds its answer; cancel once the refresh has
    // filled its four slots, and nothing is left half-written.
    let hung = 0;
    let allSlotsBusy = (): void => undefined;
    const busy = new Promise<void>((resolve) => (allSlotsBusy = resolve));
    for (const server of servers)
      for (let i = 0; i < 8; i++) server.handle(`/f${i}.rss`, () => ++hung === 4 && allSlotsBusy());
    const running = service.refresh(null);
    await busy;
    await service.cancelRefresh();
    const cancelled = await running;
    assert.equal(cancelled.cancelled, true);
    assert.equal(hung, 4, 'no request started after the cancel');
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok');
  });
});
