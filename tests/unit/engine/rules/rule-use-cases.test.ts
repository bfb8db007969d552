/**
 * The rules' use cases on a real SQLite file: storing, ordering and refusing rules; the
 * editor's preview over stored articles; "Run on existing articles"; the rules changed by
 * another connection (the CLI while the app runs) picked up by the running classifier.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import type { ReaderEventName } from '../../../../shared/api.js';
import type { Rule, RuleDraft } from '../../../../shared/rules.js';
import type { ParsedItem } from '../../../../electron/engine/feeds/parse.js';
import { ReaderService } from '../../../../electron/engine/reader/reader-service.js';
import { UserError } from '../../../../electron/engine/reader/user-error.js';
import { RuleClassifier } from '../../../../electron/engine/rules/rule-classifier.js';
import { prepareItem } from '../../../../electron/engine/feeds/prepare-item.js';
import { upsertFeedArticles } from '../../../../electron/engine/store/article-upsert.js';
import { closeDatabase, openDatabase, type Db } from '../../../../electron/engine/store/db.js';
import { insertFeed } from '../../../../electron/engine/store/feeds.js';
import { appendRules, listRules } from '../../../../electron/engine/store/rules.js';
import { inThreadParser } from '../../../../electron/engine/feeds/in-thread-parser.js';
import { tempDatabase } from '../../../support/temp.js';

const NOW = Date.UTC(2025, 0, 1);

function item(n: number, title: string, extra: Partial<ParsedItem> = {}): ParsedItem {
  return {
    id: `guid-${n}`,
    title,
    link: `https://www.example.com/posts/${n}`,
    author: null,
    published: NOW - n * 60_000,
    updated: null,
    summary: null,
    content: `<p>Body of <b>post ${n}</b></p>`,
    categories: [],
    enclosures: [],
    thumbnailUrl: null,
    ...extra,
  };
}

interface Rig {
  service: ReaderService;
  db: Db;
  path: string;
  events: { name: ReaderEventName; payload: unknown }[];
  /** A local feed holding these items. */
  feed(title: string, items: ParsedItem[]): number;
  state(title: string): { read: number; starred: number; muted: number };
}

function rig(t: TestContext): Rig {
  const data = tempDatabase();
  const events: Rig['events'] = [];
  const service = new ReaderService({
    db: data.db,
    parser: inThreadParser,
    headless: true,
    now: () => NOW,
    emit: (name, payload) => void events.push({ name, payload }),
  });
  t.after(async () => {
    await service.shutdown();
    data.done();
  });
  let feeds = 0;
  return {
    service,
    db: data.db,
    path: data.path,
    events,
    feed(title, items) {
      const { feed } = insertFeed(data.db, { url: `https://feeds.example/${++feeds}.xml`, title }, NOW);
      upsertFeedArticles(data.db, feed.id, items, NOW);
      return feed.id;
    },
    state(title) {
      return data.db.prepare('SELECT read, starred, muted FROM articles WHERE title = ?').get(title) as {
        read: number;
        starred: number;
        muted: number;
      };
    },
  };
}

function draft(name: string, value = 'x', op: 'contains' | 'matches' = 'contains'): RuleDraft {
  return {
    name,
    enabled: true,
    match: 'all',
    conditions: [{ field: 'title', op, value }],
    actions: [{ type: 'star' }],
  };
}

const names = (rules: Rule[]): string[] => rules.map((r) => r.name);

describe('rule use cases: storing and ordering', () => {
  it('creates rules at the end, keeps the order through edits, deletes and reorders', async (t) => {
    const { service, events } = rig(t);
    const a = await service.createRule(draft('A'));
    const b = await service.createRule(draft('B'));
    const c = await service.createRule({ ...draft('C'), enabled: false });
    assert.deepEqual(
      (await service.listRules()).map((r) => [r.name, r.position, r.enabled]),
      [
        ['A', 0, true],
        ['B', 1, true],
        ['C', 2, false],
      ],
    );
    assert.deepEqual(c, { ...draft('C'), enabled: false, id: c.id, position: 2 });
    const edited = await service.updateRule(b.id, { ...draft('B2', 'y'), match: 'any' });
    assert.deepEqual([edited.name, edited.position, edited.match], ['B2', 1, 'any']);
    await service.deleteRule(a.id);
    assert.deepEqual(
      (await service.listRules()).map((r) => [r.name, r.position]),
      [
        ['B2', 0],
        ['C', 1],
      ],
    );
    assert.deepEqual(names(await service.reorderRules([c.id, b.id])), ['C', 'B2']);
    await assert.rejects(service.reorderRules([c.id]), /must name every rule once/);
    await assert.rejects(service.reorderRules([c.id, c.id]), /must name every rule once/);
    await assert.rejects(service.updateRule(a.id, draft('gone')), /There is no rule with id/);
    await assert.rejects(service.deleteRule(a.id), UserError);
    const told = events.filter((e) => e.name === 'rules-changed').map((e) => names(e.payload as Rule[]));
    assert.deepEqual(told.at(-1), ['C', 'B2']);
    assert.equal(told.length, 6);
  });

  it('refuses a rule that cannot run, naming it and the condition, and stores nothing', async (t) => {
    const { service } = rig(t);
    await assert.rejects(service.createRule(draft('Echo', '(\\w+) \\1', 'matches')), (e: Error) => {
      assert.ok(e instanceof UserError);
      assert.match(
        e.message,
        /^The rule "Echo" cannot be saved: condition 1: the pattern .* cannot run in linear time/,
      );
      return true;
    });
    await assert.rejects(
      service.createRule({ ...draft('Long tag'), actions: [{ type: 'tag', tag: 'x'.repeat(65) }] }),
      /"Long tag" cannot be saved: action 1: A tag name can be at most 64 characters long/,
    );
    await assert.rejects(
      service.createRule({ ...draft('Nothing'), conditions: [] }),
      /"Nothing" cannot be saved: conditions: a rule needs a condition/,
    );
    const ok = await service.createRule(draft('Fine'));
    await assert.rejects(service.updateRule(ok.id, draft('Fine', '(?=x)', 'matches')), /linear time/);
    assert.deepEqual(
      (await service.listRules()).map((r) => r.conditions[0]!.value),
      ['x'],
    );
  });

  it('leaves out a stored rule this version cannot read, and runs the others', async (t) => {
    const { service, db } = rig(t);
    await service.createRule(draft('Good'));
    db.prepare(
      `INSERT INTO rules (name, position, enabled, definition, created_at) VALUES ('From the future', 5, 1, '{"match":"sometimes"}', 0)`,
    ).run();
    const logged: unknown[] = [];
    t.mock.method(console, 'error', (...args: unknown[]) => void logged.push(args));
    assert.deepEqual(names(await service.listRules()), ['Good']);
    assert.equal(logged.length, 1);
  });
});

