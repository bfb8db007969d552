/**
 * The article list of the current view: loading it afresh or a page more, and patching
 * one article in it. An answer to a request that a newer one replaced is dropped (the
 * request counter is in the store's articles slice).
 */
import type { ArticleSummary } from '../../../../shared/domain.js';
import { api } from '../../api.js';
import { toQuery } from '../selectors.js';
import { getState, update } from '../store.js';
import { errorMessage } from './toasts.js';

const PAGE = 100;

/** The query of what the list shows now. */
export function currentQuery() {
  const s = getState();
  return toQuery(s.selection, s.ui.settings.dedupe);
}

export async function loadList(): Promise<void> {
  update((s) => ({
    articles: { ...s.articles, loading: true, error: null, stale: false, request: s.articles.request + 1 },
  }));
  const { request } = getState().articles;
  try {
    const page = await api.listArticles(currentQuery(), null, PAGE);
    if (request !== getState().articles.request) return;
    update((s) => ({
      articles: {
        ...s.articles,
        items: page.articles,
        next: page.next,
        loading: false,
        generation: s.articles.generation + 1,
      },
    }));
  } catch (error) {
    if (request !== getState().articles.request) return;
    update((s) => ({ articles: { ...s.articles, loading: false, error: errorMessage(error) } }));
  }
}

export async function loadMore(): Promise<void> {
  const { articles } = getState();
  if (articles.loading || articles.next == null) return;
  const { request } = articles;
  update((s) => ({ articles: { ...s.articles, loading: true } }));
  try {
    const page = await api.listArticles(currentQuery(), articles.next, PAGE);
    if (request !== getState().articles.request) return;
    update((s) => ({
      articles: { ...s.articles, items: [...s.articles.items, ...page.articles], next: page.next, loading: false },
    }));
  } catch (error) {
    update((s) => ({ articles: { ...s.articles, loading: false, error: errorMessage(error) } }));
  }
}

/** Changes one article in the list, and in the reading pane when it is the one open. */
export function patchItem(id: number, patch: Partial<ArticleSummary>): void {
  update((s) => ({
    articles: {
      ...s.articles,
      items: s.articles.items.map((a) => (a.id === id ? { ...a, ...patch } : a)),
      open: s.articles.open?.id === id ? { ...s.articles.open, ...patch } : s.articles.open,
    },
  }));
}
