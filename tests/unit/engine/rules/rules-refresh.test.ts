/**
 * Rules through real refreshes (a loopback feed server, a real SQLite file, the service as
 * the app composes it): each action on new articles, done before the article shows up
 * anywhere (checked from inside the 'articles-changed' event); a muted article read and
 * out of All yet still searchable; notify; full text asked of the offline cache; a rule
 * edited, switched off or reordered counts from the next article on.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { ReaderEventName, ReaderEvents } from '../../../../shared/api.js';
import type { Rule, RuleDraft } from '../../../../shared/rules.js';
import { closeIdleConnections, DEFAULT_FETCH_OPTIONS } from '../../../../electron/engine/feeds/fetch.js';
import { inThreadParser } from '../../../../electron/engine/feeds/in-thread-parser.js';
import { ReaderService } from '../../../../electron/engine/reader/reader-service.js';
import type { Db } from '../../../../electron/engine/store/db.js';
import { contentTypeOf, fixture, siteFiles } from '../../../support/fixtures.js';
import { startFeedServer, type FeedServer } from '../../../support/feed-server.js';
import { tempDatabase } from '../../../support/temp.js';

const fetchOptions = { ...DEFAULT_FETCH_OPTIONS, totalTimeoutMs: 3_000, connectTimeoutMs: 2_000 };

interface Post {
  guid: string;
  title: string;
  body?: string;
  author?: string;
  audio?: boolean;
}

function rss(title: string, posts: Post[]): string {
  const items = posts.map(
    (p, i) => `<item><guid>${p.guid}</guid><title>${p.title}</title><link>https://site.example/${p.guid}</link>
      <pubDate>${new Date(Date.UTC(2024, 0, 1, 0, i)).toUTCString()}</pubDate>
      ${p.author ? `<dc:creator>${p.author}</dc:creator>` : ''}
      ${p.audio ? `<enclosure url="https://site.example/${p.guid}.mp3" type="audio/mpeg" length="1"/>` : ''}
      <description>${p.body ?? 'Nothing special.'}</description></item>`,
  );
  return `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>${title}</title><link>https://site.example/</link>${items.join('')}</channel></rss>`;
}

interface Rig {
  service: ReaderService;
  db: Db;
  server: FeedServer;
  events: { name: ReaderEventName; payload: unknown }[];
  /** Rows of the articles whose titles are given, by title. */
  rows(): Map<string, { id: number; title: string; read: number; starred: number; muted: number; tags: string | null }>;
  addFeed(path: string): Promise<number>;
  /** Called inside every 'articles-changed' emit. */
  onArticlesChanged: ((payload: ReaderEvents['articles-changed']) => void) | null;
}

async function rig(t: TestContext, headless = true): Promise<Rig> {
  const server = await startFeedServer();
  const data = tempDatabase();
  const events: Rig['events'] = [];
  const r: Rig = {
    service: null as unknown as ReaderService,
    db: data.db,
    server,
    events,
    onArticlesChanged: null,
    rows() {
      const rows = data.db
        .prepare(
          `SELECT a.id, a.title, a.read, a.starred, a.muted,
             (SELECT group_concat(t.name) FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id) AS tags
           FROM articles a ORDER BY a.id`,
        )
        .all() as { id: number; title: string; read: number; starred: number; muted: number; tags: string | null }[];
      return new Map(rows.map((row) => [row.title, row]));
    },
    async addFeed(path) {
      const added = await r.service.addFeed({ url: server.url(path) });
      assert.equal(added.kind, 'added');
      return added.kind === 'added' ? added.feed.id : -1;
    },
  };
  r.service = new ReaderService({
    db: data.db,
    parser: inThreadParser,
    fetchOptions,
    headless,
    emit: (name, payload) => {
      events.push({ name, payload });
      if (name === 'articles-changed') r.onArticlesChanged?.(payload as ReaderEvents['articles-changed']);
    },
  });
  t.after(async () => {
    await r.service.shutdown();
    data.done();
    closeIdleConnections();
    await server.close();
  });
  return r;
}

function draft(name: string, conditions: RuleDraft['conditions'], actions: RuleDraft['actions']): RuleDraft {
  return { name, enabled: true, match: 'all', conditions, actions };
}

