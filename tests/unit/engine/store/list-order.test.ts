/**
 * The list's order and its "below" bound in the store, over a real SQLite file: oldest
 * first lists ascending and its keyset cursor pages forward through every article once,
 * in the all, unread-only, feed, tag and search views; `below` follows the order in lists,
 * counts and "mark below as read"; and a row carries the cached copy of its thumbnail.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import type { ParsedItem } from '../../../../electron/engine/feeds/parse.js';
import { upsertFeedArticles } from '../../../../electron/engine/store/article-upsert.js';
import * as articles from '../../../../electron/engine/store/articles.js';
import * as feeds from '../../../../electron/engine/store/feeds.js';
import { recordImage, recordImageError } from '../../../../electron/engine/store/images.js';
import * as tags from '../../../../electron/engine/store/tags.js';
import { ARG_SCHEMAS } from '../../../../shared/api-schemas.js';
import type { ArticleCursor, ArticleId, ArticleQuery } from '../../../../shared/domain.js';
import { tempDatabase } from '../../../support/temp.js';

const NOW = Date.UTC(2024, 0, 20, 12);
const PER_FEED = 23;

function item(feed: string, n: number, overrides: Partial<ParsedItem> = {}): ParsedItem {
  return {
    id: `${feed}-${n}`,
    // Every third one is about gardens, so a search finds a spread of them.
    title: n % 3 === 0 ? `Gardens ${feed} ${n}` : `Plain ${feed} ${n}`,
    link: `https://${feed}.example/${n}`,
    author: null,
    // The two feeds interleave in time: one minute apart, alternately.
    published: Date.UTC(2024, 0, 10) + (n * 2 + (feed === 'b' ? 1 : 0)) * 60_000,
    updated: null,
    summary: null,
    content: `<p>Body ${n}</p>`,
    categories: [],
    enclosures: [],
    thumbnailUrl: null,
    ...overrides,
  };
}

describe('store: list order and the "below" bound', () => {
  let t: ReturnType<typeof tempDatabase>;
  let feedA: number;
  let feedB: number;
  let tagged: number;

  const list = (query: ArticleQuery, after: ArticleCursor | null = null, limit = 500) =>
    articles.listArticles(t.db, { dedupe: false, ...query }, after, limit, NOW);
  const ids = (query: ArticleQuery): ArticleId[] => list(query).articles.map((a) => a.id);
  /** The publication times of a query's rows, in the list's order (every article's is its own here). */
  const times = (query: ArticleQuery): number[] => list(query).articles.map((a) => a.publishedAt);
  /** Every page of the query, `limit` at a time, following `next`. */
  const paged = (query: ArticleQuery, limit: number): { ids: ArticleId[]; pages: number } => {
    const seen: ArticleId[] = [];
    let after: ArticleCursor | null = null;
    let pages = 0;
    do {
      const page = list(query, after, limit);
      pages++;
      assert.ok(page.articles.length <= limit);
      seen.push(...page.articles.map((a) => a.id));
      after = page.next;
    } while (after != null && pages < 100);
    return { ids: seen, pages };
  };

  before(() => {
    t = tempDatabase();
    feedA = feeds.insertFeed(t.db, { url: 'https://a.example/feed', title: 'Alpha' }, NOW).feed.id;
    feedB = feeds.insertFeed(t.db, { url: 'https://b.example/feed', title: 'Beta' }, NOW).feed.id;
    upsertFeedArticles(
      t.db,
      feedA,
      Array.from({ length: PER_FEED }, (_, n) => item('a', n)),
      NOW,
    );
    upsertFeedArticles(
      t.db,
      feedB,
      Array.from({ length: PER_FEED }, (_, n) => item('b', n)),
      NOW,
    );
    tagged = tags.ensureTag(t.db, 'Tagged', NOW);
    tags.addFeedTag(t.db, feedB, tagged);
    // One article of the other feed carries the tag itself.
    tags.tagArticle(t.db, ids({ view: 'all', feedId: feedA })[4]!, tagged);
  });
  after(() => t.done());
  beforeEach(() => {
    // Every other article of each feed read, the same ones for each test.
    t.db.prepare('UPDATE articles SET read = (sort_key / 1048576 / 120) % 2').run();
  });

  const SCOPES: [string, ArticleQuery][] = [
    ['all', { view: 'all' }],
    ['unread only', { view: 'unread' }],
    ['one feed', { view: 'all', feedId: 0 }],
    ['one feed, unread', { view: 'unread', feedId: 0 }],
    ['a tag', { view: 'all', tags: [0] }],
    ['a search', { view: 'all', search: 'gardens' }],
    ['a search of a feed name', { view: 'all', search: 'feed:beta' }],
    ['a search with an exclusion, unread', { view: 'unread', search: '-gardens' }],
  ];
  /** The scope with the ids this run's database gave the feed and the tag. */
  const scoped = (query: ArticleQuery): ArticleQuery => ({
    ...query,
    ...(query.feedId != null ? { feedId: feedB } : {}),
    ...(query.tags ? { tags: [tagged] } : {}),
  });

  it('lists oldest first in ascending time order, the reverse of newest first', () => {
    for (const [name, raw] of SCOPES) {
      const query = scoped(raw);
      const newest = ids(query);
      const oldest = ids({ ...query, order: 'oldest' });
      assert.ok(newest.length >= 5, `${name}: enough articles to tell orders apart (${newest.length})`);
      assert.deepEqual(oldest, [...newest].reverse(), name);
      const ascending = times({ ...query, order: 'oldest' });
      assert.deepEqual(
        ascending,
        [...ascending].sort((a, b) => a - b),
        `${name}: ascending`,
      );
      assert.deepEqual(ids({ ...query, order: 'newest' }), newest, `${name}: 'newest' is the default`);
    }
  });

  it('pages oldest first across pages with the keyset cursor, each article once', () => {
    for (const [name, raw] of SCOPES) {
      const query = scoped(raw);
      const whole = ids({ ...query, order: 'oldest' });
      const { ids: seen, pages } = paged({ ...query, order: 'oldest' }, 4);
      assert.ok(pages >= 2, `${name}: more than one page`);
      assert.deepEqual(seen, whole, name);
      // The cursor is the last row of a page: the next page starts after it, not before.
      const first = list({ ...query, order: 'oldest' }, null, 4);
      const second = list({ ...query, order: 'oldest' }, first.next, 4);
      assert.ok(
        second.articles[0]!.publishedAt > first.articles[3]!.publishedAt,
        `${name}: the second page goes on upward`,
      );
      // And newest first still pages downward through the same articles.
      assert.deepEqual(paged(query, 4).ids, [...whole].reverse(), `${name}: newest first`);
    }
  });

  it('lists only the articles below one, in either order', () => {
    for (const [name, raw] of SCOPES) {
      const query = scoped(raw);
      for (const order of ['newest', 'oldest'] as const) {
        const whole = ids({ ...query, order });
        const pivot = whole[Math.floor(whole.length / 2)]!;
        const below = whole.slice(whole.indexOf(pivot) + 1);
        assert.ok(below.length > 0, `${name}, ${order}: something below`);
        assert.deepEqual(ids({ ...query, order, below: pivot }), below, `${name}, ${order}`);
        const counted = articles.countArticles(t.db, { dedupe: false, ...query, order, below: pivot }, 1000, NOW);
        assert.equal(counted, below.length, `${name}, ${order}: counted`);
      }
    }
  });

  it('marks read exactly what is below an article, in the order of the list', () => {
    for (const [name, raw] of SCOPES) {
      for (const order of ['newest', 'oldest'] as const) {
        t.db.prepare('UPDATE articles SET read = (sort_key / 1048576 / 120) % 2').run();
        const query = scoped(raw);
        const shown = list({ ...query, order }).articles;
        const pivot = shown[Math.floor(shown.length / 3)]!.id;
        const at = shown.findIndex((a) => a.id === pivot);
        const unreadBelow = shown
          .slice(at + 1)
          .filter((a) => !a.read)
          .map((a) => a.id);
        const unreadBefore = new Set(list({ view: 'unread' }).articles.map((a) => a.id));
        const changed = articles.markViewRead(t.db, { ...query, order, below: pivot }, null, NOW);
        assert.deepEqual(
          [...changed].sort((a, b) => a - b),
          [...unreadBelow].sort((a, b) => a - b),
          `${name}, ${order}: the unread ones below, nothing else`,
        );
        const unreadAfter = new Set(list({ view: 'unread' }).articles.map((a) => a.id));
        for (const a of shown.slice(0, at + 1))
          assert.equal(unreadAfter.has(a.id), unreadBefore.has(a.id), `${name}, ${order}: ${a.id} above is untouched`);
      }
    }
  });

  it('reads "before" as a publication time: older than it, whatever the order', () => {
    const all = list({ view: 'all' }).articles;
    const cutoff = all[10]!.publishedAt;
    for (const order of ['newest', 'oldest'] as const) {
      t.db.prepare('UPDATE articles SET read = 0').run();
      const changed = articles.markViewRead(t.db, { view: 'all', order }, cutoff, NOW);
      const expected = all.filter((a) => a.publishedAt < cutoff).map((a) => a.id);
      assert.deepEqual(
        [...changed].sort((a, b) => a - b),
        expected.sort((a, b) => a - b),
        order,
      );
    }
  });

  it('the door accepts an order and a "below" id, and refuses anything else there', () => {
    const schema = ARG_SCHEMAS.listArticles;
    assert.ok(schema.safeParse([{ view: 'all', order: 'oldest', below: 12 }, null, 50]).success);
    assert.ok(ARG_SCHEMAS.markViewRead.safeParse([{ view: 'unread', below: 12, order: 'newest' }, null]).success);
    assert.equal(schema.safeParse([{ view: 'all', order: 'sideways' }, null, 50]).success, false);
    assert.equal(schema.safeParse([{ view: 'all', below: -1 }, null, 50]).success, false);
    assert.equal(schema.safeParse([{ view: 'all', below: '3 OR 1=1' }, null, 50]).success, false);
  });
});

