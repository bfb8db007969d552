/**
 * What an empty article list says: which view this is and what the user can do, never one
 * sentence for all. Pure: the scope and what is known about it go in, the words come out.
 */
import { t } from '../i18n/translate.js';
import type { Scope } from './store.js';

export type EmptyAction =
  'add-feed' | 'import-opml' | 'refresh' | 'clear-search' | 'show-all' | 'edit-feed' | 'edit-view';

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
  const refreshNow = { action: 'refresh' as const, label: t('empty.refreshNow') };
  if (context.noFeeds) {
    return {
      title: t('empty.welcome.title'),
      text: t('empty.welcome.text'),
      actions: [
        { action: 'add-feed', label: t('empty.welcome.addFeed') },
        { action: 'import-opml', label: t('empty.welcome.importOpml') },
      ],
    };
  }
  if (search.trim()) {
    return {
      title: t('empty.search.title', { search: search.trim() }),
      text: t('empty.search.text', { scope: scopeName }),
      actions: [
        ...(scope.kind === 'smart' && scope.view === 'all'
          ? []
          : [{ action: 'show-all' as const, label: t('empty.search.all') }]),
        { action: 'clear-search', label: t('empty.search.clear') },
      ],
    };
  }
  if (context.unreadOnly) {
    return { title: t('empty.caughtUp.title'), text: t('empty.unreadOnly.text', { scope: scopeName }), actions: [] };
  }
  switch (scope.kind) {
    case 'smart':
      switch (scope.view) {
        case 'unread':
          return { title: t('empty.caughtUp.title'), text: t('empty.unread.text'), actions: [refreshNow] };
        case 'starred':
          return { title: t('empty.starred.title'), text: t('empty.starred.text'), actions: [] };
        case 'today':
          return { title: t('empty.today.title'), text: t('empty.today.text'), actions: [refreshNow] };
        case 'all':
          return { title: t('empty.all.title'), text: t('empty.all.text'), actions: [refreshNow] };
      }
      break;
    case 'feed':
      return context.feedFailing
        ? { title: t('empty.feedFailing.title'), text: t('empty.feedFailing.text'), actions: [] }
        : {
            title: t('empty.feed.title'),
            text: t('empty.feed.text'),
            actions: [{ action: 'edit-feed', label: t('empty.feed.edit') }],
          };
    case 'tags':
      return {
        title: t('empty.tags.title', { scope: scopeName }),
        text: t(scope.tagIds.length > 1 && scope.mode === 'all' ? 'empty.tags.allText' : 'empty.tags.text'),
        actions: [],
      };
    case 'saved':
      return {
        title: t('views.empty.title', { scope: scopeName }),
        text: t('views.empty.text'),
        actions: [{ action: 'edit-view', label: t('views.empty.edit') }],
      };
  }
}
