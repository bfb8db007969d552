/**
 * A saved view's filter fields in the store (view-query.ts), over a real SQLite file:
 * each field alone (feed list, attachment, last N days, author), combined as the issue's
 * example ("unread posts tagged security mentioning CVE from the last week"), keyset
 * paging and `below` in both orders, "show a post once", the same rows whether the view
 * walks the id order or reads a few feeds' articles (view-driver.ts), and muted articles:
 * out of All, Unread and Today, still in their feed, their tags, a search and Starred.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ParsedItem } from '../../../../electron/engine/feeds/parse.js';
import { upsertFeedArticles } from '../../../../electron/engine/store/article-upsert.js';
import * as articles from '../../../../electron/engine/store/articles.js';
import { getCounts } from '../../../../electron/engine/store/counts.js';
import * as feeds from '../../../../electron/engine/store/feeds.js';
import { applyRuleOutcomes, type RuleOutcome } from '../../../../electron/engine/store/rule-outcome.js';
import * as tags from '../../../../electron/engine/store/tags.js';
import { viewSql } from '../../../../electron/engine/store/view-query.js';
import type { ArticleCursor, ArticleId, ArticleQuery } from '../../../../shared/domain.js';
import { tempDatabase } from '../../../support/temp.js';

const NOW = Date.UTC(2024, 5, 20, 12);
const DAY = 86_400_000;
const MUTE: RuleOutcome = { read: false, star: false, mute: true, tags: [], fullText: false, notify: [] };

function item(n: number, daysAgo: number, overrides: Partial<ParsedItem> = {}): ParsedItem {
  return {
    id: `item-${n}`,
    title: `Plain title ${n}`,
    link: `https://site.example/${n}`,
    author: null,
    published: NOW - daysAgo * DAY,
    updated: null,
    summary: null,
    content: `<p>Nothing to see in ${n}</p>`,
    categories: [],
    enclosures: [],
    thumbnailUrl: null,
    ...overrides,
  };
}

const episode = (n: number) => [{ url: `https://pod.example/${n}.mp3`, type: 'audio/mpeg', length: 10 }];

describe('store: saved-view filters', () => {
  let t: ReturnType<typeof tempDatabase>;
  const id: Record<string, ArticleId> = {};
  let sec: number;
  let pod: number;
  let misc: number;
  let security: number;
  let ads: number;

  const list = (query: ArticleQuery, after: ArticleCursor | null = null, limit = 100) =>
    articles.listArticles(t.db, { dedupe: false, ...query }, after, limit, NOW);
  const ids = (query: ArticleQuery): ArticleId[] => list(query).articles.map((a) => a.id);
  const sorted = (query: ArticleQuery): ArticleId[] => ids(query).sort((a, b) => a - b);
  const named = (...names: string[]): ArticleId[] => names.map((n) => id[n]!).sort((a, b) => a - b);
  const count = (query: ArticleQuery): number => articles.countArticles(t.db, { dedupe: false, ...query }, 1000, NOW);

  before(() => {
    t = tempDatabase();
    sec = feeds.insertFeed(t.db, { url: 'https://sec.example/rss', title: 'Security Weekly' }, NOW).feed.id;
    pod = feeds.insertFeed(t.db, { url: 'https://pod.example/rss', title: 'The Podcast' }, NOW).feed.id;
    misc = feeds.insertFeed(t.db, { url: 'https://misc.example/rss', title: 'Misc' }, NOW).feed.id;
    const add = (feed: number, name: string, n: number, daysAgo: number, overrides: Partial<ParsedItem> = {}) => {
      id[name] = upsertFeedArticles(t.db, feed, [item(n, daysAgo, overrides)], NOW).inserted[0]!;
    };
    add(sec, 'cve', 1, 2, { title: 'CVE-2024-1234 patched', author: 'Bruce Schneier' });
    add(sec, 'oldCve', 2, 20, { title: 'A CVE roundup' });
    add(sec, 'readCve', 3, 1, { content: '<p>A new CVE in the wild</p>' });
    add(sec, 'passwords', 4, 3, { title: 'On passwords', author: 'Zoë Janeway' });
    add(misc, 'miscCve', 5, 1, { title: 'CVE news from elsewhere' });
    add(pod, 'episode', 6, 4, { title: 'Episode 12', author: 'Ann Host', enclosures: episode(6) });
    add(pod, 'oldEpisode', 7, 40, { title: 'Episode 1', author: 'Ann Host', enclosures: episode(7) });
    add(misc, 'sponsored', 8, 1 / 24, { title: 'Sponsored: buy things', content: '<p>An advert</p>' });
    security = tags.ensureTag(t.db, 'security', NOW);
    ads = tags.ensureTag(t.db, 'ads', NOW);
    tags.addFeedTag(t.db, sec, security);
    tags.tagArticle(t.db, id.sponsored!, ads);
    articles.markRead(t.db, [id.readCve!], true);
    // A rule muted the advert (muting marks read); it was starred, then marked unread again.
    applyRuleOutcomes(t.db, [{ id: id.sponsored!, outcome: MUTE }], NOW);
    articles.setStarred(t.db, id.sponsored!, true);
    articles.markRead(t.db, [id.sponsored!], false);
  });
  after(() => t.done());

  it('keeps to the feed list, with a single feed and `feed:` terms both holding', () => {
    assert.deepEqual(sorted({ view: 'all', feedIds: [pod] }), named('episode', 'oldEpisode'));
    assert.deepEqual(sorted({ view: 'all', feedIds: [pod, misc], feedId: pod }), named('episode', 'oldEpisode'));
    assert.deepEqual(ids({ view: 'all', feedIds: [pod], feedId: misc }), []);
    assert.deepEqual(sorted({ view: 'all', feedIds: [sec, misc], search: 'feed:misc' }), named('miscCve', 'sponsored'));
    assert.deepEqual(ids({ view: 'all', feedIds: [pod], search: 'feed:misc' }), [], 'no feed is both');
    assert.deepEqual(sorted({ view: 'all', feedIds: [] }), sorted({ view: 'all' }), 'an empty list is no filter');
    assert.deepEqual(
      sorted({ view: 'unread', feedIds: [sec, pod] }),
      named('cve', 'oldCve', 'passwords', 'episode', 'oldEpisode'),
    );
    assert.equal(count({ view: 'all', feedIds: [pod] }), 2);
  });

  it('keeps to articles with an attachment, or without', () => {
    assert.deepEqual(sorted({ view: 'all', hasEnclosure: true }), named('episode', 'oldEpisode'));
    assert.deepEqual(
      sorted({ view: 'all', hasEnclosure: false }),
      named('cve', 'oldCve', 'readCve', 'passwords', 'miscCve'),
    );
    assert.equal(count({ view: 'unread', hasEnclosure: true, sinceDays: 7 }), 1);
  });

  it('keeps to the last N days, by publication time', () => {
    assert.deepEqual(sorted({ view: 'all', sinceDays: 7 }), named('cve', 'readCve', 'passwords', 'miscCve', 'episode'));
    assert.deepEqual(sorted({ view: 'all', sinceDays: 2 }), named('cve', 'readCve', 'miscCve'), 'two days old is in');
    assert.deepEqual(sorted({ view: 'all', sinceDays: 30 }).length, 6);
    assert.deepEqual(sorted({ view: 'all', sinceDays: 7, search: 'cve' }), named('cve', 'readCve', 'miscCve'));
    assert.equal(count({ view: 'all', sinceDays: 7, search: 'cve' }), 3);
  });

  it('keeps to an author that holds the words, case and accents ignored', () => {
    assert.deepEqual(sorted({ view: 'all', author: 'schneier' }), named('cve'));
    assert.deepEqual(sorted({ view: 'all', author: 'SCHNEIER' }), named('cve'));
    assert.deepEqual(ids({ view: 'all', author: 'schnei' }), [], 'whole words, as `author:` in a search');
    assert.deepEqual(sorted({ view: 'all', author: 'Bruce Schneier' }), named('cve'));
    assert.deepEqual(ids({ view: 'all', author: 'schneier bruce' }), [], 'the words in their order');
    assert.deepEqual(sorted({ view: 'all', author: 'zoe' }), named('passwords'));
    assert.deepEqual(sorted({ view: 'all', author: 'Ann Host' }), named('episode', 'oldEpisode'));
    assert.deepEqual(ids({ view: 'all', author: 'patched' }), [], 'the title is not the author');
    assert.deepEqual(sorted({ view: 'all', author: 'ann', search: 'episode 12' }), named('episode'));
    assert.deepEqual(sorted({ view: 'all', author: 'ann', search: '-12' }), named('oldEpisode'));
    assert.deepEqual(sorted({ view: 'all', author: ' "*" ' }), sorted({ view: 'all' }), 'no words: no filter');
    assert.equal(count({ view: 'all', author: 'host' }), 2);
  });

  it("lists the issue's example: unread, tagged security, mentioning CVE, from the last week", () => {
    const query: ArticleQuery = { view: 'unread', tags: [security], search: 'CVE', sinceDays: 7 };
    assert.deepEqual(ids(query), [id.cve]);
    assert.equal(count(query), 1);
    assert.deepEqual(ids({ ...query, sinceDays: 30 }), [id.cve, id.oldCve]);
    assert.deepEqual(ids({ ...query, view: 'all' }), [id.readCve, id.cve]);
  });

  it('leaves muted articles out of All, Unread and Today only', () => {
    const muted = id.sponsored!;
    for (const view of ['all', 'unread', 'today'] as const) {
      assert.ok(!ids({ view }).includes(muted), view);
      assert.ok(!ids({ view, sinceDays: 7, hasEnclosure: false }).includes(muted), `${view}, other filters`);
      assert.equal(articles.countArticles(t.db, { view }, 100, NOW), ids({ view }).length, `${view} count`);
    }
    assert.deepEqual(ids({ view: 'all', feedId: misc }), [muted, id.miscCve], 'in its feed');
    assert.deepEqual(ids({ view: 'unread', feedIds: [misc] }), [muted, id.miscCve], 'in a feed list');
    assert.deepEqual(ids({ view: 'unread', tags: [ads] }), [muted], 'in its tag');
    assert.deepEqual(ids({ view: 'all', search: 'advert' }), [muted], 'in a search');
    assert.deepEqual(ids({ view: 'today', search: 'feed:misc' }), [muted], 'in a feed: search');
    assert.deepEqual(ids({ view: 'starred' }), [muted], 'in Starred');
    const counts = getCounts(t.db, NOW, false);
    assert.equal(counts.today, ids({ view: 'today' }).length, 'Today counts what it lists');
  });

  it('pages every filter by keyset in both orders, and honours `below`', () => {
    const queries: ArticleQuery[] = [
      { view: 'all', sinceDays: 30 },
      { view: 'all', feedIds: [sec, pod] },
      { view: 'all', hasEnclosure: false, sinceDays: 7 },
      { view: 'all', search: 'cve', sinceDays: 30 },
      { view: 'all', author: 'host' },
    ];
    for (const query of queries) {
      for (const order of ['newest', 'oldest'] as const) {
        const whole = ids({ ...query, order });
        const times = list({ ...query, order }, null, 100).articles.map((a) => a.publishedAt);
        const expected = [...times].sort((a, b) => (order === 'newest' ? b - a : a - b));
        assert.deepEqual(times, expected, `${JSON.stringify(query)} ${order}`);
        const seen: ArticleId[] = [];
        let next: ArticleCursor | null = null;
        do {
          const page = list({ ...query, order }, next, 1);
          seen.push(...page.articles.map((a) => a.id));
          next = page.next;
        } while (next != null);
        assert.deepEqual(seen, whole, `paged ${JSON.stringify(query)} ${order}`);
        if (whole.length > 1)
          assert.deepEqual(ids({ ...query, order, below: whole[0]! }), whole.slice(1), `below ${order}`);
      }
    }
  });

  it('shows a post once: a muted newer copy leaves the older one in All', () => {
    const link = 'https://shared.example/story';
    const older = upsertFeedArticles(t.db, sec, [item(20, 5, { id: 'shared-a', link, title: 'Shared story' })], NOW)
      .inserted[0]!;
    const newer = upsertFeedArticles(t.db, misc, [item(21, 4, { id: 'shared-b', link, title: 'Shared story' })], NOW)
      .inserted[0]!;
    const dedupe = (query: ArticleQuery): ArticleId[] =>
      articles.listArticles(t.db, { ...query, dedupe: true }, null, 100, NOW).articles.map((a) => a.id);
    assert.ok(dedupe({ view: 'all', sinceDays: 7 }).includes(newer));
    assert.ok(!dedupe({ view: 'all', sinceDays: 7 }).includes(older), 'the newer copy stands for both');
    applyRuleOutcomes(t.db, [{ id: newer, outcome: MUTE }], NOW);
    assert.ok(dedupe({ view: 'all', sinceDays: 7 }).includes(older), 'the copy still shown takes its place');
    assert.ok(!dedupe({ view: 'all', sinceDays: 7 }).includes(newer));
    assert.deepEqual(dedupe({ view: 'all', feedIds: [misc], search: 'shared' }), [newer], 'in its feed, the muted one');
  });

  it('lists the same rows walking the id order as reading the feeds or tags first', () => {
    tags.tagArticle(t.db, id.episode!, security);
    const rowsOf = (query: ArticleQuery, rows: number): ArticleId[] => {
      const view = viewSql(t.db, { dedupe: true, ...query }, NOW, rows);
      return (
        t.db
          .prepare(`SELECT a.id FROM ${view.from} WHERE ${view.where.join(' AND ') || '1'} ORDER BY ${view.order} DESC`)
          .pluck()
          .all(...view.params) as ArticleId[]
      ).sort((a, b) => a - b);
    };
    const queries: ArticleQuery[] = [
      { view: 'all', tags: [security] },
      { view: 'unread', tags: [security, ads] },
      { view: 'all', tags: [security, ads], tagMode: 'all' },
      { view: 'today', tags: [ads] },
      { view: 'unread', tags: [security], search: 'cve', sinceDays: 7 },
      { view: 'all', feedIds: [sec, pod] },
      { view: 'unread', feedIds: [misc], tags: [ads] },
      { view: 'all', feedIds: [pod], sinceDays: 7, hasEnclosure: true },
    ];
    for (const query of queries) {
      const drivenSql = viewSql(t.db, query, NOW, 1e9).where.join(' ');
      assert.match(drivenSql, /CROSS JOIN articles x/, `read by feeds: ${JSON.stringify(query)}`);
      assert.doesNotMatch(viewSql(t.db, query, NOW, 0).where.join(' '), /CROSS JOIN/, 'walked');
      assert.deepEqual(rowsOf(query, 1e9), rowsOf(query, 0), JSON.stringify(query));
    }
    articles.setStarred(t.db, id.episode!, true);
    articles.setStarred(t.db, id.cve!, true);
    const starredEpisodes: ArticleQuery = { view: 'starred', hasEnclosure: true };
    assert.match(
      viewSql(t.db, starredEpisodes, NOW).where.join(' '),
      /INTERSECT/,
      'both flags read from their indexes',
    );
    assert.deepEqual(rowsOf(starredEpisodes, 0), [id.episode]);
    assert.deepEqual(rowsOf({ ...starredEpisodes, sinceDays: 3 }, 0), [], 'the episode is 4 days old');
    articles.setStarred(t.db, id.episode!, false);
    articles.setStarred(t.db, id.cve!, false);
    const inTag = rowsOf({ view: 'all', tags: [security] }, 1e9);
    for (const name of ['cve', 'oldCve', 'readCve', 'passwords', 'episode']) assert.ok(inTag.includes(id[name]!), name);
    tags.untagArticle(t.db, id.episode!, security);
  });
});
