/**
 * When syncs run, with the scheduler's timers injected (no test waits on time): a first sync
 * after start, local changes debounced into one push, a failing account that blocks no other,
 * and "Sync now" joining a sync already running.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { Account } from '../../../../shared/domain.js';
import {
  LOCAL_CHANGE_DEBOUNCE_MS,
  START_DELAY_MS,
  type Timers,
} from '../../../../electron/engine/sync/sync-scheduler.js';
import { startGReaderServer, type GReaderServer } from '../../../servers/greader/greader-server.js';
import { PASSWORD, syncRig, USER, type SyncRig } from './sync-rig.js';

const MINUTE = 60_000;

/** Timers that fire only when the test says. */
class ManualTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    return id;
  }
  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  delays(): number[] {
    return [...this.pending.values()].map((p) => p.ms).sort((a, b) => a - b);
  }
  /** Fires (once) every pending timer of that delay; answers how many fired. */
  fire(ms: number): number {
    const due = [...this.pending].filter(([, p]) => p.ms === ms);
    for (const [id] of due) this.pending.delete(id);
    for (const [, p] of due) p.fn();
    return due.length;
  }
}

async function scheduledRig(t: TestContext): Promise<{ rig: SyncRig; timers: ManualTimers }> {
  const timers = new ManualTimers();
  const rig = await syncRig(t, { app: { syncTimers: timers } });
  return { rig, timers };
}

function syncEnded(rig: SyncRig, account: Account): Promise<unknown> {
  return rig.nextEvent('sync-progress', (p) => p.phase === 'done' && p.accountId === account.id);
}

function syncsStarted(rig: SyncRig, account: Account): number {
  return rig.events.filter(
    (e) =>
      e.name === 'sync-progress' &&
      (e.payload as { phase: string; accountId: number }).phase === 'login' &&
      (e.payload as { accountId: number }).accountId === account.id,
  ).length;
}

describe('sync scheduler', () => {
  it('start schedules a first sync shortly after, then the next one every syncMinutes', async (t) => {
    const { rig, timers } = await scheduledRig(t);
    rig.server.state.addItems(rig.server.state.addFeed({ url: 'https://start.example/feed' }), 4);
    assert.deepEqual(timers.delays(), [], 'nothing before start');
    rig.app.start();
    assert.deepEqual(timers.delays(), [START_DELAY_MS]);
    const ended = syncEnded(rig, rig.account);
    assert.equal(timers.fire(START_DELAY_MS), 1);
    await ended;
    assert.equal((await rig.app.service.getCounts()).all, 4);
    assert.deepEqual(timers.delays(), [rig.account.syncMinutes * MINUTE]);
  });

  it('local changes in a burst are pushed by one sync after the debounce', async (t) => {
    const { rig, timers } = await scheduledRig(t);
    const ids = rig.server.state.addItems(rig.server.state.addFeed({ url: 'https://burst.example/feed' }), 5);
    await rig.sync();
    rig.app.start();
    const before = syncsStarted(rig, rig.account);
    const edits = rig.server.requests.count('edit-tag');
    for (const item of ids.slice(0, 3)) await rig.app.service.markRead([rig.localId(item.id)], true);
    assert.equal(timers.delays().filter((ms) => ms === LOCAL_CHANGE_DEBOUNCE_MS).length, 1, 'one debounce timer');
    const ended = syncEnded(rig, rig.account);
    timers.fire(LOCAL_CHANGE_DEBOUNCE_MS);
    await ended;
    assert.equal(syncsStarted(rig, rig.account), before + 1, 'one sync');
    assert.equal(rig.server.requests.count('edit-tag'), edits + 1, 'one push of the three');
    assert.equal(rig.server.state.items().filter((i) => i.read).length, 3);
    assert.deepEqual(rig.outbox(), []);
  });

  it('a failing account blocks no other, and waits at least what its server asked', async (t) => {
    const { rig, timers } = await scheduledRig(t);
    const other: GReaderServer = await startGReaderServer({ users: [{ name: USER, password: PASSWORD }] });
    t.after(() => other.close());
    other.state.addItems(other.state.addFeed({ url: 'https://other.example/feed' }), 3);
    const second = await rig.app.service.addAccount({
      kind: 'greader',
      serverUrl: other.apiUrl,
      username: USER,
      password: PASSWORD,
      name: 'Second server',
    });
    rig.server.faults.failNext(1000, { status: 429, retryAfter: 3 * 3600 });

    const summaries = await rig.app.service.syncNow(null);
    assert.deepEqual(
      summaries.map((s) => [s.accountId, s.ok]),
      [
        [rig.account.id, false],
        [second.id, true],
      ],
    );
    assert.equal((await rig.app.service.getCounts()).all, 3);

    rig.app.start();
    const firstDone = syncEnded(rig, rig.account);
    const secondDone = syncEnded(rig, second);
    other.state.addItems(other.state.feeds()[0]!, 2);
    assert.equal(timers.fire(START_DELAY_MS), 2);
    await Promise.all([firstDone, secondDone]);
    assert.equal((await rig.app.service.getCounts()).all, 5, 'the second account synced');
    const accounts = await rig.app.service.listAccounts();
    assert.match(accounts.find((a) => a.id === rig.account.id)?.lastError ?? '', /^Home server: .*limiting/);
    assert.equal(accounts.find((a) => a.id === second.id)?.lastError, null);
    assert.deepEqual(timers.delays(), [15 * MINUTE, 3 * 3600_000], 'the second every 15 min, the first after 3 h');
  });

  it('"Sync now" while a sync runs joins it: one sync, both callers answered', async (t) => {
    const { rig } = await scheduledRig(t);
    rig.server.state.addItems(rig.server.state.addFeed({ url: 'https://join.example/feed' }), 3);
    const before = syncsStarted(rig, rig.account);
    const logins = rig.server.requests.count('accounts/ClientLogin');
    const running = rig.nextEvent('sync-progress', (p) => p.phase === 'states');
    const first = rig.app.service.syncNow(rig.account.id);
    await running;
    const second = rig.app.service.syncNow(rig.account.id);
    const [a, b] = await Promise.all([first, second]);
    assert.equal(a[0]?.ok, true);
    assert.equal(b[0]?.ok, true);
    assert.equal(syncsStarted(rig, rig.account), before + 1);
    assert.equal(rig.server.requests.count('accounts/ClientLogin'), logins + 1);
    assert.equal((await rig.app.service.getCounts()).all, 3);
  });
});
