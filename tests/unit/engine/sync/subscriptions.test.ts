/**
 * Subscriptions both ways: subscribe, rename, retag and unsubscribe made in Syndic reach the
 * server through the outbox; the same made on the server reach Syndic at the next sync.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { Feed } from '../../../../shared/domain.js';
import { startFeedServer } from '../../../support/feed-server.js';
import { count, rss, syncRig, type SyncRig } from './sync-rig.js';

/** Serves a small real RSS file on loopback (addFeed runs discovery on it) and answers its URL. */
async function servedFeed(t: TestContext, name: string): Promise<string> {
  const server = await startFeedServer();
  t.after(() => server.close());
  server.serve(`/${name}.xml`, { body: rss(name, server.url(`/${name}`), 3), contentType: 'application/rss+xml' });
  return server.url(`/${name}.xml`);
}

async function feedByUrl(rig: SyncRig, url: string): Promise<Feed | undefined> {
  return (await rig.app.service.listFeeds()).find((f) => f.url === url);
}

async function tagNames(rig: SyncRig, feed: Feed | undefined): Promise<string[]> {
  assert.ok(feed);
  const tags = await rig.app.service.listTags();
  return feed.tags.map((id) => tags.find((tag) => tag.id === id)?.name ?? '').sort();
}

describe('subscriptions made in Syndic', () => {
  it('a feed added to the account is subscribed on the server, in its tag as folder, and its items arrive once', async (t) => {
    const rig = await syncRig(t);
    const url = await servedFeed(t, 'gadgets');
    rig.server.state.addFeedSource(url, { title: 'Gadgets', items: [{ title: 'First' }, { title: 'Second' }] });
    const added = await rig.app.service.addFeed({ url, accountId: rig.account.id, tags: ['Tech'] });
    assert.equal(added.kind, 'added');
    assert.ok(added.kind === 'added' && added.feed.accountId === rig.account.id);
    assert.ok(added.kind === 'added' && added.feed.articleCount === 0, 'Syndic does not fetch it itself');
    // The tag waits beside the subscribe and rides along with it.
    assert.deepEqual(
      rig.outbox().map((e) => e.action),
      ['subscribe', 'set-tags'],
    );

    const summary = await rig.sync();
    const onServer = rig.server.state.feeds().find((f) => f.url === url);
    assert.ok(onServer, 'subscribed on the server');
    assert.equal(onServer.folder, 'Tech');
    assert.equal(summary.feedsAdded, 0, 'the local feed is the server one, not a second');
    const feeds = await rig.app.service.listFeeds();
    assert.equal(feeds.length, 1);
    assert.equal(feeds[0]!.articleCount, 2);
    assert.deepEqual(await tagNames(rig, feeds[0]), ['Tech']);
    assert.deepEqual(rig.outbox(), []);
    await rig.sync();
    assert.equal((await rig.app.service.listFeeds())[0]!.articleCount, 2);
  });

  it('a rename and a retag of a synced feed reach the server', async (t) => {
    const rig = await syncRig(t);
    const remote = rig.server.state.addFeed({ url: 'https://rename.example/feed', title: 'Old', folder: 'A' });
    await rig.sync();
    const feed = await feedByUrl(rig, remote.url);
    await rig.app.service.updateFeed(feed!.id, { userTitle: 'New name' });
    await rig.app.service.setFeedTags(feed!.id, ['B']);
    assert.deepEqual(
      rig
        .outbox()
        .map((e) => e.action)
        .sort(),
      ['rename', 'set-tags'],
    );
    await rig.sync();
    assert.equal(rig.server.state.feeds()[0]!.title, 'New name');
    assert.equal(rig.server.state.feeds()[0]!.folder, 'B');
    assert.deepEqual(await tagNames(rig, await feedByUrl(rig, remote.url)), ['B']);
    assert.deepEqual(rig.outbox(), []);
  });

  it('a synced feed deleted in Syndic is unsubscribed on the server and stays gone', async (t) => {
    const rig = await syncRig(t);
    const remote = rig.server.state.addFeed({ url: 'https://gone.example/feed' });
    rig.server.state.addItems(remote, 3);
    const kept = rig.server.state.addFeed({ url: 'https://kept.example/feed' });
    await rig.sync();
    const feed = await feedByUrl(rig, remote.url);
    await rig.app.service.deleteFeed(feed!.id);
    await rig.sync();
    assert.deepEqual(
      rig.server.state.feeds().map((f) => f.url),
      [kept.url],
    );
    assert.equal(await feedByUrl(rig, remote.url), undefined);
    assert.equal(count(rig.app.db, 'SELECT count(*) AS n FROM synced_articles'), 0);
  });

  it('a feed added and deleted before any sync never reaches the server', async (t) => {
    const rig = await syncRig(t);
    const url = await servedFeed(t, 'brief');
    const added = await rig.app.service.addFeed({ url, accountId: rig.account.id });
    assert.ok(added.kind === 'added');
    if (added.kind === 'added') await rig.app.service.deleteFeed(added.feed.id);
    assert.deepEqual(rig.outbox(), []);
    await rig.sync();
    assert.equal(rig.server.requests.count('subscription/quickadd'), 0);
    assert.deepEqual(rig.server.state.feeds(), []);
  });
});

