/**
 * Slow hosts in a refresh (issue 19; electron/engine/poller/refresh-deadlines.ts), against
 * real loopback servers: one host whose five feeds hold the connection, stop after their
 * headers or halfway through the body, or trickle, with a healthy feed of its own, and a
 * healthy feed on another host. The deadlines are short and injected (a 300 ms request
 * deadline); the tests count deadline periods by the deadline each error names and by the
 * requests the servers saw, and check the order in which results arrive, never wall time.
 */
import assert from 'node:assert/strict';
import type http from 'node:http';
import { describe, it, type TestContext } from 'node:test';
import type { FeedId, FeedRefreshResult } from '../../../../shared/domain.js';
import { closeIdleConnections, DEFAULT_FETCH_OPTIONS } from '../../../../electron/engine/feeds/fetch.js';
import { inThreadParser } from '../../../../electron/engine/feeds/in-thread-parser.js';
import { Poller, type PollerOptions } from '../../../../electron/engine/poller/poller.js';
import type { Db } from '../../../../electron/engine/store/db.js';
import { getFeed, insertFeed } from '../../../../electron/engine/store/feeds.js';
import { startFeedServer, type FeedServer } from '../../../support/feed-server.js';
import { tempDatabase } from '../../../support/temp.js';

const START = Date.UTC(2025, 0, 1);
const PER_HOST = 2;
const SLOW = ['/silent.rss', '/headers-only.rss', '/half.rss', '/trickle.rss', '/trickle-2.rss'];

function rss(title: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://example.com/</link><item><title>${title} 1</title><guid>${title}-1</guid></item></channel></rss>`;
}

/** Five ways for a server to keep a client waiting; timers stop when the client goes. */
function serveSlowly(server: FeedServer): void {
  server.handle('/silent.rss', () => undefined);
  server.handle('/headers-only.rss', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.flushHeaders();
  });
  server.handle('/half.rss', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '10000' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>half');
  });
  const trickle = (_req: http.IncomingMessage, res: http.ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const timer = setInterval(() => res.write(' '), 20);
    res.on('close', () => clearInterval(timer));
  };
  server.handle('/trickle.rss', trickle);
  server.handle('/trickle-2.rss', trickle);
}

interface Rig {
  db: Db;
  poller: Poller;
  slowHost: FeedServer;
  otherHost: FeedServer;
  /** Results in the order they arrived. */
  results: FeedRefreshResult[];
  ids: { slow: FeedId[]; sameHostHealthy: FeedId; otherHostHealthy: FeedId };
}

/**
 * The scenario: the slow host's five feeds first in the queue, its healthy feed
 * after them, the other host's healthy feed last.
 */
async function rig(t: TestContext, options: Partial<PollerOptions> & { requestMs: number }): Promise<Rig> {
  const db = tempDatabase();
  const slowHost = await startFeedServer();
  const otherHost = await startFeedServer();
  serveSlowly(slowHost);
  slowHost.serve('/healthy.rss', rss('same-host'));
  otherHost.serve('/healthy.rss', rss('other-host'));
  const results: FeedRefreshResult[] = [];
  const poller = new Poller({
    db: db.db,
    parser: inThreadParser,
    fetchOptions: { ...DEFAULT_FETCH_OPTIONS, connectTimeoutMs: 2_000, totalTimeoutMs: options.requestMs },
    now: () => START,
    random: () => 0.5,
    concurrency: 4,
    perHost: PER_HOST,
    defaultMinutes: () => 30,
    onProgress: (progress) => {
      if (progress.last) results.push(progress.last);
    },
    ...options,
  });
  t.after(async () => {
    await poller.cancel();
    db.done();
    closeIdleConnections();
    await Promise.all([slowHost.close(), otherHost.close()]);
  });
  const add = (url: string): FeedId => insertFeed(db.db, { url }, START).feed.id;
  const slow = SLOW.map((path) => add(slowHost.url(path)));
  const sameHostHealthy = add(slowHost.url('/healthy.rss'));
  const otherHostHealthy = add(otherHost.url('/healthy.rss'));
  return { db: db.db, poller, slowHost, otherHost, results, ids: { slow, sameHostHealthy, otherHostHealthy } };
}

function resultOf(results: FeedRefreshResult[], id: FeedId): { index: number; result: FeedRefreshResult } {
  const index = results.findIndex((r) => r.feedId === id);
  assert.ok(index >= 0, `no result for feed ${id}`);
  return { index, result: results[index]! };
}

