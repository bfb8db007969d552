/** Counts while a refresh brings articles (issue: they stayed frozen until its end). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ReaderEventName, ReaderEvents } from '../../../../shared/api.js';
import { closeIdleConnections, DEFAULT_FETCH_OPTIONS } from '../../../../electron/engine/feeds/fetch.js';
import { LiveCounts } from '../../../../electron/engine/reader/live-counts.js';
import { ReaderService } from '../../../../electron/engine/reader/reader-service.js';
import type { Timers } from '../../../../electron/engine/timers.js';
import { fixture } from '../../../support/fixtures.js';
import { startFeedServer } from '../../../support/feed-server.js';
import { tempDatabase } from '../../../support/temp.js';

class FakeTimers implements Timers {
  time = 0;
  private queue: { at: number; fn: () => void; handle: number }[] = [];
  private next = 1;
  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.next++;
    this.queue.push({ at: this.time + ms, fn, handle });
    return handle;
  }
  clearTimeout(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.handle !== handle);
  }
  advance(ms: number): void {
    this.time += ms;
    const due = this.queue.filter((t) => t.at <= this.time);
    this.queue = this.queue.filter((t) => t.at > this.time);
    for (const t of due) t.fn();
  }
  get pending(): number {
    return this.queue.length;
  }
}

describe('LiveCounts', () => {
  it('sends at once, then at most once a second however many feeds arrive', () => {
    const timers = new FakeTimers();
    let sent = 0;
    const live = new LiveCounts(
      () => sent++,
      () => timers.time,
      timers,
    );
    live.articlesArrived();
    assert.equal(sent, 1);
    for (let i = 0; i < 50; i++) live.articlesArrived();
    assert.equal(sent, 1);
    assert.equal(timers.pending, 1);
    timers.advance(999);
    assert.equal(sent, 1);
    timers.advance(1);
    assert.equal(sent, 2);
    // The end of the refresh sends its own counts: what was pending is dropped.
    live.articlesArrived();
    live.settled();
    timers.advance(5_000);
    assert.equal(sent, 2);
  });
});

describe('a refresh of many feeds', () => {
  it('sends counts while feeds arrive, before the refresh ends', async () => {
    const server = await startFeedServer();
    for (const name of ['aws.rss', 'schneier.atom', 'lwn.rdf', 'misc.rss'])
      server.serve(`/feeds/${name}`, { body: fixture('feeds', name) });
    const data = tempDatabase();
    const events: { event: ReaderEventName; running?: boolean }[] = [];
    const emit = <E extends ReaderEventName>(event: E, payload: ReaderEvents[E]) =>
      events.push({
        event,
        running: event === 'refresh-progress' ? (payload as { running: boolean }).running : undefined,
      });
    const service = new ReaderService({
      db: data.db,
      fetchOptions: { ...DEFAULT_FETCH_OPTIONS, totalTimeoutMs: 3_000 },
      emit,
      // A commit per feed, as a long refresh has many (every 250 ms): feeds arrive one by one.
      group: { maxFeeds: 1, maxMs: 250 },
    });
    try {
      const opml = `<opml version="2.0"><body>${['aws.rss', 'schneier.atom', 'lwn.rdf', 'misc.rss']
        .map((n) => `<outline type="rss" text="${n}" xmlUrl="${server.url(`/feeds/${n}`)}"/>`)
        .join('')}</body></opml>`;
      assert.equal((await service.importOpml(opml)).added, 4);
      events.length = 0;
      await service.refresh(null);
      const end = events.findIndex((e) => e.event === 'refresh-progress' && e.running === false);
      const firstCounts = events.findIndex((e) => e.event === 'counts-changed');
      assert.ok(end > 0, 'the refresh ended');
      assert.ok(firstCounts >= 0 && firstCounts < end, `counts before the end: ${JSON.stringify(events)}`);
    } finally {
      await service.shutdown();
      data.done();
      closeIdleConnections();
      await server.close();
    }
  });
});
