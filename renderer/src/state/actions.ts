/**
 * What the user can do, on the renderer side: each action calls the ReaderApi and updates
 * the store. Components call actions; they never call the API themselves.
 */
import type { FeedPatch, StarredExportFormat } from '../../../shared/api.js';
import type { ArticleSummary, DiscoveredFeed, FeedErrorKind, FeedId, Settings, TagId } from '../../../shared/domain.js';
import { ReaderCallError } from '../../../shared/protocol.js';
import { api, onConnectionChange, onReaderEvent } from '../api.js';
import { canFilterUnread, toQuery } from './selectors.js';
import { getState, update, type Dialog, type Scope, type Toast } from './store.js';
import { messageOf } from '../../../shared/error-message.js';

const PAGE = 100;
let toastId = 1;
/** Ignore answers to list requests that a newer request has replaced. */
let listRequest = 0;

function errorMessage(error: unknown): string {
  if (error instanceof ReaderCallError) return error.message;
  return messageOf(error);
}

export function showToast(message: string, kind: Toast['kind'] = 'info', action?: Toast['action'], ms = 6000): void {
  const id = toastId++;
  update((s) => ({ ui: { ...s.ui, toasts: [...s.ui.toasts, { id, message, kind, action }] } }));
  setTimeout(() => dismissToast(id), ms);
}

export function dismissToast(id: number): void {
  update((s) => ({ ui: { ...s.ui, toasts: s.ui.toasts.filter((t) => t.id !== id) } }));
}

/** Runs an action, turning a failure into an error toast instead of an unhandled rejection. */
async function attempt<T>(work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (error) {
    showToast(errorMessage(error), 'error');
    return undefined;
  }
}

export function openDialog(dialog: Dialog): void {
  update((s) => ({ ui: { ...s.ui, dialog } }));
}

export function closeDialog(): void {
  update((s) => ({ ui: { ...s.ui, dialog: null } }));
}

// Sidebar

export async function reloadSidebar(): Promise<void> {
  const [feeds, tags, counts] = await Promise.all([api.listFeeds(), api.listTags(), api.getCounts()]);
  update(() => ({ feeds: { feeds, tags, counts, loaded: true } }));
}

// The article list

function currentQuery() {
  const s = getState();
  return toQuery(s.selection, s.ui.settings.dedupe);
}

export async function loadList(): Promise<void> {
  const request = ++listRequest;
  update((s) => ({ articles: { ...s.articles, loading: true, error: null, stale: false } }));
  try {
    const page = await api.listArticles(currentQuery(), null, PAGE);
    if (request !== listRequest) return;
    update((s) => ({
      articles: {
        ...s.articles,
        items: page.articles,
        next: page.next,
        loading: false,
        generation: s.articles.generation + 1,
      },
    }));
  } catch (error) {
    if (request !== listRequest) return;
    update((s) => ({ articles: { ...s.articles, loading: false, error: errorMessage(error) } }));
  }
}

export async function loadMore(): Promise<void> {
  const { articles } = getState();
  if (articles.loading || articles.next == null) return;
  const request = listRequest;
  update((s) => ({ articles: { ...s.articles, loading: true } }));
  try {
    const page = await api.listArticles(currentQuery(), articles.next, PAGE);
    if (request !== listRequest) return;
    update((s) => ({
      articles: { ...s.articles, items: [...s.articles.items, ...page.articles], next: page.next, loading: false },
    }));
  } catch (error) {
    update((s) => ({ articles: { ...s.articles, loading: false, error: errorMessage(error) } }));
  }
}

export function selectScope(scope: Scope): void {
  update((s) => ({
    selection: {
      ...s.selection,
      scope,
      articleId: null,
      unreadOnly: canFilterUnread(scope) ? s.selection.unreadOnly : false,
    },
    articles: { ...s.articles, open: null },
  }));
  void loadList();
}

/** Ctrl/Cmd-click on a tag: add it to (or take it from) the tags being combined. */
export function toggleTagInScope(tagId: TagId): void {
  const { scope } = getState().selection;
  if (scope.kind !== 'tags') return selectScope({ kind: 'tags', tagIds: [tagId], mode: 'any' });
  const tagIds = scope.tagIds.includes(tagId) ? scope.tagIds.filter((t) => t !== tagId) : [...scope.tagIds, tagId];
  selectScope(tagIds.length ? { ...scope, tagIds } : { kind: 'smart', view: 'all' });
}

export function setTagMode(mode: 'any' | 'all'): void {
  const { scope } = getState().selection;
  if (scope.kind === 'tags' && scope.mode !== mode) selectScope({ ...scope, mode });
}

