/** Small state builders for the renderer's unit tests. */
import type { Account, Feed, Tag } from '../../../shared/domain.js';
import { initialState, type AppState, type Scope } from '../../../renderer/src/state/store.js';

export function feed(id: number, fields: Partial<Feed> = {}): Feed {
  return {
    id,
    accountId: 1,
    url: `https://example.com/feed-${id}.xml`,
    siteUrl: null,
    title: `Feed ${id}`,
    userTitle: null,
    description: null,
    iconUrl: null,
    cachedIcon: null,
    tags: [],
    refreshMinutes: null,
    fetchFullText: false,
    openAs: 'feed',
    notify: false,
    lastFetchAt: null,
    nextFetchAt: null,
    errorCount: 0,
    lastError: null,
    unreadCount: 0,
    articleCount: 0,
    createdAt: 0,
    ...fields,
  };
}

/** A sync account (id 1 is the local one: pass `kind: 'local'` and no server for it). */
export function account(id: number, fields: Partial<Account> = {}): Account {
  return {
    id,
    kind: id === 1 ? 'local' : 'greader',
    name: id === 1 ? 'On this computer' : `Server ${id}`,
    serverUrl: id === 1 ? null : `https://rss-${id}.example.org/api/greader.php`,
    username: id === 1 ? null : 'alice',
    syncMinutes: 30,
    lastSyncAt: null,
    lastAttemptAt: null,
    lastError: null,
    pendingChanges: 0,
    feedCount: 0,
    ...fields,
  };
}

export function tag(id: number, name: string): Tag {
  return { id, name, unreadCount: 0, feedCount: 0, notify: false };
}

/** The initial state with these feeds, tags and scope. */
export function stateWith({
  feeds = [],
  tags = [],
  scope = initialState.selection.scope,
}: {
  feeds?: Feed[];
  tags?: Tag[];
  scope?: Scope;
}): AppState {
  return {
    ...initialState,
    feeds: { ...initialState.feeds, feeds, tags },
    selection: { ...initialState.selection, scope },
  };
}
