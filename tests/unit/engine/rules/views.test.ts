/**
 * The saved views' use cases (rules/view-use-cases.ts) over a real SQLite file: create,
 * edit, reorder and delete, each telling the windows the new list and the counts; the
 * user's mistakes refused with a message saying what to fix; and the issue's "done when":
 * a view of unread posts tagged security mentioning CVE from the last week.
 */
import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import type { ReaderEventName } from '../../../../shared/api.js';
import type { Counts } from '../../../../shared/domain.js';
import { viewQuery, type SavedView, type SavedViewDraft } from '../../../../shared/saved-views.js';
import { ReaderContext } from '../../../../electron/engine/reader/reader-context.js';
import { UserError } from '../../../../electron/engine/reader/user-error.js';
import { ViewUseCases } from '../../../../electron/engine/rules/view-use-cases.js';
import { upsertFeedArticles } from '../../../../electron/engine/store/article-upsert.js';
import * as articles from '../../../../electron/engine/store/articles.js';
import * as feeds from '../../../../electron/engine/store/feeds.js';
import * as tags from '../../../../electron/engine/store/tags.js';
import { tempDatabase } from '../../../support/temp.js';

const NOW = Date.UTC(2024, 5, 20, 12);
const DAY = 86_400_000;

describe('saved views: use cases', () => {
  const t = tempDatabase();
  const events: { event: ReaderEventName; payload: unknown }[] = [];
  const ctx = new ReaderContext(
    t.db,
    () => NOW,
    (event, payload) => events.push({ event, payload }),
  );
  const views = new ViewUseCases(ctx);
  const feed = feeds.insertFeed(t.db, { url: 'https://sec.example/rss', title: 'Security Weekly' }, NOW).feed.id;
  const security = tags.ensureTag(t.db, 'security', NOW);
  tags.addFeedTag(t.db, feed, security);
  const draft = (name: string, over: Partial<SavedViewDraft> = {}): SavedViewDraft => ({
    name,
    filter: { view: 'unread' },
    notify: false,
    ...over,
  });
  const refused = (work: () => unknown, message: RegExp) =>
    assert.throws(work, (error: unknown) => error instanceof UserError && message.test(error.message));

  beforeEach(() => {
    for (const view of views.list()) views.delete(view.id);
    events.length = 0;
  });
  after(() => t.done());

  it('creates, edits and deletes, telling the windows the list and the counts each time', () => {
    const made = views.create(draft('  Security  ', { filter: { view: 'unread', tags: [security] }, notify: true }));
    assert.equal(made.name, 'Security', 'the name is trimmed');
    assert.deepEqual([made.position, made.notify, made.filter], [0, true, { view: 'unread', tags: [security] }]);
    assert.deepEqual(
      events.map((e) => e.event),
      ['views-changed', 'counts-changed'],
    );
    assert.deepEqual(events[0]!.payload, [made]);
    assert.ok(made.id in (events[1]!.payload as Counts).views);

    events.length = 0;
    const edited = views.update(made.id, draft('Sec', { filter: { view: 'all', sinceDays: 3 } }));
    assert.deepEqual(
      [edited.id, edited.name, edited.filter, edited.position],
      [made.id, 'Sec', { view: 'all', sinceDays: 3 }, 0],
    );
    assert.deepEqual(events[0]!.payload, [edited]);

    events.length = 0;
    views.delete(made.id);
    assert.deepEqual(views.list(), []);
    assert.deepEqual(events.map((e) => [e.event, e.payload]).slice(0, 1), [['views-changed', []]]);
  });

  it('reorders to exactly the order given', () => {
    const [a, b, c] = ['A', 'B', 'C'].map((name) => views.create(draft(name)).id) as [number, number, number];
    events.length = 0;
    const reordered = views.reorder([c, a, b]);
    assert.deepEqual(
      reordered.map((v: SavedView) => [v.name, v.position]),
      [
        ['C', 0],
        ['A', 1],
        ['B', 2],
      ],
    );
    assert.deepEqual(events[0], { event: 'views-changed', payload: reordered });
    assert.deepEqual(views.list(), reordered);
  });

  it('refuses what the user must fix, with a message saying what', () => {
    const a = views.create(draft('A')).id;
    const b = views.create(draft('B')).id;
    events.length = 0;
    refused(() => views.update(9999, draft('X')), /no saved view with id 9999/);
    refused(() => views.delete(9999), /no saved view with id 9999/);
    for (const order of [[a], [a, b, b], [a, b, 9999], [a, a], []])
      refused(() => views.reorder(order), /must name every saved view once/);
    refused(() => views.create(draft('   ')), /cannot be saved: a view needs a name/);
    refused(
      () => views.create(draft('Far', { filter: { view: 'all', sinceDays: 0 } })),
      /cannot be saved: .*\(filter\.sinceDays\)/,
    );
    refused(() => views.create(draft('Odd', { filter: { view: 'all', colour: 'red' } as never })), /cannot be saved/);
    refused(() => views.create(draft('Gone', { filter: { view: 'all', tags: [4242] } })), /tag that no longer exists/);
    refused(
      () => views.update(a, draft('Gone', { filter: { view: 'all', feedIds: [4242] } })),
      /feed that no longer exists/,
    );
    assert.deepEqual(events, [], 'nothing changed, nothing told');
    assert.deepEqual(
      views.list().map((v) => v.name),
      ['A', 'B'],
    );
  });

  it('builds "unread posts tagged security mentioning CVE from the last week", listed and counted', () => {
    const item = (n: number, daysAgo: number, title: string) => ({
      id: `i-${n}`,
      title,
      link: `https://sec.example/${n}`,
      author: null,
      published: NOW - daysAgo * DAY,
      updated: null,
      summary: null,
      content: `<p>${title}</p>`,
      categories: [],
      enclosures: [],
      thumbnailUrl: null,
    });
    upsertFeedArticles(
      t.db,
      feed,
      [
        item(1, 2, 'CVE-2024-0001 in a router'),
        item(2, 12, 'CVE-2023-9999 revisited'),
        item(3, 1, 'Another CVE, read already'),
        item(4, 1, 'Passwords, again'),
      ],
      NOW,
    );
    const stored = articles.listArticles(t.db, { view: 'all', feedId: feed }, null, 50, NOW).articles;
    const [fresh, old, read, other] = ['CVE-2024', 'CVE-2023', 'Another', 'Passwords'].map(
      (start) => stored.find((a) => a.title!.startsWith(start))!.id,
    );
    articles.markRead(t.db, [read!], true);
    const view = views.create(
      draft('Fresh CVEs', { filter: { view: 'unread', tags: [security], search: 'CVE', sinceDays: 7 } }),
    );
    const listed = articles.listArticles(t.db, { ...viewQuery(view), dedupe: true }, null, 50, NOW);
    assert.deepEqual(
      listed.articles.map((a) => a.id),
      [fresh],
    );
    assert.ok(![old, read, other].some((id) => listed.articles.some((a) => a.id === id)));
    assert.equal(ctx.counts().views[view.id], 1);
    articles.markRead(t.db, [fresh!], true);
    assert.equal(ctx.counts().views[view.id], 0);
  });
});
