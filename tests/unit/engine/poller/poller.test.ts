/**
 * The poller's schedule (electron/engine/poller/poller.ts, refresh-feed.ts), against real
 * loopback feed servers with the clock and the jitter injected: start refreshes the due
 * feeds and each tick of its timer the feeds that came due since; failures back off,
 * doubling; a server's Retry-After is honoured.
 */
import assert from 'node:assert/strict';
import { EventEmitter, once } from 'node:events';
import { describe, it, type TestContext } from 'node:test';
import type { FeedId } from '../../../../shared/domain.js';
import { closeIdleConnections, DEFAULT_FETCH_OPTIONS } from '../../../../electron/engine/feeds/fetch.js';
import { inThreadParser } from '../../../../electron/engine/feeds/in-thread-parser.js';
import { Poller } from '../../../../electron/engine/poller/poller.js';
import type { Db } from '../../../../electron/engine/store/db.js';
import { getFeed, insertFeed, updateFeedSettings } from '../../../../electron/engine/store/feeds.js';
import { loopbackHosts, startFeedServer, type FeedServer } from '../../../support/feed-server.js';
import { tempDatabase } from '../../../support/temp.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** The default refresh interval these tests set. */
const DEFAULT_MINUTES = 30;
const START = Date.UTC(2025, 0, 1);

function rss(title: string, items: number, extra = ''): string {
  const entries = Array.from(
    { length: items },
    (_, i) =>
      `<item><title>${title} ${i}</title><link>https://example.com/${title}/${i}</link><guid>${title}-${i}</guid></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://example.com/</link>${extra}${entries.join('')}</channel></rss>`;
}

interface Rig {
  db: Db;
  poller: Poller;
  server: FeedServer;
  clock: { now: number };
  addFeed(path: string): FeedId;
  feed(id: FeedId): NonNullable<ReturnType<typeof getFeed>>;
  /** Requests the server saw for a path. */
  asked(path: string): number;
  /** Resolves when the next refresh (started by a tick or by a call) has ended. */
  nextRefreshEnd(): Promise<unknown>;
}

/**
 * A poller on its own database and feed server. The jitter is fixed at the middle of its
 * range: the interval after a success is exact, and after a failure three quarters of the
 * backoff.
 */
async function rig(t: TestContext): Promise<Rig> {
  const db = tempDatabase();
  const server = await startFeedServer();
  const clock = { now: START };
  const ends = new EventEmitter();
  const poller = new Poller({
    db: db.db,
    parser: inThreadParser,
    fetchOptions: { ...DEFAULT_FETCH_OPTIONS, totalTimeoutMs: 3_000, connectTimeoutMs: 2_000 },
    now: () => clock.now,
    random: () => 0.5,
    concurrency: 4,
    perHost: 2,
    defaultMinutes: () => DEFAULT_MINUTES,
    onProgress: (progress) => {
      if (!progress.running && progress.last === null) ends.emit('end', progress);
    },
  });
  t.after(async () => {
    await poller.cancel();
    db.done();
    closeIdleConnections();
    await server.close();
  });
  return {
    db: db.db,
    poller,
    server,
    clock,
    addFeed: (path) => insertFeed(db.db, { url: server.url(path) }, clock.now).feed.id,
    feed: (id) => getFeed(db.db, id)!,
    asked: (path) => server.requests.filter((r) => r.path === path).length,
    nextRefreshEnd: () => once(ends, 'end'),
  };
}

describe('poller: start and due feeds', () => {
  it('refreshes the due feeds when started, then at each tick only those whose time has come', async (t) => {
    t.mock.timers.enable({ apis: ['setInterval'] });
    const { poller, server, clock, addFeed, feed, asked, nextRefreshEnd } = await rig(t);
    server.serve('/a.rss', rss('a', 2));
    server.serve('/b.rss', rss('b', 2));
    server.serve('/c.rss', rss('c', 2, '<ttl>120</ttl>'));
    const [a, b, c] = ['/a.rss', '/b.rss', '/c.rss'].map(addFeed) as [FeedId, FeedId, FeedId];
    // b was refreshed twenty minutes ago, so it is due in ten; a and c are new: due now.
    clock.now = START - 20 * MINUTE;
    await poller.refresh([b]);
    assert.equal(feed(b).nextFetchAt, START + 10 * MINUTE);
    clock.now = START;

    let ended = nextRefreshEnd();
    poller.start(MINUTE);
    assert.equal(poller.isRefreshing, true, 'start refreshes at once, not a tick later');
    await ended;
    assert.deepEqual([asked('/a.rss'), asked('/b.rss'), asked('/c.rss')], [1, 1, 1], 'a and c, not b');
    assert.equal(feed(a).nextFetchAt, START + DEFAULT_MINUTES * MINUTE, 'the default interval');
    assert.equal(feed(c).nextFetchAt, START + 120 * MINUTE, "never sooner than the feed's <ttl>");

    // Each tick refreshes what came due since the last: b at +10 minutes, a at +30.
    for (const [minutes, path] of [
      [10, '/b.rss'],
      [30, '/a.rss'],
    ] as const) {
      clock.now = START + minutes * MINUTE;
      ended = nextRefreshEnd();
      t.mock.timers.tick(MINUTE);
      await ended;
      assert.equal(asked(path), 2, `${path} at +${minutes} minutes`);
    }
    assert.deepEqual([asked('/a.rss'), asked('/b.rss'), asked('/c.rss')], [2, 2, 1]);

    // A tick with nothing due starts nothing.
    clock.now = START + 35 * MINUTE;
    t.mock.timers.tick(MINUTE);
    assert.equal(poller.isRefreshing, false);
    assert.equal(poller.refreshDue(), null);

    // Stopped, no tick runs, however late it gets.
    poller.stop();
    clock.now = START + 24 * HOUR;
    t.mock.timers.tick(10 * MINUTE);
    assert.equal(poller.isRefreshing, false);
    assert.equal(server.requests.length, 5);
  });

  it('does not start a second refresh while one is running; the tick after it catches up', async (t) => {
    t.mock.timers.enable({ apis: ['setInterval'] });
    const { poller, server, addFeed, asked, nextRefreshEnd } = await rig(t);
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    server.handle('/slow.rss', (_req, res) => {
      void held.then(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('slow', 1)));
    });
    server.serve('/later.rss', rss('later', 1));
    addFeed('/slow.rss');
    const ended = nextRefreshEnd();
    poller.start(MINUTE);
    await server.requested('/slow.rss');
    // A feed comes due while the first refresh waits on its server.
    addFeed('/later.rss');
    t.mock.timers.tick(MINUTE);
    assert.equal(poller.refreshDue(), null, 'a refresh is running: refreshDue starts nothing');
    release();
    await ended;
    assert.equal(asked('/later.rss'), 0, 'not joined to the running refresh');

    const next = nextRefreshEnd();
    t.mock.timers.tick(MINUTE);
    await next;
    assert.deepEqual([asked('/slow.rss'), asked('/later.rss')], [1, 1]);
  });
});