export function setUnreadOnly(unreadOnly: boolean): void {
  update((s) => ({ selection: { ...s.selection, unreadOnly } }));
  void loadList();
}

export function setSearch(search: string): void {
  if (getState().selection.search === search) return;
  update((s) => ({ selection: { ...s.selection, search } }));
  void loadList();
}

function patchItem(id: number, patch: Partial<ArticleSummary>): void {
  update((s) => ({
    articles: {
      ...s.articles,
      items: s.articles.items.map((a) => (a.id === id ? { ...a, ...patch } : a)),
      open: s.articles.open?.id === id ? { ...s.articles.open, ...patch } : s.articles.open,
    },
  }));
}

// Reading

export async function openArticle(id: number): Promise<void> {
  update((s) => ({ selection: { ...s.selection, articleId: id } }));
  const article = await attempt(() => api.getArticle(id));
  if (getState().selection.articleId !== id) return;
  update((s) => ({ articles: { ...s.articles, open: article ?? null } }));
  if (article && !article.read && getState().ui.settings.markReadOnOpen) await setRead(id, true);
}

/** Fetches the whole article from its site (readability), kept for offline reading. */
export async function loadFullArticle(id: number): Promise<void> {
  const article = await attempt(() => api.fetchFullArticle(id));
  if (!article || getState().selection.articleId !== id) return;
  update((s) => ({ articles: { ...s.articles, open: article } }));
}

export async function setRead(id: number, read: boolean): Promise<void> {
  patchItem(id, { read });
  const result = await attempt(() => api.markRead([id], read));
  if (result && result.count > 1) {
    // Copies of the same post in other feeds changed too.
    await loadList();
  }
}

export async function toggleRead(id = getState().selection.articleId): Promise<void> {
  const item = getState().articles.items.find((a) => a.id === id);
  if (item) await setRead(item.id, !item.read);
}

export async function toggleStar(id = getState().selection.articleId): Promise<void> {
  const item = getState().articles.items.find((a) => a.id === id) ?? getState().articles.open;
  if (!item || item.id !== id) return;
  patchItem(item.id, { starred: !item.starred });
  await attempt(() => api.setStarred(item.id, !item.starred));
}

/** j/k: the next or previous article in the list. */
export async function moveSelection(delta: 1 | -1): Promise<void> {
  const { items } = getState().articles;
  const index = items.findIndex((a) => a.id === getState().selection.articleId);
  const next = index < 0 ? (delta > 0 ? 0 : -1) : index + delta;
  if (next >= items.length - 5) void loadMore();
  const target = items[next];
  if (target) await openArticle(target.id);
}

/** n/p: the next or previous unread article, loading more of the list when needed. */
export async function moveToUnread(delta: 1 | -1): Promise<void> {
  for (let attemptCount = 0; attemptCount < 20; attemptCount++) {
    const { items, next } = getState().articles;
    const index = items.findIndex((a) => a.id === getState().selection.articleId);
    for (let i = index + delta; i >= 0 && i < items.length; i += delta) {
      if (!items[i]!.read) return openArticle(items[i]!.id);
    }
    if (delta < 0 || next == null) return showToast('No more unread articles here');
    await loadMore();
  }
}

