/**
 * What the list shows and which article is selected: the scope (smart view, feed, tags
 * with any/all), the unread-only switch, the search, and moving through the list with
 * j/k and n/p. The rules are pure (scope.ts, article-list.ts); this applies them.
 */
import type { TagId } from '../../../../shared/domain.js';
import { t } from '../../i18n/translate.js';
import { nearestUnread, step } from '../article-list.js';
import { selectionFor, toggleTag, withTagMode } from '../scope.js';
import { getState, update, type Scope } from '../store.js';
import { loadList, loadMore } from './list.js';
import { openArticle } from './reading.js';
import { showToast } from './toasts.js';

/** n/p load at most this many more pages looking for an unread article. */
const UNREAD_SEARCH_PAGES = 20;

export function selectScope(scope: Scope): void {
  update((s) => ({
    selection: selectionFor(s.selection, scope),
    articles: { ...s.articles, open: null },
    ui: { ...s.ui, front: 'list' },
  }));
  void loadList();
}

/** Ctrl/Cmd-click on a tag: add it to (or take it from) the tags being combined. */
export function toggleTagInScope(tagId: TagId): void {
  selectScope(toggleTag(getState().selection.scope, tagId));
}

export function setTagMode(mode: 'any' | 'all'): void {
  const scope = withTagMode(getState().selection.scope, mode);
  if (scope) selectScope(scope);
}

export function setUnreadOnly(unreadOnly: boolean): void {
  update((s) => ({ selection: { ...s.selection, unreadOnly } }));
  void loadList();
}

export function setSearch(search: string): void {
  if (getState().selection.search === search) return;
  update((s) => ({ selection: { ...s.selection, search } }));
  void loadList();
}

/** j/k: the next or previous article in the list. */
export async function moveSelection(delta: 1 | -1): Promise<void> {
  const { targetId, loadMore: nearEnd } = step(getState().articles.items, getState().selection.articleId, delta);
  if (nearEnd) void loadMore();
  if (targetId != null) await openArticle(targetId);
}

/** n/p: the next or previous unread article, loading more of the list when needed. */
export async function moveToUnread(delta: 1 | -1): Promise<void> {
  for (let page = 0; page < UNREAD_SEARCH_PAGES; page++) {
    const { items, next } = getState().articles;
    const id = nearestUnread(items, getState().selection.articleId, delta);
    if (id != null) return openArticle(id);
    if (delta < 0 || next == null) return showToast(t('list.noMoreUnread'));
    await loadMore();
  }
}
