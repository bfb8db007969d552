/** Mark as read on scroll (renderer/src/state/list-scroll-read.ts): what was scrolled past, and one request a batch. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ReadBatch,
  rowsPassed,
  ScrollPassTracker,
  unreadInRows,
  type Scheduler,
} from '../../../renderer/src/state/list-scroll-read.js';
import type { ListRow } from '../../../renderer/src/state/list-rows.js';

/** Rows 50 px high: row i ends at 50 (i + 1). */
const spans = Array.from({ length: 20 }, (_, i) => ({ end: 50 * (i + 1) }));

describe('scrolled past the top', () => {
  it('counts the rows that end at or above the offset', () => {
    assert.equal(rowsPassed(spans, 0), 0);
    assert.equal(rowsPassed(spans, 49), 0);
    assert.equal(rowsPassed(spans, 50), 1);
    assert.equal(rowsPassed(spans, 175), 3);
    assert.equal(rowsPassed(spans, 1e6), 20);
    assert.equal(rowsPassed([], 100), 0);
  });

  it('reports the rows newly passed on the way down, once each', () => {
    const tracker = new ScrollPassTracker();
    tracker.reset(0, spans);
    assert.deepEqual(tracker.scrolled(120, spans), { from: 0, to: 2 });
    assert.equal(tracker.scrolled(140, spans), null, 'no row ended in between');
    assert.deepEqual(tracker.scrolled(260, spans), { from: 2, to: 5 });
    // Up and down again over the same rows: nothing new.
    assert.equal(tracker.scrolled(10, spans), null);
    assert.equal(tracker.scrolled(250, spans), null);
    assert.deepEqual(tracker.scrolled(310, spans), { from: 5, to: 6 });
  });

  it('takes where the list stands at a reset as passed already: a reload’s jump marks nothing', () => {
    const tracker = new ScrollPassTracker();
    tracker.reset(0, spans);
    tracker.scrolled(400, spans);
    // A fresh list: the jump back to the top, then the reader scrolls down a little.
    tracker.reset(0, spans);
    assert.equal(tracker.scrolled(0, spans), null);
    assert.deepEqual(tracker.scrolled(60, spans), { from: 0, to: 1 });
    // Switched on half way down: the rows above then are not counted.
    tracker.reset(500, spans);
    assert.equal(tracker.scrolled(520, spans), null);
    assert.deepEqual(tracker.scrolled(560, spans), { from: 10, to: 11 });
  });

  it('collects the unread articles of the rows passed, headings and read ones left out', () => {
    const rows: ListRow[] = [
      { kind: 'day', key: 'd', label: 'Today' },
      { kind: 'articles', key: 'a', indexes: [0, 1] },
      { kind: 'articles', key: 'b', indexes: [2] },
    ];
    const items = [
      { id: 7, read: false },
      { id: 8, read: true },
      { id: 9, read: false },
    ];
    assert.deepEqual(unreadInRows(rows, items, 0, 2), [7]);
    assert.deepEqual(unreadInRows(rows, items, 0, 9), [7, 9]);
    assert.deepEqual(unreadInRows(rows, items, 2, 2), []);
  });
});

/** A scheduler the test runs by hand. */
function manualScheduler(): Scheduler & { run(): void; waiting(): number } {
  const timers = new Map<number, () => void>();
  let next = 1;
  return {
    set: (run) => {
      timers.set(next, run);
      return next++;
    },
    clear: (handle) => void timers.delete(handle as number),
    run: () => {
      for (const [id, run] of [...timers]) {
        timers.delete(id);
        run();
      }
    },
    waiting: () => timers.size,
  };
}

describe('the read batch', () => {
  it('sends everything added during one wait in one request, each id once', () => {
    const sent: number[][] = [];
    const scheduler = manualScheduler();
    const batch = new ReadBatch((ids) => sent.push(ids), 500, scheduler);
    batch.add([1, 2]);
    batch.add([3]);
    batch.add([2, 4]);
    assert.equal(scheduler.waiting(), 1, 'one timer for the whole batch');
    assert.deepEqual(sent, []);
    scheduler.run();
    assert.deepEqual(sent, [[1, 2, 3, 4]]);
    batch.add([5]);
    scheduler.run();
    assert.deepEqual(sent, [[1, 2, 3, 4], [5]]);
  });

  it('sends at once when flushed, and nothing when there is nothing', () => {
    const sent: number[][] = [];
    const scheduler = manualScheduler();
    const batch = new ReadBatch((ids) => sent.push(ids), 500, scheduler);
    batch.flush();
    batch.add([]);
    assert.equal(scheduler.waiting(), 0);
    batch.add([9]);
    batch.flush();
    assert.deepEqual(sent, [[9]]);
    assert.equal(scheduler.waiting(), 0, 'the wait is cancelled');
    scheduler.run();
    assert.deepEqual(sent, [[9]]);
  });
});
