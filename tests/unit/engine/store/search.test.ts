/**
 * Search in the store (view-query.ts, search-query.ts) over a real SQLite file: each
 * element of the syntax, search within a view, a feed and a tag, keyset paging of a
 * search, the capped count, and hostile input that must never reach FTS5 or SQL as syntax.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ParsedItem } from '../../../../electron/engine/feeds/parse.js';
import { upsertFeedArticles } from '../../../../electron/engine/store/article-upsert.js';
import * as articles from '../../../../electron/engine/store/articles.js';
import * as feeds from '../../../../electron/engine/store/feeds.js';
import * as tags from '../../../../electron/engine/store/tags.js';
import { toFtsQuery } from '../../../../electron/engine/store/view-query.js';
import type { ArticleQuery } from '../../../../shared/domain.js';
import { tempDatabase } from '../../../support/temp.js';

const NOW = Date.UTC(2024, 0, 20, 12);

function item(id: number, overrides: Partial<ParsedItem> = {}): ParsedItem {
  return {
    id: `item-${id}`,
    title: `Plain title ${id}`,
    link: `https://site.example/${id}`,
    author: null,
    published: Date.UTC(2024, 0, 10) + id * 60_000,
    updated: null,
    summary: null,
    content: `<p>Nothing to see in ${id}</p>`,
    categories: [],
    enclosures: [],
    thumbnailUrl: null,
    ...overrides,
  };
}

describe('store: search', () => {
  let t: ReturnType<typeof tempDatabase>;
  const id: Record<string, number> = {};
  let verge: number;
  let ars: number;
  let blog: number;
  let news: number;

  const ids = (search: string, query: Partial<ArticleQuery> = {}): number[] =>
    articles
      .listArticles(t.db, { view: 'all', dedupe: false, ...query, search }, null, 100, NOW)
      .articles.map((a) => a.id)
      .sort((a, b) => a - b);
  const named = (...names: string[]): number[] => names.map((n) => id[n]!).sort((a, b) => a - b);

  before(() => {
    t = tempDatabase();
    verge = feeds.insertFeed(t.db, { url: 'https://theverge.example/rss', title: 'The Verge' }, NOW).feed.id;
    ars = feeds.insertFeed(t.db, { url: 'https://ars.example/feed', title: 'Ars Technica' }, NOW).feed.id;
    blog = feeds.insertFeed(
      t.db,
      { url: 'https://blog.example/atom', title: 'Original name', userTitle: 'Café Notes' },
      NOW,
    ).feed.id;
    const add = (feed: number, name: string, n: number, overrides: Partial<ParsedItem>) => {
      id[name] = upsertFeedArticles(t.db, feed, [item(n, overrides)], NOW).inserted[0]!;
    };
    add(verge, 'drive', 1, { title: 'Hard drive encryption explained', author: 'Jane Doe' });
    add(verge, 'failure', 2, { content: '<p>Why a hard drive fails: encrypted disks and failure rates</p>' });
    add(ars, 'cloud', 3, { title: 'Cloud storage prices', author: 'John Smith', content: '<p>Encryption at rest</p>' });
    add(ars, 'drivehard', 4, { title: 'Drive hard or go home', content: '<p>A review of cars</p>' });
    add(blog, 'cafe', 5, { title: 'Notes from a café', author: 'Zoë Janeway', content: '<p>Wi-Fi and e-mail</p>' });
    add(blog, 'plain', 6, {});
    news = tags.ensureTag(t.db, 'News', NOW);
    tags.addFeedTag(t.db, ars, news);
    tags.tagArticle(t.db, id.drive!, news);
    articles.markRead(t.db, [id.cloud!], true);
    articles.setStarred(t.db, id.failure!, true);
  });
  after(() => t.done());

  it('finds every word, stemmed, in title, author and text', () => {
    assert.deepEqual(ids('encrypt'), named('drive', 'failure', 'cloud'));
    assert.deepEqual(ids('encryption hard'), named('drive', 'failure'));
    assert.deepEqual(ids('jane'), named('drive'), 'the author is searched');
    assert.deepEqual(ids('cafe'), named('cafe'), 'diacritics do not matter');
    assert.deepEqual(ids('ZOE'), named('cafe'), 'nor does case');
  });

  it('matches a prefix, a phrase, and a prefix at the end of a phrase', () => {
    assert.deepEqual(ids('cl*'), named('cloud'));
    assert.deepEqual(ids('encry*'), named('drive', 'failure', 'cloud'), 'a prefix the stemmer would change');
    assert.deepEqual(ids('title:encrypt*'), named('drive'));
    assert.deepEqual(ids('"hard drive"'), named('drive', 'failure'));
    assert.deepEqual(ids('"drive hard"'), named('drivehard'), 'a phrase keeps its order');
    assert.deepEqual(ids('"hard dri"*'), named('drive', 'failure'));
    assert.deepEqual(ids('wi-fi'), named('cafe'), 'a word with a hyphen is its two words together');
  });

  it('limits a term to the title or the author', () => {
    assert.deepEqual(ids('title:encryption'), named('drive'));
    assert.deepEqual(ids('title:"hard drive"'), named('drive'));
    assert.deepEqual(ids('title:cars'), [], 'the text is not the title');
    assert.deepEqual(ids('author:jane'), named('drive'));
    assert.deepEqual(ids('author:jane*'), named('drive', 'cafe'), 'Janeway begins so');
    assert.deepEqual(ids('author:smith cloud'), named('cloud'));
    assert.deepEqual(ids('AUTHOR:Smith'), named('cloud'), 'the field name in any case');
  });

  it("matches feed: against the feed's name, the one the user gave it first", () => {
    assert.deepEqual(ids('feed:verge'), named('drive', 'failure'));
    assert.deepEqual(ids('feed:"ars technica"'), named('cloud', 'drivehard'));
    assert.deepEqual(ids('feed:tech*'), named('cloud', 'drivehard'));
    assert.deepEqual(ids('feed:cafe'), named('cafe', 'plain'), 'the name the user chose, diacritics folded');
    assert.deepEqual(ids('feed:original'), named('cafe', 'plain'), "and the feed's own title");
    assert.deepEqual(ids('feed:verge encryption'), named('drive', 'failure'));
    assert.deepEqual(ids('feed:verge cloud'), []);
    assert.deepEqual(ids('feed:nothing'), [], 'no feed of that name: nothing, not everything');
    assert.deepEqual(ids('feed:verge feed:ars'), [], 'every feed: term must hold');
  });

  it('leaves out excluded terms, also when nothing else is asked', () => {
    assert.deepEqual(ids('encryption -cloud'), named('drive', 'failure'));
    assert.deepEqual(ids('encrypt -"hard drive"'), named('cloud'));
    assert.deepEqual(ids('encrypt -title:encryption'), named('failure', 'cloud'));
    assert.deepEqual(ids('-encrypt'), named('drivehard', 'cafe', 'plain'), 'exclusions only');
    assert.deepEqual(ids('-encrypt -cafe'), named('drivehard', 'plain'));
    assert.deepEqual(ids('-feed:verge -feed:ars'), named('cafe', 'plain'));
    assert.deepEqual(ids('feed:verge -failure'), named('drive'));
    assert.deepEqual(ids('-author:jane*'), named('failure', 'cloud', 'drivehard', 'plain'));
  });

  it('searches within the view, the feed and the tags of the query', () => {
    assert.deepEqual(ids('encrypt', { view: 'unread' }), named('drive', 'failure'));
    assert.deepEqual(ids('encrypt', { view: 'starred' }), named('failure'));
    assert.deepEqual(ids('encrypt', { feedId: ars }), named('cloud'));
    assert.deepEqual(ids('encrypt', { tags: [news] }), named('drive', 'cloud'), 'a tag on the feed or the article');
    assert.deepEqual(ids('-encrypt', { tags: [news] }), named('drivehard'));
    assert.deepEqual(ids('feed:verge', { tags: [news] }), named('drive'));
    assert.deepEqual(ids('-encrypt', { view: 'unread', feedId: blog }), named('cafe', 'plain'));
  });

  it('pages a search by keyset, newest first, each article once', () => {
    for (const search of ['encrypt', '-cafe', 'feed:verge', 'drive']) {
      const seen: number[] = [];
      let after: number | null = null;
      do {
        const page = articles.listArticles(t.db, { view: 'all', search }, after, 1, NOW);
        seen.push(...page.articles.map((a) => a.id));
        after = page.next;
      } while (after != null);
      assert.deepEqual(seen, [...ids(search)].reverse(), search);
    }
  });

  it('counts what the list shows, up to a limit', () => {
    const count = (search: string, limit = 100, query: Partial<ArticleQuery> = {}) =>
      articles.countArticles(t.db, { view: 'all', dedupe: false, ...query, search }, limit, NOW);
    assert.equal(count(''), 6);
    assert.equal(count('encrypt'), 3);
    assert.equal(count('encrypt', 2), 2, 'stops at the limit');
    assert.equal(count('-encrypt'), 3);
    assert.equal(count('feed:verge'), 2);
    assert.equal(count('encrypt', 100, { view: 'unread' }), 2);
    assert.equal(count('encrypt', 100, { tags: [news] }), 2);
    assert.equal(count('"nothing at all here"'), 0);
  });

  it('reads no typed text as FTS5 or SQL syntax', () => {
    const hostile = [
      'NEAR( "',
      '"',
      '"""',
      '-',
      '--',
      '- -',
      '*',
      '**',
      'title:',
      'title:""',
      '-title:',
      'feed:',
      'author:*',
      '^start',
      'a:b',
      'col:word',
      '(a OR b',
      'a) NOT (b',
      'AND',
      'OR NOT',
      "'; DROP TABLE articles; --",
      '{title author}: x',
      'title:"unterminated',
      '\u0000',
      '🙂 emoji',
      'x'.repeat(500),
      Array.from({ length: 200 }, (_, i) => `-w${i}`).join(' '),
      Array.from({ length: 200 }, (_, i) => `feed:f${i}`).join(' '),
    ];
    for (const search of hostile) {
      assert.doesNotThrow(() => ids(search), search);
      assert.doesNotThrow(() => articles.countArticles(t.db, { view: 'all', search }, 10, NOW), search);
    }
    assert.deepEqual(ids("'; DROP TABLE articles; --"), []);
    assert.equal(articles.countArticles(t.db, { view: 'all', dedupe: false }, 100, NOW), 6, 'the table is still there');
  });

  it('survives random input', () => {
    const alphabet = 'ab "-*:()^{}+\'\\tileuhorfd';
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 500; n++) {
      const search = Array.from({ length: 1 + Math.floor(random() * 20) }, () =>
        alphabet.charAt(Math.floor(random() * alphabet.length)),
      ).join('');
      assert.doesNotThrow(() => ids(search), JSON.stringify(search));
    }
  });

  it('marks a searched view read, exclusions included', () => {
    const changed = articles.markViewRead(t.db, { view: 'all', search: '-encrypt', feedId: blog }, null, NOW);
    assert.deepEqual(
      [...changed].sort((a, b) => a - b),
      named('cafe', 'plain'),
    );
    articles.markRead(t.db, changed, false);
  });
});

describe('toFtsQuery', () => {
  it('quotes every word, with column filters and exclusions', () => {
    assert.equal(toFtsQuery('title:"a b"* author:c'), 'title : "a b"* AND author : "c"');
    assert.equal(toFtsQuery('a -b -title:c'), '("a") NOT ("b" OR title : "c")');
    assert.equal(toFtsQuery('-b'), null, 'exclusions alone are not an FTS5 query');
    assert.equal(toFtsQuery('feed:x'), null, 'nor feed names');
    assert.equal(toFtsQuery('NEAR(a, b) "c'), '"NEAR a" AND "b" AND "c"');
  });
});
