/**
 * Refreshing one feed: fetch (conditional), parse, write in one transaction, schedule the
 * next fetch. Never throws for the feed's own failures: they are recorded on the feed and
 * returned, so one bad feed never stops the others.
 */
import type { FeedRefreshResult } from '../../../shared/domain.js';
import { networkKindOf } from '../../../shared/network-kind.js';
import { toFeedError } from '../feeds/errors.js';
import { fetchFeedAsSent, FetchError, type FetchOptions } from '../feeds/fetch.js';
import type { FeedParser } from '../feeds/parse-pool.js';
import { upsertFeedArticles, type UpsertResult } from '../store/article-upsert.js';
import { DiskFullError, isDiskFull } from '../store/disk-full.js';
import type { Db } from '../store/db.js';
import type { FeedWrites } from '../store/group-commit.js';
import {
  findFeedByUrl,
  recordFetchError,
  recordFetchSuccess,
  recordNotModified,
  type FeedFetchState,
} from '../store/feeds.js';
import { recordFeedNetwork } from '../store/feed-network.js';
import { applyRuleOutcomes } from '../store/rule-outcome.js';
import type { NewArticleHooks } from '../rules/new-article-hooks.js';

const MINUTE = 60_000;
const MAX_INTERVAL = 24 * 60 * MINUTE;

export interface ScheduleInputs {
  defaultMinutes: number;
  /** Jitter source in [0, 1): spreads feeds so they do not all come due together. */
  random: () => number;
}

/**
 * The next fetch after a success: the feed's own interval (or the default), never sooner
 * than its <ttl> or Cache-Control max-age allow, capped at a day, with ±5% jitter.
 */
export function nextAfterSuccess(
  state: Pick<FeedFetchState, 'refreshMinutes'>,
  hints: { ttlMinutes: number | null; maxAgeSeconds: number | null },
  now: number,
  inputs: ScheduleInputs,
): number {
  let interval = (state.refreshMinutes ?? inputs.defaultMinutes) * MINUTE;
  if (hints.ttlMinutes) interval = Math.max(interval, hints.ttlMinutes * MINUTE);
  if (hints.maxAgeSeconds) interval = Math.max(interval, hints.maxAgeSeconds * 1000);
  interval = Math.min(interval, MAX_INTERVAL);
  return now + Math.round(interval * (0.95 + inputs.random() * 0.1));
}

/**
 * The next try after a failure: exponential backoff from the feed's interval (doubling
 * per consecutive error, capped at a day) with full jitter in its upper half, and never
 * before the server's Retry-After.
 */
export function nextAfterError(
  state: Pick<FeedFetchState, 'refreshMinutes' | 'errorCount'>,
  retryAfterMs: number | undefined,
  now: number,
  inputs: ScheduleInputs,
): number {
  const base = Math.min((state.refreshMinutes ?? inputs.defaultMinutes) * MINUTE, 60 * MINUTE);
  const backoff = Math.min(base * 2 ** Math.min(state.errorCount, 10), MAX_INTERVAL);
  const jittered = backoff / 2 + (inputs.random() * backoff) / 2;
  return now + Math.max(jittered, retryAfterMs ?? 0);
}

export interface RefreshContext {
  db: Db;
  /** Where the feed's writes go: a group commit shared with other feeds (see group-commit.ts). */
  group?: FeedWrites;
  parser: FeedParser;
  fetchOptions: FetchOptions;
  now: () => number;
  schedule: ScheduleInputs;
  signal?: AbortSignal;
  /** The rules and notifications, for new articles (see new-article-hooks.ts). */
  hooks?: NewArticleHooks;
}