describe('store: a row’s thumbnail', () => {
  it('is the offline cache’s copy, and nothing until the cache has one', () => {
    const t = tempDatabase();
    try {
      const feed = feeds.insertFeed(t.db, { url: 'https://p.example/feed' }, NOW).feed.id;
      const thumb = (n: number) => `https://p.example/thumb-${n}.jpg`;
      upsertFeedArticles(
        t.db,
        feed,
        [0, 1, 2, 3].map((n) => item('p', n, { thumbnailUrl: n === 3 ? null : thumb(n) })),
        NOW,
      );
      const hash = 'ab'.repeat(32);
      recordImage(t.db, thumb(0), { hash, type: 'image/jpeg', bytes: 1000 }, NOW);
      recordImageError(t.db, thumb(1), 'Not an image', NOW);
      const byThumb = new Map(
        articles.listArticles(t.db, { view: 'all' }, null, 10, NOW).articles.map((a) => [a.thumbnailUrl, a]),
      );
      assert.equal(byThumb.get(thumb(0))!.cachedThumbnail, `/cache/images/${hash}`);
      assert.equal(byThumb.get(thumb(1))!.cachedThumbnail, null, 'a failed fetch has no copy');
      assert.equal(byThumb.get(thumb(2))!.cachedThumbnail, null, 'not fetched yet');
      assert.equal(byThumb.get(null)!.cachedThumbnail, null, 'no thumbnail at all');
    } finally {
      t.done();
    }
  });
});
