/**
 * A stable name for what the list shows, under which per-view choices (the list layout)
 * are remembered in the settings: 'smart:unread', 'feed:12', 'tags:any:3,7', 'saved:4'.
 */
import type { Scope } from './store.js';

export function viewKey(scope: Scope): string {
  switch (scope.kind) {
    case 'smart':
      return `smart:${scope.view}`;
    case 'feed':
      return `feed:${scope.feedId}`;
    case 'tags':
      return `tags:${scope.mode}:${[...scope.tagIds].sort((a, b) => a - b).join(',')}`;
    case 'saved':
      return `saved:${scope.viewId}`;
  }
}
