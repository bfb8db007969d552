/**
 * Notifications through real refreshes (a loopback feed server, a real SQLite file): one
 * grouped notice per feed or tag that asked, never for a feed's first articles, none while
 * Do not disturb is on, and clicking names the newest article.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { ReaderEvents } from '../../../../shared/api.js';
import type { NewArticlesNotice } from '../../../../shared/domain.js';
import { inThreadParser } from '../../../../electron/engine/feeds/in-thread-parser.js';
import { ReaderContext } from '../../../../electron/engine/reader/reader-context.js';
import { ReaderService } from '../../../../electron/engine/reader/reader-service.js';
import type { InsertedArticles } from '../../../../electron/engine/rules/new-article-hooks.js';
import { Notices } from '../../../../electron/engine/rules/notices.js';
import { upsertFeedArticles } from '../../../../electron/engine/store/article-upsert.js';
import { insertFeed, updateFeedSettings } from '../../../../electron/engine/store/feeds.js';
import { parsedItem } from '../../../support/parsed-item.js';
import { startFeedServer, type FeedServer } from '../../../support/feed-server.js';
import { tempDatabase } from '../../../support/temp.js';

const NOW = Date.UTC(2024, 6, 1);

function rss(title: string, items: number[]): string {
  const entries = items
    .map(
      (n) =>
        `<item><guid>${title}-${n}</guid><title>${title} post ${n}</title><link>https://site.example/${title}/${n}</link><pubDate>${new Date(Date.UTC(2024, 0, 1, 0, n)).toUTCString()}</pubDate><description>Text ${n}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><link>https://site.example/${title}</link>${entries}</channel></rss>`;
}

/** Waits, at most a few seconds, until `count` notices have gone out. */
async function waitForNotices(count: number): Promise<void> {
  for (let waited = 0; notices.length < count && waited < 5000; waited += 10)
    await new Promise((resolve) => setTimeout(resolve, 10));
}

let notices: NewArticlesNotice[];

