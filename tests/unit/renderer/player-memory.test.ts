/** Where each episode was left (renderer/src/state/position-memory.ts): kept, forgotten near either end, capped. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  END_MARGIN,
  MAX_POSITIONS,
  POSITIONS_KEY,
  loadPosition,
  parsePositions,
  positionIn,
  savePosition,
  withPosition,
  type KeyValueStore,
} from '../../../renderer/src/state/position-memory.js';

/** localStorage's part the memory uses, over a Map; `full` makes every write throw as a full storage does. */
function memoryStore(full = false): KeyValueStore & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      map.set(key, value);
    },
  };
}

describe('the position memory', () => {
  it('resumes an episode where it was left, per article', () => {
    const store = memoryStore();
    savePosition(store, 7, 42.7, 90, 1000);
    savePosition(store, 8, 61, null, 1001);
    assert.equal(loadPosition(store, 7), 42);
    assert.equal(loadPosition(store, 8), 61);
    assert.equal(loadPosition(store, 9), 0, 'never played: from the start');
  });

  it('forgets an episode left near its start, or finished', () => {
    const store = memoryStore();
    savePosition(store, 7, 42, 90, 1000);
    savePosition(store, 7, 2, 90, 1001);
    assert.equal(loadPosition(store, 7), 0, 'back at the start');
    savePosition(store, 7, 42, 90, 1002);
    savePosition(store, 7, 90 - END_MARGIN + 1, 90, 1003);
    assert.equal(loadPosition(store, 7), 0, 'finished: the next play starts over');
    savePosition(store, 7, 4000, null, 1004);
    assert.equal(loadPosition(store, 7), 4000, 'with no known length, nothing counts as the end');
  });

  it('keeps only the most recently saved positions', () => {
    let positions = {};
    for (let id = 1; id <= MAX_POSITIONS + 5; id++) positions = withPosition(positions, id, 60, null, id);
    assert.equal(Object.keys(positions).length, MAX_POSITIONS);
    assert.equal(positionIn(positions, 1), 0, 'the oldest went');
    assert.equal(positionIn(positions, MAX_POSITIONS + 5), 60);
  });

  it('reads damaged or foreign storage as nothing kept', () => {
    for (const text of [null, '', 'not json', '[1,2]', '42', '{"7":"x"}', '{"7":[1]}'])
      assert.deepEqual(parsePositions(text), {}, String(text));
    assert.deepEqual(parsePositions('{"7":[30,5],"8":"x"}'), { 7: [30, 5] });
  });

  it('does not fail playback when the storage is full', () => {
    const store = memoryStore(true);
    assert.doesNotThrow(() => savePosition(store, 7, 42, 90, 1000));
    assert.equal(store.map.has(POSITIONS_KEY), false);
  });
});
