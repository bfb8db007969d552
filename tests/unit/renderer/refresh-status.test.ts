/** What a refresh says about the network (renderer/src/state/refresh-status.ts): offline once, as a banner. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FeedErrorKind, RefreshProgress } from '../../../shared/domain.js';
import {
  NO_REFRESH_TALLY,
  offlineAfter,
  tallyRefresh,
  type RefreshTally,
} from '../../../renderer/src/state/refresh-status.js';

/** The progress event after one feed finished: `error` is its failure, or null when it worked. */
function finished(done: number, total: number, error: FeedErrorKind | null): RefreshProgress {
  return {
    done,
    total,
    running: done < total,
    last: {
      feedId: done,
      url: `https://example.com/${done}`,
      status: error ? 'failed' : 'ok',
      newArticles: 0,
      updatedArticles: 0,
      error: error && { kind: error, message: error, hint: '', at: 0 },
      stored: [],
    },
  };
}

const START: RefreshProgress = { done: 0, total: 2, running: true, last: null };

/** Plays a refresh's events and returns the offline state after each. */
function play(events: RefreshProgress[], wasOffline = false): { tally: RefreshTally; offline: boolean[] } {
  let tally = NO_REFRESH_TALLY;
  let offline = wasOffline;
  const said: boolean[] = [];
  for (const event of events) {
    tally = tallyRefresh(tally, event);
    offline = offlineAfter(offline, tally, event);
    said.push(offline);
  }
  return { tally, offline: said };
}

describe('the offline banner after a refresh', () => {
  it('is said when every feed failed for a network reason', () => {
    const { tally, offline } = play([START, finished(1, 2, 'dns'), finished(2, 2, 'timeout')]);
    assert.deepEqual(tally, { finished: 2, networkFailures: 2 });
    assert.equal(offline.at(-1), true);
  });

  it('is not said when one feed was reached', () => {
    assert.equal(play([START, finished(1, 2, 'refused'), finished(2, 2, null)]).offline.at(-1), false);
  });

  it('counts a failure as the network only for offline, dns, refused, timeout and network', () => {
    // Every kind listed, so a new kind of failure must be placed here before this compiles.
    const isNetwork: Record<FeedErrorKind, boolean> = {
      offline: true,
      dns: true,
      refused: true,
      timeout: true,
      network: true,
      http: false,
      tls: false,
      'too-big': false,
      'too-many-redirects': false,
      'bad-redirect': false,
      'not-a-feed': false,
      'bad-url': false,
    };
    for (const [kind, network] of Object.entries(isNetwork) as [FeedErrorKind, boolean][]) {
      assert.equal(play([finished(1, 1, kind)]).offline.at(-1), network, kind);
    }
  });

  it('is not said when feeds failed for reasons of their own (a 404, not a feed)', () => {
    assert.equal(play([START, finished(1, 2, 'http'), finished(2, 2, 'not-a-feed')]).offline.at(-1), false);
  });

  it('keeps what was said before while the refresh runs', () => {
    assert.deepEqual(play([START, finished(1, 2, null)], true).offline, [true, true]);
    assert.deepEqual(play([START, finished(1, 2, 'dns')], false).offline, [false, false]);
  });

  it('is said at once when the main side reports no network', () => {
    const last: RefreshProgress = { done: 0, total: 0, running: false, last: null, offline: true };
    assert.equal(play([last]).offline.at(-1), true);
  });

  it('is not said after a refresh with no feed finished', () => {
    assert.equal(play([{ done: 0, total: 0, running: false, last: null }], true).offline.at(-1), false);
  });

  it('counts each refresh afresh: an earlier refresh that reached a feed does not mask a later offline one', () => {
    let tally = tallyRefresh(NO_REFRESH_TALLY, finished(1, 1, null));
    tally = tallyRefresh(tally, START);
    tally = tallyRefresh(tally, finished(1, 1, 'offline'));
    assert.deepEqual(tally, { finished: 1, networkFailures: 1 });
    assert.equal(offlineAfter(false, tally, finished(1, 1, 'offline')), true);
  });
});
