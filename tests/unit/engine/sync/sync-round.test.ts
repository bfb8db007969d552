/**
 * One sync round through the ReaderService against the Google Reader test server (FreshRSS and
 * Miniflux flavours): the first sync, a no-change sync's request budget, changes both ways,
 * the conflict rule, and no article ever duplicated.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Feed, Tag } from '../../../../shared/domain.js';
import { recountFeeds } from '../../../../electron/engine/store/feed-counts.js';
import type { Flavour } from '../../../servers/greader/greader-server.js';
import { count, db, decimal, syncedArticleCount, syncRig } from './sync-rig.js';

const FLAVOURS: Flavour[] = ['freshrss', 'miniflux'];

function tagNamesOf(feed: Feed | undefined, tags: Tag[]): string[] {
  assert.ok(feed, 'feed missing');
  return feed.tags.map((id) => tags.find((tag) => tag.id === id)?.name ?? `#${id}`).sort();
}

for (const flavour of FLAVOURS) {
  describe(`first sync (${flavour})`, () => {
    it('brings feeds, folders as tags merged with local ones by name, unread and starred items with bodies, and right counts', async (t) => {
      const rig = await syncRig(t, { flavour, account: false });
      const localTech = await rig.app.service.createTag('Tech');
      const { state } = rig.server;
      const tech = state.addFeed({ url: 'https://tech.example/feed.xml', title: 'Tech Feed', folder: 'Tech' });
      const news = state.addFeed({ url: 'https://news.example/feed.xml', title: 'News Feed', folder: 'News' });
      const techItems = state.addItems(tech, 10);
      const newsItems = state.addItems(news, 6);
      state.markRead(techItems.slice(0, 4).map((i) => i.id));
      state.markStarred([techItems[0]!.id, newsItems[5]!.id]);

      await rig.addAccount();
      const summary = await rig.sync();
      assert.equal(summary.feedsAdded, 2);
      assert.equal(summary.newArticles, 13, '12 unread and 1 read-but-starred');

      const feeds = await rig.app.service.listFeeds();
      const tags = await rig.app.service.listTags();
      assert.equal(feeds.length, 2);
      assert.ok(feeds.every((f) => f.accountId === rig.account.id));
      const techFeed = feeds.find((f) => f.url === tech.url);
      const newsFeed = feeds.find((f) => f.url === news.url);
      assert.deepEqual(tagNamesOf(techFeed, tags), ['Tech']);
      assert.deepEqual(tagNamesOf(newsFeed, tags), ['News']);
      assert.equal(tags.filter((tag) => tag.name === 'Tech').length, 1, 'one "Tech" tag, the local one');
      assert.ok(techFeed!.tags.includes(localTech.id));

      const counts = await rig.app.service.getCounts();
      assert.equal(counts.unread, 12);
      assert.equal(counts.starred, 2);
      assert.equal(counts.feeds[techFeed!.id], 6);
      assert.equal(counts.feeds[newsFeed!.id], 6);
      const starredRead = await rig.local(techItems[0]!.id);
      assert.equal(starredRead.read, true);
      assert.equal(starredRead.starred, true);
      const unread = await rig.local(techItems[7]!.id);
      assert.equal(unread.read, false);
      assert.match(unread.content ?? '', /Body of item/);
      assert.equal(unread.title, techItems[7]!.title);

      const before = (await rig.app.service.listFeeds()).map((f) => [f.id, f.unreadCount, f.articleCount]);
      recountFeeds(rig.app.db, null);
      const after = (await rig.app.service.listFeeds()).map((f) => [f.id, f.unreadCount, f.articleCount]);
      assert.deepEqual(after, before, 'stored feed counters equal a recount');
    });

    it('a sync with no change on the server makes at most 4 requests besides login and transfers no body', async (t) => {
      const rig = await syncRig(t, { flavour });
      const feed = rig.server.state.addFeed({ url: 'https://a.example/feed', folder: 'A' });
      const items = rig.server.state.addItems(feed, 40);
      rig.server.state.markStarred(items.slice(0, 5).map((i) => i.id));
      await rig.sync();

      let summary = await rig.sync(); // settles anything the first sync left (nothing expected)
      const requests = await rig.requestsDuring(async () => (summary = await rig.sync()));
      assert.ok(requests.length <= 4, `requests: ${requests.join(', ')}`);
      assert.ok(!requests.includes('stream/items/contents'), 'no body was fetched');
      assert.ok(!requests.includes('stream/contents'), 'no stream was read');
      assert.equal(summary.newArticles, 0);
      assert.equal(summary.stateChanges, 0);
      assert.equal(summary.pushed, 0);
    });

    it("changes made in Syndic reach the server, and the server's reach Syndic", async (t) => {
      const rig = await syncRig(t, { flavour });
      const { state } = rig.server;
      const feed = state.addFeed({ url: 'https://b.example/feed' });
      const items = state.addItems(feed, 8);
      const [a, b, c, d, e, f] = items.map((i) => i.id);
      state.markRead(c!);
      state.markStarred(c!); // read and starred: Syndic has it
      await rig.sync();

      const { service } = rig.app;
      await service.markRead([rig.localId(a!)], true);
      await service.setStarred(rig.localId(b!), true);
      await service.markRead([rig.localId(c!)], false);
      state.markRead(d!);
      state.markStarred(e!);
      state.markStarred(c!, false); // a change on another field of an article Syndic also changed
      const summary = await rig.sync();

      assert.equal(summary.pushed, 3);
      assert.equal(state.item(a!)?.read, true);
      assert.equal(state.item(b!)?.starred, true);
      assert.equal(state.item(c!)?.read, false);
      assert.equal((await rig.local(d!)).read, true);
      assert.equal((await rig.local(e!)).starred, true);
      assert.equal((await rig.local(f!)).read, false);
      assert.deepEqual(rig.outbox(), []);
      assert.equal((await service.getCounts()).unread, state.items().filter((i) => !i.read).length);
    });
  });
}

describe('article tags (FreshRSS labels)', () => {
  it('a tag put on a synced article becomes a label on the server, and a label on a new item a local tag', async (t) => {
    const rig = await syncRig(t);
    const { state } = rig.server;
    const feed = state.addFeed({ url: 'https://c.example/feed', folder: 'Blogs' });
    const [first, second] = state.addItems(feed, 2);
    await rig.sync();

    const { service } = rig.app;
    await service.tagArticle(rig.localId(first!.id), 'Later');
    const labelled = state.addItem({ feed, labels: ['Research'] });
    await rig.sync();
    assert.deepEqual(state.item(first!.id)?.labels, ['Later']);
    const tags = await service.listTags();
    const research = tags.find((tag) => tag.name === 'Research');
    assert.ok(research, 'the label became a tag');
    assert.deepEqual((await rig.local(labelled.id)).tags, [research.id]);
    assert.deepEqual((await rig.local(second!.id)).tags, [], 'the folder is not an article tag');

    const later = tags.find((tag) => tag.name === 'Later')!;
    await service.untagArticle(rig.localId(first!.id), later.id);
    await rig.sync();
    assert.deepEqual(state.item(first!.id)?.labels, []);
  });
});

describe('conflicts', () => {
  it('while Syndic is offline, both sides change the same articles: the pending local change wins and is pushed', async (t) => {
    const rig = await syncRig(t);
    const { state } = rig.server;
    const feed = state.addFeed({ url: 'https://d.example/feed' });
    const [x, y, z] = state.addItems(feed, 3).map((i) => i.id);
    await rig.sync();

    const { service } = rig.app;
    // Syndic: X read then kept unread, Y starred then unstarred (the last states are pending).
    await service.markRead([rig.localId(x!)], true);
    await service.markRead([rig.localId(x!)], false);
    await service.setStarred(rig.localId(y!), true);
    await service.setStarred(rig.localId(y!), false);
    // The server cannot be reached for this sync.
    rig.server.faults.dropNext(1, { path: 'accounts/ClientLogin' });
    const offline = await rig.trySync();
    assert.equal(offline.ok, false);
    assert.equal(rig.outbox().length, 2, 'one entry per article, kept');
    // Meanwhile another device: X read, Y starred, Z read.
    state.markRead([x!, z!]);
    state.markStarred(y!);

    await rig.sync();
    assert.equal(state.item(x!)?.read, false, 'local unread won');
    assert.equal(state.item(y!)?.starred, false, 'local unstar won');
    assert.equal((await rig.local(x!)).read, false);
    assert.equal((await rig.local(y!)).starred, false);
    assert.equal((await rig.local(z!)).read, true, 'no pending change: the server won');
    assert.deepEqual(rig.outbox(), []);
  });

  it('a change made on the server after the push is taken by the pull of the same sync', async (t) => {
    const rig = await syncRig(t);
    const { state } = rig.server;
    const feed = state.addFeed({ url: 'https://e.example/feed' });
    const [x] = state.addItems(feed, 2).map((i) => i.id);
    await rig.sync();
    await rig.app.service.markRead([rig.localId(x!)], true);
    // Another device marks X unread again right after Syndic's push, before its pull.
    const pushed = rig.nextEvent('sync-progress', (p) => p.phase === 'feeds');
    const sync = rig.sync();
    await pushed;
    assert.equal(state.item(x!)?.read, true, 'pushed');
    state.markRead(x!, false);
    await sync;
    assert.equal((await rig.local(x!)).read, false, 'nothing pending any more: the server won');
  });
});

describe('no duplicates', () => {
  it('the same item in two id forms, a second sync and a re-login all land on one article', async (t) => {
    const rig = await syncRig(t);
    const { state } = rig.server;
    const feed = state.addFeed({ url: 'https://f.example/feed' });
    state.addItems(feed, 12);
    state.addItem({ feed, id: 'tag:google.com,2005:reader/item/0000000000abcdef', starred: true, read: true });
    await rig.sync();
    const total = (): number =>
      count(
        rig.app.db,
        'SELECT count(*) AS n FROM articles WHERE feed_id IN (SELECT id FROM feeds WHERE account_id = ?)',
        rig.account.id,
      );
    assert.equal(total(), 13);
    assert.equal(syncedArticleCount(rig.app.db, rig.account.id), 13);
    const remoteIds = (
      rig.app.db
        .prepare('SELECT remote_id FROM synced_articles WHERE account_id = ? ORDER BY remote_id')
        .all(rig.account.id) as {
        remote_id: string;
      }[]
    ).map((r) => r.remote_id);
    assert.deepEqual(
      remoteIds,
      state
        .items()
        .map((i) => i.decimalId)
        .sort(),
      'ids kept in their one decimal form',
    );
    assert.equal(decimal(0xabcdefn), state.item(0xabcdefn)?.decimalId);

    await rig.sync();
    await rig.app.service.updateAccount(rig.account.id, { password: 'pw-Correct-Horse-7731' }); // a fresh client, a new login
    const logins = rig.server.requests.count('accounts/ClientLogin');
    await rig.sync();
    assert.ok(rig.server.requests.count('accounts/ClientLogin') > logins, 'logged in again');
    await rig.reopen();
    await rig.sync();
    assert.equal(total(), 13);
    assert.equal(syncedArticleCount(rig.app.db, rig.account.id), 13);
  });
});

describe('offline reading of synced articles', () => {
  it("queues a sync's new articles for the offline cache, as a refresh's", async (t) => {
    const rig = await syncRig(t, { flavour: 'freshrss', account: false });
    const feed = rig.server.state.addFeed({ url: 'https://offline.example/feed.xml', title: 'Offline' });
    rig.server.state.addItems(feed, 7);
    await rig.addAccount();
    const summary = await rig.sync();
    assert.equal(summary.newArticles, 7);
    // Headless (as the CLI): queued in the database for the app or `syndic cache` to fetch.
    assert.equal(count(db(rig), 'SELECT count(*) AS n FROM offline_queue'), 7);
  });
});
