/**
 * Saved views in the store (saved-views.ts) and their unread counts (counts.ts), over a
 * real SQLite file: rows kept in the sidebar's order through create, delete and reorder,
 * a row whose filter cannot be read left out of the list (never a crash), and each view's
 * count: what its list shows unread, stopped at the cap.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { ParsedItem } from '../../../../electron/engine/feeds/parse.js';
import { upsertFeedArticles } from '../../../../electron/engine/store/article-upsert.js';
import * as articles from '../../../../electron/engine/store/articles.js';
import { getCounts, VIEW_COUNT_CAP, viewUnreadCount } from '../../../../electron/engine/store/counts.js';
import * as feeds from '../../../../electron/engine/store/feeds.js';
import * as store from '../../../../electron/engine/store/saved-views.js';
import * as tags from '../../../../electron/engine/store/tags.js';
import { viewQuery, type SavedViewDraft, type ViewFilter } from '../../../../shared/saved-views.js';
import { tempDatabase } from '../../../support/temp.js';

const NOW = Date.UTC(2024, 5, 20, 12);
const DAY = 86_400_000;

function item(n: number, daysAgo: number, title: string, overrides: Partial<ParsedItem> = {}): ParsedItem {
  return {
    id: `item-${n}`,
    title,
    link: `https://site.example/${n}`,
    author: null,
    published: NOW - daysAgo * DAY - n * 1000,
    updated: null,
    summary: null,
    content: '<p>Text</p>',
    categories: [],
    enclosures: [],
    thumbnailUrl: null,
    ...overrides,
  };
}

const draft = (name: string, filter: ViewFilter, notify = false): SavedViewDraft => ({ name, filter, notify });

describe('store: saved views', () => {
  let t: ReturnType<typeof tempDatabase>;
  let sec: number;
  let other: number;
  let security: number;

  before(() => {
    t = tempDatabase();
    sec = feeds.insertFeed(t.db, { url: 'https://sec.example/rss', title: 'Security Weekly' }, NOW).feed.id;
    other = feeds.insertFeed(t.db, { url: 'https://other.example/rss', title: 'Other' }, NOW).feed.id;
    security = tags.ensureTag(t.db, 'security', NOW);
    tags.addFeedTag(t.db, sec, security);
    const secItems = Array.from({ length: 12 }, (_, n) =>
      item(n, n < 6 ? 1 : 30, n % 2 ? `CVE report ${n}` : `Notes ${n}`),
    );
    upsertFeedArticles(t.db, sec, secItems, NOW);
    const secRows = articles.listArticles(t.db, { view: 'all', feedId: sec }, null, 100, NOW).articles;
    const titled = (title: string): number => secRows.find((a) => a.title === title)!.id;
    articles.markRead(t.db, [titled('Notes 0'), titled('CVE report 1')], true);
    upsertFeedArticles(
      t.db,
      other,
      Array.from({ length: 5 }, (_, n) =>
        item(100 + n, 2, `Episode ${n}`, {
          enclosures: [{ url: `https://o.example/${n}.mp3`, type: null, length: null }],
        }),
      ),
      NOW,
    );
  });
  after(() => t.done());

  it('keeps views in the order they were made, closes gaps, and reorders in one go', () => {
    const a = store.insertSavedView(t.db, draft('A', { view: 'unread' }), NOW);
    const b = store.insertSavedView(t.db, draft('B', { view: 'starred' }, true), NOW);
    const c = store.insertSavedView(t.db, draft('C', { view: 'all', hasEnclosure: true }), NOW);
    const listed = () => store.listSavedViews(t.db).map((v) => [v.name, v.position]);
    assert.deepEqual(listed(), [
      ['A', 0],
      ['B', 1],
      ['C', 2],
    ]);
    assert.deepEqual(store.getSavedView(t.db, b), {
      id: b,
      name: 'B',
      position: 1,
      filter: { view: 'starred' },
      notify: true,
    });
    assert.equal(store.updateSavedView(t.db, a, draft('A2', { view: 'all', sinceDays: 3 })), true);
    assert.deepEqual(store.getSavedView(t.db, a)?.filter, { view: 'all', sinceDays: 3 });
    assert.equal(store.deleteSavedView(t.db, b), true);
    assert.equal(store.deleteSavedView(t.db, b), false);
    assert.equal(store.updateSavedView(t.db, b, draft('B', { view: 'all' })), false);
    assert.deepEqual(listed(), [
      ['A2', 0],
      ['C', 1],
    ]);
    store.reorderSavedViews(t.db, [c, a]);
    assert.deepEqual(listed(), [
      ['C', 0],
      ['A2', 1],
    ]);
    const d = store.insertSavedView(t.db, draft('D', { view: 'all' }), NOW);
    assert.equal(store.getSavedView(t.db, d)?.position, 2, 'a new view goes last');
    for (const id of [a, c, d]) store.deleteSavedView(t.db, id);
    assert.deepEqual(store.listSavedViews(t.db), []);
  });

  it('leaves out a row whose filter this version cannot read, and says so in the log', (ctx) => {
    const errors = ctx.mock.method(console, 'error', () => {});
    const good = store.insertSavedView(t.db, draft('Good', { view: 'unread' }), NOW);
    const insert = t.db.prepare(
      "INSERT INTO saved_views (name, position, filter, created_at) VALUES ('Bad', ?, ?, 0) RETURNING id",
    );
    const bad = (insert.get(5, '{"view":"later","colour":"red"}') as { id: number }).id;
    const broken = (insert.get(6, '[1, 2]') as { id: number }).id;
    assert.deepEqual(
      store.listSavedViews(t.db).map((v) => v.id),
      [good],
    );
    assert.equal(store.getSavedView(t.db, bad), null);
    assert.ok(errors.mock.callCount() >= 2);
    assert.ok(getCounts(t.db, NOW, true).views[good] !== undefined, 'the counts skip it too');
    // Reordering the views the sidebar shows keeps the unreadable ones, after them.
    store.reorderSavedViews(t.db, [good]);
    const positions = t.db.prepare('SELECT id FROM saved_views ORDER BY position').pluck().all();
    assert.deepEqual(positions, [good, bad, broken]);
    t.db.prepare('DELETE FROM saved_views').run();
  });

  it('names the feeds and tags of a filter that do not exist', () => {
    assert.deepEqual(store.missingFilterIds(t.db, { view: 'all', feedIds: [sec, 999], tags: [security, 77] }), {
      feeds: [999],
      tags: [77],
    });
    assert.deepEqual(store.missingFilterIds(t.db, { view: 'all' }), { feeds: [], tags: [] });
  });

  it("counts each view's unread articles: what its list shows unread", () => {
    const filters: Record<string, ViewFilter> = {
      unreadInTag: { view: 'unread', tags: [security] },
      allInTag: { view: 'all', tags: [security] },
      issueExample: { view: 'unread', tags: [security], search: 'CVE', sinceDays: 7 },
      episodes: { view: 'all', hasEnclosure: true },
      otherFeed: { view: 'all', feedIds: [other], sinceDays: 3 },
      starred: { view: 'starred' },
      nothing: { view: 'all', search: 'nowhere' },
    };
    const ids = Object.fromEntries(
      Object.entries(filters).map(([name, filter]) => [name, store.insertSavedView(t.db, draft(name, filter), NOW)]),
    );
    const counts = getCounts(t.db, NOW, true);
    const unreadListed = (filter: ViewFilter): number =>
      articles
        .listArticles(t.db, { ...viewQuery({ filter }), dedupe: true }, null, 500, NOW)
        .articles.filter((a) => !a.read).length;
    const expected = {
      unreadInTag: 10,
      allInTag: 10,
      issueExample: 2,
      episodes: 5,
      otherFeed: 5,
      starred: 0,
      nothing: 0,
    };
    for (const [name, n] of Object.entries(expected)) {
      assert.equal(counts.views[ids[name]!], n, name);
      assert.equal(unreadListed(filters[name]!), n, `${name} lists as many`);
    }
    assert.deepEqual(counts.viewsCapped, []);
    // Reading changes them with the rest of the counts.
    const secIds = articles
      .listArticles(t.db, { view: 'unread', feedId: sec }, null, 500, NOW)
      .articles.map((a) => a.id);
    articles.markRead(t.db, secIds.slice(0, 3), true);
    assert.equal(getCounts(t.db, NOW, true).views[ids.unreadInTag!], 7);
    for (const id of Object.values(ids)) store.deleteSavedView(t.db, id);
  });

  it('stops counting at the cap and says which views it stopped', () => {
    assert.equal(VIEW_COUNT_CAP, 99, 'the sidebar shows 99+');
    const filter: ViewFilter = { view: 'all', tags: [security] };
    assert.equal(viewUnreadCount(t.db, { filter }, true, NOW, 3), 4, 'one past the cap: "more than"');
    assert.equal(viewUnreadCount(t.db, { filter }, true, NOW, 100), 7);
    const id = store.insertSavedView(t.db, draft('Many', filter), NOW);
    const many = Array.from({ length: VIEW_COUNT_CAP + 5 }, (_, n) => item(1000 + n, 0.5, `Bulk ${n}`));
    upsertFeedArticles(t.db, sec, many, NOW);
    const counts = getCounts(t.db, NOW, true);
    assert.equal(counts.views[id], VIEW_COUNT_CAP);
    assert.deepEqual(counts.viewsCapped, [id]);
    store.deleteSavedView(t.db, id);
  });
});