export async function refreshFeed(ctx: RefreshContext, state: FeedFetchState): Promise<FeedRefreshResult> {
  const { db } = ctx;
  // One savepoint per feed: its articles and its fetch state are written together or not at all.
  const write = (work: () => void): void => {
    const atomic = db.transaction(work);
    if (ctx.group) ctx.group.write(() => atomic());
    else atomic();
  };
  const result: FeedRefreshResult = {
    feedId: state.id,
    url: state.url,
    status: 'failed',
    newArticles: 0,
    updatedArticles: 0,
    error: null,
    stored: [],
  };
  try {
    // The body stays as sent: the parse job inflates, hashes and parses it off this thread.
    const fetched = await fetchFeedAsSent(
      { url: state.url, etag: state.etag, lastModified: state.lastModified, signal: ctx.signal },
      ctx.fetchOptions,
    );
    const parsed =
      fetched.kind === 'ok'
        ? await ctx.parser.parse({
            body: fetched.body,
            encoding: fetched.encoding,
            url: fetched.finalUrl,
            contentType: fetched.contentType,
            previousHash: state.bodyHash,
            maxBytes: ctx.fetchOptions.maxBytes,
            withText: ctx.hooks?.readsText?.() ?? false,
          })
        : null;
    if (parsed?.feed && ctx.signal?.aborted) throw new FetchError('network', 'The refresh was cancelled');
    const now = ctx.now();
    // A permanent redirect moves the subscription, unless another feed already has that address.
    const movedTo = fetched.movedTo && !findFeedByUrl(db, fetched.movedTo) ? fetched.movedTo : undefined;
    if (movedTo) result.url = movedTo;
    // The next fetch after this success, by the feed's <ttl> (the one just parsed, or the last).
    const nextFetchAt = (ttlMinutes: number | null): number =>
      nextAfterSuccess(state, { ttlMinutes, maxAgeSeconds: fetched.maxAgeSeconds }, now, ctx.schedule);
    // Where the feed was found decides where its articles may send the offline cache.
    const recordNetwork = (): void => {
      if (fetched.remoteAddress) recordFeedNetwork(db, state.id, networkKindOf(fetched.remoteAddress));
    };

    // 304, or a body that hashes the same as the last one parsed.
    if (!parsed?.feed) {
      write(() => {
        recordNotModified(db, state.id, {
          url: movedTo,
          etag: fetched.etag,
          lastModified: fetched.lastModified,
          maxAgeSeconds: fetched.maxAgeSeconds,
          fetchedAt: now,
          nextFetchAt: nextFetchAt(state.ttlMinutes),
        });
        recordNetwork();
      });
      result.status = 'not-modified';
      return result;
    }

    const { feed, hash } = parsed;
    let written: UpsertResult = { inserted: [], updated: [], ruled: [] };
    write(() => {
      written = upsertFeedArticles(db, state.id, feed.items, now, ctx.hooks?.classify);
      applyRuleOutcomes(db, written.ruled, now);
      if (written.inserted.length)
        ctx.hooks?.inserted({
          feedId: state.id,
          ids: written.inserted,
          ruled: written.ruled,
          // A feed's first articles (just added, imported) are its back catalogue, not news.
          firstFetch: state.bodyHash === null,
        });
      recordFetchSuccess(db, state.id, {
        url: movedTo,
        title: feed.title,
        siteUrl: feed.link,
        description: feed.description,
        iconUrl: feed.iconUrl,
        etag: fetched.etag,
        lastModified: fetched.lastModified,
        bodyHash: hash,
        ttlMinutes: feed.ttlMinutes,
        maxAgeSeconds: fetched.maxAgeSeconds,
        fetchedAt: now,
        nextFetchAt: nextFetchAt(feed.ttlMinutes),
      });
      recordNetwork();
    });
    result.status = 'ok';
    result.newArticles = written.inserted.length;
    result.updatedArticles = written.updated.length;
    result.stored = [...written.inserted, ...written.updated];
    return result;
  } catch (error) {
    // A full disk is not this feed's fault: the whole refresh stops (see the poller).
    if (isDiskFull(error)) throw new DiskFullError();
    const now = ctx.now();
    const feedError = toFeedError(error, now);
    const retryAfter = error instanceof FetchError ? error.retryAfterMs : undefined;
    if (db.open)
      write(() => recordFetchError(db, state.id, feedError, nextAfterError(state, retryAfter, now, ctx.schedule)));
    result.error = feedError;
    return result;
  }
}
