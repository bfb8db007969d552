/**
 * Group commit for a refresh: the writes of many feeds share one SQLite transaction, each
 * feed's own writes in a savepoint of it (better-sqlite3 turns a nested
 * `db.transaction()` into one). A feed's articles stay all-or-nothing, a failing feed
 * rolls back only its savepoint, and the shared commit writes each touched page once
 * instead of once per feed. At a million articles that matters: every feed's inserts
 * touch the same index pages and FTS5 segments, and one transaction per feed wrote them a
 * thousand times.
 *
 * Nothing is reported stored before it is committed: callers queue their reports with
 * `afterCommit`, which runs them once the group's COMMIT has returned, and a feed's writes
 * and report go through its own handle (`forFeed`), so that a report made after its
 * transaction was lost to a full disk is dropped. A group commits
 * after `maxFeeds` feeds or `maxMs` from its first write, whichever comes first, and
 * whenever `commit()` is called (the end of a refresh).
 *
 * The full-text index is not written here: a feed's articles join the index's backlog in
 * its savepoint (a feed that fails leaves none behind), and the indexer takes them in
 * once the group has committed (search-backlog.ts).
 */
import type { Db } from './db.js';

export interface GroupCommitOptions {
  maxFeeds: number;
  maxMs: number;
}

export const DEFAULT_GROUP: GroupCommitOptions = { maxFeeds: 50, maxMs: 250 };

/**
 * One feed's part in a group: its writes, and its report, which runs only if the
 * transaction those writes went into committed. The group's own `afterCommit` cannot tell:
 * a feed finishes a few ticks after it writes, and by then its transaction may have been
 * committed (report now) or lost to a full disk (never report), with a new one open.
 */
export interface FeedWrites {
  write<T>(work: () => T): T;
  afterCommit(report: () => void): void;
}

export class GroupCommit {
  private open = false;
  private feeds = 0;
  private timer: NodeJS.Timeout | null = null;
  private reports: (() => void)[] = [];
  /** Counts the transactions this group opened; `lost` holds those rolled back. */
  private generation = 0;
  private readonly lost = new Set<number>();
  /** A commit made by the timer failed (a full disk): the refresh must stop and say so. */
  failure: unknown = null;

  constructor(
    private readonly db: Db,
    private readonly options: GroupCommitOptions = DEFAULT_GROUP,
  ) {}

  /** Runs one feed's writes inside the group (opening it if needed); throws what `work` throws. */
  write<T>(work: () => T): T {
    if (!this.open) {
      // Another transaction of this connection is open (a test's, a caller's): join it as a savepoint.
      if (this.db.inTransaction) return work();
      this.db.exec('BEGIN IMMEDIATE');
      this.open = true;
      this.generation++;
      this.timer = setTimeout(() => {
        try {
          this.commit();
        } catch (error) {
          this.failure = error;
        }
      }, this.options.maxMs);
    }
    try {
      return work();
    } catch (error) {
      // SQLite rolls the whole transaction back itself on a full disk or an I/O error.
      if (!this.db.inTransaction) this.abandon();
      throw error;
    }
  }

  /** The transaction is gone: nothing written in it was kept, so nothing of it is reported. */
  private abandon(): void {
    this.lost.add(this.generation);
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.open = false;
    this.feeds = 0;
    this.reports = [];
  }

  /** Counts one finished feed; the group commits when it is full. */
  feedDone(): void {
    if (!this.open) return;
    if (++this.feeds >= this.options.maxFeeds) this.commit();
  }

  /** A handle for one feed: see FeedWrites. */
  forFeed(): FeedWrites {
    // The transaction this feed's writes went into; null when it wrote nothing in one of ours.
    let joined: number | null = null;
    return {
      write: (work) =>
        this.write(() => {
          joined = this.open ? this.generation : null;
          return work();
        }),
      afterCommit: (report) => {
        if (joined === null) this.afterCommit(report);
        else if (this.lost.has(joined)) return;
        else if (this.open && joined === this.generation) this.reports.push(report);
        else report();
      },
    };
  }

  /** Runs `report` once what has been written so far is committed (at once if nothing is pending). */
  afterCommit(report: () => void): void {
    if (this.open) this.reports.push(report);
    else report();
  }

  /**
   * Commits the group and runs the queued reports. If COMMIT fails (a full disk), the
   * group is rolled back and its reports are dropped: nothing unsaved is ever reported.
   */
  commit(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.open) return;
    if (!this.db.open || !this.db.inTransaction) return this.abandon();
    this.open = false;
    this.feeds = 0;
    const reports = this.reports;
    this.reports = [];
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.lost.add(this.generation);
      throw error;
    }
    for (const report of reports) report();
  }
}
