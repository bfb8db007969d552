/**
 * Pure rules for the left pane's choice of what to list: choosing a scope, and tags
 * combined with any/all. The actions in actions/selection.ts apply them to the store.
 */
import type { FeedId, TagId } from '../../../shared/domain.js';
import { canFilterUnread } from './selectors.js';
import type { Scope, Selection } from './store.js';

/** Where the reader goes when the feed or tag it shows is deleted. */
export const FALLBACK_SCOPE: Scope = { kind: 'smart', view: 'unread' };

/** The selection once `scope` is chosen: no article selected, unread-only kept where it means something. */
export function selectionFor(selection: Selection, scope: Scope): Selection {
  return {
    ...selection,
    scope,
    articleId: null,
    unreadOnly: canFilterUnread(scope) ? selection.unreadOnly : false,
  };
}

/**
 * Ctrl/Cmd-click on a tag: the scope with that tag added to the combined tags, or taken
 * from them. From any other scope it starts a one-tag scope; taking the last tag away
 * shows everything.
 */
export function toggleTag(scope: Scope, tagId: TagId): Scope {
  if (scope.kind !== 'tags') return { kind: 'tags', tagIds: [tagId], mode: 'any' };
  const tagIds = scope.tagIds.includes(tagId) ? scope.tagIds.filter((t) => t !== tagId) : [...scope.tagIds, tagId];
  return tagIds.length ? { ...scope, tagIds } : { kind: 'smart', view: 'all' };
}

/** The scope combining its tags with `mode`, or null when that changes nothing. */
export function withTagMode(scope: Scope, mode: 'any' | 'all'): Scope | null {
  return scope.kind === 'tags' && scope.mode !== mode ? { ...scope, mode } : null;
}

/** Whether deleting this feed takes away the list being shown. */
export function showsFeed(scope: Scope, feedId: FeedId): boolean {
  return scope.kind === 'feed' && scope.feedId === feedId;
}

/** Whether deleting this tag takes away (part of) the list being shown. */
export function showsTag(scope: Scope, tagId: TagId): boolean {
  return scope.kind === 'tags' && scope.tagIds.includes(tagId);
}
