import assert from 'node:assert/strict';
import { test } from 'node:test';
import { layoutFor, paneColumns, visiblePanes } from '../../../renderer/src/state/layout.js';

test('the window width picks the arrangement', () => {
  assert.equal(layoutFor(1440), 'wide');
  assert.equal(layoutFor(1200), 'wide');
  assert.equal(layoutFor(1199), 'medium');
  assert.equal(layoutFor(800), 'medium');
  assert.equal(layoutFor(799), 'narrow');
  assert.equal(layoutFor(640), 'narrow');
});

test('the list gives way so the panes never pass the window edge', () => {
  const sum = (columns: string) => [...columns.matchAll(/(\d+)px/g)].reduce((n, m) => n + Number(m[1]), 0);
  // A list dragged wide on a big screen, then the window made smaller.
  for (const width of [1200, 1024, 900, 800]) {
    const mode = layoutFor(width);
    const columns = paneColumns(mode, width, 250, 700);
    const splitters = mode === 'wide' ? 10 : 5;
    assert.ok(sum(columns) + splitters + 14 + 360 <= width, `${width}: ${columns}`);
  }
  assert.equal(paneColumns('wide', 1600, 250, 400), '250px auto 400px auto minmax(0, 1fr)');
  assert.equal(paneColumns('narrow', 640, 250, 400), 'minmax(0, 1fr)');
});

test('narrow shows one pane; medium adds the sidebar only as a drawer', () => {
  assert.deepEqual([...visiblePanes('narrow', 'article')], ['article']);
  assert.deepEqual([...visiblePanes('medium', 'list')], ['list', 'article']);
  assert.deepEqual([...visiblePanes('medium', 'sidebar')], ['sidebar', 'list', 'article']);
  assert.equal(visiblePanes('wide', 'article').size, 3);
});
