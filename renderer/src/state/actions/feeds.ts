/** The sidebar's feeds, tags, saved views and counts, and the subscriptions: adding, editing, unsubscribing. */
import type { FeedPatch } from '../../../../shared/api.js';
import type { AccountId, DiscoveredFeed, FeedId } from '../../../../shared/domain.js';
import { LOCAL_ACCOUNT_ID } from '../../../../shared/domain.js';
import { api } from '../../api.js';
import { t } from '../../i18n/translate.js';
import { FALLBACK_SCOPE, showsFeed } from '../scope.js';
import { getState, update } from '../store.js';
import { selectScope } from './selection.js';
import { attempt, errorMessage, showToast } from './toasts.js';
import { openDialog } from './ui.js';

export async function reloadSidebar(): Promise<void> {
  const [feeds, tags, views, counts] = await Promise.all([
    api.listFeeds(),
    api.listTags(),
    api.listViews(),
    api.getCounts(),
  ]);
  update(() => ({ feeds: { feeds, tags, views, counts, loaded: true } }));
}

export type AddFeedOutcome =
  { kind: 'added' } | { kind: 'choose'; candidates: DiscoveredFeed[] } | { kind: 'failed'; message: string };

/**
 * Subscribes to a feed or a site; a site with several feeds asks the dialog to choose. A
 * sync account's server subscribes at the next sync, so its feed starts empty.
 */
export async function addFeed(
  url: string,
  tags: string[],
  accountId: AccountId = LOCAL_ACCOUNT_ID,
): Promise<AddFeedOutcome> {
  try {
    const result = await api.addFeed(accountId === LOCAL_ACCOUNT_ID ? { url, tags } : { url, tags, accountId });
    if (result.kind === 'choose') return { kind: 'choose', candidates: result.candidates };
    await reloadSidebar();
    selectScope({ kind: 'feed', feedId: result.feed.id });
    if (result.kind === 'exists') showToast(t('feed.add.exists'));
    else if (result.feed.lastError)
      showToast(t('feed.add.refreshFailed', { message: result.feed.lastError.message }), 'error');
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
    title: t('feed.unsubscribe.title'),
    message: t('feed.unsubscribe.message', { title }),
    confirm: t('feed.unsubscribe.confirm'),
    onConfirm: () =>
      void attempt(async () => {
        await api.deleteFeed(feedId);
        if (showsFeed(getState().selection.scope, feedId)) selectScope(FALLBACK_SCOPE);
        await reloadSidebar();
        showToast(t('feed.unsubscribed', { title }));
      }),
  });
}