function asDraft({ id: _id, position: _position, ...rest }: Rule): RuleDraft {
  return rest;
}

const POSTS: Post[] = [
  { guid: 'p1', title: 'Sponsored: a great deal' },
  { guid: 'p2', title: 'We ship Syndic', body: 'See github.com/me/syndic for the code.' },
  { guid: 'p3', title: 'Episode 12', audio: true },
  { guid: 'p4', title: 'Automated digest', author: 'News Bot' },
  { guid: 'p5', title: 'An ordinary post' },
];

describe('rules on new articles, through a refresh', () => {
  it('every action is done before the article shows up anywhere', async (t) => {
    const r = await rig(t);
    r.server.serve('/news.xml', { body: rss('Example News', POSTS), validators: false });
    const { service } = r;
    await service.createRule(
      draft(
        'Sponsored in Example News',
        [
          { field: 'feed', op: 'is', value: 'Example News' },
          { field: 'title', op: 'contains', value: 'sponsored' },
        ],
        [{ type: 'mute' }],
      ),
    );
    await service.createRule(
      draft(
        'My project',
        [{ field: 'content', op: 'contains', value: 'github.com/me/syndic' }],
        [{ type: 'star' }, { type: 'notify' }],
      ),
    );
    await service.createRule(
      draft('Podcasts', [{ field: 'enclosure', op: 'contains', value: 'audio' }], [{ type: 'tag', tag: 'Listen' }]),
    );
    await service.createRule(
      draft('Bots', [{ field: 'author', op: 'matches', value: '\\bbot$' }], [{ type: 'mark-read' }]),
    );
    // Checked at the first moment a window could list them: inside the event that says so.
    const unreadWhenAnnounced: string[][] = [];
    r.onArticlesChanged = () => {
      const rows = [...r.rows().values()];
      if (rows.length) unreadWhenAnnounced.push(rows.filter((row) => row.read === 0).map((row) => row.title));
    };
    const feedId = await r.addFeed('/news.xml');
    assert.ok(unreadWhenAnnounced.length > 0, 'articles-changed was emitted');
    for (const unread of unreadWhenAnnounced)
      assert.deepEqual(unread, ['We ship Syndic', 'Episode 12', 'An ordinary post']);

    const rows = r.rows();
    assert.deepEqual(rows.get('Sponsored: a great deal'), {
      ...rows.get('Sponsored: a great deal')!,
      read: 1,
      muted: 1,
    });
    assert.equal(rows.get('We ship Syndic')!.starred, 1);
    assert.equal(rows.get('Episode 12')!.tags, 'Listen');
    assert.equal(rows.get('Automated digest')!.read, 1);
    assert.deepEqual(
      [...rows.values()]
        .filter((row) => row.title === 'An ordinary post')
        .map((row) => [row.read, row.starred, row.muted, row.tags]),
      [[0, 0, 0, null]],
    );

    // Muted: out of All and Unread, still in its feed and in a search.
    const titles = async (query: Parameters<ReaderService['listArticles']>[0]): Promise<string[]> =>
      (await service.listArticles(query, null, 50)).articles.map((a) => a.title ?? '');
    assert.ok(!(await titles({ view: 'all' })).includes('Sponsored: a great deal'));
    assert.ok(!(await titles({ view: 'unread' })).includes('Sponsored: a great deal'));
    assert.ok((await titles({ view: 'all', feedId })).includes('Sponsored: a great deal'));
    assert.deepEqual(await titles({ view: 'all', search: 'great deal' }), ['Sponsored: a great deal']);
    const counts = await service.getCounts();
    assert.equal(counts.feeds[feedId], 3);
  });

  it("notifies under the rule's name, and says which rule asked in what it decided", async (t) => {
    const r = await rig(t);
    r.server.serve('/news.xml', { body: rss('Example News', POSTS.slice(0, 1)), validators: false });
    await r.service.createRule(
      draft('My project', [{ field: 'title', op: 'contains', value: 'syndic' }], [{ type: 'notify' }]),
    );
    await r.addFeed('/news.xml');
    r.server.serve('/news.xml', { body: rss('Example News', POSTS), validators: false });
    await r.service.refresh(null);
    const notices = r.events.filter((e) => e.name === 'new-articles-notice').map((e) => e.payload);
    assert.deepEqual(
      notices.map((n) => (n as ReaderEvents['new-articles-notice']).title),
      ['1 new in My project'],
    );
  });

  it('asks the offline cache for the full article, which fetches it though the feed does not ask', async (t) => {
    const r = await rig(t, false);
    for (const [path, body, contentType] of siteFiles()) r.server.serve(path, { body, contentType });
    r.server.serve('/edge/summary-only.rss', {
      body: fixture('edge', 'summary-only.rss'),
      contentType: contentTypeOf('summary-only.rss'),
    });
    await r.service.createRule(
      draft('Whole articles', [{ field: 'title', op: 'contains', value: 'read the rest' }], [{ type: 'full-text' }]),
    );
    const feedId = await r.addFeed('/edge/summary-only.rss');
    assert.equal((await r.service.listFeeds()).find((f) => f.id === feedId)?.fetchFullText, false);
    await r.service.offline.whenIdle();
    const [summary] = (await r.service.listArticles({ view: 'all', feedId }, null, 10)).articles;
    const article = (await r.service.getArticle(summary!.id))!;
    assert.match(article.fullContent ?? '', /This is the whole article, which the feed only summarised\./);
  });

  it('queues the full-text request with the article, in the same transaction', async (t) => {
    const r = await rig(t);
    r.server.serve('/news.xml', { body: rss('Example News', POSTS), validators: false });
    await r.service.createRule(
      draft('Whole', [{ field: 'title', op: 'contains', value: 'episode' }], [{ type: 'full-text' }]),
    );
    await r.addFeed('/news.xml');
    const queued = r.db
      .prepare(
        'SELECT a.title, q.full_text FROM offline_queue q JOIN articles a ON a.id = q.article_id ORDER BY a.title',
      )
      .all() as { title: string; full_text: number }[];
    assert.deepEqual(
      queued.filter((q) => q.full_text === 1).map((q) => q.title),
      ['Episode 12'],
    );
  });

  it('an edited, switched-off or reordered rule counts from the next new article', async (t) => {
    const r = await rig(t);
    let posts = POSTS.slice(0, 1);
    const publish = (post: Post): void => {
      posts = [...posts, post];
      r.server.serve('/news.xml', { body: rss('Example News', posts), validators: false });
    };
    r.server.serve('/news.xml', { body: rss('Example News', posts), validators: false });
    const tagA = await r.service.createRule(
      draft('A', [{ field: 'title', op: 'contains', value: 'post' }], [{ type: 'tag', tag: 'A' }, { type: 'stop' }]),
    );
    const tagB = await r.service.createRule(
      draft('B', [{ field: 'title', op: 'contains', value: 'post' }], [{ type: 'tag', tag: 'B' }]),
    );
    await r.addFeed('/news.xml');

    publish({ guid: 'n1', title: 'post one' });
    await r.service.refresh(null);
    assert.equal(r.rows().get('post one')!.tags, 'A', 'A stops B');

    await r.service.reorderRules([tagB.id, tagA.id]);
    publish({ guid: 'n2', title: 'post two' });
    await r.service.refresh(null);
    assert.deepEqual(r.rows().get('post two')!.tags?.split(',').sort(), ['A', 'B'], 'B first, then A');

    await r.service.updateRule(tagB.id, { ...asDraft(tagB), enabled: false });
    publish({ guid: 'n3', title: 'post three' });
    await r.service.refresh(null);
    assert.equal(r.rows().get('post three')!.tags, 'A');

    await r.service.updateRule(tagA.id, {
      ...asDraft(tagA),
      conditions: [{ field: 'title', op: 'contains', value: 'nothing' }],
    });
    publish({ guid: 'n4', title: 'post four' });
    await r.service.refresh(null);
    assert.equal(r.rows().get('post four')!.tags, null);
    // The earlier articles keep what was decided for them.
    assert.equal(r.rows().get('post one')!.tags, 'A');
  });
});
