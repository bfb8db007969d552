/** The list's rows (renderer/src/state/list-rows.ts): one article a row, magazine rows of tiles, day headings between. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Day } from '../../../renderer/src/state/list-days.js';
import { planRows, type ListRow } from '../../../renderer/src/state/list-rows.js';

/** Articles 1..n, `perDay` to a day (day numbers counting down from 100). */
function items(n: number, perDay = n) {
  return Array.from({ length: n }, (_, i) => ({ id: i + 1, publishedAt: 100 - Math.floor(i / perDay) }));
}
const byDay = (ms: number): Day => ({ key: ms, label: `Day ${ms}` });
const shape = (rows: ListRow[]) => rows.map((r) => (r.kind === 'day' ? r.label : r.indexes));

describe('list rows', () => {
  it('draws one article a row, without headings when not grouped', () => {
    const plan = planRows(items(3), { columns: 1, dayOf: null });
    assert.deepEqual(shape(plan.rows), [[0], [1], [2]]);
    assert.deepEqual(plan.rowOfItem, [0, 1, 2]);
  });

  it('puts a heading before each day, and nowhere else', () => {
    const plan = planRows(items(5, 2), { columns: 1, dayOf: byDay });
    assert.deepEqual(shape(plan.rows), ['Day 100', [0], [1], 'Day 99', [2], [3], 'Day 98', [4]]);
    assert.deepEqual(plan.rowOfItem, [1, 2, 4, 5, 7]);
  });

  it('fills magazine rows with tiles, starting a new row at each day', () => {
    assert.deepEqual(shape(planRows(items(7), { columns: 3, dayOf: null }).rows), [[0, 1, 2], [3, 4, 5], [6]]);
    const grouped = planRows(items(7, 4), { columns: 3, dayOf: byDay });
    assert.deepEqual(shape(grouped.rows), ['Day 100', [0, 1, 2], [3], 'Day 99', [4, 5, 6]]);
    assert.deepEqual(grouped.rowOfItem, [1, 1, 1, 2, 4, 4, 4]);
  });

  it('keeps the keys of rows already drawn when a page is added', () => {
    const first = planRows(items(4), { columns: 3, dayOf: null }).rows.map((r) => r.key);
    const more = planRows(items(9), { columns: 3, dayOf: null }).rows.map((r) => r.key);
    assert.deepEqual(more.slice(0, first.length), first);
    assert.equal(new Set(more).size, more.length, 'keys are unique');
  });

  it('treats a column count below one as one', () => {
    assert.deepEqual(shape(planRows(items(2), { columns: 0, dayOf: null }).rows), [[0], [1]]);
  });
});