describe('subscriptions made on the server', () => {
  it('new, renamed, moved and unsubscribed feeds on the server are so in Syndic after a sync', async (t) => {
    const rig = await syncRig(t);
    const { state } = rig.server;
    const stays = state.addFeed({ url: 'https://stays.example/feed', title: 'Stays', folder: 'One' });
    const goes = state.addFeed({ url: 'https://goes.example/feed', title: 'Goes', folder: 'One' });
    state.addItems(goes, 4);
    await rig.sync();
    assert.equal((await rig.app.service.listFeeds()).length, 2);

    const fresh = state.addFeed({ url: 'https://fresh.example/feed', title: 'Fresh', folder: 'Two' });
    state.addItems(fresh, 2);
    const user = state.user();
    user.feeds.get(stays.id)!.title = 'Stays, renamed';
    user.feeds.get(stays.id)!.folder = user.addFolder('Three');
    user.removeFeed(goes.id);
    const summary = await rig.sync();
    assert.equal(summary.feedsAdded, 1);
    assert.equal(summary.feedsRemoved, 1);

    const feeds = await rig.app.service.listFeeds();
    assert.deepEqual(feeds.map((f) => f.url).sort(), [fresh.url, stays.url].sort());
    const renamed = await feedByUrl(rig, stays.url);
    assert.equal(renamed?.title, 'Stays, renamed');
    assert.deepEqual(await tagNames(rig, renamed), ['Three']);
    assert.equal((await feedByUrl(rig, fresh.url))?.articleCount, 2);
    assert.equal((await rig.app.service.getCounts()).unread, 2, "the removed feed's articles went with it");
    assert.deepEqual(rig.outbox(), [], 'the server removing a feed is not pushed back');
  });

  it('a local rename still pending is not undone by the pull, and is pushed', async (t) => {
    const rig = await syncRig(t);
    const remote = rig.server.state.addFeed({ url: 'https://pending.example/feed', title: 'Server title' });
    await rig.sync();
    const feed = await feedByUrl(rig, remote.url);
    await rig.app.service.updateFeed(feed!.id, { userTitle: 'Mine' });
    rig.server.state.user().feeds.get(remote.id)!.title = 'Changed on the server';
    rig.server.faults.dropNext(1, { path: 'subscription/edit' });
    const failed = await rig.trySync();
    assert.equal(failed.ok, false);
    assert.equal((await feedByUrl(rig, remote.url))?.userTitle, 'Mine');
    assert.equal(rig.outbox().length, 1);
    await rig.sync();
    assert.equal(rig.server.state.feeds()[0]!.title, 'Mine');
  });
});
