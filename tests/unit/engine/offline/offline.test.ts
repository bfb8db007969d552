/**
 * Offline reading against a real loopback site: images cached after a refresh and served
 * from the cache once the site is gone, the cache kept under its cap (least recently
 * read first, starred kept), full articles extracted by readability, and a refresh with
 * no network at all. Every test has its own data directory, service and site; it waits on
 * the offline cache going idle and on the requests its servers see, never on time.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, it, type TestContext } from 'node:test';
import { closeIdleConnections, DEFAULT_FETCH_OPTIONS } from '../../../../electron/engine/feeds/fetch.js';
import { reconcileImageCache } from '../../../../electron/engine/offline/image-cache-check.js';
import { deleteImageFile, imagePath, writeImageFile } from '../../../../electron/engine/offline/image-files.js';
import { imageUrlsOf } from '../../../../electron/engine/offline/image-urls.js';
import { ReaderService, type ServiceOptions } from '../../../../electron/engine/reader/reader-service.js';
import { cacheTotals, evictImages } from '../../../../electron/engine/store/images.js';
import { startBrowserServer } from '../../../../electron/doors/browser-server.js';
import { contentTypeOf, fixture, siteFiles } from '../../../support/fixtures.js';
import { startFeedServer, type FeedServer } from '../../../support/feed-server.js';
import { tempDatabase } from '../../../support/temp.js';

const fetchOptions = { ...DEFAULT_FETCH_OPTIONS, totalTimeoutMs: 3_000, connectTimeoutMs: 2_000 };

function serveSite(server: FeedServer): void {
  for (const [path, body, contentType] of siteFiles()) server.serve(path, { body, contentType });
  server.serve('/edge/summary-only.rss', {
    body: fixture('edge', 'summary-only.rss'),
    contentType: contentTypeOf('summary-only.rss'),
  });
}

/** A loopback server for one test, stopped after it. */
async function siteServer(t: TestContext, host?: string): Promise<FeedServer> {
  const server = await startFeedServer({ host });
  t.after(() => server.close());
  return server;
}

interface Setup {
  service: ReaderService;
  db: ReturnType<typeof tempDatabase>['db'];
  /** The fixture site (feeds with pictures, full articles). */
  server: FeedServer;
  /** Subscribes to a feed of the site, waits for the offline cache, and lists the feed's articles. */
  addAndCache(path: string, limit: number): ReturnType<ReaderService['listArticles']>;
}

/** A service on a fresh data directory, with the fixture site on a server of its own. */
async function setup(t: TestContext, options: Partial<ServiceOptions> = {}): Promise<Setup> {
  const server = await siteServer(t);
  serveSite(server);
  const data = tempDatabase();
  const service = new ReaderService({ db: data.db, fetchOptions, ...options });
  t.after(async () => {
    await service.shutdown();
    data.done();
    closeIdleConnections();
  });
  return {
    service,
    db: data.db,
    server,
    async addAndCache(path, limit) {
      const added = await service.addFeed({ url: server.url(path) });
      assert.equal(added.kind, 'added');
      await service.offline.whenIdle();
      return service.listArticles({ view: 'all', feedId: added.kind === 'added' ? added.feed.id : 0 }, null, limit);
    },
  };
}

