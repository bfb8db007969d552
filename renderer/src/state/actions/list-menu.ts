/**
 * The article list's menu for one article (mark above or below as read, read, star):
 * opened by a right-click at the pointer, or from the keyboard beside the selected row.
 */
import type { ArticleId } from '../../../../shared/domain.js';
import { getState, update } from '../store.js';

export function openRowMenu(articleId: ArticleId, at: { x: number; y: number } | null): void {
  update((s) => ({ ui: { ...s.ui, rowMenu: { articleId, at } } }));
}

/** The keyboard's way: the menu of the selected article, when there is one. */
export function openSelectedRowMenu(): boolean {
  const id = getState().selection.articleId;
  if (id == null || !getState().articles.items.some((a) => a.id === id)) return false;
  openRowMenu(id, null);
  return true;
}

export function closeRowMenu(): void {
  if (getState().ui.rowMenu) update((s) => ({ ui: { ...s.ui, rowMenu: null } }));
}
