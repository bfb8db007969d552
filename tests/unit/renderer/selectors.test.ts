/** The pure selectors (renderer/src/state/selectors.ts) and scope rules (scope.ts) the components rely on. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FALLBACK_SCOPE, selectionFor, showsFeed, showsTag } from '../../../renderer/src/state/scope.js';
import {
  canFilterUnread,
  feedById,
  feedTitle,
  sameScope,
  scopeTitle,
  tagById,
  toQuery,
} from '../../../renderer/src/state/selectors.js';
import { initialState, type Selection } from '../../../renderer/src/state/store.js';
import { feed, stateWith, tag } from './fixtures.js';

function selection(fields: Partial<Selection>): Selection {
  return { ...initialState.selection, ...fields };
}

describe('the article query of a selection', () => {
  it('asks for a smart view as it is, and for All as all or unread by the switch', () => {
    assert.deepEqual(toQuery(selection({ scope: { kind: 'smart', view: 'starred' } }), true), {
      view: 'starred',
      dedupe: true,
    });
    assert.equal(toQuery(selection({ scope: { kind: 'smart', view: 'all' } }), true).view, 'all');
    assert.equal(toQuery(selection({ scope: { kind: 'smart', view: 'all' }, unreadOnly: true }), true).view, 'unread');
  });

  it('asks for one feed, unread only when the switch is on', () => {
    assert.deepEqual(toQuery(selection({ scope: { kind: 'feed', feedId: 4 }, unreadOnly: true }), false), {
      view: 'unread',
      dedupe: false,
      feedId: 4,
    });
  });

  it('sends the search trimmed, and no search when it is only spaces', () => {
    assert.equal(toQuery(selection({ search: '  rust  ' }), true).search, 'rust');
    assert.equal('search' in toQuery(selection({ search: '   ' }), true), false);
  });
});

describe('titles', () => {
  it("names a feed by the user's title, else the feed's, else its host", () => {
    assert.equal(feedTitle(feed(1, { userTitle: 'Mine', title: 'Theirs' })), 'Mine');
    assert.equal(feedTitle(feed(1, { title: 'Theirs' })), 'Theirs');
    assert.equal(feedTitle(feed(1, { title: null, url: 'https://blog.example.org/rss' })), 'blog.example.org');
    assert.equal(feedTitle(undefined), 'Unknown feed');
  });

  it('names the smart views and the selected feed', () => {
    const state = stateWith({ feeds: [feed(5, { title: 'Five' })] });
    assert.equal(scopeTitle(state, { kind: 'smart', view: 'today' }), 'Today');
    assert.equal(scopeTitle(state, { kind: 'feed', feedId: 5 }), 'Five');
    assert.equal(scopeTitle(stateWith({ scope: { kind: 'smart', view: 'all' } })), 'All articles');
  });
});

describe('lookups by id', () => {
  it('give the same Map while the feeds and tags are unchanged, and a new one when they change', () => {
    const state = stateWith({ feeds: [feed(1), feed(2)], tags: [tag(1, 'a')] });
    assert.equal(feedById(state), feedById({ ...state, ui: { ...state.ui, pendingG: true } }));
    assert.equal(feedById(state).get(2)?.id, 2);
    assert.equal(tagById(state).get(1)?.name, 'a');
    const changed = stateWith({ feeds: [feed(1)] });
    assert.notEqual(feedById(changed), feedById(state));
    assert.equal(feedById(changed).has(2), false);
  });
});

describe('choosing a scope', () => {
  it('offers the unread-only switch on All, a feed and tags, not on the other smart views', () => {
    assert.equal(canFilterUnread({ kind: 'smart', view: 'all' }), true);
    assert.equal(canFilterUnread({ kind: 'feed', feedId: 1 }), true);
    assert.equal(canFilterUnread({ kind: 'tags', tagIds: [1], mode: 'any' }), true);
    assert.equal(canFilterUnread({ kind: 'smart', view: 'starred' }), false);
    assert.equal(canFilterUnread({ kind: 'smart', view: 'unread' }), false);
  });

  it('clears the selected article and keeps unread-only only where it means something', () => {
    const before = selection({ unreadOnly: true, articleId: 42, search: 'x' });
    const toFeed = selectionFor(before, { kind: 'feed', feedId: 2 });
    assert.deepEqual(toFeed, { scope: { kind: 'feed', feedId: 2 }, unreadOnly: true, articleId: null, search: 'x' });
    assert.equal(selectionFor(before, { kind: 'smart', view: 'starred' }).unreadOnly, false);
  });

  it('compares scopes by value', () => {
    assert.equal(sameScope({ kind: 'feed', feedId: 1 }, { kind: 'feed', feedId: 1 }), true);
    assert.equal(sameScope({ kind: 'feed', feedId: 1 }, { kind: 'feed', feedId: 2 }), false);
    assert.equal(
      sameScope({ kind: 'tags', tagIds: [1], mode: 'any' }, { kind: 'tags', tagIds: [1], mode: 'all' }),
      false,
    );
  });

  it('knows when deleting a feed or a tag takes the shown list away, and falls back to Unread', () => {
    assert.equal(showsFeed({ kind: 'feed', feedId: 3 }, 3), true);
    assert.equal(showsFeed({ kind: 'feed', feedId: 3 }, 4), false);
    assert.equal(showsTag({ kind: 'tags', tagIds: [1, 2], mode: 'all' }, 2), true);
    assert.equal(showsTag({ kind: 'tags', tagIds: [1, 2], mode: 'all' }, 5), false);
    assert.equal(showsTag({ kind: 'smart', view: 'all' }, 1), false);
    assert.deepEqual(FALLBACK_SCOPE, { kind: 'smart', view: 'unread' });
  });
});
