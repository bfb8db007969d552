/** Saved views in the renderer (renderer/src/state/saved-views.ts): "Save as view", a view's query, its count, its order. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Counts } from '../../../shared/domain.js';
import {
  bothSearches,
  cleanFilter,
  draftFromQuery,
  filterOfQuery,
  movedOrder,
  savedViewQuery,
  viewCount,
  withView,
} from '../../../renderer/src/state/saved-views.js';

describe('Save as view', () => {
  it('keeps what the list shows: its smart view, feed, tags, search, and none of the per-visit parts', () => {
    assert.deepEqual(filterOfQuery({ view: 'all', search: ' CVE ', dedupe: true, order: 'oldest', below: 4 }), {
      view: 'all',
      search: 'CVE',
    });
    assert.deepEqual(filterOfQuery({ view: 'unread', feedId: 3 }), { view: 'unread', feedIds: [3] });
    assert.deepEqual(filterOfQuery({ view: 'all', tags: [1, 2], tagMode: 'all' }), {
      view: 'all',
      tags: [1, 2],
      tagMode: 'all',
    });
    assert.deepEqual(filterOfQuery({ view: 'all', tags: [5], tagMode: 'any' }), { view: 'all', tags: [5] });
    assert.deepEqual(filterOfQuery({ view: 'starred', feedIds: [2], feedId: 2, sinceDays: 3, hasEnclosure: false }), {
      view: 'starred',
      feedIds: [2],
      sinceDays: 3,
      hasEnclosure: false,
    });
  });

  it('names the new view after the search box, else after what the list is called', () => {
    assert.equal(draftFromQuery({ view: 'all', search: 'CVE' }, { search: ' CVE ', scope: 'All' }).name, 'CVE');
    // Within a saved view, the box's words name it; the filter holds both searches.
    const narrowed = draftFromQuery({ view: 'all', search: 'CVE linux' }, { search: 'linux', scope: 'CVE' });
    assert.equal(narrowed.name, 'linux');
    assert.equal(narrowed.filter.search, 'CVE linux');
    assert.equal(draftFromQuery({ view: 'all', feedId: 1 }, { search: '', scope: 'LWN.net' }).name, 'LWN.net');
    assert.equal(draftFromQuery({ view: 'all' }, { search: '', scope: 'All' }).notify, false);
  });
});

describe("a saved view's list", () => {
  const view = { filter: { view: 'all' as const, search: 'CVE', feedIds: [1, 2] } };

  it('is its filter, deduplicated as the settings say', () => {
    assert.deepEqual(savedViewQuery(view, { search: '', unreadOnly: false, dedupe: true }), {
      view: 'all',
      search: 'CVE',
      feedIds: [1, 2],
      dedupe: true,
    });
  });

  it('narrows by the search box (both searches hold) and the unread-only switch', () => {
    const query = savedViewQuery(view, { search: 'linux', unreadOnly: true, dedupe: false });
    assert.equal(query.search, 'CVE linux');
    assert.equal(query.view, 'unread');
    // A starred view stays starred: unread-only means nothing there.
    const starred = savedViewQuery({ filter: { view: 'starred' } }, { search: '', unreadOnly: true, dedupe: true });
    assert.equal(starred.view, 'starred');
    assert.equal('search' in starred, false);
  });

  it('joins two searches, either of which may be missing', () => {
    assert.equal(bothSearches(undefined, ' '), undefined);
    assert.equal(bothSearches('a', undefined), 'a');
    assert.equal(bothSearches(' a ', 'b'), 'a b');
  });
});

describe("a saved view's count and place", () => {
  const counts = { views: { 1: 4, 2: 1000 }, viewsCapped: [2] } as unknown as Counts;

  it('reads the count, saying when the engine stopped at its cap', () => {
    assert.deepEqual(viewCount(counts, 1), { count: 4, capped: false });
    assert.deepEqual(viewCount(counts, 2), { count: 1000, capped: true });
    assert.equal(viewCount(counts, 3), undefined);
    assert.equal(viewCount(null, 1), undefined);
  });

  it('moves a view one place, and not past either end', () => {
    assert.deepEqual(movedOrder([1, 2, 3], 3, -1), [1, 3, 2]);
    assert.deepEqual(movedOrder([1, 2, 3], 1, 1), [2, 1, 3]);
    assert.equal(movedOrder([1, 2, 3], 1, -1), null);
    assert.equal(movedOrder([1, 2, 3], 3, 1), null);
    assert.equal(movedOrder([1, 2, 3], 9, 1), null);
  });

  it("takes in a saved or changed view once, whether or not 'views-changed' brought it first", () => {
    const a = { id: 1, name: 'A', position: 0, notify: false, filter: { view: 'all' as const } };
    const b = { ...a, id: 2, name: 'B', position: 1 };
    assert.deepEqual(withView([a], b), [a, b]);
    assert.deepEqual(withView([a, b], { ...b, name: 'B2' }), [a, { ...b, name: 'B2' }]);
  });

  it('stores a filter without its empty parts', () => {
    assert.deepEqual(
      cleanFilter({ view: 'all', search: '  ', author: '', feedIds: [], tags: [4], tagMode: 'all', sinceDays: 3 }),
      { view: 'all', tags: [4], sinceDays: 3 },
    );
  });
});
