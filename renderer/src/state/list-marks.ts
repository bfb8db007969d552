/**
 * Which articles "mark above" and "mark below" reach, by their place in the list as it is
 * shown (so in the list's order, newest or oldest first). Above an article every row is
 * loaded; below it the engine marks what is not loaded yet (ArticleQuery.below), and these
 * are the loaded rows to show as read at once.
 */
import type { ArticleId, ArticleSummary } from '../../../shared/domain.js';

type Item = Pick<ArticleSummary, 'id' | 'read'>;

/** The unread articles listed above `id`; none when it is not in the list. */
export function unreadAbove(items: readonly Item[], id: ArticleId): ArticleId[] {
  const at = items.findIndex((a) => a.id === id);
  return at < 0 ? [] : items.slice(0, at).flatMap((a) => (a.read ? [] : [a.id]));
}

/** The unread loaded articles listed below `id`; none when it is not in the list. */
export function unreadBelow(items: readonly Item[], id: ArticleId): ArticleId[] {
  const at = items.findIndex((a) => a.id === id);
  return at < 0 ? [] : items.slice(at + 1).flatMap((a) => (a.read ? [] : [a.id]));
}

/** The unread loaded articles published before `before` (what "older than" marks). */
export function unreadOlderThan(
  items: readonly Pick<ArticleSummary, 'id' | 'read' | 'publishedAt'>[],
  before: number,
): ArticleId[] {
  return items.flatMap((a) => (!a.read && a.publishedAt < before ? [a.id] : []));
}