export function openOriginal(): void {
  const { open } = getState().articles;
  const url = open?.url;
  if (url && /^https?:\/\//i.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
}

export async function markAllRead(): Promise<void> {
  const result = await attempt(() => api.markViewRead(currentQuery(), null));
  if (!result) return;
  update((s) => ({ articles: { ...s.articles, items: s.articles.items.map((a) => ({ ...a, read: true })) } }));
  if (result.count === 0) return showToast('Nothing unread here');
  const token = result.undoToken;
  showToast(
    `Marked ${result.count} article${result.count === 1 ? '' : 's'} read`,
    'info',
    token ? { label: 'Undo', run: () => void undoMarkAllRead(token) } : undefined,
    10_000,
  );
}

async function undoMarkAllRead(token: string): Promise<void> {
  const restored = await attempt(() => api.undoMarkRead(token));
  if (restored !== undefined) {
    showToast(`Marked ${restored} article${restored === 1 ? '' : 's'} unread again`);
    await loadList();
  }
}

// Refresh

export async function refresh(feedIds: FeedId[] | null = null): Promise<void> {
  const summary = await attempt(() => api.refresh(feedIds));
  if (!summary) return;
  await reloadSidebar();
  if (summary.failed && summary.ok + summary.notModified === 0 && getState().ui.offline) return;
  if (summary.newArticles) showToast(`${summary.newArticles} new article${summary.newArticles === 1 ? '' : 's'}`);
}

const NETWORK_DOWN: FeedErrorKind[] = ['offline', 'dns', 'network', 'timeout', 'refused'];
let refreshFailures = { network: 0, total: 0 };

// Feeds and tags

export type AddFeedOutcome =
  { kind: 'added' } | { kind: 'choose'; candidates: DiscoveredFeed[] } | { kind: 'failed'; message: string };

/** Subscribes to a feed or a site; a site with several feeds asks the dialog to choose. */
export async function addFeed(url: string, tags: string[]): Promise<AddFeedOutcome> {
  try {
    const result = await api.addFeed({ url, tags });
    if (result.kind === 'choose') return { kind: 'choose', candidates: result.candidates };
    await reloadSidebar();
    selectScope({ kind: 'feed', feedId: result.feed.id });
    if (result.kind === 'exists') showToast('You already follow this feed');
    else if (result.feed.lastError)
      showToast(`Added, but the first refresh failed: ${result.feed.lastError.message}`, 'error');
    return { kind: 'added' };
  } catch (error) {
    return { kind: 'failed', message: errorMessage(error) };
  }
}

export async function saveFeed(feedId: FeedId, patch: FeedPatch, tags: string[]): Promise<boolean> {
  const ok = await attempt(async () => {
    await api.updateFeed(feedId, patch);
    await api.setFeedTags(feedId, tags);
    return true;
  });
  await reloadSidebar();
  return ok === true;
}

export function confirmDeleteFeed(feedId: FeedId, title: string): void {
  openDialog({
    kind: 'confirm',
    title: 'Unsubscribe?',
    message: `Unsubscribe from "${title}" and delete its articles? Starred articles of this feed are deleted too.`,
    confirm: 'Unsubscribe',
    onConfirm: () =>
      void attempt(async () => {
        await api.deleteFeed(feedId);
        const { scope } = getState().selection;
        if (scope.kind === 'feed' && scope.feedId === feedId) selectScope({ kind: 'smart', view: 'unread' });
        await reloadSidebar();
        showToast(`Unsubscribed from ${title}`);
      }),
  });
}

export async function renameTag(tagId: TagId, name: string): Promise<boolean> {
  const ok = await attempt(async () => (await api.renameTag(tagId, name), true));
  await reloadSidebar();
  return ok === true;
}

export function confirmDeleteTag(tagId: TagId, name: string): void {
  openDialog({
    kind: 'confirm',
    title: 'Delete tag?',
    message: `Delete the tag "${name}"? Feeds and articles keep everything else; only the tag goes.`,
    confirm: 'Delete tag',
    onConfirm: () =>
      void attempt(async () => {
        await api.deleteTag(tagId);
        const { scope } = getState().selection;
        if (scope.kind === 'tags' && scope.tagIds.includes(tagId)) selectScope({ kind: 'smart', view: 'unread' });
        await reloadSidebar();
      }),
  });
}

export async function tagOpenArticle(name: string): Promise<void> {
  const open = getState().articles.open;
  if (!open || !name.trim()) return;
  await attempt(() => api.tagArticle(open.id, name));
  await reloadSidebar();
  const article = await api.getArticle(open.id);
  update((s) => ({ articles: { ...s.articles, open: article } }));
  if (article) patchItem(article.id, { tags: article.tags });
}

export async function untagOpenArticle(tagId: TagId): Promise<void> {
  const open = getState().articles.open;
  if (!open) return;
  await attempt(() => api.untagArticle(open.id, tagId));
  await reloadSidebar();
  const article = await api.getArticle(open.id);
  update((s) => ({ articles: { ...s.articles, open: article } }));
  if (article) patchItem(article.id, { tags: article.tags });
}

// OPML

export async function importOpmlFile(file: File): Promise<void> {
  const text = await file.text();
  const report = await attempt(() => api.importOpml(text));
  if (!report) return;
  await reloadSidebar();
  openDialog({ kind: 'import-report', added: report.added, skipped: report.skipped, problems: report.problems });
  if (report.added) void refresh(null);
}

export async function exportOpml(): Promise<void> {
  const text = await attempt(() => api.exportOpml());
  if (text !== undefined) download(text, 'text/x-opml', 'syndic-subscriptions.opml');
}

// Settings

export async function updateSettings(patch: Partial<Settings>): Promise<void> {
  const settings = await attempt(() => api.updateSettings(patch));
  if (!settings) return;
  update((s) => ({ ui: { ...s.ui, settings } }));
  if (patch.dedupe !== undefined) await Promise.all([loadList(), reloadSidebar()]);
}

// Storage, backups and exports

export async function loadStorageInfo(): Promise<void> {
  const storage = await attempt(() => api.getStorageInfo());
  if (storage) update((s) => ({ ui: { ...s.ui, storage } }));
}

export async function createBackup(): Promise<void> {
  const backup = await attempt(() => api.createBackup());
  if (!backup) return;
  showToast(`Backed up (${backup.name})`);
  await loadStorageInfo();
}

export function confirmRestoreBackup(name: string, when: string): void {
  openDialog({
    kind: 'confirm',
    title: 'Restore this backup?',
    message: `Every feed, article, tag and setting goes back to how it was on ${when}. The current state is backed up first, so this can be undone by restoring that backup.`,
    confirm: 'Restore',
    onConfirm: () => void restoreBackup(name),
  });
}

async function restoreBackup(name: string): Promise<void> {
  const done = await attempt(() => api.restoreBackup(name).then(() => true));
  if (!done) return;
  showToast('Backup restored');
  update((s) => ({ ui: { ...s.ui, damaged: null } }));
}

function download(text: string, type: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

export async function exportStarred(format: StarredExportFormat): Promise<void> {
  const text = await attempt(() => api.exportStarred(format));
  if (text === undefined) return;
  download(text, format === 'json' ? 'application/json' : 'text/html', `syndic-starred.${format}`);
}

export async function runMaintenance(): Promise<void> {
  const report = await attempt(() => api.runMaintenance());
  if (!report) return;
  showToast(report.removed ? `Removed ${report.removed} old read articles` : 'Nothing to remove');
  await loadStorageInfo();
}

// Start-up and pushed events

export async function start(): Promise<void> {
  onReaderEvent('counts-changed', (counts) => update((s) => ({ feeds: { ...s.feeds, counts } })));
  onReaderEvent('feeds-changed', () => void reloadSidebar());
  onReaderEvent('articles-changed', ({ feedIds }) => {
    const s = getState();
    const { scope } = s.selection;
    if (scope.kind === 'feed' && !feedIds.includes(scope.feedId)) return;
    // Reload at once when nothing is open, else offer the new articles without moving the list.
    if (s.selection.articleId == null) void loadList();
    else update((st) => ({ articles: { ...st.articles, stale: true } }));
  });
  onReaderEvent('refresh-progress', (progress) => {
    if (progress.done === 0) refreshFailures = { network: 0, total: 0 };
    if (progress.last) {
      refreshFailures.total++;
      if (progress.last.error && NETWORK_DOWN.includes(progress.last.error.kind)) refreshFailures.network++;
    }
    // Offline is said once, as a banner, not as a failure on every feed.
    const offline =
      progress.offline === true ||
      (!progress.running && refreshFailures.total > 0 && refreshFailures.network === refreshFailures.total);
    if (progress.diskFull)
      showToast(
        'The disk is full, so the refresh stopped. Everything saved before is intact: free some space, then refresh again.',
        'error',
        undefined,
        20_000,
      );
    update((s) => ({
      ui: { ...s.ui, refresh: progress.running ? progress : null, offline: progress.running ? s.ui.offline : offline },
    }));
    if (!progress.running) void reloadSidebar();
  });
  onReaderEvent('offline-status', (offline) =>
    update((s) => ({ ui: { ...s.ui, storage: s.ui.storage && { ...s.ui.storage, offline } } })),
  );
  onReaderEvent('open-add-feed', ({ url }) => openDialog({ kind: 'add-feed', url }));
  onReaderEvent('opml-imported', (report) => {
    void reloadSidebar();
    openDialog({ kind: 'import-report', added: report.added, skipped: report.skipped, problems: report.problems });
  });
  onReaderEvent('database-damaged', (damaged) => update((s) => ({ ui: { ...s.ui, damaged } })));
  onReaderEvent('data-replaced', () => {
    update((s) => ({ articles: { ...s.articles, open: null }, selection: { ...s.selection, articleId: null } }));
    void api.getSettings().then((settings) => update((s) => ({ ui: { ...s.ui, settings } })));
    void reloadSidebar();
    void loadList();
    void loadStorageInfo();
  });
  onConnectionChange((connected) => update((s) => ({ ui: { ...s.ui, connected } })));

  const settings = await api.getSettings();
  update((s) => ({ ui: { ...s.ui, settings } }));
  await reloadSidebar();
  await loadList();
}

export function setPendingG(pendingG: boolean): void {
  update((s) => ({ ui: { ...s.ui, pendingG } }));
}