describe('poller: failures', () => {
  it('backs off after consecutive errors, doubling up to a day, and is back on schedule after a success', async (t) => {
    const { poller, server, clock, addFeed, feed } = await rig(t);
    server.serve('/down.rss', { body: 'down', status: 500, validators: false });
    const id = addFeed('/down.rss');
    // Three quarters of 30 minutes doubled per error (the jitter is fixed), at most a day.
    const expected = [22.5, 45, 90, 180, 360, 720, 1080, 1080];
    const waited: number[] = [];
    for (const [attempt, minutes] of expected.entries()) {
      const due = feed(id).nextFetchAt!;
      clock.now = due - 1;
      assert.equal(poller.refreshDue(), null, `attempt ${attempt + 1}: not before it is due`);
      clock.now = due;
      const summary = await poller.refreshDue();
      assert.equal(summary?.failed, 1);
      const state = feed(id);
      assert.equal(state.errorCount, attempt + 1);
      assert.equal(state.lastError?.status, 500);
      assert.match(state.lastError?.hint ?? '', /try again later/);
      waited.push((state.nextFetchAt! - clock.now) / MINUTE);
      assert.equal(waited.at(-1), minutes, `attempt ${attempt + 1}`);
    }
    assert.deepEqual(waited, expected);
    assert.equal(server.requests.length, expected.length, 'one request per attempt');

    server.serve('/down.rss', rss('down', 3));
    clock.now = feed(id).nextFetchAt!;
    assert.equal((await poller.refreshDue())?.ok, 1);
    const back = feed(id);
    assert.deepEqual([back.errorCount, back.lastError], [0, null]);
    assert.equal(back.nextFetchAt, clock.now + DEFAULT_MINUTES * MINUTE, 'the normal interval again');
  });

  it("backs off from the feed's own interval, but from an hour at most", async (t) => {
    const { db, poller, server, clock, addFeed, feed } = await rig(t);
    server.serve('/often.rss', { body: 'down', status: 502, validators: false });
    server.serve('/daily.rss', { body: 'down', status: 502, validators: false });
    const often = addFeed('/often.rss');
    const daily = addFeed('/daily.rss');
    updateFeedSettings(db, often, { refreshMinutes: 10 });
    updateFeedSettings(db, daily, { refreshMinutes: 24 * 60 });
    await poller.refresh(null);
    assert.equal((feed(often).nextFetchAt! - clock.now) / MINUTE, 7.5);
    assert.equal((feed(daily).nextFetchAt! - clock.now) / MINUTE, 45);
  });

  it('waits as long as Retry-After asks on 503 and 429, and never less than its own backoff', async (t) => {
    const { poller, server, clock, addFeed, feed } = await rig(t);
    const id = addFeed('/busy.rss');
    server.serve('/busy.rss', { body: 'busy', status: 503, headers: { 'retry-after': '7200' }, validators: false });
    await poller.refresh([id]);
    assert.equal(feed(id).lastError?.status, 503);
    assert.equal(feed(id).nextFetchAt, START + 2 * HOUR, 'two hours, not the 22.5 minutes of backoff');
    clock.now = START + 2 * HOUR - 1;
    assert.equal(poller.refreshDue(), null);

    // A short Retry-After does not cut the backoff (45 minutes after a second error).
    clock.now = START + 2 * HOUR;
    server.serve('/busy.rss', { body: 'slow down', status: 429, headers: { 'retry-after': '60' }, validators: false });
    assert.equal((await poller.refreshDue())?.failed, 1);
    assert.equal(feed(id).lastError?.status, 429);
    assert.equal(feed(id).nextFetchAt, clock.now + 45 * MINUTE);

    // Retry-After as a date: measured against the wall clock, as the server meant it.
    clock.now = feed(id).nextFetchAt!;
    const date = new Date(Date.now() + 3 * HOUR).toUTCString();
    server.serve('/busy.rss', { body: 'busy', status: 503, headers: { 'retry-after': date }, validators: false });
    await poller.refreshDue();
    const waited = feed(id).nextFetchAt! - clock.now;
    assert.ok(waited > 3 * HOUR - 10_000 && waited <= 3 * HOUR, `waited ${waited} ms`);
    assert.equal(server.requests.length, 3);
  });
});

