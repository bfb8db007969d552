/**
 * How long one refresh waits on slow servers (issue 19). A server that holds the
 * connection, stops after its headers or trickles its body used to keep each of its feeds
 * for the whole request deadline, and the per-host limit queued its other feeds behind
 * them: five such feeds on one host made a 90 s refresh. Within a refresh:
 *
 * 1. The refresh has a deadline (default 25 s, so `syndic refresh` ends within 30 s with
 *    its start-up). A request gets the time left to it, never more than the request
 *    deadline of FetchOptions and never less than the short deadline below.
 * 2. A host whose request timed out is slow for the rest of the refresh: its next requests
 *    get a short deadline (default 5 s), so its healthy feeds still come through and its
 *    hanging ones cost 5 s each instead of the full deadline.
 * 3. Once the refresh deadline has passed, a slow host's feeds still queued are not started:
 *    they are reported as not fetched, nothing is written, and as they are still due the
 *    next refresh (the app's next tick, the next `syndic refresh`) takes them.
 * 4. A request started after the refresh deadline (a healthy host's queue in a refresh of
 *    many feeds) gets the short deadline: a long refresh of feeds that answer within it
 *    runs to its end, and none of its requests waits long.
 *
 * Feeds on other hosts are never queued behind a slow host: the poller takes the first
 * queued feed whose host has a free slot. Pure: the clock is passed in.
 */
import type { FeedError, FeedRefreshResult } from '../../../shared/domain.js';
import type { FeedFetchState } from '../store/feeds.js';

export const DEFAULT_REFRESH_DEADLINE_MS = 25_000;
export const DEFAULT_SLOW_HOST_DEADLINE_MS = 5_000;

export interface RefreshDeadlineOptions {
  /** The request deadline of FetchOptions (totalTimeoutMs): no request is given longer. */
  requestMs: number;
  /** How long the refresh waits on slow servers, from its start. */
  refreshMs: number;
  /** A request's deadline once its host has timed out, or once the refresh deadline has passed. */
  slowHostMs: number;
  /** A monotonic clock in milliseconds (performance.now). */
  clock: () => number;
}

/** A request's deadline, and whether it falls at or after the refresh's. */
export interface RequestDeadline {
  ms: number;
  /** When such a request times out, the refresh deadline has been reached (whatever the clock's rounding). */
  pastRefreshDeadline: boolean;
}

export class RefreshDeadlines {
  private readonly endsAt: number;
  private readonly slow = new Set<string>();
  private reached = false;

  constructor(private readonly options: RefreshDeadlineOptions) {
    this.endsAt = options.clock() + options.refreshMs;
  }

  /** The deadline of a request to `host` starting now. */
  forRequest(host: string): RequestDeadline {
    const { requestMs, slowHostMs, clock } = this.options;
    const short = Math.min(requestMs, slowHostMs);
    // Whole milliseconds: timers take nothing else.
    const left = Math.ceil(this.endsAt - clock());
    const ms = this.slow.has(host) ? short : Math.min(requestMs, Math.max(short, left));
    return { ms, pastRefreshDeadline: left <= ms };
  }

  /** A request to `host` timed out: the host is slow for the rest of this refresh. */
  timedOut(host: string, deadline: RequestDeadline): void {
    this.slow.add(host);
    // Timers and the clock round differently: a request cut by the refresh deadline says
    // it has passed, rather than the clock a millisecond short of it.
    if (deadline.pastRefreshDeadline) this.reached = true;
  }

  /** Whether any host has timed out in this refresh (until one has, nothing is deferred). */
  anySlow(): boolean {
    return this.slow.size > 0;
  }

  isSlow(host: string): boolean {
    return this.slow.has(host);
  }

  /** Whether `host`'s queued feeds wait for the next refresh (see 3 above). */
  defers(host: string): boolean {
    if (!this.slow.has(host)) return false;
    this.reached ||= this.options.clock() >= this.endsAt;
    return this.reached;
  }
}

/** What a feed left for the next refresh reports: failed, with a timeout naming the host. */
export function deferredResult(feed: Pick<FeedFetchState, 'id' | 'url'>, host: string, at: number): FeedRefreshResult {
  const error: FeedError = {
    kind: 'timeout',
    message: `Not fetched this time: ${host} was too slow earlier in this refresh`,
    hint: 'The site is slow or unreachable. Syndic will try this feed again at the next refresh.',
    at,
  };
  return {
    feedId: feed.id,
    url: feed.url,
    status: 'failed',
    newArticles: 0,
    updatedArticles: 0,
    error,
    stored: [],
  };
}
