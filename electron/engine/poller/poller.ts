/**
 * Refresh scheduling: runs feed refreshes with a global concurrency limit and at most two
 * at once per host, stops waiting on slow hosts (refresh-deadlines.ts), reports progress
 * after each feed, refreshes due feeds on a timer, and cancels cleanly (in-flight requests
 * aborted, nothing half-written: each feed's write is one savepoint of a group commit, see
 * store/group-commit.ts).
 */
import type { FeedId, FeedRefreshResult, RefreshProgress, RefreshSummary } from '../../../shared/domain.js';
import type { IsOnline } from '../connectivity.js';
import type { FetchOptions } from '../feeds/fetch.js';
import type { FeedParser } from '../feeds/parse-pool.js';
import { sharedCancel } from '../feeds/shared-cancel.js';
import { refreshFeed, type RefreshContext, type ScheduleInputs } from './refresh-feed.js';
import {
  DEFAULT_REFRESH_DEADLINE_MS,
  DEFAULT_SLOW_HOST_DEADLINE_MS,
  deferredResult,
  RefreshDeadlines,
} from './refresh-deadlines.js';
import type { Db } from '../store/db.js';
import { isDiskFull } from '../store/disk-full.js';
import { DEFAULT_GROUP, GroupCommit, type FeedWrites, type GroupCommitOptions } from '../store/group-commit.js';
import { fetchStates, type FeedFetchState } from '../store/feeds.js';
import { messageOf } from '../../../shared/error-message.js';

export interface PollerOptions {
  db: Db;
  parser: FeedParser;
  fetchOptions: FetchOptions;
  now: () => number;
  /** Global limit on feeds fetched at once. */
  concurrency: number;
  /** Limit per host name: politeness towards one server. */
  perHost: number;
  /** How long a refresh waits on slow hosts (default 25 s; see refresh-deadlines.ts). */
  refreshDeadlineMs?: number;
  /** A request's deadline once its host has timed out in this refresh (default 5 s). */
  slowHostDeadlineMs?: number;
  /** The monotonic clock of those deadlines (default performance.now). */
  clock?: () => number;
  defaultMinutes: () => number;
  /** How feeds' writes are grouped into commits (see store/group-commit.ts). */
  group?: GroupCommitOptions;
  /** No network: nothing is fetched, the refresh says "offline", the timer retries. */
  isOnline?: IsOnline;
  random?: () => number;
  onProgress?: (progress: RefreshProgress) => void;
  /** Called after each feed's transaction has committed. */
  onFeedDone?: (result: FeedRefreshResult) => void;
  /** The rules and notifications, for new articles (see RefreshContext). */
  hooks?: RefreshContext['hooks'];
}

