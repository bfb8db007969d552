/**
 * Saved views in the renderer, as pure rules: the filter "Save as view" takes from what the
 * list shows, the query that lists a chosen view (its own filter, narrowed by the search box
 * and the unread-only switch), a view's sidebar count, and moving a view in the order.
 */
import type { ArticleCount } from '../../../shared/api.js';
import type { ArticleQuery, Counts } from '../../../shared/domain.js';
import {
  viewQuery,
  type SavedView,
  type SavedViewDraft,
  type ViewFilter,
  type ViewId,
} from '../../../shared/saved-views.js';

/** The "Published" choices of the view editor, in days; none is "any time". */
export const SINCE_DAYS: readonly number[] = [1, 3, 7, 30, 90, 365];

/** Two searches that must both hold: the search syntax's terms all hold, so one after the other. */
export function bothSearches(first: string | undefined, second: string | undefined): string | undefined {
  const parts = [first?.trim(), second?.trim()].filter((s): s is string => Boolean(s));
  return parts.length ? parts.join(' ') : undefined;
}

/** What the list shows, in the terms a view keeps (from toQuery's answer, so every scope is covered). */
export function filterOfQuery(query: ArticleQuery): ViewFilter {
  const filter: ViewFilter = { view: query.view };
  const feedIds = [...(query.feedIds ?? []), ...(query.feedId !== undefined ? [query.feedId] : [])];
  if (feedIds.length) filter.feedIds = [...new Set(feedIds)];
  if (query.tags?.length) {
    filter.tags = [...query.tags];
    if (query.tags.length > 1) filter.tagMode = query.tagMode ?? 'any';
  }
  if (query.search?.trim()) filter.search = query.search.trim();
  if (query.hasEnclosure !== undefined) filter.hasEnclosure = query.hasEnclosure;
  if (query.sinceDays !== undefined) filter.sinceDays = query.sinceDays;
  if (query.author?.trim()) filter.author = query.author.trim();
  return filter;
}

/** A new view's draft from the list's query, named after what the list shows (the search box's words when there are some). */
export function draftFromQuery(query: ArticleQuery, names: { search: string; scope: string }): SavedViewDraft {
  const name = names.search.trim() || names.scope;
  return { name: name.slice(0, 200), filter: filterOfQuery(query), notify: false };
}

/** The query that lists a saved view: its filter, with the search box and unread-only narrowing it. */
export function savedViewQuery(
  view: Pick<SavedView, 'filter'>,
  narrowing: { search: string; unreadOnly: boolean; dedupe: boolean },
): ArticleQuery {
  const query: ArticleQuery = { ...viewQuery(view), dedupe: narrowing.dedupe };
  const search = bothSearches(query.search, narrowing.search);
  if (search) query.search = search;
  else delete query.search;
  if (narrowing.unreadOnly && query.view === 'all') query.view = 'unread';
  return query;
}

/** A view's unread count from the counts (the engine stops counting at a cap, then says so). */
export function viewCount(counts: Counts | null, viewId: ViewId): ArticleCount | undefined {
  const count = counts?.views[viewId];
  if (count === undefined) return undefined;
  return { count, capped: counts?.viewsCapped?.includes(viewId) ?? false };
}

/** The order with `viewId` moved one place up (-1) or down (1); null when it is already at that end. */
export function movedOrder<T extends number>(ids: readonly T[], id: T, delta: 1 | -1): T[] | null {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const order = [...ids];
  [order[from], order[to]] = [order[to]!, order[from]!];
  return order;
}

/** The filter with its empty parts left out, as the engine stores it (an empty search is no search). */
export function cleanFilter(filter: ViewFilter): ViewFilter {
  const clean: ViewFilter = { view: filter.view };
  if (filter.feedIds?.length) clean.feedIds = filter.feedIds;
  if (filter.tags?.length) {
    clean.tags = filter.tags;
    if (filter.tags.length > 1) clean.tagMode = filter.tagMode ?? 'any';
  }
  if (filter.search?.trim()) clean.search = filter.search.trim();
  if (filter.hasEnclosure !== undefined) clean.hasEnclosure = filter.hasEnclosure;
  if (filter.sinceDays !== undefined) clean.sinceDays = filter.sinceDays;
  if (filter.author?.trim()) clean.author = filter.author.trim();
  return clean;
}

/** The views with `view` in them: replaced where it is, else added at the end ('views-changed' may have come first). */
export function withView(views: readonly SavedView[], view: SavedView): SavedView[] {
  return views.some((v) => v.id === view.id) ? views.map((v) => (v.id === view.id ? view : v)) : [...views, view];
}
