/**
 * The deadline policy of one refresh (electron/engine/poller/refresh-deadlines.ts), with
 * the clock injected: each request is given the time left to the refresh deadline (never
 * more than the request deadline), a host that timed out gets the short deadline, and
 * only a slow host's queue is left for the next refresh once the refresh deadline passes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deferredResult, RefreshDeadlines } from '../../../../electron/engine/poller/refresh-deadlines.js';

const REQUEST = 30_000;
const REFRESH = 25_000;
const SHORT = 5_000;

function rig(): { clock: { now: number }; deadlines: RefreshDeadlines } {
  const clock = { now: 1_000 };
  const deadlines = new RefreshDeadlines({
    requestMs: REQUEST,
    refreshMs: REFRESH,
    slowHostMs: SHORT,
    clock: () => clock.now,
  });
  return { clock, deadlines };
}

describe('refresh deadlines', () => {
  it('gives a request the time left to the refresh deadline, at most the request deadline', () => {
    const { clock, deadlines } = rig();
    assert.deepEqual(deadlines.forRequest('a.example'), { ms: REFRESH, pastRefreshDeadline: true });
    clock.now += 10_000;
    assert.equal(deadlines.forRequest('a.example').ms, 15_000);
    // Near and past the refresh deadline, never less than the short deadline.
    clock.now += 14_000;
    assert.equal(deadlines.forRequest('a.example').ms, SHORT);
    clock.now += 60_000;
    assert.equal(deadlines.forRequest('a.example').ms, SHORT);

    const long = new RefreshDeadlines({ requestMs: 300, refreshMs: 60_000, slowHostMs: 100, clock: () => 0 });
    assert.deepEqual(long.forRequest('a.example'), { ms: 300, pastRefreshDeadline: false });
  });

  it('gives a host that timed out the short deadline, and only that host', () => {
    const { deadlines } = rig();
    deadlines.timedOut('slow.example', deadlines.forRequest('slow.example'));
    assert.equal(deadlines.isSlow('slow.example'), true);
    assert.equal(deadlines.forRequest('slow.example').ms, SHORT);
    assert.equal(deadlines.forRequest('other.example').ms, REFRESH);
    assert.equal(deadlines.isSlow('other.example'), false);
  });

  it("leaves a slow host's queue for the next refresh once the refresh deadline has passed", () => {
    const { clock, deadlines } = rig();
    const long = new RefreshDeadlines({ requestMs: 300, refreshMs: 60_000, slowHostMs: 100, clock: () => clock.now });
    // Timed out before the refresh deadline: the host's queue is tried, with the short deadline.
    long.timedOut('slow.example', long.forRequest('slow.example'));
    assert.equal(long.defers('slow.example'), false);

    deadlines.timedOut('slow.example', { ms: SHORT, pastRefreshDeadline: false });
    assert.equal(deadlines.defers('slow.example'), false, 'before the refresh deadline');
    clock.now += REFRESH;
    assert.equal(deadlines.defers('slow.example'), true);
    assert.equal(deadlines.defers('healthy.example'), false, 'a healthy host is never deferred');
  });

  it('takes a request cut by the refresh deadline as the deadline reached, whatever the clock says', () => {
    const { clock, deadlines } = rig();
    const first = deadlines.forRequest('slow.example');
    // The request's timer fired a millisecond before the clock reaches the refresh deadline.
    clock.now += first.ms - 1;
    deadlines.timedOut('slow.example', first);
    assert.equal(deadlines.defers('slow.example'), true);
  });

  it('reports a deferred feed as failed, naming the host and when Syndic tries again', () => {
    const result = deferredResult({ id: 7, url: 'http://slow.example/feed' }, 'slow.example', 42);
    assert.equal(result.status, 'failed');
    assert.equal(result.error?.kind, 'timeout');
    assert.match(result.error!.message, /slow\.example was too slow earlier in this refresh/);
    assert.match(result.error!.hint, /try this feed again at the next refresh/);
    assert.deepEqual([result.newArticles, result.updatedArticles, result.stored, result.error?.at], [0, 0, [], 42]);
  });
});
