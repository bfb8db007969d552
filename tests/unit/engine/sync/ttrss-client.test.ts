/**
 * The TT-RSS SyncClient against a REAL Tiny Tiny RSS (tests/servers/ttrss, started once for
 * the file; each test has its own TT-RSS user, so feeds and articles never mix).
 * The client runs in this process and reaches TT-RSS through server.loopbackUrl(). What a
 * healthy TT-RSS never does (rate limits, 5xx, garbage, redirects away, silence) is in
 * ttrss-http.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTtrssClient, type TtrssClientOptions } from '../../../../electron/engine/sync/ttrss/ttrss-client.js';
import type { SyncClient, SyncCredentials } from '../../../../electron/engine/sync/sync-client.js';
import { startTtrss, ttrssSkip, type TtrssServer } from '../../../servers/ttrss/ttrss-server.js';
import { rejectsWith } from './ttrss-test-helpers.js';

function rss(title: string, items: { n: number; extra?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${title}</title><link>http://198.51.100.7/${title}/</link><description>d</description>
${items
  .map(
    ({ n, extra = '' }) => `<item><title>${title} item ${n}</title><link>http://198.51.100.7/${title}/${n}.html</link>
<guid isPermaLink="false">${title}-guid-${n}</guid><pubDate>${new Date(Date.UTC(2024, 0, n, 12)).toUTCString()}</pubDate>
<description><![CDATA[<p>Body of <b>${title} ${n}</b>. <a href="http://198.51.100.7/x">x</a></p>]]></description>${extra}</item>`,
  )
  .join('\n')}
</channel></rss>`;
}

const skip = ttrssSkip();

describe('TT-RSS client against a real TT-RSS (API level 15)', { skip, timeout: 600_000 }, () => {
  let server: TtrssServer;
  let base: string;
  let host: string;
  let users = 0;

  interface Account {
    uid: number;
    sid: string;
    credentials: SyncCredentials;
    client: (options?: TtrssClientOptions) => SyncClient;
  }

  before(async () => {
    server = await startTtrss({ log: () => {} });
    base = await server.loopbackUrl();
    host = new URL(base).host;
  });
  after(async () => {
    await server?.stop();
  });

  /** A fresh TT-RSS user with API access: each test's feeds and articles are its own. */
  async function account(): Promise<Account> {
    const login = `user${++users}`;
    const password = `pw-${login}-Secret!`;
    const uid = await server.createUser(login, password);
    const sid = await server.login(login, password);
    const credentials = { serverUrl: base, username: login, password };
    return { uid, sid, credentials, client: (options) => createTtrssClient(credentials, options) };
  }

  /** Subscribes through the API (TT-RSS fetches the feed's title at once); answers the feed id. */
  async function addFeed(a: Account, file: string, xml: string, categoryId = 0): Promise<number> {
    const url = server.feedServer.write(file, xml);
    const answer = await server.api({ op: 'subscribeToFeed', sid: a.sid, feed_url: url, category_id: categoryId });
    const status = (answer.content as { status: { code: number; feed_id: number } }).status;
    assert.equal(status.code, 1, JSON.stringify(answer));
    return status.feed_id;
  }

  async function category(a: Account, title: string): Promise<number> {
    return Number(
      await server.sql(
        `INSERT INTO ttrss_feed_categories (owner_uid, title) VALUES (${a.uid}, '${title}') RETURNING id;`,
      ),
    );
  }

  async function label(a: Account, caption: string): Promise<number> {
    return Number(
      await server.sql(`INSERT INTO ttrss_labels2 (owner_uid, caption) VALUES (${a.uid}, '${caption}') RETURNING id;`),
    );
  }

  async function idsWhere(a: Account, condition: string): Promise<string[]> {
    const rows = await server.sqlRows(
      `SELECT ref_id FROM ttrss_user_entries WHERE owner_uid = ${a.uid} AND ${condition} ORDER BY ref_id`,
    );
    return rows.map((r) => r[0] ?? '');
  }

  const sorted = (ids: string[]) => [...ids].sort((x, y) => Number(x) - Number(y));

  test('logs in at the base address, at …/api/ and at …/api; a wrong password is auth', async () => {
    const a = await account();
    for (const serverUrl of [base, `${base}api/`, `${base}api`, base.replace(/\/$/, '')]) {
      const client = createTtrssClient({ ...a.credentials, serverUrl });
      await client.login();
      assert.equal(client.stats.requests, 1, serverUrl);
      assert.ok(client.stats.bytesSent > 0 && client.stats.bytesReceived > 0);
      await client.login(); // a held session is not checked again: the next call does that
      assert.equal(client.stats.requests, 1);
      await client.close();
      assert.equal(client.stats.requests, 2, 'close logs out');
    }
    const wrong = createTtrssClient({ ...a.credentials, password: 'not-the-password' });
    await rejectsWith(wrong.login(), 'auth', host, ['not-the-password']);
    await wrong.close(); // no session: nothing to do, no throw
  });

  test('API access off for the user is api-disabled, saying what to turn on', async () => {
    const a = await account();
    await server.sql(
      `UPDATE ttrss_user_prefs SET value = 'false' WHERE owner_uid = ${a.uid} AND pref_name = 'ENABLE_API_ACCESS';`,
    );
    const error = await rejectsWith(a.client().login(), 'api-disabled', host, [a.credentials.password]);
    assert.match(error.message, /Enable API/);
  });

  test('subscriptions: feeds with their category, empty categories and labels as tag names', async () => {
    const a = await account();
    const news = await category(a, 'News');
    await category(a, 'Empty one');
    await label(a, 'Later');
    const inNews = await addFeed(a, 'subs-a.xml', rss('Alpha', [{ n: 1 }]), news);
    const loose = await addFeed(a, 'subs-b.xml', rss('Beta', [{ n: 1 }]));
    const client = a.client();
    const feeds = await client.subscriptions();
    assert.deepEqual(
      feeds.sort((x, y) => x.title.localeCompare(y.title)),
      [
        {
          remoteId: String(inNews),
          url: server.feedServer.url('subs-a.xml'),
          title: 'Alpha',
          siteUrl: null,
          tags: ['News'],
        },
        { remoteId: String(loose), url: server.feedServer.url('subs-b.xml'), title: 'Beta', siteUrl: null, tags: [] },
      ],
    );
    const afterSubs = client.stats.requests;
    assert.equal(afterSubs, 3, 'login, getFeeds, getCategories');
    assert.deepEqual((await client.tagNames()).sort(), ['Empty one', 'Later', 'News']);
    assert.equal(client.stats.requests, afterSubs, 'tagNames right after subscriptions costs nothing');
    await label(a, 'Newer');
    assert.deepEqual((await client.tagNames()).sort(), ['Empty one', 'Later', 'Newer', 'News']);
    assert.equal(client.stats.requests, afterSubs + 2, 'a later tagNames asks again (getCategories, getLabels)');
    await client.close();
  });

  test('unreadIds and starredIds page through 450 articles, 200 a call', async () => {
    const a = await account();
    const feed = await addFeed(a, 'pages.xml', rss('Pages', []));
    await server.loadArticles(feed, 450, { owner: a.uid });
    await server.sql(
      `UPDATE ttrss_user_entries SET marked = true WHERE owner_uid = ${a.uid} AND ref_id % 2 = 0;
       UPDATE ttrss_user_entries SET unread = false WHERE owner_uid = ${a.uid} AND ref_id % 10 = 1;`,
    );
    const client = a.client();
    await client.login();
    const unread = await client.unreadIds();
    assert.deepEqual(sorted(unread), await idsWhere(a, 'unread'));
    assert.equal(unread.length, 405);
    assert.equal(client.stats.requests, 1 + 3, 'pages of 200, 200, 5');
    const starred = await client.starredIds();
    assert.deepEqual(sorted(starred), await idsWhere(a, 'marked'));
    assert.equal(starred.length, 225);
    assert.equal(client.stats.requests, 1 + 3 + 2);
    await client.close();
  });

  test('newItems: everything after the cursor with bodies, paged, limited; one call when nothing is new', async () => {
    const a = await account();
    const feed = await addFeed(a, 'new.xml', rss('New', []));
    const first = await server.loadArticles(feed, 450, { owner: a.uid, bodyChars: 20 });
    const client = a.client();
    await client.login();
    const all = await client.newItems!(null, 10_000);
    assert.equal(all.items.length, 450);
    assert.equal(all.cursor, String(first.lastId));
    assert.equal(client.stats.requests, 1 + 3);
    const one = all.items.find((i) => i.remoteId === String(first.firstId));
    assert.ok(one);
    assert.equal(one.feedRemoteId, String(feed));
    assert.match(one.contentHtml ?? '', /<p>Body of article 1\.<\/p>/);
    assert.equal(one.read, false);

    const none = await client.newItems!(all.cursor, 10_000);
    assert.deepEqual(none, { items: [], cursor: all.cursor });
    assert.equal(client.stats.requests, 1 + 3 + 1, 'nothing new: one call');

    const more = await server.loadArticles(feed, 5, { owner: a.uid });
    const next = await client.newItems!(all.cursor, 10_000);
    assert.deepEqual(
      next.items.map((i) => Number(i.remoteId)).sort((x, y) => x - y),
      [0, 1, 2, 3, 4].map((k) => more.firstId + k),
    );
    assert.equal(next.cursor, String(more.lastId));

    const before = client.stats.requests;
    const limited = await client.newItems!(null, 250);
    assert.equal(limited.items.length, 250);
    assert.equal(limited.cursor, String(more.lastId), 'the newest are taken, the cursor is the highest id');
    assert.equal(client.stats.requests - before, 2, 'stops paging at the limit');
    await client.close();
  });

  test('items(ids): content as the feed sent it, state, labels, enclosures, dates; batches of 200', async () => {
    const a = await account();
    const podcast = `<enclosure url="http://198.51.100.7/ep.mp3" length="12345" type="audio/mpeg"/>
<author>writer@example.org (Writer)</author>`;
    const feed = await addFeed(a, 'items.xml', rss('Items', [{ n: 1, extra: podcast }, { n: 2 }]));
    await server.updateFeeds();
    const [id1, id2] = (
      await server.sqlRows(
        `SELECT e.id FROM ttrss_entries e JOIN ttrss_user_entries u ON u.ref_id = e.id WHERE u.owner_uid = ${a.uid} ORDER BY e.title`,
      )
    ).map((row) => row[0]);
    assert.ok(id1 && id2);
    const later = await label(a, 'Later');
    await server.sql(
      `UPDATE ttrss_user_entries SET unread = false, marked = true WHERE ref_id = ${id1} AND owner_uid = ${a.uid};
       INSERT INTO ttrss_user_labels2 (label_id, article_id) VALUES (${later}, ${id1});`,
    );
    const client = a.client();
    const items = await client.items([id1, id2, '999999999', 'not-an-id']);
    const item1 = items.find((i) => i.remoteId === id1);
    assert.equal(items.length, 2);
    assert.deepEqual(item1, {
      remoteId: id1,
      feedRemoteId: String(feed),
      guid: null, // TT-RSS keeps a hash of the feed's guid, not the guid
      url: 'http://198.51.100.7/Items/1.html',
      title: 'Items item 1',
      author: 'writer@example.org (Writer)',
      // As the feed sent it: TT-RSS's sanitizer would add target and rel to the link.
      contentHtml: '<p>Body of <b>Items 1</b>. <a href="http://198.51.100.7/x">x</a></p>',
      publishedAt: Date.UTC(2024, 0, 1, 12),
      updatedAt: Date.UTC(2024, 0, 1, 12),
      read: true,
      starred: true,
      tags: ['Later'],
      enclosures: [{ url: 'http://198.51.100.7/ep.mp3', type: 'audio/mpeg', length: null }],
    });
    const item2 = items.find((i) => i.remoteId === id2);
    assert.equal(item2?.read, false);
    assert.equal(item2?.starred, false);
    assert.deepEqual(item2?.tags, []);

    const bulk = await server.loadArticles(feed, 250, { owner: a.uid });
    const ids = Array.from({ length: 250 }, (_, k) => String(bulk.firstId + k));
    const before = client.stats.requests;
    assert.equal((await client.items(ids)).length, 250);
    assert.equal(client.stats.requests - before, 2, '200 + 50');
    await client.close();
  });

  test('setRead and setStarred reach PostgreSQL, and a repeated batch leaves the same state', async () => {
    const a = await account();
    const feed = await addFeed(a, 'state.xml', rss('State', []));
    const range = await server.loadArticles(feed, 600, { owner: a.uid });
    const ids = Array.from({ length: 600 }, (_, k) => String(range.firstId + k));
    const some = ids.slice(0, 550); // two updateArticle batches (500 + 50)
    const client = a.client();
    await client.login();
    const before = client.stats.requests;
    await client.setRead(some, true);
    assert.equal(client.stats.requests - before, 2);
    // A retry after a lost answer sends the same batch again: it must not flip anything back.
    await client.setRead(some, true);
    assert.deepEqual(await idsWhere(a, 'unread'), ids.slice(550));
    await client.setStarred(ids.slice(0, 3), true);
    await client.setStarred(ids.slice(0, 3), true);
    assert.deepEqual(await idsWhere(a, 'marked'), ids.slice(0, 3));
    await client.setStarred([ids[0]!], false);
    await client.setRead([ids[1]!], false);
    await client.setRead([ids[1]!], false);
    assert.deepEqual(await idsWhere(a, 'marked'), ids.slice(1, 3));
    assert.deepEqual(await idsWhere(a, 'unread'), [ids[1]!, ...ids.slice(550)]);
    await client.close();
  });

  test('setItemTag assigns and removes a label; an unknown label cannot be created', async () => {
    const a = await account();
    const feed = await addFeed(a, 'tags.xml', rss('Tags', []));
    const range = await server.loadArticles(feed, 3, { owner: a.uid });
    const ids = [range.firstId, range.firstId + 1].map(String);
    const later = await label(a, 'Later');
    const client = a.client();
    const labelled = () =>
      server
        .sqlRows(`SELECT article_id FROM ttrss_user_labels2 WHERE label_id = ${later} ORDER BY article_id`)
        .then((rows) => rows.map((r) => r[0]));
    await client.setItemTag(ids, 'Later', true);
    await client.setItemTag(ids, 'Later', true); // repeated: still once each
    assert.deepEqual(await labelled(), ids);
    assert.deepEqual((await client.items([ids[0]!]))[0]?.tags, ['Later']);
    await client.setItemTag([ids[0]!], 'Later', false);
    assert.deepEqual(await labelled(), [ids[1]]);
    const error = await rejectsWith(client.setItemTag(ids, 'Nowhere', true), 'refused', host);
    assert.match(error.message, /Nowhere.*cannot create/);
    await client.setItemTag(ids, 'Nowhere', false); // nothing to remove: fine
    await client.close();
  });

  test('subscribe (into an existing category, again, unknown category, failing), unsubscribe; no rename or move', async () => {
    const a = await account();
    await category(a, 'Tech');
    const client = a.client();
    const url = server.feedServer.write('sub-new.xml', rss('Fresh', [{ n: 1 }]));
    const feed = await client.subscribe(url, 'My name', ['Tech']);
    assert.deepEqual({ ...feed, remoteId: 'x' }, { remoteId: 'x', url, title: 'Fresh', siteUrl: null, tags: ['Tech'] });
    assert.deepEqual(await client.subscribe(url, null, []), feed, 'already subscribed: the same feed');

    const other = server.feedServer.write('sub-other.xml', rss('Other', []));
    const uncategorized = await client.subscribe(other, null, ['No such category']);
    assert.deepEqual(uncategorized.tags, [], 'a category the API cannot create: uncategorized');

    const missing = server.feedServer.url('missing.xml');
    const failed = await rejectsWith(client.subscribe(missing, null, []), 'refused', host, [a.credentials.password]);
    assert.match(failed.message, /could not download/);

    await rejectsWith(client.renameFeed(feed.remoteId, 'New name'), 'refused', host);
    await client.setFeedTags(feed.remoteId, ['tech']); // already there (case aside): nothing to do
    await rejectsWith(client.setFeedTags(feed.remoteId, []), 'refused', host);

    await client.unsubscribe(feed.remoteId);
    await client.unsubscribe(feed.remoteId); // already gone: fine
    assert.deepEqual(
      (await client.subscriptions()).map((f) => f.url),
      [other],
    );
    await client.close();
  });

  test('an expired session is renewed once, transparently', async () => {
    const a = await account();
    await addFeed(a, 'session.xml', rss('Session', []));
    const client = a.client();
    await client.login();
    await server.sql('DELETE FROM ttrss_sessions;');
    const feeds = await client.subscriptions();
    assert.equal(feeds.length, 1);
    // login, getFeeds + getCategories (NOT_LOGGED_IN), one login, both again.
    assert.ok(client.stats.requests >= 5 && client.stats.requests <= 6, String(client.stats.requests));
    await client.close();
  });

  test('a sync round with nothing new costs floor(unread/200)+floor(starred/200)+5 requests', async () => {
    const a = await account();
    const feed = await addFeed(a, 'round.xml', rss('Round', []));
    await label(a, 'L');
    await server.loadArticles(feed, 450, { owner: a.uid });
    await server.sql(`UPDATE ttrss_user_entries SET marked = true WHERE owner_uid = ${a.uid} AND ref_id % 2 = 0;`);
    const client = a.client();
    await client.login();
    const { cursor } = await client.newItems!(null, 10_000);
    const before = client.stats.requests;
    await client.subscriptions();
    await client.tagNames();
    assert.deepEqual((await client.newItems!(cursor, 10_000)).items, []);
    const unread = await client.unreadIds();
    const starred = await client.starredIds();
    assert.equal(unread.length, 450);
    assert.equal(starred.length, 225);
    assert.equal(client.stats.requests - before, 2 + 0 + 1 + 3 + 2);
    await client.close();
  });
});
