/**
 * The outbox as the user's changes fill it and a sync empties it: one entry per article and
 * kind (the last state), entries only for synced articles, and an entry dropped only once the
 * server has accepted it.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { pendingCount } from '../../../../electron/engine/store/outbox.js';
import { startFeedServer } from '../../../support/feed-server.js';
import { count, rss, syncRig, type SyncRig } from './sync-rig.js';

/** A rig with one synced feed of `n` unread items. */
async function withItems(t: TestContext, n: number): Promise<{ rig: SyncRig; ids: bigint[] }> {
  const rig = await syncRig(t);
  const feed = rig.server.state.addFeed({ url: 'https://synced.example/feed', folder: 'Synced' });
  const ids = rig.server.state.addItems(feed, n).map((i) => i.id);
  await rig.sync();
  return { rig, ids };
}

/** A local feed (fetched by Syndic itself) of `n` articles, served from loopback. */
async function localFeed(t: TestContext, rig: SyncRig, n: number): Promise<number> {
  const server = await startFeedServer();
  t.after(() => server.close());
  server.serve('/local.xml', { body: rss('Local', server.url('/posts'), n), contentType: 'application/rss+xml' });
  const result = await rig.app.service.addFeed({ url: server.url('/local.xml') });
  assert.equal(result.kind, 'added');
  assert.ok(result.kind === 'added' && result.feed.articleCount === n);
  return result.kind === 'added' ? result.feed.id : -1;
}

describe('outbox: what a change records', () => {
  it('read, then unread, then read again leaves one entry, "read"; a star is its own entry', async (t) => {
    const { rig, ids } = await withItems(t, 3);
    const id = rig.localId(ids[0]!);
    await rig.app.service.markRead([id], true);
    await rig.app.service.markRead([id], false);
    await rig.app.service.markRead([id], true);
    assert.deepEqual(
      rig.outbox().map((e) => [e.action, e.target]),
      [['read', ids[0]!.toString()]],
    );
    await rig.app.service.setStarred(id, true);
    await rig.app.service.setStarred(id, false);
    assert.deepEqual(
      rig.outbox().map((e) => e.action),
      ['read', 'unstar'],
    );
    assert.equal((await rig.app.service.listAccounts()).find((a) => a.id === rig.account.id)?.pendingChanges, 2);
  });

  it("mark-all-as-read of a view records entries for the sync account's articles only", async (t) => {
    const { rig, ids } = await withItems(t, 5);
    const local = await localFeed(t, rig, 4);
    const result = await rig.app.service.markViewRead({ view: 'unread' }, null);
    assert.equal(result.count, 9);
    const entries = rig.outbox();
    assert.equal(entries.length, 5);
    assert.deepEqual(entries.map((e) => e.target).sort(), ids.map(String).sort());
    assert.ok(entries.every((e) => e.action === 'read'));
    assert.equal((await rig.app.service.getCounts()).feeds[local], 0);

    await rig.sync();
    assert.ok(rig.server.state.items().every((i) => i.read));
    assert.deepEqual(rig.outbox(), []);
  });

  it('changes to local-account articles never create entries', async (t) => {
    const { rig } = await withItems(t, 1);
    const local = await localFeed(t, rig, 3);
    const page = await rig.app.service.listArticles({ view: 'all', feedId: local }, null, 10);
    const [first, second] = page.articles;
    await rig.app.service.markRead([first!.id], true);
    await rig.app.service.setStarred(second!.id, true);
    await rig.app.service.tagArticle(second!.id, 'Mine');
    await rig.app.service.updateFeed(local, { userTitle: 'Renamed locally' });
    await rig.app.service.setFeedTags(local, ['Elsewhere']);
    await rig.app.service.deleteFeed(local);
    assert.equal(count(rig.app.db, 'SELECT count(*) AS n FROM sync_outbox'), 0);
  });
});

describe('outbox: dropped only after the server accepted it', () => {
  it('an edit-tag that fails keeps the entry and fails the sync; the next sync pushes it', async (t) => {
    const { rig, ids } = await withItems(t, 3);
    await rig.app.service.markRead([rig.localId(ids[1]!)], true);
    rig.server.faults.failNext(1, { status: 500, path: 'edit-tag' });
    const failed = await rig.trySync();
    assert.equal(failed.ok, false);
    assert.match(failed.error ?? '', /Home server/);
    assert.equal(rig.server.state.item(ids[1]!)?.read, false);
    assert.equal(rig.outbox().length, 1, 'the entry stays');
    assert.equal((await rig.local(ids[1]!)).read, true, 'and the local state with it');

    const summary = await rig.sync();
    assert.equal(summary.pushed, 1);
    assert.equal(rig.server.state.item(ids[1]!)?.read, true);
    assert.deepEqual(rig.outbox(), []);
  });

  it('an edit the server applied but whose answer was lost is sent again, harmlessly', async (t) => {
    const { rig, ids } = await withItems(t, 2);
    await rig.app.service.setStarred(rig.localId(ids[0]!), true);
    rig.server.faults.dropNext(1, { path: 'edit-tag', afterHandling: true });
    assert.equal((await rig.trySync()).ok, false);
    assert.equal(rig.outbox().length, 1);
    await rig.sync();
    assert.equal(rig.server.state.item(ids[0]!)?.starred, true, 'absolute, not a toggle: still starred');
    assert.equal(rig.server.requests.count('edit-tag'), 2);
    assert.equal(pendingCount(rig.app.db, rig.account.id), 0);
  });

  it('a change made while a push is on the wire is kept, wins over the pull, and is sent', async (t) => {
    const { rig, ids } = await withItems(t, 2);
    const id = rig.localId(ids[0]!);
    await rig.app.service.markRead([id], true);
    const pushing = rig.nextEvent('sync-progress', (p) => p.phase === 'push' && p.done === 0);
    const sync = rig.sync();
    await pushing;
    await rig.app.service.markRead([id], false); // a new entry, with a new id
    await sync;
    assert.equal((await rig.local(ids[0]!)).read, false, 'the later change was neither dropped nor undone');
    if (rig.outbox().length > 0) await rig.sync();
    assert.equal(rig.server.state.item(ids[0]!)?.read, false);
    assert.deepEqual(rig.outbox(), []);
  });
});
