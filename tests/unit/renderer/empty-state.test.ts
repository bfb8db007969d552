import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyStateFor, type EmptyContext } from '../../../renderer/src/state/empty-state.js';

const BASE: EmptyContext = {
  scope: { kind: 'smart', view: 'unread' },
  scopeName: 'Unread',
  search: '',
  unreadOnly: false,
  noFeeds: false,
  feedFailing: false,
};
const say = (context: Partial<EmptyContext>) => emptyStateFor({ ...BASE, ...context });

test('every empty view says what it is, each in its own words', () => {
  const cases: Partial<EmptyContext>[] = [
    { noFeeds: true },
    { scope: { kind: 'smart', view: 'unread' } },
    { scope: { kind: 'smart', view: 'starred' } },
    { scope: { kind: 'smart', view: 'today' } },
    { scope: { kind: 'smart', view: 'all' } },
    { scope: { kind: 'feed', feedId: 1 }, scopeName: 'LWN' },
    { scope: { kind: 'feed', feedId: 1 }, scopeName: 'LWN', feedFailing: true },
    { scope: { kind: 'tags', tagIds: [1], mode: 'any' }, scopeName: 'security' },
    { search: 'zebra' },
  ];
  const titles = cases.map((c) => say(c).title + ' / ' + say(c).text);
  assert.equal(new Set(titles).size, cases.length, titles.join('\n'));
});

test('the first start offers one welcome: add a feed or import', () => {
  const state = say({ noFeeds: true, scope: { kind: 'smart', view: 'starred' } });
  assert.equal(state.title, 'Welcome to Syndic');
  assert.deepEqual(
    state.actions.map((a) => a.action),
    ['add-feed', 'import-opml'],
  );
});

test('a search with no hits names the search and offers a wider one', () => {
  const state = say({ search: ' zebra ', scope: { kind: 'feed', feedId: 3 }, scopeName: 'LWN' });
  assert.equal(state.title, 'No results for “zebra”');
  assert.match(state.text, /LWN/);
  assert.deepEqual(
    state.actions.map((a) => a.action),
    ['show-all', 'clear-search'],
  );
  assert.deepEqual(
    say({ search: 'x', scope: { kind: 'smart', view: 'all' } }).actions.map((a) => a.action),
    ['clear-search'],
  );
});

test('tags combined with all suggest any', () => {
  assert.match(say({ scope: { kind: 'tags', tagIds: [1, 2], mode: 'all' }, scopeName: 'a and b' }).text, /Any/);
});
