/**
 * The renderer's state: one store, one slice per domain (feeds, articles, selection, ui).
 * Components read it through selectors with useStore; only actions (state/actions.ts)
 * write it, and only actions talk to the API.
 */
import { useRef, useSyncExternalStore } from 'react';
import type {
  Article,
  ArticleSummary,
  Counts,
  Feed,
  FeedId,
  RefreshProgress,
  StorageInfo,
  Settings,
  Tag,
  TagId,
} from '../../../shared/domain.js';
import { DEFAULT_SETTINGS } from '../../../shared/domain.js';

/** What the left pane selected: a smart view, one feed, or tags. */
export type Scope =
  | { kind: 'smart'; view: 'all' | 'unread' | 'starred' | 'today' }
  | { kind: 'feed'; feedId: FeedId }
  | { kind: 'tags'; tagIds: TagId[]; mode: 'any' | 'all' };

export interface Selection {
  scope: Scope;
  unreadOnly: boolean;
  search: string;
  articleId: number | null;
}

export interface ArticlesSlice {
  items: ArticleSummary[];
  next: number | null;
  loading: boolean;
  error: string | null;
  /** New articles arrived for this view while the user was reading down the list. */
  stale: boolean;
  /** Bumped on every fresh load, so the list can scroll back to the top. */
  generation: number;
  open: Article | null;
}

export interface FeedsSlice {
  feeds: Feed[];
  tags: Tag[];
  counts: Counts | null;
  loaded: boolean;
}

export type Dialog =
  | { kind: 'add-feed'; url?: string }
  | { kind: 'edit-feed'; feedId: FeedId }
  | { kind: 'rename-tag'; tagId: TagId }
  | { kind: 'confirm'; title: string; message: string; confirm: string; onConfirm: () => void }
  | { kind: 'shortcuts' }
  | { kind: 'settings' }
  | { kind: 'import-report'; added: number; skipped: number; problems: { line: number; message: string }[] };

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
  /** Waiting for the second key of a "g" sequence. */
  pendingG: boolean;
  /** Data directory, cache and backups, loaded while the settings are open. */
  storage: StorageInfo | null;
  /** The integrity check found the database damaged: said until the user acts. */
  damaged: { problem: string; latestBackup: string | null } | null;
}

export interface AppState {
  feeds: FeedsSlice;
  articles: ArticlesSlice;
  selection: Selection;
  ui: UiSlice;
}

export const initialState: AppState = {
  feeds: { feeds: [], tags: [], counts: null, loaded: false },
  articles: { items: [], next: null, loading: false, error: null, stale: false, generation: 0, open: null },
  selection: { scope: { kind: 'smart', view: 'unread' }, unreadOnly: false, search: '', articleId: null },
  ui: {
    dialog: null,
    toasts: [],
    refresh: null,
    connected: true,
    offline: false,
    settings: DEFAULT_SETTINGS,
    pendingG: false,
    storage: null,
    damaged: null,
  },
};

type Listener = () => void;
let state: AppState = initialState;
const listeners = new Set<Listener>();

export function getState(): AppState {
  return state;
}

/** Replaces one slice (or several) and notifies subscribers. */
export function update(change: (s: AppState) => Partial<AppState>): void {
  state = { ...state, ...change(state) };
  for (const l of listeners) l();
}

export function subscribe(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Reads a value from the store and re-renders when it changes. The result is cached per
 * state, so a selector that builds a new object (a Map, a list) is only re-run, and only
 * re-renders, when the state itself changed.
 */
export function useStore<T>(selector: (s: AppState) => T): T {
  const cache = useRef<{ state: AppState; value: T } | null>(null);
  const read = (): T => {
    if (cache.current?.state === state) return cache.current.value;
    const value = selector(state);
    cache.current = { state, value };
    return value;
  };
  return useSyncExternalStore(subscribe, read);
}