describe('new-article notices', () => {
  let server: FeedServer;
  let t: ReturnType<typeof tempDatabase>;
  let service: ReaderService;
  const feeds: Record<string, number> = {};

  before(async () => {
    server = await startFeedServer();
    t = tempDatabase();
    service = new ReaderService({
      db: t.db,
      parser: inThreadParser,
      headless: true,
      emit: (event, payload) => {
        if (event === 'new-articles-notice') notices.push(payload as ReaderEvents['new-articles-notice']);
      },
    });
    for (const name of ['alpha', 'beta', 'gamma']) {
      server.serve(`/${name}.xml`, { body: rss(name, [1, 2]), validators: false });
      const added = await service.addFeed({ url: server.url(`/${name}.xml`) });
      assert.equal(added.kind, 'added');
      if (added.kind === 'added') feeds[name] = added.feed.id;
    }
    await service.updateFeed(feeds.alpha!, { notify: true });
    await service.setFeedTags(feeds.beta!, ['Security']);
    await service.setFeedTags(feeds.gamma!, ['Security']);
    const security = (await service.listTags()).find((tag) => tag.name === 'Security')!;
    assert.equal((await service.setTagNotify(security.id, true)).notify, true);
  });
  after(async () => {
    await service.shutdown();
    t.done();
    await server.close();
  });
  beforeEach(() => {
    notices = [];
  });

  let next = 3;
  /** Every feed publishes `count` more posts. */
  function publish(count: number): void {
    const upTo = next + count;
    for (const name of ['alpha', 'beta', 'gamma', 'delta']) {
      const items = Array.from({ length: upTo - 1 }, (_, i) => i + 1);
      server.serve(`/${name}.xml`, { body: rss(name, items), validators: false });
    }
    next = upTo;
  }

  it("says nothing about a feed's first articles, even in a tag that asks (an import)", async () => {
    server.serve('/delta.xml', { body: rss('delta', [1, 2, 3]), validators: false });
    const opml = `<?xml version="1.0"?><opml version="2.0"><body><outline text="Security"><outline type="rss" text="delta" xmlUrl="${server.url('/delta.xml')}"/></outline></body></opml>`;
    assert.equal((await service.importOpml(opml)).added, 1);
    const summary = await service.refresh(null);
    assert.equal(summary.newArticles, 3, 'the imported feed brought its back catalogue');
    assert.deepEqual(notices, []);
  });

  it('groups new articles: one notice per feed or tag that asked, the newest one to open', async () => {
    publish(2);
    const summary = await service.refresh(null);
    assert.equal(summary.newArticles, 7);
    const byTitle = new Map(notices.map((n) => [n.title, n]));
    assert.deepEqual([...byTitle.keys()].sort(), ['2 new in alpha', '5 new in Security']);
    const alpha = byTitle.get('2 new in alpha')!;
    assert.equal(alpha.body, 'alpha post 4');
    assert.equal(alpha.count, 2);
    const opened = await service.getArticle(alpha.articleId);
    assert.equal(opened?.title, 'alpha post 4');
    assert.equal(byTitle.get('5 new in Security')!.source, 'Security');
  });

  it('sends nothing while Do not disturb is on, and nothing is saved up for later', async () => {
    await service.updateSettings({ doNotDisturb: true });
    publish(1);
    await service.refresh(null);
    assert.deepEqual(notices, []);
    await service.updateSettings({ doNotDisturb: false });
    await service.refresh(null);
    assert.deepEqual(notices, []);
  });

  it('stops when the feed and the tag stop asking', async () => {
    await service.updateFeed(feeds.alpha!, { notify: false });
    const security = (await service.listTags()).find((tag) => tag.name === 'Security')!;
    await service.setTagNotify(security.id, false);
    publish(1);
    const summary = await service.refresh(null);
    assert.equal(summary.newArticles, 4);
    assert.deepEqual(notices, []);
  });

  it("groups by a saved view that asks, which claims its articles before their tag's notice", async () => {
    const security = (await service.listTags()).find((tag) => tag.name === 'Security')!;
    await service.setTagNotify(security.id, true);
    const view = await service.createView({
      name: 'Gamma posts',
      filter: { view: 'unread', search: 'gamma' },
      notify: true,
    });
    publish(1);
    await service.refresh(null);
    // The view searches: its notice waits for the index, which is written behind the refresh.
    await waitForNotices(2);
    const titles = notices.map((n) => n.title).sort();
    assert.deepEqual(titles, ['1 new in Gamma posts', '2 new in Security']);
    await service.deleteView(view.id);
  });
});

describe('a notice names the newest article', () => {
  it('by date, not by arrival: a post dated earlier that arrived later is not the one opened', async () => {
    const t = tempDatabase();
    try {
      const feedId = insertFeed(t.db, { url: 'https://site.example/feed' }, NOW).feed.id;
      updateFeedSettings(t.db, feedId, { notify: true });
      const write = (guid: string, published: number): InsertedArticles => ({
        feedId,
        ids: upsertFeedArticles(t.db, feedId, [parsedItem({ id: guid, title: guid, published })], NOW).inserted,
        ruled: [],
        firstFetch: false,
      });
      // Written in this order, so the older post has the higher id.
      const newer = write('June post', Date.UTC(2024, 5, 1));
      const older = write('January post', Date.UTC(2024, 0, 1));
      assert.ok(older.ids[0]! > newer.ids[0]!);
      const sent: NewArticlesNotice[] = [];
      const ctx = new ReaderContext(
        t.db,
        () => NOW,
        (event, payload) => {
          if (event === 'new-articles-notice') sent.push(payload as NewArticlesNotice);
        },
      );
      const queue = new Notices(ctx, () => [], { caughtUp: async () => 0 });
      const collect = queue.collector();
      collect(newer);
      collect(older);
      await queue.send();
      assert.deepEqual(
        sent.map((n) => [n.title, n.body, n.articleId]),
        [['2 new in https://site.example/feed', 'June post', newer.ids[0]]],
      );
    } finally {
      t.done();
    }
  });
});
