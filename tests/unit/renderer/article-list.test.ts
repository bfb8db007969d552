/** The article list's rules (renderer/src/state/article-list.ts): where j/k and n/p land, and what new articles do. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  nearestUnread,
  onCountsChanged,
  onNewArticles,
  PREFETCH_MARGIN,
  step,
} from '../../../renderer/src/state/article-list.js';
import type { Scope, Selection } from '../../../renderer/src/state/store.js';

/** A list of articles 1..n; the ids in `read` are read. */
function list(n: number, read: number[] = []) {
  return Array.from({ length: n }, (_, i) => ({ id: i + 1, read: read.includes(i + 1) }));
}

function selection(scope: Scope, articleId: number | null): Selection {
  return { scope, unreadOnly: false, search: '', articleId };
}

describe('j and k', () => {
  const items = list(20);

  it('open the next and the previous article', () => {
    assert.equal(step(items, 7, 1).targetId, 8);
    assert.equal(step(items, 7, -1).targetId, 6);
  });

  it('start from the first article when nothing is selected, and k then does nothing', () => {
    assert.equal(step(items, null, 1).targetId, 1);
    assert.equal(step(items, null, -1).targetId, null);
  });

  it('stop at either end of the list', () => {
    assert.equal(step(items, 1, -1).targetId, null);
    assert.equal(step(items, 20, 1).targetId, null);
  });

  it('start again from the top when the selected article has left the list, and k does nothing', () => {
    assert.equal(step(items, 999, 1).targetId, 1);
    assert.equal(step(items, 999, -1).targetId, null);
  });

  it('ask for the next page only near the end of what is loaded', () => {
    const edge = items.length - PREFETCH_MARGIN; // the first index that counts as near the end
    assert.equal(step(items, edge - 1, 1).loadMore, false); // lands on index edge - 1
    assert.equal(step(items, edge, 1).loadMore, true); // lands on index edge
    assert.equal(step(items, 3, -1).loadMore, false);
  });

  it('do nothing in an empty list, but ask for more of it', () => {
    assert.deepEqual(step([], null, 1), { targetId: null, loadMore: true });
  });
});

describe('n and p', () => {
  const items = list(10, [2, 3, 4, 6, 7, 8, 9]); // unread: 1, 5, 10

  it('skip read articles to the next and the previous unread one', () => {
    assert.equal(nearestUnread(items, 1, 1), 5);
    assert.equal(nearestUnread(items, 5, 1), 10);
    assert.equal(nearestUnread(items, 10, -1), 5);
    assert.equal(nearestUnread(items, 5, -1), 1);
  });

  it('do not count the selected article itself, even when it is unread', () => {
    assert.equal(nearestUnread(items, 5, 1), 10);
  });

  it('find nothing past the last unread article among those loaded', () => {
    assert.equal(nearestUnread(items, 10, 1), null);
    assert.equal(nearestUnread(items, 1, -1), null);
  });

  it('search from the top when nothing is selected or the selected article left the list; p then finds nothing', () => {
    assert.equal(nearestUnread(items, null, 1), 1);
    assert.equal(nearestUnread(items, 999, 1), 1);
    assert.equal(nearestUnread(items, 999, -1), null);
  });
});

describe('new articles arriving', () => {
  const feed3: Scope = { kind: 'feed', feedId: 3 };

  it('leave a list of another feed alone', () => {
    assert.equal(onNewArticles(selection(feed3, null), [1, 2]), 'ignore');
  });

  it('reload the list at once when no article is selected', () => {
    assert.equal(onNewArticles(selection(feed3, null), [3]), 'reload');
    assert.equal(onNewArticles(selection({ kind: 'smart', view: 'unread' }, null), [1]), 'reload');
  });

  it('are offered, not shown, while an article is selected, so the list does not move', () => {
    assert.equal(onNewArticles(selection(feed3, 12), [3]), 'offer');
    assert.equal(onNewArticles(selection({ kind: 'tags', tagIds: [1], mode: 'any' }, 12), [5]), 'offer');
  });
});

describe('fresh counts', () => {
  const search = selection({ kind: 'smart', view: 'all' }, null);

  it('run a search again that answered while articles were still being indexed', () => {
    assert.equal(onCountsChanged({ indexing: 120, loading: false }, search), 'reload');
  });

  it('offer it instead while an article is selected, so the list does not move', () => {
    assert.equal(onCountsChanged({ indexing: 120, loading: false }, { ...search, articleId: 4 }), 'offer');
  });

  it('leave alone a list the index was not behind for, and one still loading', () => {
    assert.equal(onCountsChanged({ indexing: 0, loading: false }, search), 'ignore');
    assert.equal(onCountsChanged({ indexing: 120, loading: true }, search), 'ignore');
  });
});
