/**
 * The renderer's state: one store, one slice per domain (feeds, articles, selection, ui, sync).
 * Components read it through selectors with useStore; only actions (state/actions/)
 * write it, and only actions talk to the API. Every piece of mutable state the renderer
 * keeps between events is in here (the list request counter, the toast ids, the refresh
 * tally too), so none hides in a module-level variable.
 */
import type { FrontPane } from './layout.js';
import { useRef, useSyncExternalStore } from 'react';
import type { ArticleCount, SyncProgressEvent } from '../../../shared/api.js';
import type {
  Account,
  AccountId,
  Article,
  ArticleCursor,
  ArticleSummary,
  Counts,
  Feed,
  FeedId,
  RefreshProgress,
  SmartView,
  StorageInfo,
  Settings,
  Tag,
  TagId,
} from '../../../shared/domain.js';
import { DEFAULT_SETTINGS } from '../../../shared/domain.js';
import type { Rule, RuleId } from '../../../shared/rules.js';
import type { SavedView, SavedViewDraft, ViewId } from '../../../shared/saved-views.js';
import { NO_REFRESH_TALLY, type RefreshTally } from './refresh-status.js';

/** What the left pane selected: a smart view, one feed, tags, or a saved view. */
export type Scope =
  | { kind: 'smart'; view: SmartView }
  | { kind: 'feed'; feedId: FeedId }
  | { kind: 'tags'; tagIds: TagId[]; mode: 'any' | 'all' }
  | { kind: 'saved'; viewId: ViewId };

export interface Selection {
  scope: Scope;
  unreadOnly: boolean;
  search: string;
  articleId: number | null;
}

export interface ArticlesSlice {
  items: ArticleSummary[];
  /** Where the next page starts (the engine's keyset cursor); null when all are loaded. */
  next: ArticleCursor | null;
  loading: boolean;
  error: string | null;
  /** New articles arrived for this view while the user was reading down the list. */
  stale: boolean;
  /** Bumped on every fresh load, so the list can scroll back to the top. */
  generation: number;
  /** Bumped when a fresh load starts: answers to a list request a newer one replaced are dropped. */
  request: number;
  open: Article | null;
  /** How many articles a search found (the header's "N results"); null without a search or until counted. */
  count: ArticleCount | null;
  /** Articles the search index had not taken in yet when the search ran (results may miss them). */
  indexing: number;
}

export interface FeedsSlice {
  feeds: Feed[];
  tags: Tag[];
  /** The saved views, in the sidebar's order. */
  views: SavedView[];
  counts: Counts | null;
  loaded: boolean;
}

/** Sync accounts and the syncs running now (by account id, from 'sync-progress'). */
export interface SyncSlice {
  /** Every account, the local one first; empty until loaded. */
  accounts: Account[];
  /** Accounts syncing now and how far they are; an entry goes when its sync ends. */
  progress: Record<AccountId, SyncProgressEvent>;
}

/**
 * A dialog opened from another (an account's edit or removal from the accounts dialog)
 * names it in `back`: closing it, by a button or Escape, returns there.
 */
export type Dialog =
  | { kind: 'add-feed'; url?: string }
  | { kind: 'edit-feed'; feedId: FeedId }
  | { kind: 'rename-tag'; tagId: TagId }
  | { kind: 'confirm'; title: string; message: string; confirm: string; onConfirm: () => void; back?: Dialog }
  | { kind: 'shortcuts' }
  | { kind: 'settings' }
  | { kind: 'accounts' }
  | { kind: 'edit-account'; accountId: AccountId; back?: Dialog }
  | { kind: 'remove-account'; accountId: AccountId; back?: Dialog }
  | { kind: 'import-report'; added: number; skipped: number; problems: { line: number; message: string }[] }
  /** A saved view's editor: a new one (viewId null) filled with `draft`, or an existing one. */
  | { kind: 'edit-view'; viewId: ViewId | null; draft?: SavedViewDraft }
  | { kind: 'rules'; back?: Dialog }
  /** A rule's editor (ruleId null: a new rule), opened from the Rules dialog. */
  | { kind: 'edit-rule'; ruleId: RuleId | null; back?: Dialog };

export interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error';
  action?: { label: string; run: () => void };
}

export interface UiSlice {
  dialog: Dialog | null;
  toasts: Toast[];
  refresh: RefreshProgress | null;
  /** False when the connection to the main side is lost (browser mode). */
  connected: boolean;
  /** The network looks down: the last refresh failed everywhere for network reasons. */
  offline: boolean;
  settings: Settings;
  /** The id the next toast gets. */
  nextToastId: number;
  /** What the running refresh has met so far, to tell "offline" from "some feeds failed". */
  refreshTally: RefreshTally;
  /** Waiting for the second key of a "g" sequence. */
  pendingG: boolean;
  /** The pane in front when the window is too narrow for all three (see layout.ts). */
  front: FrontPane;
  /** Data directory, cache and backups, loaded while the settings are open. */
  storage: StorageInfo | null;
  /** The integrity check found the database damaged: said until the user acts. */
  damaged: { problem: string; latestBackup: string | null } | null;
  /** The article list's menu for one article: at the pointer (a right-click), or by its row (the keyboard). */
  rowMenu: { articleId: number; at: { x: number; y: number } | null } | null;
  /** The rules, in the order they run, loaded while the Rules dialog is open; null until then. */
  rules: Rule[] | null;
}

export interface AppState {
  feeds: FeedsSlice;
  articles: ArticlesSlice;
  selection: Selection;
  ui: UiSlice;
  sync: SyncSlice;
}

export const initialState: AppState = {
  feeds: { feeds: [], tags: [], views: [], counts: null, loaded: false },
  articles: {
    items: [],
    next: null,
    loading: false,
    error: null,
    stale: false,
    generation: 0,
    request: 0,
    open: null,
    count: null,
    indexing: 0,
  },
  selection: { scope: { kind: 'smart', view: 'unread' }, unreadOnly: false, search: '', articleId: null },
  ui: {
    dialog: null,
    toasts: [],
    refresh: null,
    connected: true,
    offline: false,
    nextToastId: 1,
    refreshTally: NO_REFRESH_TALLY,
    settings: DEFAULT_SETTINGS,
    pendingG: false,
    front: 'list',
    storage: null,
    damaged: null,
    rowMenu: null,
    rules: null,
  },
  sync: { accounts: [], progress: {} },
};

type Listener = () => void;

export interface Store {
  getState(): AppState;
  /** Replaces one slice (or several) and notifies subscribers. */
  update(change: (s: AppState) => Partial<AppState>): void;
  subscribe(listener: Listener): () => void;
}

/** A store holding `initial`; the state and its listeners live in this closure only. */
export function createStore(initial: AppState): Store {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    getState: () => state,
    update(change) {
      state = { ...state, ...change(state) };
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's one store. */
export const store = createStore(initialState);
export const { getState, update, subscribe } = store;

/**
 * Reads a value from the store and re-renders when it changes. The result is cached per
 * state, so a selector that builds a new object (a Map, a list) is only re-run, and only
 * re-renders, when the state itself changed.
 */
export function useStore<T>(selector: (s: AppState) => T): T {
  const cache = useRef<{ state: AppState; value: T } | null>(null);
  const read = (): T => {
    const state = getState();
    if (cache.current?.state === state) return cache.current.value;
    const value = selector(state);
    cache.current = { state, value };
    return value;
  };
  return useSyncExternalStore(subscribe, read);
}
