/** The store (renderer/src/state/store.ts): slices replaced, subscribers told, state kept in the store it was made for. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createStore, initialState } from '../../../renderer/src/state/store.js';

describe('the store', () => {
  it('replaces only the slices an update returns and keeps the others as they were', () => {
    const store = createStore(initialState);
    store.update((s) => ({ ui: { ...s.ui, pendingG: true } }));
    store.update((s) => ({ selection: { ...s.selection, search: 'rust' } }));
    assert.equal(store.getState().ui.pendingG, true);
    assert.equal(store.getState().selection.search, 'rust');
    assert.equal(store.getState().feeds, initialState.feeds);
    assert.equal(store.getState().articles, initialState.articles);
    assert.equal(initialState.ui.pendingG, false);
  });

  it('tells each subscriber of every update until it unsubscribes', () => {
    const store = createStore(initialState);
    let calls = 0;
    const unsubscribe = store.subscribe(() => calls++);
    store.update(() => ({}));
    store.update(() => ({}));
    unsubscribe();
    store.update(() => ({}));
    assert.equal(calls, 2);
  });

  it('keeps two stores apart (no state outside the store it belongs to)', () => {
    const a = createStore(initialState);
    const b = createStore(initialState);
    a.update((s) => ({ articles: { ...s.articles, request: s.articles.request + 1 } }));
    assert.equal(a.getState().articles.request, 1);
    assert.equal(b.getState().articles.request, 0);
  });

  it('starts with the counters the actions use: toast ids from 1, no list request, an empty refresh tally', () => {
    assert.equal(initialState.ui.nextToastId, 1);
    assert.equal(initialState.articles.request, 0);
    assert.deepEqual(initialState.ui.refreshTally, { finished: 0, networkFailures: 0 });
  });
});
