/** Refreshing feeds, and what the refresh's progress events say: progress, offline, disk full. */
import type { FeedId, RefreshProgress } from '../../../../shared/domain.js';
import { api } from '../../api.js';
import { t } from '../../i18n/translate.js';
import { offlineAfter, tallyRefresh } from '../refresh-status.js';
import { getState, update } from '../store.js';
import { hasSyncAccounts, syncNow } from './accounts.js';
import { reloadSidebar } from './feeds.js';
import { attempt, showToast } from './toasts.js';

/** Refreshes the local feeds (these, or all); refreshing all syncs every sync account too. */
export async function refresh(feedIds: FeedId[] | null = null): Promise<void> {
  if (feedIds === null && hasSyncAccounts()) void syncNow(null);
  const summary = await attempt(() => api.refresh(feedIds));
  if (!summary) return;
  await reloadSidebar();
  if (summary.failed && summary.ok + summary.notModified === 0 && getState().ui.offline) return;
  if (summary.newArticles) showToast(t('list.newArticles', { count: summary.newArticles }));
}

/** One refresh-progress event: the progress bar, the offline banner, a full disk. */
export function onRefreshProgress(progress: RefreshProgress): void {
  if (progress.diskFull) showToast(t('app.diskFull'), 'error', undefined, 20_000);
  update((s) => {
    const refreshTally = tallyRefresh(s.ui.refreshTally, progress);
    return {
      ui: {
        ...s.ui,
        refreshTally,
        refresh: progress.running ? progress : null,
        offline: offlineAfter(s.ui.offline, refreshTally, progress),
      },
    };
  });
  if (!progress.running) void reloadSidebar();
}