describe('rule use cases: preview and run on stored articles', () => {
  it('previews the newest matches among stored articles, and says why a draft cannot run', async (t) => {
    const { service, feed } = rig(t);
    feed('Example News', [
      ...Array.from({ length: 30 }, (_, i) => item(i, `Sponsored ${i}`)),
      ...Array.from({ length: 10 }, (_, i) => item(100 + i, `Plain ${i}`)),
    ]);
    const preview = await service.previewRule(draft('Ads', 'sponsored'));
    assert.equal(preview.matched, 30);
    assert.equal(preview.partial, false);
    assert.equal(preview.problem, null);
    assert.equal(preview.newest.length, 20);
    assert.deepEqual(
      preview.newest.slice(0, 3).map((a) => a.title),
      ['Sponsored 0', 'Sponsored 1', 'Sponsored 2'],
    );
    // The body is read as text, markup left out: "post 3" spans a <b>.
    const body = await service.previewRule({
      ...draft('Body'),
      conditions: [{ field: 'content', op: 'contains', value: 'of post 103' }],
    });
    assert.deepEqual(
      body.newest.map((a) => a.title),
      ['Plain 3'],
    );
    const bad = await service.previewRule(draft('Bad', 'a(?!b)', 'matches'));
    assert.deepEqual([bad.matched, bad.newest, bad.partial], [0, [], false]);
    assert.match(bad.problem!, /^Condition 1: the pattern "a\(\?!b\)" cannot run in linear time/);
  });

  it('says when the preview did not read every stored article', async (t) => {
    const { service, feed } = rig(t);
    feed(
      'Big',
      Array.from({ length: 5_010 }, (_, i) => item(i, i % 2 ? 'odd' : 'even')),
    );
    const preview = await service.previewRule(draft('Odd', 'odd'));
    assert.equal(preview.partial, true);
    assert.equal(preview.matched, 2_500);
  });

  it('runs a rule over every stored article it matches, counting what it changed', async (t) => {
    const { service, feed, state, events } = rig(t);
    feed('Example News', [item(1, 'Sponsored one'), item(2, 'Sponsored two'), item(3, 'Other')]);
    const list = await service.listArticles({ view: 'all' }, null, 10);
    const two = list.articles.find((a) => a.title === 'Sponsored two')!;
    await service.markRead([two.id], true);
    const rule = await service.createRule({
      ...draft('Ads', 'sponsored'),
      enabled: false,
      actions: [{ type: 'mute' }, { type: 'tag', tag: 'Ads' }, { type: 'notify' }],
    });
    events.length = 0;
    assert.deepEqual(await service.applyRule(rule.id), { matched: 2, changed: 2 });
    assert.deepEqual(state('Sponsored one'), { read: 1, starred: 0, muted: 1 });
    assert.deepEqual(state('Sponsored two'), { read: 1, starred: 0, muted: 1 });
    assert.deepEqual(state('Other'), { read: 0, starred: 0, muted: 0 });
    assert.deepEqual(
      events.map((e) => e.name),
      ['articles-changed', 'counts-changed'],
    );
    // Nothing left to change.
    assert.deepEqual(await service.applyRule(rule.id), { matched: 2, changed: 0 });
    // Already read counts as unchanged for mark-read; a star is a change.
    const star = await service.createRule({ ...draft('Star', 'sponsored two'), actions: [{ type: 'mark-read' }] });
    assert.deepEqual(await service.applyRule(star.id), { matched: 1, changed: 0 });
    await assert.rejects(service.applyRule(9999), /There is no rule with id 9999/);
  });
});

describe('the classifier follows the rules wherever they change', () => {
  it('picks up rules another connection stored (the CLI while the app runs)', async (t) => {
    const { db, path, feed } = rig(t);
    const feedId = feed('Example News', []);
    const classifier = new RuleClassifier(db, () => listRules(db));
    const post = prepareItem(item(1, 'Sponsored post'));
    assert.equal(classifier.classify(feedId, post), null);
    const other = openDatabase(path);
    t.after(() => closeDatabase(other));
    appendRules(other, [draft('Ads', 'sponsored')], NOW);
    // Within one synchronous stretch the rules stay as they were; after it, the new ones run.
    assert.equal(classifier.classify(feedId, post), null);
    await Promise.resolve();
    assert.equal(classifier.classify(feedId, post)?.star, true);
  });
});
