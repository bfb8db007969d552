/** ReaderApi.countArticles through the service and the door: what the list shows, capped, arguments checked. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { callReader } from '../../../../electron/doors/reader-door.js';
import type { ParsedItem } from '../../../../electron/engine/feeds/parse.js';
import { inThreadParser } from '../../../../electron/engine/feeds/in-thread-parser.js';
import { COUNT_CAP } from '../../../../electron/engine/reader/article-use-cases.js';
import { ReaderService } from '../../../../electron/engine/reader/reader-service.js';
import { upsertFeedArticles } from '../../../../electron/engine/store/article-upsert.js';
import { insertFeed } from '../../../../electron/engine/store/feeds.js';
import { tempDatabase } from '../../../support/temp.js';

const NOW = Date.UTC(2024, 0, 20, 12);
/** Articles in the first feed, every other one about Rust: just past the cap. */
const MANY = COUNT_CAP + 5;
const RUST = Math.floor(MANY / 2);

function item(n: number, title: string, link = `https://site.example/${n}`): ParsedItem {
  return {
    id: `item-${n}`,
    title,
    link,
    author: null,
    published: Date.UTC(2024, 0, 1) + n * 60_000,
    updated: null,
    summary: null,
    content: `<p>${title}</p>`,
    categories: [],
    enclosures: [],
    thumbnailUrl: null,
  };
}

describe('countArticles', () => {
  let t: ReturnType<typeof tempDatabase>;
  let service: ReaderService;
  let feed: number;

  before(() => {
    t = tempDatabase();
    service = new ReaderService({ db: t.db, parser: inThreadParser, headless: true, now: () => NOW });
    feed = insertFeed(t.db, { url: 'https://one.example/feed', title: 'One' }, NOW).feed.id;
    const other = insertFeed(t.db, { url: 'https://two.example/feed', title: 'Two' }, NOW).feed.id;
    const many = Array.from({ length: MANY }, (_, n) => item(n, n % 2 ? 'Rust news' : 'Go news'));
    upsertFeedArticles(t.db, feed, many, NOW);
    // The same post in a second feed: shown once, so counted once.
    upsertFeedArticles(t.db, other, [item(5000, 'Zig release', 'https://site.example/zig')], NOW);
    upsertFeedArticles(t.db, feed, [item(5001, 'Zig release', 'https://site.example/zig')], NOW);
  });
  after(async () => {
    await service.shutdown();
    t.done();
  });

  it('counts what listArticles lists', async () => {
    assert.deepEqual(await service.countArticles({ view: 'all', search: 'zig' }), { count: 1, capped: false });
    assert.deepEqual(await service.countArticles({ view: 'all', search: 'zig', dedupe: false }), {
      count: 2,
      capped: false,
    });
    assert.deepEqual(await service.countArticles({ view: 'all', search: 'rust' }), { count: RUST, capped: false });
    assert.deepEqual(await service.countArticles({ view: 'all', search: 'feed:two' }), { count: 1, capped: false });
  });

  it(`stops at ${COUNT_CAP} and says there are more`, async () => {
    assert.deepEqual(await service.countArticles({ view: 'all', feedId: feed }), { count: COUNT_CAP, capped: true });
    assert.deepEqual(await service.countArticles({ view: 'all', search: 'news' }), { count: COUNT_CAP, capped: true });
  });

  it('is a door method with its arguments checked', async () => {
    const ok = await callReader(service, 1, 'countArticles', [{ view: 'unread', search: 'title:rust -go' }]);
    assert.deepEqual(ok, { id: 1, ok: true, result: { count: RUST, capped: false } });
    for (const args of [[], [{ view: 'all' }, 1], [{ view: 'nope' }], [{ view: 'all', search: 'x'.repeat(501) }]]) {
      const reply = await callReader(service, 2, 'countArticles', args, () => undefined);
      assert.equal(reply.ok, false, JSON.stringify(args).slice(0, 80));
      assert.match(!reply.ok ? reply.error.message : '', /^Invalid arguments for countArticles/);
    }
  });
});
