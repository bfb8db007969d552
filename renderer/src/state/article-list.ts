/**
 * Pure rules of the article list: where j/k and n/p land, and what news of new articles
 * (or of the search index catching up) does to the list. The selected article may have
 * left the list (it was read in an unread-only view that then reloaded): a move then
 * starts from the top.
 */
import type { ArticleSummary, FeedId } from '../../../shared/domain.js';
import type { Selection } from './store.js';

/** j/k load the next page when they come this close to the end of the list. */
export const PREFETCH_MARGIN = 5;

type Item = Pick<ArticleSummary, 'id' | 'read'>;

export interface Step {
  /** The article to open, or null when the move leaves the list. */
  targetId: number | null;
  /** The move came near the end of what is loaded: time to load the next page. */
  loadMore: boolean;
}

/**
 * j/k: the article `delta` away from the selected one. With no selection, or when the
 * selected article is no longer in the list, j opens the first article and k nothing.
 */
export function step(items: readonly Item[], selectedId: number | null, delta: 1 | -1): Step {
  const index = items.findIndex((a) => a.id === selectedId);
  const next = index < 0 ? (delta > 0 ? 0 : -1) : index + delta;
  return { targetId: items[next]?.id ?? null, loadMore: next >= items.length - PREFETCH_MARGIN };
}

/**
 * n/p: the nearest unread article after (or before) the selected one among those loaded,
 * or null. When the selected article is no longer in the list, n searches from the top
 * and p finds nothing.
 */
export function nearestUnread(items: readonly Item[], selectedId: number | null, delta: 1 | -1): number | null {
  const index = items.findIndex((a) => a.id === selectedId);
  for (let i = index + delta; i >= 0 && i < items.length; i += delta) {
    if (!items[i]!.read) return items[i]!.id;
  }
  return null;
}

/**
 * What a refresh that wrote articles of `feedIds` does to the list: nothing when the list
 * shows another feed; a reload when no article is selected; else a "new articles" offer,
 * so the list does not move under the reader.
 */
export function onNewArticles(selection: Selection, feedIds: readonly FeedId[]): 'ignore' | 'reload' | 'offer' {
  const { scope } = selection;
  if (scope.kind === 'feed' && !feedIds.includes(scope.feedId)) return 'ignore';
  return selection.articleId == null ? 'reload' : 'offer';
}

/**
 * What fresh counts do to the list. The engine sends counts when its search indexer has
 * caught up (and every second of a refresh): a search answered while articles were still
 * being indexed ("N articles are still being indexed") runs again, so its results fill in
 * without the user searching again; at once when no article is selected, else offered as
 * new articles are. Any other list, or one still loading, is left as it is.
 */
export function onCountsChanged(
  list: { indexing: number; loading: boolean },
  selection: Selection,
): 'ignore' | 'reload' | 'offer' {
  if (list.indexing <= 0 || list.loading) return 'ignore';
  return selection.articleId == null ? 'reload' : 'offer';
}
