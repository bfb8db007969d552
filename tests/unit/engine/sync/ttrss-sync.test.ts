/**
 * Syndic syncing with a REAL Tiny Tiny RSS (tests/servers/ttrss, started once for the file;
 * each test has its own TT-RSS user and its own Syndic data dir). Everything goes through
 * the ReaderService, as the window and the CLI do: the account is added, synced, changed on
 * both sides, and checked against TT-RSS's own tables.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test, type TestContext } from 'node:test';
import type { Account } from '../../../../shared/domain.js';
import { DEFAULT_FETCH_OPTIONS } from '../../../../electron/engine/feeds/fetch.js';
import { ReaderService } from '../../../../electron/engine/reader/reader-service.js';
import { recountFeeds } from '../../../../electron/engine/store/feed-counts.js';
import { pendingCount } from '../../../../electron/engine/store/outbox.js';
import { startTtrss, ttrssSkip, type TtrssServer } from '../../../servers/ttrss/ttrss-server.js';
import { tempDatabase } from '../../../support/temp.js';

function rss(title: string, count: number): string {
  const items = Array.from(
    { length: count },
    (_, i) => `<item><title>${title} item ${i + 1}</title><link>http://198.51.100.7/${title}/${i + 1}.html</link>
<guid isPermaLink="false">${title}-${i + 1}</guid><pubDate>${new Date(Date.UTC(2024, 0, 1 + i, 12)).toUTCString()}</pubDate>
<description><![CDATA[<p>Body of ${title} ${i + 1}.</p>]]></description></item>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title>
<link>http://198.51.100.7/${title}/</link><description>d</description>${items}</channel></rss>`;
}

const skip = ttrssSkip();

describe('sync with a real TT-RSS', { skip, timeout: 900_000 }, () => {
  let server: TtrssServer;
  let base: string;
  let users = 0;

  before(async () => {
    server = await startTtrss({ log: () => {} });
    base = await server.loopbackUrl();
  });
  after(async () => {
    await server?.stop();
  });

  interface Setup {
    uid: number;
    sid: string;
    service: ReaderService;
    account: Account;
    /** Subscribes a feed on the server (in a category, by name), with its articles fetched. */
    feed(name: string, items: number, category?: string): Promise<number>;
    /** TT-RSS's ids of this user's articles matching a condition on ttrss_user_entries. */
    serverIds(condition: string): Promise<string[]>;
    /** Syncs and fails the test when the sync did. */
    sync(): Promise<void>;
  }

  /** A TT-RSS user of its own and a Syndic data dir of its own. */
  async function setup(t: TestContext): Promise<Setup> {
    const login = `reader${++users}`;
    const password = `pw-${login}`;
    const uid = await server.createUser(login, password);
    const sid = await server.login(login, password);
    const data = tempDatabase();
    const service = new ReaderService({ db: data.db, fetchOptions: DEFAULT_FETCH_OPTIONS, headless: true });
    t.after(async () => {
      await service.shutdown();
      data.done();
    });
    const categories = new Map<string, number>();
    const setup: Setup = {
      uid,
      sid,
      service,
      account: null as unknown as Account,
      async feed(name, items, category) {
        let categoryId = 0;
        if (category) {
          categoryId =
            categories.get(category) ??
            Number(
              await server.sql(
                `INSERT INTO ttrss_feed_categories (owner_uid, title) VALUES (${uid}, '${category}') RETURNING id;`,
              ),
            );
          categories.set(category, categoryId);
        }
        const url = server.feedServer.write(`${login}-${name}.xml`, rss(name, 3));
        const answer = await server.api({ op: 'subscribeToFeed', sid, feed_url: url, category_id: categoryId });
        const feedId = (answer.content as { status: { feed_id: number } }).status.feed_id;
        await server.loadArticles(feedId, items, { owner: uid });
        return feedId;
      },
      async serverIds(condition) {
        const rows = await server.sqlRows(
          `SELECT ref_id FROM ttrss_user_entries WHERE owner_uid = ${uid} AND ${condition} ORDER BY ref_id`,
        );
        return rows.map((r) => r[0] ?? '');
      },
      async sync() {
        const [summary] = await service.syncNow(setup.account.id);
        assert.ok(summary?.ok, summary?.error ?? 'no summary');
      },
    };
    setup.account = await service.addAccount({ kind: 'ttrss', serverUrl: base, username: login, password });
    return setup;
  }

  test('first sync: feeds, categories as tags, 1,200 articles across pages, unread and starred as on the server', async (t) => {
    const s = await setup(t);
    const news = await s.feed('news', 1_200, 'News');
    await s.feed('loose', 30);
    await server.sql(
      `UPDATE ttrss_user_entries SET unread = false WHERE owner_uid = ${s.uid} AND feed_id = ${news} AND ref_id % 3 = 0;
       UPDATE ttrss_user_entries SET marked = true WHERE owner_uid = ${s.uid} AND ref_id % 50 = 0;`,
    );
    await s.sync();
    const feeds = await s.service.listFeeds();
    const tags = await s.service.listTags();
    assert.equal(feeds.length, 2);
    const newsFeed = feeds.find((f) => f.title === 'news')!;
    assert.deepEqual(
      newsFeed.tags.map((id) => tags.find((tag) => tag.id === id)?.name),
      ['News'],
    );
    const unreadOnServer = (await s.serverIds('unread = true')).length;
    const starredOnServer = (await s.serverIds('marked = true')).length;
    const counts = await s.service.getCounts();
    assert.equal(counts.unread, unreadOnServer);
    assert.equal(counts.starred, starredOnServer);
    assert.equal(
      feeds.every((f) => f.accountId === s.account.id),
      true,
    );
    // The stored counters equal a recount from the rows.
    const before = (await s.service.listFeeds()).map((f) => [f.id, f.unreadCount, f.articleCount]);
    recountFeeds(s.service.db, null);
    assert.deepEqual(
      (await s.service.listFeeds()).map((f) => [f.id, f.unreadCount, f.articleCount]),
      before,
    );
  });

  test('an incremental sync with no change fetches no body and stays within the request budget', async (t) => {
    const s = await setup(t);
    await s.feed('quiet', 450);
    await server.sql(`UPDATE ttrss_user_entries SET marked = true WHERE owner_uid = ${s.uid} AND ref_id % 10 = 0;`);
    await s.sync();
    const articlesBefore = (await s.service.getCounts()).all;
    const [summary] = await s.service.syncNow(s.account.id);
    assert.ok(summary?.ok, summary?.error ?? '');
    const unread = (await s.serverIds('unread = true')).length;
    const starred = (await s.serverIds('marked = true')).length;
    const budget = Math.ceil(unread / 200) + Math.ceil(starred / 200) + 3;
    assert.ok(summary.requests <= budget, `${summary.requests} requests, budget ${budget}`);
    assert.equal(summary.newArticles, 0);
    assert.equal((await s.service.getCounts()).all, articlesBefore);
  });

  test('marks made in Syndic reach TT-RSS, marks made on TT-RSS reach Syndic', async (t) => {
    const s = await setup(t);
    await s.feed('both', 20);
    await s.sync();
    const list = (await s.service.listArticles({ view: 'all' }, null, 50)).articles;
    assert.equal(list.length, (await s.serverIds('true')).length);
    // Syndic -> TT-RSS
    await s.service.markRead([list[0]!.id, list[1]!.id], true);
    await s.service.setStarred(list[2]!.id, true);
    assert.equal(pendingCount(s.service.db, s.account.id), 3);
    await s.sync();
    assert.equal(pendingCount(s.service.db, s.account.id), 0);
    assert.equal((await s.serverIds('unread = false')).length, 2);
    assert.equal((await s.serverIds('marked = true')).length, 1);
    // TT-RSS -> Syndic
    const [first] = await s.serverIds('unread = true');
    await server.api({ op: 'updateArticle', sid: s.sid, article_ids: first, field: 2, mode: 0 });
    await server.api({ op: 'updateArticle', sid: s.sid, article_ids: first, field: 0, mode: 1 });
    await s.sync();
    const counts = await s.service.getCounts();
    assert.equal(counts.unread, (await s.serverIds('unread = true')).length);
    assert.equal(counts.starred, 2);
  });

  test('the same article changed on both sides while apart: the pending local change wins', async (t) => {
    const s = await setup(t);
    await s.feed('conflict', 5);
    await s.sync();
    const [article] = (await s.service.listArticles({ view: 'all' }, null, 1)).articles;
    // Syndic keeps it unread and stars it (pending); TT-RSS marks it read meanwhile.
    await s.service.markRead([article!.id], true);
    await s.service.markRead([article!.id], false);
    await s.service.setStarred(article!.id, true);
    const remoteId = s.service.db
      .prepare('SELECT remote_id FROM synced_articles WHERE article_id = ?')
      .pluck()
      .get(article!.id) as string;
    await server.api({ op: 'updateArticle', sid: s.sid, article_ids: remoteId, field: 2, mode: 0 });
    await s.sync();
    const after = await s.service.getArticle(article!.id);
    assert.equal(after?.read, false, 'the local unread stands');
    assert.equal(after?.starred, true);
    assert.deepEqual(await s.serverIds('unread = false'), [], 'and was pushed');
    assert.deepEqual(await s.serverIds('marked = true'), [remoteId]);
  });

  test('mark all as read of a feed reaches TT-RSS', async (t) => {
    const s = await setup(t);
    await s.feed('all-read', 240);
    await s.feed('other', 5);
    await s.sync();
    const feed = (await s.service.listFeeds()).find((f) => f.title === 'all-read')!;
    const result = await s.service.markViewRead({ view: 'all', feedId: feed.id }, null);
    assert.equal(result.count, 240);
    await s.sync();
    assert.equal((await s.serverIds('unread = true')).length, 5, "only the other feed's");
  });

  test('subscribe, retag and unsubscribe from Syndic; unsubscribe and recategorise on TT-RSS', async (t) => {
    const s = await setup(t);
    await s.feed('kept', 3, 'Old');
    await s.sync();
    // Syndic subscribes (Syndic cannot reach the feed's host itself: the server fetches it).
    const url = server.feedServer.write(`added-${s.uid}.xml`, rss('added', 4));
    const added = await s.service.addFeed({ url, accountId: s.account.id, tags: ['Tech', 'Later'] });
    assert.equal(added.kind, 'added');
    await s.sync();
    const onServer = await server.sqlRows(
      `SELECT f.feed_url, c.title FROM ttrss_feeds f LEFT JOIN ttrss_feed_categories c ON c.id = f.cat_id WHERE f.owner_uid = ${s.uid} ORDER BY f.id`,
    );
    assert.equal(onServer.length, 2);
    assert.equal(onServer[1]![0], url);
    // Unsubscribe on the server: the local feed goes at the next sync.
    const keptId = (
      await server.sqlRows(`SELECT id FROM ttrss_feeds WHERE owner_uid = ${s.uid} AND title = 'kept'`)
    )[0]![0];
    await server.api({ op: 'unsubscribeFeed', sid: s.sid, feed_id: Number(keptId) });
    await s.sync();
    assert.deepEqual(
      (await s.service.listFeeds()).map((f) => f.url),
      [url],
    );
    // Delete in Syndic: unsubscribed on the server.
    const local = (await s.service.listFeeds())[0]!;
    await s.service.deleteFeed(local.id);
    await s.sync();
    assert.deepEqual(await server.sqlRows(`SELECT id FROM ttrss_feeds WHERE owner_uid = ${s.uid}`), []);
  });
});
