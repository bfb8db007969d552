/** Pure functions from state to what components show. */
import type { ArticleQuery, Feed, Tag } from '../../../shared/domain.js';
import type { SavedView } from '../../../shared/saved-views.js';
import { t } from '../i18n/translate.js';
import { savedViewQuery } from './saved-views.js';
import type { AppState, Scope, Selection } from './store.js';

/** The query of what the selection lists; a saved view's filter comes from `views`. */
export function toQuery(selection: Selection, dedupe: boolean, views: readonly SavedView[] = []): ArticleQuery {
  const { scope, unreadOnly, search } = selection;
  const base: ArticleQuery = { view: unreadOnly ? 'unread' : 'all', dedupe };
  if (search.trim()) base.search = search.trim();
  switch (scope.kind) {
    case 'smart':
      return { ...base, view: scope.view === 'all' ? base.view : scope.view };
    case 'feed':
      return { ...base, feedId: scope.feedId };
    case 'tags':
      return { ...base, tags: scope.tagIds, tagMode: scope.mode };
    case 'saved': {
      const view = views.find((v) => v.id === scope.viewId);
      // A view deleted elsewhere: the selection moves on to Unread once 'views-changed' says so.
      return view ? savedViewQuery(view, { search, unreadOnly, dedupe }) : base;
    }
  }
}

export function feedTitle(feed: Feed | undefined): string {
  if (!feed) return t('common.unknownFeed');
  return feed.userTitle ?? feed.title ?? new URL(feed.url).host;
}

/** Memoises a derivation on the identity of its input, so selectors return stable values. */
function memoOn<I extends object, O>(derive: (input: I) => O): (input: I) => O {
  const cache = new WeakMap<I, O>();
  return (input) => {
    let out = cache.get(input);
    if (out === undefined) cache.set(input, (out = derive(input)));
    return out;
  };
}

const feedMap = memoOn((feeds: Feed[]) => new Map(feeds.map((f) => [f.id, f])));
const tagMap = memoOn((tags: Tag[]) => new Map(tags.map((tag) => [tag.id, tag])));
export const feedById = (s: AppState): Map<number, Feed> => feedMap(s.feeds.feeds);
export const tagById = (s: AppState): Map<number, Tag> => tagMap(s.feeds.tags);

export function scopeTitle(s: AppState, scope: Scope = s.selection.scope): string {
  switch (scope.kind) {
    case 'smart':
      return t(
        ({ all: 'scope.all', unread: 'scope.unread', starred: 'scope.starred', today: 'scope.today' } as const)[
          scope.view
        ],
      );
    case 'feed':
      return feedTitle(s.feeds.feeds.find((f) => f.id === scope.feedId));
    case 'tags': {
      const names = scope.tagIds.map((id) => s.feeds.tags.find((tag) => tag.id === id)?.name ?? '?');
      // Pairwise, "a and b and c": each language joins two names its own way.
      const join = scope.mode === 'all' ? 'scope.tags.all' : 'scope.tags.any';
      return names.length ? names.reduce((first, next) => t(join, { first, next })) : '';
    }
    case 'saved':
      return s.feeds.views.find((v) => v.id === scope.viewId)?.name ?? '';
  }
}

/** Whether the unread-only switch means anything for this scope. */
export function canFilterUnread(scope: Scope): boolean {
  return scope.kind !== 'smart' || scope.view === 'all';
}

export function sameScope(a: Scope, b: Scope): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
