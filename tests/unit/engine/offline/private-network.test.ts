/**
 * The private-network rule in the offline cache, end to end through ReaderService: a
 * refresh records where the feed lives (the address that served it); a feed on this
 * computer keeps its images, icon and full article from this computer; the same feed
 * recorded as public gets none of them, each refusal kept with its reason and no request
 * reaching the server. Where the feed lives is the test's input (the stored kind is
 * rewritten), so everything still runs on loopback.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { closeIdleConnections, DEFAULT_FETCH_OPTIONS } from '../../../../electron/engine/feeds/fetch.js';
import { ReaderService } from '../../../../electron/engine/reader/reader-service.js';
import { feedNetworkRow, recordFeedNetwork } from '../../../../electron/engine/store/feed-network.js';
import { imageState } from '../../../../electron/engine/store/images.js';
import { startFeedServer, type FeedServer } from '../../../support/feed-server.js';
import { tempDatabase } from '../../../support/temp.js';

const fetchOptions = { ...DEFAULT_FETCH_OPTIONS, totalTimeoutMs: 3_000, connectTimeoutMs: 2_000 };
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);
const PAGE = `<!doctype html><html><head><title>Router notes</title></head><body><article><h1>Router notes</h1>${'<p>A paragraph of the full article, long enough for readability to keep it as the article body.</p>'.repeat(8)}</article></body></html>`;

/** A feed on 127.0.0.1 whose one article names two images, written two ways, and its page. */
async function site(t: TestContext): Promise<FeedServer> {
  const server = await startFeedServer();
  t.after(() => server.close());
  const base = server.origin;
  const decimal = `http://2130706433:${server.port}`;
  server.serve('/feed.rss', {
    contentType: 'application/rss+xml',
    body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Local</title><link>${base}/</link>
      <item><title>Router notes</title><link>${base}/post</link><guid>post-1</guid>
      <description><![CDATA[<p>Summary</p><img src="${base}/one.png"><img src="${decimal}/two.png">]]></description>
      </item></channel></rss>`,
  });
  for (const path of ['/one.png', '/two.png', '/favicon.ico'])
    server.serve(path, { body: PNG, contentType: 'image/png' });
  server.serve('/post', { body: PAGE, contentType: 'text/html; charset=utf-8' });
  return server;
}

async function service(t: TestContext, headless: boolean): Promise<ReaderService> {
  const data = tempDatabase();
  const reader = new ReaderService({ db: data.db, fetchOptions, headless });
  t.after(async () => {
    await reader.shutdown();
    data.done();
    closeIdleConnections();
  });
  return reader;
}

const asked = (server: FeedServer, path: string) => server.requests.filter((r) => r.path === path).length;

describe('the private-network rule in the offline cache', () => {
  it('records where a feed lives, and lets a feed on this computer keep what it names there', async (t) => {
    const server = await site(t);
    const reader = await service(t, false);
    const added = await reader.addFeed({ url: server.url('/feed.rss') });
    assert.equal(added.kind, 'added');
    const feedId = added.kind === 'added' ? added.feed.id : 0;
    await reader.offline.whenIdle();
    assert.equal(feedNetworkRow(reader.db, feedId)?.network, 'loopback');
    const [article] = (await reader.listArticles({ view: 'all', feedId }, null, 5)).articles;
    const cached = Object.keys((await reader.getArticle(article!.id))!.cachedImages);
    assert.deepEqual(cached.sort(), [server.url('/one.png'), `http://127.0.0.1:${server.port}/two.png`].sort());
  });

  it('refuses images, icon and full article named by a public feed on this computer', async (t) => {
    const server = await site(t);
    // Headless: the refresh queues the article, and nothing is fetched until the kick.
    const reader = await service(t, true);
    const added = await reader.addFeed({ url: server.url('/feed.rss') });
    const feedId = added.kind === 'added' ? added.feed.id : 0;
    recordFeedNetwork(reader.db, feedId, 'public');
    reader.offline.kick();
    await reader.offline.whenIdle();

    const loopbackImage = 'image skipped: 127.0.0.1 is a loopback address and the feed is public';
    assert.equal(imageState(reader.db, server.url('/one.png'))?.error, loopbackImage);
    assert.equal(imageState(reader.db, `http://127.0.0.1:${server.port}/two.png`)?.error, loopbackImage);
    assert.equal(
      imageState(reader.db, server.url('/favicon.ico'))?.error,
      'icon skipped: 127.0.0.1 is a loopback address and the feed is public',
    );
    const [article] = (await reader.listArticles({ view: 'all', feedId }, null, 5)).articles;
    await assert.rejects(
      reader.fetchFullArticle(article!.id),
      /full article skipped: 127\.0\.0\.1 is a loopback address and the feed is public/,
    );
    for (const path of ['/one.png', '/two.png', '/favicon.ico', '/post']) assert.equal(asked(server, path), 0, path);
  });

  it('takes a feed not fetched since schema 9 as its address says, else as public', async (t) => {
    const server = await site(t);
    const reader = await service(t, true);
    const added = await reader.addFeed({ url: server.url('/feed.rss') });
    const feedId = added.kind === 'added' ? added.feed.id : 0;
    // As after the upgrade: no kind recorded. The address is a loopback literal.
    reader.db.prepare('UPDATE feeds SET network = NULL WHERE id = ?').run(feedId);
    reader.offline.kick();
    await reader.offline.whenIdle();
    assert.equal(asked(server, '/one.png'), 1);
  });
});