export class RefreshInProgressError extends Error {
  constructor() {
    super('A refresh is already running');
    this.name = 'RefreshInProgressError';
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

export class Poller {
  private controller: AbortController | null = null;
  private running: Promise<RefreshSummary> | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: PollerOptions) {}

  get isRefreshing(): boolean {
    return this.running !== null;
  }

  /** Refreshes these feeds (all when null). A second call while one runs joins it. */
  refresh(ids: FeedId[] | null): Promise<RefreshSummary> {
    if (this.running) return this.running;
    const controller = sharedCancel();
    this.controller = controller;
    this.running = this.run(fetchStates(this.options.db, ids), controller).finally(() => {
      this.running = null;
      this.controller = null;
    });
    return this.running;
  }

  /** Refreshes the feeds whose next fetch time has come. */
  refreshDue(): Promise<RefreshSummary> | null {
    if (this.running) return null;
    const now = this.options.now();
    const due = fetchStates(this.options.db, null)
      .filter((f) => f.nextFetchAt == null || f.nextFetchAt <= now)
      .map((f) => f.id);
    return due.length ? this.refresh(due) : null;
  }

  /** Checks for due feeds every `everyMs`, starting now. */
  start(everyMs = 60_000): void {
    this.stop();
    const tick = (): void => {
      this.refreshDue()?.catch(() => undefined);
    };
    tick();
    this.timer = setInterval(tick, everyMs);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Aborts the running refresh; resolves when it has wound down. */
  async cancel(): Promise<void> {
    this.stop();
    this.controller?.abort();
    await this.running?.catch(() => undefined);
  }

  private async run(feeds: FeedFetchState[], controller: AbortController): Promise<RefreshSummary> {
    const { options } = this;
    const { signal } = controller;
    const started = Date.now();
    const summary: RefreshSummary = {
      ok: 0,
      failed: 0,
      notModified: 0,
      newArticles: 0,
      updatedArticles: 0,
      cancelled: false,
      offline: false,
      diskFull: false,
      durationMs: 0,
    };
    const total = feeds.length;
    let done = 0;
    if (options.isOnline && !options.isOnline()) {
      // Said once, for the whole refresh; the feeds keep their state and are due again.
      summary.offline = true;
      options.onProgress?.({ done, total, last: null, running: false, offline: true });
      return summary;
    }
    options.onProgress?.({ done, total, last: null, running: true });

    const group = new GroupCommit(options.db, options.group ?? DEFAULT_GROUP);
    const diskFull = (): void => {
      summary.diskFull = true;
      controller.abort();
    };
    const pending = [...feeds];
    // Each feed's host, worked out once: the queue is scanned on every finished feed.
    const hosts = new Map(feeds.map((feed) => [feed.id, hostOf(feed.url)]));
    const hostOfFeed = (feed: FeedFetchState): string => hosts.get(feed.id)!;
    const perHost = new Map<string, number>();
    const schedule: ScheduleInputs = {
      defaultMinutes: options.defaultMinutes(),
      random: options.random ?? Math.random,
    };
    const deadlines = new RefreshDeadlines({
      requestMs: options.fetchOptions.totalTimeoutMs,
      refreshMs: options.refreshDeadlineMs ?? DEFAULT_REFRESH_DEADLINE_MS,
      slowHostMs: options.slowHostDeadlineMs ?? DEFAULT_SLOW_HOST_DEADLINE_MS,
      clock: options.clock ?? (() => performance.now()),
    });

    /**
     * Counts a finished feed (fetched, failed or left for the next refresh) and reports it,
     * once its writes are committed (never, if they were lost to a full disk).
     */
    const finished = (result: FeedRefreshResult, writes?: FeedWrites): void => {
      done++;
      if (result.status === 'ok') summary.ok++;
      else if (result.status === 'not-modified') summary.notModified++;
      else summary.failed++;
      summary.newArticles += result.newArticles;
      summary.updatedArticles += result.updatedArticles;
      // Reported (and printed by `refresh --jsonl`) only once its group has committed.
      (writes ?? group).afterCommit(() => options.onFeedDone?.(result));
    };

    /** Once the refresh deadline has passed, a slow host's queued feeds wait for the next refresh. */
    const deferSlowHosts = (): void => {
      if (!deadlines.anySlow()) return;
      const kept = pending.filter((feed) => {
        const host = hostOfFeed(feed);
        if (!deadlines.defers(host)) return true;
        const result = deferredResult(feed, host, options.now());
        finished(result);
        options.onProgress?.({ done, total, last: result, running: done < total });
        return false;
      });
      pending.splice(0, pending.length, ...kept);
    };

    /** The next pending feed whose host has a free slot, removed from the queue. */
    const take = (): FeedFetchState | undefined => {
      const index = pending.findIndex((f) => (perHost.get(hostOfFeed(f)) ?? 0) < options.perHost);
      return index < 0 ? undefined : pending.splice(index, 1)[0];
    };

    await new Promise<void>((resolveAll) => {
      let active = 0;
      const pump = (): void => {
        if (!signal.aborted) deferSlowHosts();
        while (!signal.aborted && active < options.concurrency) {
          const feed = take();
          if (!feed) break;
          const host = hostOfFeed(feed);
          const deadline = deadlines.forRequest(host);
          perHost.set(host, (perHost.get(host) ?? 0) + 1);
          active++;
          const writes = group.forFeed();
          void refreshFeed(
            {
              db: options.db,
              parser: options.parser,
              // This request's deadline: the time left to the refresh's, or a slow host's short one.
              fetchOptions: { ...options.fetchOptions, totalTimeoutMs: deadline.ms },
              now: options.now,
              schedule,
              signal,
              group: writes,
              hooks: options.hooks,
            },
            feed,
          )
            .catch((error: unknown) => {
              if (isDiskFull(error)) diskFull();
              return {
                feedId: feed.id,
                url: feed.url,
                status: 'failed' as const,
                newArticles: 0,
                updatedArticles: 0,
                error: {
                  kind: 'network' as const,
                  message: messageOf(error),
                  hint: 'Syndic will try again later.',
                  at: options.now(),
                },
                stored: [],
              };
            })
            .then((result) => {
              active--;
              perHost.set(host, perHost.get(host)! - 1);
              if (result.error?.kind === 'timeout') deadlines.timedOut(host, deadline);
              finished(result, writes);
              try {
                group.feedDone();
              } catch (error) {
                if (isDiskFull(error)) diskFull();
                else throw error;
              }
              if (group.failure && isDiskFull(group.failure)) diskFull();
              options.onProgress?.({ done, total, last: result, running: done < total && !signal.aborted });
              pump();
            });
        }
        if (active === 0 && (pending.length === 0 || signal.aborted)) resolveAll();
      };
      pump();
    });

    try {
      group.commit();
    } catch (error) {
      if (!isDiskFull(error)) throw error;
      summary.diskFull = true;
    }
    summary.cancelled = signal.aborted && !summary.diskFull;
    summary.durationMs = Date.now() - started;
    options.onProgress?.({ done, total, last: null, running: false, diskFull: summary.diskFull || undefined });
    return summary;
  }
}
