/**
 * Reading one article: opening it, its read and starred state, the original page. Marking
 * many at once (all, above, below, older, scrolled past) is in mark-many.ts.
 */
import { api } from '../../api.js';
import { getState, update } from '../store.js';
import { loadList, patchItem } from './list.js';
import { attempt } from './toasts.js';

export async function openArticle(id: number): Promise<void> {
  update((s) => ({ selection: { ...s.selection, articleId: id } }));
  const article = await attempt(() => api.getArticle(id));
  if (getState().selection.articleId !== id) return;
  update((s) => ({ articles: { ...s.articles, open: article ?? null } }));
  if (article && !article.read && getState().ui.settings.markReadOnOpen) await setRead(id, true);
}

export async function setRead(id: number, read: boolean): Promise<void> {
  patchItem(id, { read });
  const result = await attempt(() => api.markRead([id], read));
  if (result && result.count > 1) {
    // Copies of the same post in other feeds changed too.
    await loadList();
  }
}

export async function toggleRead(id = getState().selection.articleId): Promise<void> {
  const item = getState().articles.items.find((a) => a.id === id);
  if (item) await setRead(item.id, !item.read);
}

export async function toggleStar(id = getState().selection.articleId): Promise<void> {
  const item = getState().articles.items.find((a) => a.id === id) ?? getState().articles.open;
  if (!item || item.id !== id) return;
  patchItem(item.id, { starred: !item.starred });
  await attempt(() => api.setStarred(item.id, !item.starred));
}

export function openOriginal(): void {
  const { open } = getState().articles;
  const url = open?.url;
  if (url && /^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
}