describe('offline reading', () => {
  it('finds the images an article shows, absolute, without duplicates or data: URIs', () => {
    const urls = imageUrlsOf(
      [
        '<p><img src="/a.png" alt=""><IMG SRC=\'b.jpg\'><img src="data:image/png;base64,AA"><img src="/a.png"></p>',
        '<video poster="/poster.jpg" src="/v.mp4"></video><img alt="no source">',
      ],
      ['https://cdn.example/thumb.jpg'],
      'https://site.example/posts/1.html',
    );
    assert.deepEqual(urls, [
      'https://cdn.example/thumb.jpg',
      'https://site.example/a.png',
      'https://site.example/posts/b.jpg',
      'https://site.example/poster.jpg',
    ]);
  });

  it('caches the images of new articles after a refresh and serves them from the cache alone', async (t) => {
    const { service, server, addAndCache } = await setup(t);
    const page = await addAndCache('/images.rss', 10);
    assert.equal(page.articles.length, 3);

    const browser = await startBrowserServer({
      api: service,
      rendererDir: 'dist/renderer',
      token: 'test-token',
      cachedImage: (pathname) => service.cachedImageFile(pathname),
    });
    const imagesBefore = server.requests.filter((r) => r.path.startsWith('/img/')).length;
    try {
      for (const summary of page.articles) {
        const article = (await service.getArticle(summary.id))!;
        const entries = Object.entries(article.cachedImages);
        assert.equal(entries.length, 1, `one cached image for "${article.title}"`);
        const [original, local] = entries[0]!;
        assert.match(original, /^http:\/\/127\.0\.0\.1:\d+\/img\/photo-\d\.png$/);
        assert.match(local, /^\/cache\/images\/[0-9a-f]{64}$/);
        assert.ok(existsSync(imagePath(service.dataDir, local.split('/').pop()!)));
        // Served by the app's own server, byte for byte, under a strict policy.
        const response = await fetch(`${browser.origin}${local}`, { headers: { cookie: 'syndic-token=test-token' } });
        assert.equal(response.status, 200);
        assert.equal(response.headers.get('content-type'), 'image/png');
        assert.match(response.headers.get('content-security-policy')!, /default-src 'none'.*sandbox/);
        const served = Buffer.from(await response.arrayBuffer());
        assert.ok(served.equals(readFileSync(`tests/fixtures/site${new URL(original).pathname}`)));
      }
      // Without the token, nothing is served; an unknown hash is not served either.
      assert.equal((await fetch(`${browser.origin}/cache/images/${'0'.repeat(64)}`)).status, 401);
      const unknown = await fetch(`${browser.origin}/cache/images/${'0'.repeat(64)}`, {
        headers: { cookie: 'syndic-token=test-token' },
      });
      assert.equal(unknown.status, 404);
    } finally {
      await browser.close();
    }
    assert.equal(
      server.requests.filter((r) => r.path.startsWith('/img/')).length,
      imagesBefore,
      'serving from the cache never asks the original host',
    );
    const status = service.offline.status();
    assert.deepEqual([status.queued, status.imageFiles], [0, 3]);
  });

  it('evicts the least recently read images first and never those of starred articles', async (t) => {
    const clock = { now: Date.now() };
    const { service, db, addAndCache } = await setup(t, { now: () => clock.now });
    const page = await addAndCache('/images.rss', 10);
    const [newest, middle, oldest] = page.articles;
    assert.ok(newest && middle && oldest);
    await service.setStarred(oldest.id, true);
    // Reading order: oldest, newest, then middle, a minute apart: the newest was read least recently.
    for (const article of [oldest, newest, middle]) {
      clock.now += 60_000;
      await service.getArticle(article.id);
    }
    const one = cacheTotals(db).bytes / 3;
    const evicted = evictImages(db, Math.ceil(one * 2));
    assert.equal(evicted.length, 1);
    const cachedOf = async (id: number) => Object.keys((await service.getArticle(id))!.cachedImages).length;
    assert.equal(await cachedOf(newest.id), 0, 'the least recently read went');
    assert.equal(await cachedOf(middle.id), 1);
    assert.equal(await cachedOf(oldest.id), 1);
    // Even a cap of zero keeps the starred article's image.
    evictImages(db, 0);
    assert.equal(await cachedOf(middle.id), 0);
    assert.equal(await cachedOf(oldest.id), 1, 'starred articles keep their images');
  });

  it('fetches the full article for a summary-only feed that asks for it, and keeps it offline', async (t) => {
    const { service, server } = await setup(t);
    const added = await service.addFeed({ url: server.url('/edge/summary-only.rss') });
    assert.equal(added.kind, 'added');
    const feedId = added.kind === 'added' ? added.feed.id : 0;
    const [summary] = (await service.listArticles({ view: 'all', feedId }, null, 10)).articles;
    const before = (await service.getArticle(summary!.id))!;
    assert.equal(before.fullContent, null, 'not fetched until asked');

    await service.updateFeed(feedId, { fetchFullText: true });
    // The next refresh (the feed changed) queues it; the offline cache fetches the page.
    server.serve('/edge/summary-only.rss', {
      body: fixture('edge', 'summary-only.rss').toString().replace('Only the first sentence', 'The first sentence'),
      contentType: 'application/rss+xml',
    });
    await service.refresh([feedId]);
    await service.offline.whenIdle();
    const article = (await service.getArticle(summary!.id))!;
    assert.ok(article.fullContent, 'the full article was stored');
    assert.match(article.fullContent!, /This is the whole article, which the feed only summarised\./);
    // Readability kept the article and left the page's clutter; the sanitiser left no script.
    assert.doesNotMatch(article.fullContent!, /Subscribe|3 comments|Privacy|<script|tracking/);
    assert.equal(Object.keys(article.cachedImages).length, 1, "the full article's figure is cached too");
    // Searchable by words only the full article has.
    const found = await service.listArticles({ view: 'all', search: 'summarised' }, null, 10);
    assert.deepEqual(
      found.articles.map((a) => a.id),
      [summary!.id],
    );
  });

  it('says why a full article cannot be fetched on demand', async (t) => {
    const { service, server, addAndCache } = await setup(t);
    const added = await service.addFeed({ url: server.url('/feeds/other.rss') }).catch((e: Error) => e);
    assert.ok(added instanceof Error, 'no such feed: a clear error');
    const [first] = (await addAndCache('/images.rss', 1)).articles;
    assert.ok(first);
    // The images feed links to /posts/N.html, which the site does not have.
    await assert.rejects(service.fetchFullArticle(first.id), /full article could not be fetched.*404/);
  });

  it('does not fetch at all without a network, says "offline" once, and refreshes when it is back', async (t) => {
    let online = false;
    const progress: { offline?: boolean; running: boolean }[] = [];
    const { service, server } = await setup(t, {
      isOnline: () => online,
      emit: (event, payload) => {
        if (event === 'refresh-progress') progress.push(payload as { offline?: boolean; running: boolean });
      },
    });
    await service.importOpml(
      `<opml version="2.0"><body><outline type="rss" text="Pictures" xmlUrl="${server.url('/images.rss')}"/></body></opml>`,
    );
    const requestsBefore = server.requests.length;
    const summary = await service.refresh(null);
    assert.equal(summary.offline, true);
    assert.equal(summary.failed, 0, 'no feed is marked failed');
    assert.equal(server.requests.length, requestsBefore, 'nothing was fetched');
    assert.deepEqual(progress, [{ done: 0, total: 1, last: null, running: false, offline: true }]);
    const [feed] = await service.listFeeds();
    assert.deepEqual([feed!.errorCount, feed!.lastError], [0, null]);

    online = true;
    const again = await service.refresh(null);
    assert.deepEqual([again.offline, again.ok, again.newArticles], [false, 1, 3]);
  });

  it('after a restore, fetches again the images evicted since the backup, and deletes files no row names', async (t) => {
    const { service, db, server } = await setup(t);
    await service.addFeed({ url: server.url('/images.rss') });
    await service.offline.whenIdle();
    const ids = (await service.listArticles({ view: 'all' }, null, 10)).articles.map((a) => a.id);
    const cachedCount = async (): Promise<number[]> =>
      Promise.all(ids.map(async (id) => Object.keys((await service.getArticle(id))!.cachedImages).length));
    assert.deepEqual(await cachedCount(), [1, 1, 1]);
    const backup = await service.createBackup();

    // Since the backup: the cache was emptied, and a stray file and a half-written one appeared.
    for (const hash of evictImages(db, 0)) deleteImageFile(service.dataDir, hash);
    const stray = 'ab'.repeat(32);
    writeImageFile(service.dataDir, stray, Buffer.from('not named by any row'));
    const partial = `${imagePath(service.dataDir, stray)}.0000.part`;
    writeFileSync(partial, 'half');
    const fetchedBefore = server.requests.filter((r) => r.path.startsWith('/img/')).length;

    await service.restoreBackup(backup.name);
    await service.offline.whenIdle();
    assert.deepEqual(await cachedCount(), [1, 1, 1], 'every article shows a cached image again');
    for (const id of ids) {
      for (const local of Object.values((await service.getArticle(id))!.cachedImages))
        assert.ok(existsSync(imagePath(service.dataDir, local.split('/').pop()!)), 'and its file is there');
    }
    assert.equal(
      server.requests.filter((r) => r.path.startsWith('/img/')).length - fetchedBefore,
      3,
      'the three evicted images were fetched again',
    );
    assert.equal(existsSync(imagePath(service.dataDir, stray)), false, 'the stray file is gone');
    assert.equal(existsSync(partial), false, 'the half-written file is gone');
    assert.deepEqual(reconcileImageCache(db, service.dataDir, Date.now()), {
      forgotten: 0,
      requeued: [],
      removed: 0,
    });
  });

  it("keeps each feed's icon (its own image, else the site's favicon) and shows it with the site gone", async (t) => {
    const { service, db } = await setup(t);
    // Two more sites, each on its own loopback address so their favicons are distinct.
    const withIcons = await siteServer(t, '127.0.0.2');
    const bare = await siteServer(t, '127.0.0.3');
    const logo = readFileSync('tests/fixtures/site/img/photo-1.png');
    const favicon = readFileSync('tests/fixtures/site/img/photo-2.png');
    const channel = (title: string, image: string) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>/</link>${image}` +
      `<item><title>Post</title><link>/post</link><guid>${title}-1</guid></item></channel></rss>`;
    withIcons.serve('/own.rss', {
      body: channel('Own image', '<image><url>/logo.png</url><title>Own image</title><link>/</link></image>'),
      contentType: 'application/rss+xml',
    });
    withIcons.serve('/favicon-only.rss', { body: channel('Favicon only', ''), contentType: 'application/rss+xml' });
    withIcons.serve('/logo.png', { body: logo, contentType: 'image/png' });
    withIcons.serve('/favicon.ico', { body: favicon, contentType: 'image/png' });
    bare.serve('/none.rss', { body: channel('No icon', ''), contentType: 'application/rss+xml' });
    const added: number[] = [];
    for (const url of [withIcons.url('/own.rss'), withIcons.url('/favicon-only.rss'), bare.url('/none.rss')]) {
      const result = await service.addFeed({ url });
      assert.equal(result.kind, 'added');
      if (result.kind === 'added') added.push(result.feed.id);
    }
    await service.offline.whenIdle();
    const byId = new Map((await service.listFeeds()).map((f) => [f.id, f]));
    const [own, faviconOnly, none] = added.map((id) => byId.get(id)!);
    assert.ok(own && faviconOnly && none);
    assert.equal(none.cachedIcon, null, 'a site with no favicon keeps its letter');

    const bytesOf = (local: string | null): Buffer => {
      assert.match(local ?? '', /^\/cache\/images\/[0-9a-f]{64}$/);
      return readFileSync(imagePath(service.dataDir, local!.split('/').pop()!));
    };
    assert.ok(bytesOf(own.cachedIcon).equals(logo), "the feed's own image");
    assert.ok(bytesOf(faviconOnly.cachedIcon).equals(favicon), "else the site's favicon");

    // A copy lost with a restore (its file gone, so its row forgotten) is fetched again at once.
    const lostHash = faviconOnly.cachedIcon!.split('/').pop()!;
    deleteImageFile(service.dataDir, lostHash);
    reconcileImageCache(db, service.dataDir, Date.now());
    assert.equal((await service.listFeeds()).find((f) => f.id === faviconOnly.id)!.cachedIcon, null);
    service.offline.kick();
    await service.offline.whenIdle();
    assert.equal((await service.listFeeds()).find((f) => f.id === faviconOnly.id)!.cachedIcon, faviconOnly.cachedIcon);
    assert.ok(bytesOf(faviconOnly.cachedIcon).equals(favicon), 'and its file is back');

    // Served from the cache with both sites gone; a cap of zero keeps icons.
    await withIcons.close();
    await bare.close();
    evictImages(db, 0);
    const image = service.cachedImageFile(own.cachedIcon!);
    assert.ok(image && readFileSync(image.path).equals(logo));

    // Another round asks no host again: the icons are kept, the missing one waits a day.
    const asked = withIcons.requests.length + bare.requests.length;
    service.offline.kick();
    await service.offline.whenIdle();
    assert.equal(withIcons.requests.length + bare.requests.length, asked);
    const after = new Map((await service.listFeeds()).map((f) => [f.id, f.cachedIcon]));
    assert.deepEqual(
      added.map((id) => after.get(id)),
      [own.cachedIcon, faviconOnly.cachedIcon, null],
    );
  });

  it('fetches an evicted image again at once when a new article shows it', async (t) => {
    const { service, db, server, addAndCache } = await setup(t);
    const photo = server.url('/img/photo-1.png');
    const [first] = (await addAndCache('/images.rss', 10)).articles;
    assert.ok(Object.keys((await service.getArticle(first!.id))!.cachedImages).includes(photo));
    // The cache let the pictures go (a cap of zero): their files and what it knew of them.
    for (const hash of evictImages(db, 0)) deleteImageFile(service.dataDir, hash);
    assert.deepEqual((await service.getArticle(first!.id))!.cachedImages, {});

    server.serve('/again.rss', {
      body:
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Again</title><link>/</link>' +
        `<item><title>The same picture</title><link>/again/1</link><guid>again-1</guid>` +
        `<description>&lt;p&gt;&lt;img src="${photo}"&gt;&lt;/p&gt;</description></item></channel></rss>`,
      contentType: 'application/rss+xml',
    });
    const page = await addAndCache('/again.rss', 1);
    const article = (await service.getArticle(page.articles[0]!.id))!;
    const local = article.cachedImages[photo];
    assert.ok(local, 'the picture is cached again, not a day later');
    assert.ok(
      readFileSync(imagePath(service.dataDir, local.split('/').pop()!)).equals(
        readFileSync('tests/fixtures/site/img/photo-1.png'),
      ),
    );
  });

  it('gives a feed added while a round is at work its icon in that round', async (t) => {
    const { service } = await setup(t);
    const site = await siteServer(t, '127.0.0.4');
    // The first feed's picture is held until the second feed is added.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    site.handle('/held.png', (_req, res) => {
      void held.then(() =>
        res.writeHead(200, { 'content-type': 'image/png' }).end(readFileSync('tests/fixtures/site/img/photo-3.png')),
      );
    });
    const icon = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><circle cx="8" cy="8" r="8"/></svg>';
    site.serve('/icon.svg', { body: icon, contentType: 'image/svg+xml' });
    const feed = (title: string, image: string, html: string) =>
      `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>/</link>${image}` +
      `<item><title>${title} post</title><link>/${title}/1</link><guid>${title}-1</guid>` +
      `<description>${html}</description></item></channel></rss>`;
    site.serve('/first.rss', {
      body: feed('first', '', '&lt;img src="/held.png"&gt;'),
      contentType: 'application/rss+xml',
    });
    site.serve('/second.rss', {
      body: feed('second', '<image><url>/icon.svg</url><title>second</title><link>/</link></image>', 'text'),
      contentType: 'application/rss+xml',
    });
    try {
      await service.addFeed({ url: site.url('/first.rss') });
      // The round is at work once it has asked for the held picture.
      await site.requested('/held.png');
      const second = await service.addFeed({ url: site.url('/second.rss') });
      assert.equal(second.kind, 'added');
      release();
      await service.offline.whenIdle();
      const cachedIcon = (await service.listFeeds()).find(
        (f) => second.kind === 'added' && f.id === second.feed.id,
      )!.cachedIcon;
      assert.match(cachedIcon ?? '', /^\/cache\/images\/[0-9a-f]{64}$/, 'the icon was kept in the same round');
      assert.equal(readFileSync(imagePath(service.dataDir, cachedIcon!.split('/').pop()!), 'utf8'), icon);
    } finally {
      release();
    }
  });

  it('does not give up on an icon for a day when the machine, not its site, went offline', async (t) => {
    let online = true;
    const { service } = await setup(t, { isOnline: () => online });
    const site = await siteServer(t, '127.0.0.5');
    const icon = '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="8" height="8"/></svg>';
    // The first time the icon is asked for, the network goes: the connection drops.
    let drop = true;
    site.handle('/favicon.ico', (req, res) => {
      if (drop) {
        drop = false;
        online = false;
        req.socket.destroy();
        return;
      }
      res.writeHead(200, { 'content-type': 'image/svg+xml' }).end(icon);
    });
    site.serve('/feed.rss', {
      body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Flaky</title><link>/</link></channel></rss>',
      contentType: 'application/rss+xml',
    });
    const added = await service.addFeed({ url: site.url('/feed.rss') });
    assert.equal(added.kind, 'added');
    service.offline.kick();
    await service.offline.whenIdle();
    assert.equal(drop, false, 'the icon was asked for');
    assert.equal((await service.listFeeds())[0]!.cachedIcon, null);

    // Back online: the next round fetches it, rather than a day later.
    online = true;
    service.offline.kick();
    await service.offline.whenIdle();
    const cachedIcon = (await service.listFeeds())[0]!.cachedIcon;
    assert.match(cachedIcon ?? '', /^\/cache\/images\/[0-9a-f]{64}$/);
  });
});