describe('poller: slow hosts', () => {
  it('does not make other hosts wait, and gives the slow host one full deadline, then short ones', async (t) => {
    const { poller, slowHost, otherHost, results, ids } = await rig(t, {
      requestMs: 300,
      slowHostDeadlineMs: 100,
      // Out of the way: this test is about the host, not the refresh deadline.
      refreshDeadlineMs: 60_000,
    });
    const summary = await poller.refresh(null);

    // The healthy feed on the other host arrives first, though it was last in the queue.
    const other = resultOf(results, ids.otherHostHealthy);
    assert.deepEqual([other.index, other.result.status], [0, 'ok']);
    assert.equal(otherHost.requests.length, 1);

    // Every slow feed timed out. Only the first two (one per-host slot each) waited out the
    // full 300 ms: one deadline period, where before the fix there were three (5 feeds, 2 at a time).
    const slow = ids.slow.map((id) => resultOf(results, id).result);
    assert.ok(slow.every((r) => r.status === 'failed' && r.error?.kind === 'timeout'));
    const named = (pattern: RegExp): number => slow.filter((r) => pattern.test(r.error!.message)).length;
    assert.equal(named(/did not send the whole feed within 0\.3 s/), PER_HOST, 'full deadlines');
    assert.equal(named(/did not send the whole feed within 0\.1 s/), SLOW.length - PER_HOST, 'short deadlines');

    // The slow host's healthy feed still comes through in this refresh, after the first timeouts.
    const same = resultOf(results, ids.sameHostHealthy);
    assert.equal(same.result.status, 'ok');
    const firstTimeout = results.findIndex((r) => r.error?.kind === 'timeout');
    assert.ok(firstTimeout > 0 && firstTimeout < same.index);
    assert.equal(slowHost.requests.length, SLOW.length + 1, 'every feed of the slow host was tried');
    assert.deepEqual([summary.ok, summary.failed], [2, SLOW.length]);
  });

  it("ends the refresh at its deadline: the slow host's queue waits, untouched, for the next refresh", async (t) => {
    const { db, poller, slowHost, results, ids } = await rig(t, {
      // The request deadline alone would let each slow feed take 5 s: 15 s for the five.
      requestMs: 5_000,
      refreshDeadlineMs: 300,
      slowHostDeadlineMs: 100,
    });
    const summary = await poller.refresh(null);

    const other = resultOf(results, ids.otherHostHealthy);
    assert.deepEqual([other.index, other.result.status], [0, 'ok']);

    // The first two slow feeds were cut at the refresh deadline, not the request deadline...
    const [first, second] = ids.slow.map((id) => resultOf(results, id).result);
    for (const r of [first!, second!]) {
      assert.equal(r.error?.kind, 'timeout');
      assert.match(r.error!.message, /did not send the whole feed within 0\.[0-3] s/);
    }
    // ...and nothing else of that host was started: one deadline period in all.
    assert.equal(slowHost.requests.length, PER_HOST);
    const deferred = [...ids.slow.slice(PER_HOST), ids.sameHostHealthy];
    for (const id of deferred) {
      const { result } = resultOf(results, id);
      assert.equal(result.status, 'failed');
      assert.equal(result.error?.kind, 'timeout');
      assert.match(result.error!.message, new RegExp(`${slowHost.host}:${slowHost.port} was too slow`));
      assert.match(result.error!.hint, /next refresh/);
      // Nothing written: no error, no backoff, still due (since it was added, at START).
      const feed = getFeed(db, id)!;
      assert.deepEqual([feed.lastError, feed.errorCount, feed.nextFetchAt], [null, 0, START]);
    }
    assert.equal(results.length, ids.slow.length + 2, 'every feed reported once');
    assert.deepEqual([summary.ok, summary.failed, summary.cancelled], [1, 6, false]);

    // The next refresh takes the deferred feeds (the two that timed out are backing off).
    for (const path of [...SLOW, '/healthy.rss']) slowHost.serve(path, rss(path.slice(1, -4)));
    const next = await poller.refreshDue();
    assert.deepEqual([next?.ok, next?.failed], [deferred.length, 0]);
    assert.equal(slowHost.requests.length, PER_HOST + deferred.length);
  });

  it('keeps fetching healthy hosts after the refresh deadline: only slow hosts are left for later', async (t) => {
    const db = tempDatabase();
    const server = await startFeedServer();
    const poller = new Poller({
      db: db.db,
      parser: inThreadParser,
      fetchOptions: { ...DEFAULT_FETCH_OPTIONS, totalTimeoutMs: 3_000 },
      now: () => START,
      concurrency: 4,
      perHost: PER_HOST,
      defaultMinutes: () => 30,
      // Passed before the first request: every request gets the short deadline.
      refreshDeadlineMs: 0,
      slowHostDeadlineMs: 2_000,
    });
    t.after(async () => {
      await poller.cancel();
      db.done();
      closeIdleConnections();
      await server.close();
    });
    for (let i = 0; i < 6; i++) {
      server.serve(`/f${i}.rss`, rss(`f${i}`));
      insertFeed(db.db, { url: server.url(`/f${i}.rss`) }, START);
    }
    const summary = await poller.refresh(null);
    assert.deepEqual([summary.ok, summary.failed], [6, 0]);
  });
});
