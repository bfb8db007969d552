/**
 * The sidebar's feed groups (renderer/src/state/sidebar-groups.ts): a group per tag with
 * its feeds, a feed with two tags in both, the untagged feeds apart (per account when
 * there are several), the filter (case and accents aside), the folds, the counts, where
 * the Tab stop is, what Left and Right do; and a thousand feeds in fifty tags.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Counts } from '../../../shared/domain.js';
import {
  feedMatches,
  filterWords,
  foldText,
  sidebarLayout,
  tabStopGroup,
  toggledFolds,
  treeArrow,
  type SidebarInput,
} from '../../../renderer/src/state/sidebar-groups.js';
import { account, feed, tag } from './fixtures.js';

const security = tag(1, 'Security');
const storage = tag(2, 'Storage');
const schneier = feed(10, { title: 'Schneier on Security', url: 'https://schneier.com/atom', tags: [1] });
const aws = feed(11, { title: 'AWS Blogs', url: 'https://aws.amazon.com/blogs/feed', tags: [1, 2], unreadCount: 4 });
const backblaze = feed(12, { title: 'Backblaze Blog', url: 'https://backblaze.com/feed.json', tags: [2] });
const lwn = feed(13, { title: 'LWN.net', url: 'https://lwn.net/headlines/rdf', unreadCount: 3 });
const cafe = feed(14, { title: 'Le Café Français', url: 'https://exemple.fr/flux', unreadCount: 2 });

function input(fields: Partial<SidebarInput> = {}): SidebarInput {
  return {
    feeds: [schneier, aws, backblaze, lwn, cafe],
    tags: [security, storage],
    accounts: [account(1)],
    counts: null,
    collapsed: [],
    filter: '',
    ...fields,
  };
}

const shape = (fields: Partial<SidebarInput> = {}) =>
  sidebarLayout(input(fields)).groups.map((g) => [g.key, g.feeds.map((f) => f.id), g.open]);

describe('grouping the sidebar by tag', () => {
  it('puts each feed under its tags, one with two tags under both, and the rest under Untagged', () => {
    assert.deepEqual(shape(), [
      ['tag:1', [10, 11], true],
      ['tag:2', [11, 12], true],
      ['untagged', [13, 14], true],
    ]);
    assert.equal(sidebarLayout(input()).flat, false);
  });

  it('is one flat list with no tag and one account', () => {
    const layout = sidebarLayout(input({ tags: [], feeds: [lwn, cafe] }));
    assert.equal(layout.flat, true);
    assert.deepEqual(
      layout.groups.map((g) => g.feeds.length),
      [2],
    );
  });

  it('keeps a tag with no feed (it can still be chosen), and has no Untagged group when every feed is tagged', () => {
    assert.deepEqual(shape({ tags: [security, storage, tag(3, 'Empty')], feeds: [schneier] }), [
      ['tag:1', [10], true],
      ['tag:2', [], true],
      ['tag:3', [], true],
    ]);
  });

  it('counts a feed whose tags are all unknown (a tag just deleted) as untagged', () => {
    assert.deepEqual(shape({ tags: [storage], feeds: [schneier] }), [
      ['tag:2', [], true],
      ['untagged', [10], true],
    ]);
  });

  it("gives a tag its own unread count (an article counted once) and Untagged its feeds' sum", () => {
    const counts: Counts = { all: 0, unread: 0, starred: 0, today: 0, feeds: { 13: 7 }, tags: { 1: 9 }, views: {} };
    const groups = sidebarLayout(input({ counts })).groups;
    assert.deepEqual(
      groups.map((g) => [g.key, g.unread, g.size]),
      [
        ['tag:1', 9, 2],
        ['tag:2', 0, 2],
        // LWN's count from the counts (7), the café's from its feed (2).
        ['untagged', 9, 2],
      ],
    );
  });

  it('with several accounts, puts the untagged feeds under their account, local first, an empty one kept', () => {
    const server = feed(20, { title: 'Server Feed', accountId: 3 });
    const layout = sidebarLayout(
      input({ accounts: [account(3), account(1), account(2)], feeds: [schneier, lwn, server] }),
    );
    assert.deepEqual(
      layout.groups.map((g) => [g.key, g.account?.id ?? null, g.feeds.map((f) => f.id)]),
      [
        ['tag:1', null, [10]],
        ['tag:2', null, []],
        ['account:1', 1, [13]],
        ['account:2', 2, []],
        ['account:3', 3, [20]],
      ],
    );
    assert.equal(layout.flat, false);
  });
});

describe('folding groups', () => {
  it('draws a saved fold closed, and the others open', () => {
    assert.deepEqual(shape({ collapsed: ['tag:2', 'untagged'] }), [
      ['tag:1', [10, 11], true],
      ['tag:2', [11, 12], false],
      ['untagged', [13, 14], false],
    ]);
  });

  it('toggles a fold and forgets those of tags gone since', () => {
    const live = { tags: [security, storage], accounts: [account(1)] };
    assert.deepEqual(toggledFolds([], 'tag:1', live), ['tag:1']);
    assert.deepEqual(toggledFolds(['tag:1', 'untagged'], 'tag:1', live), ['untagged']);
    assert.deepEqual(toggledFolds(['tag:99', 'untagged'], 'tag:2', live), ['untagged', 'tag:2']);
    assert.deepEqual(toggledFolds(['account:2'], 'account:1', { tags: [], accounts: [account(1)] }), ['account:1']);
  });
});

describe('filtering the feeds', () => {
  it('folds case and accents, in the text and in the filter', () => {
    assert.equal(foldText('Le Café FRANÇAIS'), 'le cafe francais');
    assert.equal(foldText('Straße Øresund ﬁle'), 'strasse oresund file');
    assert.deepEqual(filterWords('  Cafe   français '), ['cafe', 'francais']);
    assert.deepEqual(filterWords('   '), []);
  });

  it('keeps the feeds whose title or address has every word, and the groups holding them, opened', () => {
    const layout = sidebarLayout(input({ filter: 'CAFÉ', collapsed: ['untagged'] }));
    assert.equal(layout.filtering, true);
    assert.deepEqual(
      layout.groups.map((g) => [g.key, g.feeds.map((f) => f.id), g.open]),
      [['untagged', [14], true]],
    );
    assert.equal(layout.matches, 1);
    assert.deepEqual(shape({ filter: 'exemple.fr' }), [['untagged', [14], true]]);
    assert.deepEqual(shape({ filter: 'blog aws' }), [
      ['tag:1', [11], true],
      ['tag:2', [11], true],
    ]);
  });

  it('counts a feed under two tags once among the matches', () => {
    assert.equal(sidebarLayout(input({ filter: 'aws' })).matches, 1);
  });

  it("keeps all of a tag's feeds when the filter names the tag, and a feed under it with a word more", () => {
    assert.deepEqual(shape({ filter: 'securite' }), []);
    assert.deepEqual(shape({ filter: 'security' }), [['tag:1', [10, 11], true]]);
    assert.deepEqual(shape({ filter: 'storage backblaze' }), [['tag:2', [12], true]]);
  });

  it('draws nothing, and counts no match, when nothing matches', () => {
    const layout = sidebarLayout(input({ filter: 'zzz' }));
    assert.deepEqual(layout.groups, []);
    assert.equal(layout.matches, 0);
  });

  it('leaves out the accounts with no match while filtering', () => {
    const server = feed(20, { title: 'Server Feed', accountId: 3 });
    const layout = sidebarLayout(input({ accounts: [account(1), account(3)], feeds: [lwn, server], filter: 'server' }));
    assert.deepEqual(
      layout.groups.map((g) => g.key),
      ['account:3'],
    );
  });

  it('folds a group for this search only, apart from the saved folds', () => {
    assert.deepEqual(shape({ filter: 'aws', collapsed: ['tag:1'], foldedWhileFiltering: ['tag:2'] }), [
      ['tag:1', [11], true],
      ['tag:2', [11], false],
    ]);
  });

  it('matches a feed by its address when it has no title', () => {
    const untitled = feed(30, { title: null, url: 'https://Blog.Example.org/rss' });
    assert.equal(feedMatches(untitled, filterWords('example.org')), true);
    assert.equal(feedMatches(untitled, filterWords('example.com')), false);
  });
});

describe('the Tab stop and the arrows', () => {
  it('is on the first drawn group holding the current feed or tag, or nowhere', () => {
    const layout = sidebarLayout(input());
    assert.equal(tabStopGroup(layout, { kind: 'feed', feedId: 11 }), 'tag:1');
    assert.equal(tabStopGroup(layout, { kind: 'tags', tagIds: [2, 1], mode: 'any' }), 'tag:2');
    assert.equal(tabStopGroup(layout, { kind: 'smart', view: 'all' }), null);
    // AWS's first group folded: its second one holds the stop; both folded, nowhere.
    assert.equal(tabStopGroup(sidebarLayout(input({ collapsed: ['tag:1'] })), { kind: 'feed', feedId: 11 }), 'tag:2');
    const folded = sidebarLayout(input({ collapsed: ['tag:1', 'tag:2'] }));
    assert.equal(tabStopGroup(folded, { kind: 'feed', feedId: 11 }), null);
    // Filtered away: nowhere.
    assert.equal(tabStopGroup(sidebarLayout(input({ filter: 'lwn' })), { kind: 'feed', feedId: 11 }), null);
  });

  it('unfolds with Right and folds with Left on a group row, goes up with Left from a feed, else leaves the key to the app', () => {
    const row = (open: boolean, foldable = true) => ({ onGroupRow: true, open, foldable });
    assert.equal(treeArrow('ArrowRight', row(false)), 'expand');
    assert.equal(treeArrow('ArrowLeft', row(true)), 'collapse');
    assert.equal(treeArrow('ArrowRight', row(true)), null);
    assert.equal(treeArrow('ArrowLeft', row(false)), null);
    assert.equal(treeArrow('ArrowRight', row(false, false)), null);
    assert.equal(treeArrow('ArrowLeft', { onGroupRow: false, open: true, foldable: true }), 'to-group-row');
    assert.equal(treeArrow('ArrowRight', { onGroupRow: false, open: true, foldable: true }), null);
  });
});

describe('a thousand feeds in fifty tags', () => {
  const tags = Array.from({ length: 50 }, (_, i) => tag(i + 1, `Topic ${i + 1}`));
  // Every feed under one tag, every third under a second one too, every tenth under none.
  const feeds = Array.from({ length: 1000 }, (_, i) =>
    feed(i + 1, {
      title: `Feed número ${i + 1}`,
      tags: i % 10 === 9 ? [] : i % 3 === 0 ? [(i % 50) + 1, ((i + 7) % 50) + 1] : [(i % 50) + 1],
    }),
  );

  it('draws each tag with its feeds, the untagged ones apart, and filters them', () => {
    const layout = sidebarLayout({ feeds, tags, accounts: [account(1)], counts: null, collapsed: [], filter: '' });
    assert.equal(layout.groups.length, 51);
    const rows = layout.groups.reduce((n, g) => n + g.feeds.length, 0);
    const untagged = feeds.filter((f) => f.tags.length === 0).length;
    const tagged = feeds.reduce((n, f) => n + f.tags.length, 0);
    assert.equal(rows, tagged + untagged);
    assert.equal(layout.groups.at(-1)!.feeds.length, 100);

    const filtered = sidebarLayout({
      feeds,
      tags,
      accounts: [account(1)],
      counts: null,
      collapsed: [],
      filter: 'NUMERO 99',
    });
    // 99, 199 … 899 and 990 to 999: words are found inside numbers too.
    assert.equal(filtered.matches, 19);
  });
});