describe('poller: many fetches in flight', () => {
  it('shares its cancel signal among them without a listener warning on the output', async (t) => {
    const db = tempDatabase();
    // Two fetches per host at most (http-agents.ts): twelve hosts for 24 in flight.
    const servers = await Promise.all(loopbackHosts(12).map((host) => startFeedServer({ host })));
    const IN_FLIGHT = 24;
    const poller = new Poller({
      db: db.db,
      parser: inThreadParser,
      fetchOptions: { ...DEFAULT_FETCH_OPTIONS, totalTimeoutMs: 5_000, connectTimeoutMs: 2_000 },
      now: () => START,
      random: () => 0.5,
      concurrency: IN_FLIGHT,
      perHost: 2,
      defaultMinutes: () => DEFAULT_MINUTES,
    });
    t.after(async () => {
      await poller.cancel();
      db.done();
      closeIdleConnections();
      await Promise.all(servers.map((server) => server.close()));
    });
    // Every feed answers only once all of them are being fetched: all are in flight at once.
    let waiting = 0;
    const held: (() => void)[] = [];
    for (let i = 0; i < IN_FLIGHT; i++) {
      const server = servers[i % servers.length]!;
      server.handle(`/f${i}.rss`, (_req, res) => {
        held.push(() => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss(`f${i}`, 1)));
        if (++waiting === IN_FLIGHT) for (const answer of held) answer();
      });
      insertFeed(db.db, { url: server.url(`/f${i}.rss`) }, START);
    }
    const warnings: Error[] = [];
    const onWarning = (warning: Error): number => warnings.push(warning);
    process.on('warning', onWarning);
    t.after(() => void process.off('warning', onWarning));
    const summary = await poller.refresh(null);
    // Node emits its warnings on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(waiting, IN_FLIGHT, 'all were in flight together');
    assert.equal(summary.ok, IN_FLIGHT);
    assert.deepEqual(
      warnings.map((w) => w.name),
      [],
      warnings.map((w) => w.message).join('\n'),
    );
  });
});
