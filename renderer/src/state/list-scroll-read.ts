/**
 * "Mark as read on scroll": which articles the reader has scrolled past the top of the
 * list, and a batch that sends them together (one request for a screenful, not one per
 * row). Only a scroll down counts, from where the list was after its last fresh load: the
 * jump back to the top when a view loads passes nothing.
 */
import type { ArticleId, ArticleSummary } from '../../../shared/domain.js';
import type { ListRow } from './list-rows.js';

/** How many rows from the top end at or above `offset`: wholly scrolled past (binary search). */
export function rowsPassed(spans: readonly { end: number }[], offset: number): number {
  let low = 0;
  let high = spans.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (spans[mid]!.end <= offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The unread articles drawn in rows `from` (inclusive) to `to` (exclusive). */
export function unreadInRows(
  rows: readonly ListRow[],
  items: readonly Pick<ArticleSummary, 'id' | 'read'>[],
  from: number,
  to: number,
): ArticleId[] {
  const ids: ArticleId[] = [];
  for (let r = Math.max(0, from); r < Math.min(to, rows.length); r++) {
    const row = rows[r]!;
    if (row.kind !== 'articles') continue;
    for (const index of row.indexes) {
      const item = items[index];
      if (item && !item.read) ids.push(item.id);
    }
  }
  return ids;
}

/**
 * Tracks one list's scrolling: where it was, and how many rows have been passed (rows
 * only grow at the end as pages load, so what was passed stays passed). `reset` starts
 * over from where the list stands (after a fresh load, a change of layout, the option
 * switched on): rows already above the top then are not counted as passed by scrolling.
 */
export class ScrollPassTracker {
  private baseline = 0;
  private passed = 0;

  reset(offset: number, spans: readonly { end: number }[]): void {
    this.baseline = offset;
    this.passed = rowsPassed(spans, offset);
  }

  /** A scroll to `offset`: the range of rows newly scrolled past, or null when none. */
  scrolled(offset: number, spans: readonly { end: number }[]): { from: number; to: number } | null {
    const down = offset > this.baseline;
    this.baseline = offset;
    if (!down) return null;
    const to = rowsPassed(spans, offset);
    if (to <= this.passed) return null;
    const from = this.passed;
    this.passed = to;
    return { from, to };
  }
}

export interface Scheduler {
  set(run: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/**
 * Collects ids and sends them at most once per `delayMs`: the first id starts the wait,
 * later ones join it. `flush` sends at once (the list is going away or reloading).
 */
export class ReadBatch {
  private pending = new Set<ArticleId>();
  private timer: unknown = null;

  constructor(
    private readonly send: (ids: ArticleId[]) => void,
    private readonly delayMs: number,
    private readonly scheduler: Scheduler = {
      set: (run, ms) => setTimeout(run, ms),
      clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
  ) {}

  add(ids: readonly ArticleId[]): void {
    for (const id of ids) this.pending.add(id);
    if (this.pending.size && this.timer === null) this.timer = this.scheduler.set(() => this.flush(), this.delayMs);
  }

  flush(): void {
    if (this.timer !== null) this.scheduler.clear(this.timer);
    this.timer = null;
    if (!this.pending.size) return;
    const ids = [...this.pending];
    this.pending = new Set();
    this.send(ids);
  }
}
