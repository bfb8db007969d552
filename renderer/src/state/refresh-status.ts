/**
 * Pure rules for what a refresh says about the network: offline is said once, as a
 * banner, when every feed of a refresh failed for a network reason, not as a failure on
 * every feed.
 */
import type { FeedErrorKind, RefreshProgress } from '../../../shared/domain.js';

/** Failures that mean the network, not the feed, is the problem. */
const NETWORK_DOWN: readonly FeedErrorKind[] = ['offline', 'dns', 'network', 'timeout', 'refused'];

/** What the running refresh has met so far. */
export interface RefreshTally {
  /** Feeds finished, however they ended. */
  finished: number;
  /** Of those, the ones that failed for a network reason. */
  networkFailures: number;
}

export const NO_REFRESH_TALLY: RefreshTally = { finished: 0, networkFailures: 0 };

/** The tally after one progress event; a refresh that starts (done 0) starts it afresh. */
export function tallyRefresh(tally: RefreshTally, progress: RefreshProgress): RefreshTally {
  const base = progress.done === 0 ? NO_REFRESH_TALLY : tally;
  if (!progress.last) return base;
  const error = progress.last.error;
  return {
    finished: base.finished + 1,
    networkFailures: base.networkFailures + (error && NETWORK_DOWN.includes(error.kind) ? 1 : 0),
  };
}

/**
 * Whether the reader should say it is offline after this event: the main side may say so
 * itself; else a finished refresh in which every feed failed for a network reason. While
 * a refresh runs, what was said before stands.
 */
export function offlineAfter(wasOffline: boolean, tally: RefreshTally, progress: RefreshProgress): boolean {
  if (progress.running) return wasOffline;
  return progress.offline === true || (tally.finished > 0 && tally.networkFailures === tally.finished);
}
