/** Which articles "mark above", "mark below" and "older than" reach (renderer/src/state/list-marks.ts), by their place in the list. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { unreadAbove, unreadBelow, unreadOlderThan } from '../../../renderer/src/state/list-marks.js';

// As the list shows them, whatever the order: ids say nothing of the place.
const items = [
  { id: 40, read: false, publishedAt: 500 },
  { id: 10, read: true, publishedAt: 400 },
  { id: 30, read: false, publishedAt: 300 },
  { id: 20, read: false, publishedAt: 200 },
  { id: 50, read: false, publishedAt: 100 },
];

describe('mark above and below', () => {
  it('reaches the unread rows above an article, not the article itself', () => {
    assert.deepEqual(unreadAbove(items, 20), [40, 30]);
    assert.deepEqual(unreadAbove(items, 40), []);
  });

  it('reaches the unread rows below an article, not the article itself', () => {
    assert.deepEqual(unreadBelow(items, 30), [20, 50]);
    assert.deepEqual(unreadBelow(items, 50), []);
  });

  it('follows the list as shown: reversed, above and below swap', () => {
    const reversed = [...items].reverse();
    assert.deepEqual(unreadAbove(reversed, 30), [50, 20]);
    assert.deepEqual(unreadBelow(reversed, 30), [40]);
  });

  it('reaches nothing for an article no longer in the list', () => {
    assert.deepEqual(unreadAbove(items, 99), []);
    assert.deepEqual(unreadBelow(items, 99), []);
  });

  it('older than: the unread rows published before the time', () => {
    assert.deepEqual(unreadOlderThan(items, 300), [20, 50]);
    assert.deepEqual(unreadOlderThan(items, 50), []);
  });
});
