/** Start-up: listens to what the main side pushes, then loads the settings, the sidebar and the first list. */
import { assertNever } from '../../../../shared/assert.js';
import { api, onConnectionChange, onReaderEvent } from '../../api.js';
import { onCountsChanged, onNewArticles } from '../article-list.js';
import { getState, update } from '../store.js';
import { loadAccounts, onAccountsChanged, onSyncProgress } from './accounts.js';
import { reloadSidebar } from './feeds.js';
import { loadList } from './list.js';
import { onNewArticlesNotice, openNoticeArticle } from './notices.js';
import { onRefreshProgress } from './refresh.js';
import { onViewsChanged } from './saved-views.js';
import { loadStorageInfo } from './storage.js';
import { openDialog } from './ui.js';

/** Reload the list at once, or offer what is new without moving it. */
function react(reaction: 'ignore' | 'reload' | 'offer'): void {
  switch (reaction) {
    case 'ignore':
      return;
    case 'reload':
      return void loadList();
    case 'offer':
      return update((s) => ({ articles: { ...s.articles, stale: true } }));
    default:
      return assertNever(reaction, 'reaction to new articles');
  }
}

function listenToMainSide(): void {
  onReaderEvent('counts-changed', (counts) => {
    update((s) => ({ feeds: { ...s.feeds, counts } }));
    // A search that answered while the index was behind runs again as the index catches up.
    react(onCountsChanged(getState().articles, getState().selection));
  });
  onReaderEvent('feeds-changed', () => void reloadSidebar());
  onReaderEvent('articles-changed', ({ feedIds }) => react(onNewArticles(getState().selection, feedIds)));
  onReaderEvent('refresh-progress', onRefreshProgress);
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
    void loadAccounts();
  });
  onReaderEvent('accounts-changed', onAccountsChanged);
  onReaderEvent('sync-progress', onSyncProgress);
  onReaderEvent('views-changed', onViewsChanged);
  // Another window (or the command line) changed the rules: the Rules dialog, if open, shows them.
  onReaderEvent('rules-changed', (rules) => {
    if (getState().ui.rules) update((s) => ({ ui: { ...s.ui, rules } }));
  });
  onReaderEvent('new-articles-notice', onNewArticlesNotice);
  onReaderEvent('open-article', ({ articleId }) => void openNoticeArticle(articleId));
  onConnectionChange((connected) => update((s) => ({ ui: { ...s.ui, connected } })));
}

export async function start(): Promise<void> {
  listenToMainSide();
  const settings = await api.getSettings();
  update((s) => ({ ui: { ...s.ui, settings } }));
  await Promise.all([reloadSidebar(), loadAccounts()]);
  await loadList();
}
