/**
 * What the reader says about sync accounts (renderer/src/state/sync-status.ts): the status
 * line, the progress kept per account, the sidebar's grouping by account, the interval's
 * bounds; and a dialog opened from the accounts dialog going back there when it closes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SyncProgressEvent } from '../../../shared/api.js';
import { closeDialog, openDialog } from '../../../renderer/src/state/actions/ui.js';
import { getState } from '../../../renderer/src/state/store.js';
import {
  accountStatus,
  fetchedBySyndic,
  groupFeeds,
  orderAccounts,
  parseSyncMinutes,
  pendingText,
  progressText,
  syncAccounts,
  timeAgo,
  withProgress,
  withoutProgress,
} from '../../../renderer/src/state/sync-status.js';
import { account, feed } from './fixtures.js';

const NOW = Date.UTC(2025, 0, 10, 12, 0);
const MIN = 60_000;
const progress = (accountId: number, phase: SyncProgressEvent['phase'], done = 0, total = 0): SyncProgressEvent => ({
  accountId,
  phase,
  done,
  total,
});

describe('sync status', () => {
  it('says how long ago in the largest whole unit', () => {
    assert.equal(timeAgo(NOW - 20_000, NOW), 'just now');
    assert.equal(timeAgo(NOW - 3 * MIN - 59_000, NOW), '3 min ago');
    assert.equal(timeAgo(NOW - 125 * MIN, NOW), '2 h ago');
    assert.equal(timeAgo(NOW - 24 * 60 * MIN, NOW), '1 day ago');
    assert.equal(timeAgo(NOW - 3 * 24 * 60 * MIN, NOW), '3 days ago');
    // A clock a little behind the engine's does not say "in the future".
    assert.equal(timeAgo(NOW + 5_000, NOW), 'just now');
  });

  it('puts a running sync first, then the last error, then when it last synced, else never', () => {
    const failed = account(2, {
      lastSyncAt: NOW - 10 * MIN,
      lastError: 'Server 2: rejected the password. Enter it again.',
    });
    assert.deepEqual(accountStatus(failed, progress(2, 'articles', 40, 120), NOW), {
      health: 'syncing',
      text: 'Syncing: Fetching articles, 40 of 120',
    });
    assert.deepEqual(accountStatus(failed, undefined, NOW), {
      health: 'failed',
      text: 'Server 2: rejected the password. Enter it again.',
    });
    assert.deepEqual(accountStatus(account(2, { lastSyncAt: NOW - 3 * MIN }), undefined, NOW), {
      health: 'ok',
      text: 'Synced 3 min ago',
    });
    assert.deepEqual(accountStatus(account(2), undefined, NOW), { health: 'never', text: 'Never synced' });
  });

  it('says a phase without a count until the engine knows the total', () => {
    assert.equal(progressText(progress(2, 'login')), 'Logging in…');
    assert.equal(progressText(progress(2, 'push', 3, 12)), 'Sending your changes, 3 of 12');
  });

  it('counts pending changes, and says nothing when none wait', () => {
    assert.equal(pendingText(0), null);
    assert.equal(pendingText(1), '1 change waiting');
    assert.equal(pendingText(12), '12 changes waiting');
  });

  it('keeps one progress entry per account and drops it on done', () => {
    let map = withProgress({}, progress(2, 'login'));
    map = withProgress(map, progress(3, 'feeds', 1, 4));
    map = withProgress(map, progress(2, 'articles', 5, 10));
    assert.deepEqual(Object.keys(map), ['2', '3']);
    assert.equal(map[2]?.phase, 'articles');
    map = withProgress(map, progress(2, 'done', 1, 1));
    assert.deepEqual(Object.keys(map), ['3']);
    const same = withoutProgress(map, 9);
    assert.equal(same, map, 'removing an absent entry keeps the same object (no re-render)');
  });

  it('lists the local account first and leaves it out of the sync accounts', () => {
    const accounts = [account(3), account(1), account(2)];
    assert.deepEqual(
      orderAccounts(accounts).map((a) => a.id),
      [1, 2, 3],
    );
    assert.deepEqual(
      syncAccounts(accounts).map((a) => a.id),
      [3, 2],
    );
  });

  it('groups feeds by account only when there is more than one account', () => {
    const feeds = [feed(10), feed(11, { accountId: 2 }), feed(12), feed(13, { accountId: 9 })];
    assert.equal(groupFeeds([account(1)], feeds), null);
    assert.equal(groupFeeds([], feeds), null);
    const groups = groupFeeds([account(2), account(1)], feeds)!;
    assert.deepEqual(
      groups.map((g) => [g.account.id, g.feeds.map((f) => f.id)]),
      [
        [1, [10, 12]],
        [2, [11]],
      ],
    );
  });

  it('has Syndic fetch only local feeds, not a sync account’s nor one of kept starred articles', () => {
    assert.equal(fetchedBySyndic(feed(1)), true);
    assert.equal(fetchedBySyndic(feed(2, { accountId: 2 })), false);
    assert.equal(fetchedBySyndic(feed(3, { url: 'syndic-kept:2/1736510400000', title: 'Starred from rss' })), false);
  });

  it('accepts a sync interval of whole minutes from 5 to a day', () => {
    assert.equal(parseSyncMinutes('5'), 5);
    assert.equal(parseSyncMinutes(' 1440 '), 1440);
    assert.equal(parseSyncMinutes('4'), null);
    assert.equal(parseSyncMinutes('1441'), null);
    assert.equal(parseSyncMinutes('7.5'), null);
    assert.equal(parseSyncMinutes(''), null);
  });
});

describe('dialogs opened from another', () => {
  it('go back to the one they came from when closed, and a top dialog closes for good', () => {
    openDialog({ kind: 'accounts' });
    openDialog({ kind: 'edit-account', accountId: 2, back: { kind: 'accounts' } });
    closeDialog();
    assert.deepEqual(getState().ui.dialog, { kind: 'accounts' });
    closeDialog();
    assert.equal(getState().ui.dialog, null);
  });
});
