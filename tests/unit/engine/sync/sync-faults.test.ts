/**
 * A sync meeting a failing server: gone in the middle of a sync, a 401, rate limiting with
 * Retry-After, an answer that is not JSON, paging that never ends. Each time: a clear error on
 * the account naming it and what to do, nothing lost, and the next sync completes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientFactory } from '../../../../electron/engine/sync/create-client.js';
import { syncRig, type SyncRig } from './sync-rig.js';

async function lastError(rig: SyncRig): Promise<string | null> {
  return (await rig.app.service.listAccounts()).find((a) => a.id === rig.account.id)?.lastError ?? null;
}

describe('the server stops in the middle of a sync', () => {
  it('after the id sets: a clear error on the account, nothing lost, and the next sync completes', async (t) => {
    const rig = await syncRig(t);
    const { state } = rig.server;
    const feed = state.addFeed({ url: 'https://mid.example/feed' });
    const first = state.addItems(feed, 10).map((i) => i.id);
    await rig.sync();
    await rig.app.service.markRead([rig.localId(first[0]!), rig.localId(first[1]!)], true);
    await rig.app.service.setStarred(rig.localId(first[2]!), true);
    state.addItems(feed, 20);
    // The moment the id sets are in, every later request finds the server gone.
    let armed = false;
    rig.on('sync-progress', (p) => {
      if (p.phase === 'states' && p.done === 2 && !armed) {
        armed = true;
        rig.server.faults.dropNext(1000);
      }
    });
    const failed = await rig.trySync();
    assert.equal(failed.ok, false);
    assert.ok(armed);
    const error = await lastError(rig);
    assert.match(error ?? '', /^Home server: /, 'names the account');
    assert.match(error ?? '', /could not be reached.*try again/i, 'says what happened and what to do');
    assert.equal(state.item(first[0]!)?.read, true, 'the push before the failure was kept by the server');
    assert.equal(state.item(first[2]!)?.starred, true);
    assert.equal((await rig.local(first[0]!)).read, true);
    assert.equal((await rig.app.service.getCounts()).all, 10, 'the articles Syndic had are all there');
    assert.equal(rig.app.db.pragma('integrity_check', { simple: true }), 'ok');

    rig.server.faults.clear();
    const summary = await rig.sync();
    assert.equal(summary.newArticles, 20);
    const counts = await rig.app.service.getCounts();
    assert.equal(counts.all, 30);
    assert.equal(counts.unread, 28);
    assert.equal(counts.starred, 1);
    assert.equal(await lastError(rig), null, 'a success clears the error');
  });

  it('during the push: the entries not yet accepted stay and go with the next sync', async (t) => {
    const rig = await syncRig(t);
    const feed = rig.server.state.addFeed({ url: 'https://push.example/feed' });
    const ids = rig.server.state.addItems(feed, 4).map((i) => i.id);
    await rig.sync();
    await rig.app.service.markRead([rig.localId(ids[0]!)], true);
    await rig.app.service.setStarred(rig.localId(ids[1]!), true);
    rig.server.faults.dropNext(1000, { path: 'edit-tag' });
    assert.equal((await rig.trySync()).ok, false);
    assert.equal(rig.outbox().length, 2);
    assert.equal((await rig.local(ids[0]!)).read, true);
    assert.equal((await rig.local(ids[1]!)).starred, true);
    rig.server.faults.clear();
    await rig.sync();
    assert.equal(rig.server.state.item(ids[0]!)?.read, true);
    assert.equal(rig.server.state.item(ids[1]!)?.starred, true);
  });
});

describe('401', () => {
  it('one 401 is met by logging in again and the sync goes on', async (t) => {
    const rig = await syncRig(t);
    rig.server.state.addItems(rig.server.state.addFeed({ url: 'https://auth.example/feed' }), 3);
    await rig.sync();
    const logins = rig.server.requests.count('accounts/ClientLogin');
    rig.server.faults.unauthorizedNext(1, { path: 'subscription/list' });
    await rig.sync();
    assert.equal(rig.server.requests.count('accounts/ClientLogin'), logins + 2, 'the sync’s login and one more');
  });

  it('a 401 that persists after one new login is an "auth" error naming the account; the password stays out of it', async (t) => {
    const rig = await syncRig(t);
    await rig.sync();
    const logins = rig.server.requests.count('accounts/ClientLogin');
    rig.server.faults.unauthorizedNext(100, { path: 'subscription/list' });
    const failed = await rig.trySync();
    assert.equal(failed.ok, false);
    assert.equal(rig.server.requests.count('accounts/ClientLogin'), logins + 2, 'logged in again once, not more');
    assert.equal(rig.server.requests.count('subscription/list') > 0, true);
    const error = await lastError(rig);
    assert.match(error ?? '', /^Home server: .*rejected the user name or API password/);
    assert.doesNotMatch(error ?? '', /Correct-Horse/);

    rig.server.faults.clear();
    await rig.sync();
    assert.equal(await lastError(rig), null);
  });

  it('a password changed on the server: "auth" error, and a new password in Settings mends it', async (t) => {
    const rig = await syncRig(t);
    await rig.sync();
    rig.server.state.changePassword('pw-New-One-2200');
    const failed = await rig.trySync();
    assert.match(failed.error ?? '', /^Home server: .*rejected/);
    await rig.app.service.updateAccount(rig.account.id, { password: 'pw-New-One-2200' });
    await rig.sync();
  });
});

describe('rate limiting', () => {
  it('429 and 503 with Retry-After are waited out (through the injected sleep) and the sync completes', async (t) => {
    const waits: number[] = [];
    const sleep = async (ms: number): Promise<void> => void waits.push(ms);
    const rig = await syncRig(t, { app: { syncClients: clientFactory({ sleep, maxRetryWaitMs: 60_000 }) } });
    const feed = rig.server.state.addFeed({ url: 'https://busy.example/feed' });
    rig.server.state.addItems(feed, 5);
    rig.server.faults.failNext(2, { status: 429, retryAfter: 7, path: 'stream/items/ids' });
    rig.server.faults.failNext(1, { status: 503, retryAfter: 3, path: 'stream/items/contents' });
    const summary = await rig.sync();
    assert.deepEqual(waits, [7_000, 7_000, 3_000]);
    assert.equal(summary.newArticles, 5);
  });

  it('a wait longer than the budget ends the sync with a "rate-limited" error; the next sync completes', async (t) => {
    const waits: number[] = [];
    const sleep = async (ms: number): Promise<void> => void waits.push(ms);
    const rig = await syncRig(t, { app: { syncClients: clientFactory({ sleep, maxRetryWaitMs: 10_000 }) } });
    rig.server.state.addItems(rig.server.state.addFeed({ url: 'https://slow.example/feed' }), 2);
    rig.server.faults.failNext(1, { status: 429, retryAfter: 3600, path: 'subscription/list' });
    const failed = await rig.trySync();
    assert.equal(failed.ok, false);
    assert.deepEqual(waits, []);
    assert.match((await lastError(rig)) ?? '', /^Home server: .*limiting requests.*Try again later/);
    assert.equal((await rig.sync()).newArticles, 2);
  });
});

describe('answers that are not what the protocol says', () => {
  it('malformed JSON fails the sync with a clear error, loses nothing, and the next sync completes', async (t) => {
    const rig = await syncRig(t);
    const feed = rig.server.state.addFeed({ url: 'https://bad.example/feed' });
    const ids = rig.server.state.addItems(feed, 6).map((i) => i.id);
    await rig.sync();
    await rig.app.service.markRead([rig.localId(ids[0]!)], true);
    rig.server.faults.malformedNext(1, { path: 'stream/items/ids' });
    const failed = await rig.trySync();
    assert.equal(failed.ok, false);
    assert.match((await lastError(rig)) ?? '', /^Home server: .*not JSON/);
    assert.equal((await rig.app.service.getCounts()).all, 6);
    assert.equal((await rig.local(ids[0]!)).read, true);
    await rig.sync();
    assert.equal(rig.server.state.item(ids[0]!)?.read, true);
  });

  it('a server that pages forever is stopped, the error says so, and the next sync completes', async (t) => {
    const rig = await syncRig(t);
    rig.server.state.addItems(rig.server.state.addFeed({ url: 'https://loop.example/feed' }), 3);
    rig.server.faults.endlessContinuation = true;
    const failed = await rig.trySync();
    assert.equal(failed.ok, false);
    assert.match((await lastError(rig)) ?? '', /^Home server: .*pages forever/);
    assert.ok(rig.server.requests.count('stream/items/ids') <= 1001, 'bounded');
    rig.server.faults.clear();
    assert.equal((await rig.sync()).newArticles, 3);
  });
});
