/**
 * Tags combined with any/all (renderer/src/state/scope.ts and the query and title made
 * from them in selectors.ts): the main side filters, the renderer says which tags and
 * which mode.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toggleTag, withTagMode } from '../../../renderer/src/state/scope.js';
import { scopeTitle, toQuery } from '../../../renderer/src/state/selectors.js';
import { initialState, type Scope } from '../../../renderer/src/state/store.js';
import { stateWith, tag } from './fixtures.js';

const tags = [tag(1, 'news'), tag(2, 'tech'), tag(3, 'music')];

function queryOf(scope: Scope) {
  return toQuery({ ...initialState.selection, scope }, true);
}

describe('combining tags', () => {
  it('starts a one-tag scope, combined with "any", from a view that is not tags', () => {
    assert.deepEqual(toggleTag({ kind: 'smart', view: 'unread' }, 2), { kind: 'tags', tagIds: [2], mode: 'any' });
    assert.deepEqual(toggleTag({ kind: 'feed', feedId: 9 }, 2), { kind: 'tags', tagIds: [2], mode: 'any' });
  });

  it('adds a tag that is not in the combination, keeping the mode', () => {
    assert.deepEqual(toggleTag({ kind: 'tags', tagIds: [1], mode: 'all' }, 3), {
      kind: 'tags',
      tagIds: [1, 3],
      mode: 'all',
    });
  });

  it('takes away a tag that is in the combination', () => {
    assert.deepEqual(toggleTag({ kind: 'tags', tagIds: [1, 3], mode: 'all' }, 1), {
      kind: 'tags',
      tagIds: [3],
      mode: 'all',
    });
  });

  it('shows all articles once the last tag is taken away', () => {
    assert.deepEqual(toggleTag({ kind: 'tags', tagIds: [1], mode: 'any' }, 1), { kind: 'smart', view: 'all' });
  });

  it('switches between any and all, and reports no change when the mode is already set or tags are not shown', () => {
    const any: Scope = { kind: 'tags', tagIds: [1, 2], mode: 'any' };
    assert.deepEqual(withTagMode(any, 'all'), { kind: 'tags', tagIds: [1, 2], mode: 'all' });
    assert.equal(withTagMode(any, 'any'), null);
    assert.equal(withTagMode({ kind: 'smart', view: 'all' }, 'all'), null);
  });
});

describe('the query and title of combined tags', () => {
  it('asks the main side for articles with any of the tags in "any" mode', () => {
    const query = queryOf({ kind: 'tags', tagIds: [1, 2], mode: 'any' });
    assert.deepEqual(query.tags, [1, 2]);
    assert.equal(query.tagMode, 'any');
  });

  it('asks the main side for articles with all of the tags in "all" mode', () => {
    const query = queryOf({ kind: 'tags', tagIds: [1, 2], mode: 'all' });
    assert.deepEqual(query.tags, [1, 2]);
    assert.equal(query.tagMode, 'all');
  });

  it('names the view "a or b" for any and "a and b" for all', () => {
    const state = stateWith({ tags });
    assert.equal(scopeTitle(state, { kind: 'tags', tagIds: [1, 2], mode: 'any' }), 'news or tech');
    assert.equal(scopeTitle(state, { kind: 'tags', tagIds: [1, 2, 3], mode: 'all' }), 'news and tech and music');
  });

  it('names a tag deleted meanwhile "?" rather than failing', () => {
    assert.equal(scopeTitle(stateWith({ tags }), { kind: 'tags', tagIds: [1, 7], mode: 'any' }), 'news or ?');
  });
});
