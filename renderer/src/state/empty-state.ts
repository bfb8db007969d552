/**
 * What an empty article list says: which view this is and what the user can do, never one
 * sentence for all. Pure: the scope and what is known about it go in, the words come out.
 */
import type { Scope } from './store.js';

export type EmptyAction = 'add-feed' | 'import-opml' | 'refresh' | 'clear-search' | 'show-all' | 'edit-feed';

export interface EmptyState {
  title: string;
  text: string;
  actions: { action: EmptyAction; label: string }[];
}

export interface EmptyContext {
  scope: Scope;
  /** The view's name as the header shows it (a feed's or tags' name). */
  scopeName: string;
  search: string;
  unreadOnly: boolean;
  /** The user follows no feed at all: the first start. */
  noFeeds: boolean;
  /** For a feed: its last refresh failed (the banner above says how). */
  feedFailing: boolean;
}

export function emptyStateFor(context: EmptyContext): EmptyState {
  const { scope, scopeName, search } = context;
  if (context.noFeeds) {
    return {
      title: 'Welcome to Syndic',
      text: 'Follow a site by pasting its address, or bring your subscriptions from another reader as an OPML file.',
      actions: [
        { action: 'add-feed', label: 'Add a feed' },
        { action: 'import-opml', label: 'Import OPML…' },
      ],
    };
  }
  if (search.trim()) {
    return {
      title: `No results for “${search.trim()}”`,
      text: `Nothing in ${scopeName} matches. Check the spelling, use fewer words, or search everything.`,
      actions: [
        ...(scope.kind === 'smart' && scope.view === 'all'
          ? []
          : [{ action: 'show-all' as const, label: 'Search all articles' }]),
        { action: 'clear-search', label: 'Clear the search' },
      ],
    };
  }
  if (context.unreadOnly) {
    return { title: 'All caught up', text: `Nothing unread in ${scopeName}.`, actions: [] };
  }
  switch (scope.kind) {
    case 'smart':
      switch (scope.view) {
        case 'unread':
          return {
            title: 'All caught up',
            text: 'No unread articles. New ones appear here as feeds refresh.',
            actions: [{ action: 'refresh', label: 'Refresh now' }],
          };
        case 'starred':
          return {
            title: 'No starred articles',
            text: 'Star an article (s, or its star) to keep it here. Starred articles are kept for good, whatever the retention.',
            actions: [],
          };
        case 'today':
          return {
            title: 'Nothing today yet',
            text: 'No article was published today in the feeds you follow.',
            actions: [{ action: 'refresh', label: 'Refresh now' }],
          };
        case 'all':
          return {
            title: 'No articles yet',
            text: 'Your feeds have not brought any article yet.',
            actions: [{ action: 'refresh', label: 'Refresh now' }],
          };
      }
      break;
    case 'feed':
      return context.feedFailing
        ? { title: 'No articles from this feed', text: 'Its last refresh failed: see above for why.', actions: [] }
        : {
            title: 'No articles in this feed',
            text: 'It has published nothing yet, or its articles have passed the retention period.',
            actions: [{ action: 'edit-feed', label: 'Edit the feed…' }],
          };
    case 'tags':
      return {
        title: `Nothing tagged ${scopeName}`,
        text:
          scope.tagIds.length > 1 && scope.mode === 'all'
            ? 'No article has all of these tags. Try “Any” to see articles with any of them.'
            : 'Tag a feed in its Edit dialog, or an article with “Tag” above its text.',
        actions: [],
      };
  }
}
