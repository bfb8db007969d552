/**
 * The article list of the current view: loading it afresh or a page more (with a
 * search's count of results), and patching articles in it. An answer to a request that a
 * newer one replaced is dropped (the request counter is in the store's articles slice).
 */
import type { ArticleId, ArticleQuery, ArticleSummary } from '../../../../shared/domain.js';
import { api } from '../../api.js';
import { toQuery } from '../selectors.js';
import { getState, update } from '../store.js';
import { errorMessage } from './toasts.js';

const PAGE = 100;

/** The query of what the list shows now, in the order the user chose. */
export function currentQuery(): ArticleQuery {
  const s = getState();
  return { ...toQuery(s.selection, s.ui.settings.dedupe, s.feeds.views), order: s.ui.settings.listOrder };
}

export async function loadList(): Promise<void> {
  update((s) => ({
    articles: {
      ...s.articles,
      loading: true,
      error: null,
      stale: false,
      request: s.articles.request + 1,
      count: null,
      indexing: 0,
    },
  }));
  const { request } = getState().articles;
  const query = currentQuery();
  if (query.search) void countResults(query, request);
  try {
    const page = await api.listArticles(query, null, PAGE);
    if (request !== getState().articles.request) return;
    update((s) => ({
      articles: {
        ...s.articles,
        items: page.articles,
        next: page.next,
        loading: false,
        generation: s.articles.generation + 1,
        indexing: page.indexing ?? 0,
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

/** The search header's "N results": counted beside the first page, dropped when a newer load began. */
async function countResults(query: ArticleQuery, request: number): Promise<void> {
  try {
    const count = await api.countArticles(query);
    if (request === getState().articles.request) update((s) => ({ articles: { ...s.articles, count } }));
  } catch {
    // The list says what failed; a header without a number is no loss.
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

/** Shows these articles as read (or unread) in the list and the reading pane, without a request. */
export function patchRead(ids: readonly ArticleId[], read: boolean): void {
  if (!ids.length) return;
  const changed = new Set(ids);
  update((s) => ({
    articles: {
      ...s.articles,
      items: s.articles.items.map((a) => (changed.has(a.id) && a.read !== read ? { ...a, read } : a)),
      open: s.articles.open && changed.has(s.articles.open.id) ? { ...s.articles.open, read } : s.articles.open,
    },
  }));
}
