/**
 * Feed icons across starts of the app, against real loopback sites that count what they
 * are asked: an icon that failed (404, a dropped connection) is not asked for again
 * before a day has passed, however often the app starts; with no network nothing is
 * asked, and that is not remembered as a failure. Each start is a new service on the
 * same database file, closed and opened again as the app does.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { closeIdleConnections, DEFAULT_FETCH_OPTIONS } from '../../../../electron/engine/feeds/fetch.js';
import { ReaderService } from '../../../../electron/engine/reader/reader-service.js';
import { closeDatabase, openDatabase } from '../../../../electron/engine/store/db.js';
import { imageState } from '../../../../electron/engine/store/images.js';
import { startFeedServer, type FeedServer } from '../../../support/feed-server.js';
import { tempDir } from '../../../support/temp.js';

const fetchOptions = { ...DEFAULT_FETCH_OPTIONS, totalTimeoutMs: 3_000, connectTimeoutMs: 2_000 };
const HOUR = 60 * 60 * 1000;

async function siteServer(t: TestContext, host: string): Promise<FeedServer> {
  const server = await startFeedServer({ host });
  t.after(() => server.close());
  return server;
}

function channel(title: string, image = ''): string {
  return (
    `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>/</link>${image}` +
    `<item><title>Post</title><link>/post</link><guid>${title}-1</guid></item></channel></rss>`
  );
}

/** The app's data directory across starts: each start opens the database and runs the service. */
function dataDirectory(t: TestContext) {
  const dir = tempDir();
  const path = join(dir.path, 'syndic.db');
  t.after(() => dir.remove());
  return {
    path,
    /**
     * One run of the app: `before` the start (adding feeds), then start, let the offline
     * cache finish its round (or quit as soon as `quitWhen` resolves), quit.
     */
    async run(
      options: { now: number; online: boolean; quitWhen?: Promise<void> },
      before?: (service: ReaderService) => Promise<void>,
    ) {
      const db = openDatabase(path);
      const service = new ReaderService({
        db,
        fetchOptions,
        now: () => options.now,
        isOnline: () => options.online,
      });
      try {
        await before?.(service);
        service.start({ poll: false });
        await (options.quitWhen ?? service.offline.whenIdle());
      } finally {
        await service.shutdown();
        closeDatabase(db);
        closeIdleConnections();
      }
    },
  };
}

describe('feed icons across starts', () => {
  it('asks for a failed icon again only a day later, not at every start', async (t) => {
    const site = await siteServer(t, '127.0.0.11');
    const flaky = await siteServer(t, '127.0.0.12');
    // The first site has no favicon (404); the second feed's image drops the connection.
    site.serve('/feed.rss', { body: channel('No favicon'), contentType: 'application/rss+xml' });
    flaky.serve('/feed.rss', {
      body: channel('Dropped', '<image><url>/logo.png</url><title>Dropped</title><link>/</link></image>'),
      contentType: 'application/rss+xml',
    });
    flaky.handle('/logo.png', (req) => req.socket.destroy());
    const asked = () =>
      site.requests.filter((r) => r.path === '/favicon.ico').length +
      flaky.requests.filter((r) => r.path === '/logo.png').length;

    const data = dataDirectory(t);
    const start = Date.now();
    await data.run({ now: start, online: true }, async (service) => {
      for (const url of [site.url('/feed.rss'), flaky.url('/feed.rss')])
        assert.equal((await service.addFeed({ url })).kind, 'added');
    });
    assert.equal(asked(), 2, 'each icon was asked for once');

    // Started again and again within the day: no icon is asked for.
    for (const later of [1 * HOUR, 5 * HOUR, 23 * HOUR]) await data.run({ now: start + later, online: true });
    assert.equal(asked(), 2, 'a failed icon waits a day');

    // A day later each is tried once more.
    await data.run({ now: start + 25 * HOUR, online: true });
    assert.equal(asked(), 4);
  });

  it('asks for nothing while offline, and does not count that as a failure', async (t) => {
    const site = await siteServer(t, '127.0.0.13');
    const icon = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="8" height="8"/></svg>';
    site.serve('/feed.rss', { body: channel('Later'), contentType: 'application/rss+xml' });
    site.serve('/favicon.ico', { body: icon, contentType: 'image/svg+xml' });
    const favicon = site.url('/favicon.ico');

    const data = dataDirectory(t);
    const start = Date.now();
    // Added just before the network went: the offline cache never ran.
    await data.run({ now: start, online: false }, async (service) => {
      assert.equal((await service.addFeed({ url: site.url('/feed.rss') })).kind, 'added');
    });
    await data.run({ now: start + HOUR, online: false });
    assert.equal(site.requests.filter((r) => r.path === '/favicon.ico').length, 0, 'nothing asked offline');
    const db = openDatabase(data.path);
    assert.equal(imageState(db, favicon), null, 'and nothing remembered');
    closeDatabase(db);

    // Back online, within the day: the icon is fetched at once.
    await data.run({ now: start + 2 * HOUR, online: true });
    assert.equal(site.requests.filter((r) => r.path === '/favicon.ico').length, 1);
    const after = openDatabase(data.path);
    assert.ok(imageState(after, favicon)?.hash, 'the icon is kept');
    closeDatabase(after);
  });

  it('does not count an icon cut short by quitting as a failure', async (t) => {
    const site = await siteServer(t, '127.0.0.14');
    const icon = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="4"/></svg>';
    site.serve('/feed.rss', { body: channel('Slow icon'), contentType: 'application/rss+xml' });
    // The first time, the icon is slow to come and the app quits before it does.
    let hold = true;
    site.handle('/favicon.ico', (_req, res) => {
      if (hold) return;
      res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(icon);
    });

    const data = dataDirectory(t);
    const start = Date.now();
    await data.run({ now: start, online: true, quitWhen: site.requested('/favicon.ico') }, async (service) => {
      assert.equal((await service.addFeed({ url: site.url('/feed.rss') })).kind, 'added');
    });
    hold = false;

    // The next start, minutes later, asks again and keeps it.
    await data.run({ now: start + 60_000, online: true });
    assert.equal(site.requests.filter((r) => r.path === '/favicon.ico').length, 2);
    const db = openDatabase(data.path);
    assert.ok(imageState(db, site.url('/favicon.ico'))?.hash, 'the icon is kept');
    closeDatabase(db);
  });
});
