/** The list layout of each view (renderer/src/state/list-layout.ts), and how many magazine tiles fit. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Settings } from '../../../shared/domain.js';
import {
  chooseLayoutPatch,
  layoutOf,
  rowEstimate,
  TILE_GAP,
  TILE_MIN_WIDTH,
  tileColumns,
} from '../../../renderer/src/state/list-layout.js';
import type { Scope } from '../../../renderer/src/state/store.js';

const feed3: Scope = { kind: 'feed', feedId: 3 };
const unread: Scope = { kind: 'smart', view: 'unread' };
const tags: Scope = { kind: 'tags', tagIds: [7, 2], mode: 'any' };

function settings(fields: Partial<Pick<Settings, 'listLayout' | 'viewLayouts'>> = {}) {
  return { listLayout: 'compact' as const, viewLayouts: {}, ...fields };
}

describe('layout per view', () => {
  it('is the view’s own choice, else the default', () => {
    const s = settings({ listLayout: 'cards', viewLayouts: { 'feed:3': 'magazine' } });
    assert.equal(layoutOf(s, feed3), 'magazine');
    assert.equal(layoutOf(s, unread), 'cards');
  });

  it('knows a tag view by its tags, in any order', () => {
    const s = settings({ viewLayouts: { 'tags:any:2,7': 'cards' } });
    assert.equal(layoutOf(s, tags), 'cards');
    assert.equal(layoutOf(s, { ...tags, mode: 'all' }), 'compact');
  });

  it('ignores what is not a layout, and names a plain object inherits', () => {
    const junk = settings({ viewLayouts: { 'feed:3': 'grid' as never } });
    assert.equal(layoutOf(junk, feed3), 'compact');
    assert.equal(layoutOf(settings({ listLayout: 'bogus' as never }), unread), 'compact');
    assert.equal(layoutOf(settings(), { kind: 'smart', view: 'constructor' as never }), 'compact');
  });

  it('choosing a layout changes this view only', () => {
    const s = settings({ viewLayouts: { 'feed:9': 'cards' } });
    assert.deepEqual(chooseLayoutPatch(s, feed3, 'magazine'), {
      viewLayouts: { 'feed:9': 'cards', 'feed:3': 'magazine' },
    });
    assert.deepEqual(s.viewLayouts, { 'feed:9': 'cards' }, 'the settings given are not changed');
  });

  it('choosing the default forgets the view’s own choice', () => {
    const s = settings({ listLayout: 'cards', viewLayouts: { 'feed:3': 'magazine', 'feed:9': 'compact' } });
    assert.deepEqual(chooseLayoutPatch(s, feed3, 'cards'), { viewLayouts: { 'feed:9': 'compact' } });
  });
});

describe('magazine tiles', () => {
  it('fit as many side by side as the width holds, at least one', () => {
    const width = (n: number) => n * TILE_MIN_WIDTH + (n + 1) * TILE_GAP;
    assert.equal(tileColumns(0), 1);
    assert.equal(tileColumns(width(1) - 1), 1);
    assert.equal(tileColumns(width(2)), 2);
    assert.equal(tileColumns(width(3) - 1), 2);
    assert.equal(tileColumns(width(3)), 3);
  });

  it('estimate taller rows for pictures, and taller tiles for wider ones', () => {
    assert.ok(rowEstimate('cards', 400, 1) > rowEstimate('compact', 400, 1));
    assert.ok(rowEstimate('magazine', 400, 1) > rowEstimate('cards', 400, 1));
    assert.ok(rowEstimate('magazine', 800, 1) > rowEstimate('magazine', 800, 3));
  });
});
