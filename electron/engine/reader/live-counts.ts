/**
 * Unread counts while a refresh or a sync brings articles: sent as feeds arrive, at most
 * once a second, so a 64-feed import shows its counts growing instead of frozen for the
 * whole refresh, and a 1,000-feed refresh does not recount a thousand times.
 */
import { REAL_TIMERS, type Timers } from '../timers.js';

export const LIVE_COUNTS_INTERVAL_MS = 1_000;

export class LiveCounts {
  private pending: unknown = null;
  private lastSent = -Infinity;

  constructor(
    /** Counts and sends; called at most once per interval. */
    private readonly send: () => void,
    private readonly now: () => number,
    private readonly timers: Timers = REAL_TIMERS,
  ) {}

  /** Articles were stored: counts go out now, or at the end of the current interval. */
  articlesArrived(): void {
    if (this.pending !== null) return;
    const wait = this.lastSent + LIVE_COUNTS_INTERVAL_MS - this.now();
    if (wait <= 0) return this.flush();
    this.pending = this.timers.setTimeout(() => {
      this.pending = null;
      this.flush();
    }, wait);
  }

  /** The refresh ended and its final counts went out: nothing pending is needed. */
  settled(): void {
    if (this.pending !== null) this.timers.clearTimeout(this.pending);
    this.pending = null;
    this.lastSent = this.now();
  }

  private flush(): void {
    this.lastSent = this.now();
    this.send();
  }
}
