/**
 * Pure rules for what the reader says about sync accounts: the status line ("Synced 3 min
 * ago", the last error, the sync under way), the pending changes, the sidebar's grouping of
 * feeds by account, and the sync progress kept per account. No clock: `now` comes in.
 */
import { KEPT_FEED_SCHEME } from '../../../shared/domain.js';
import type { AccountLogin, SyncProgressEvent } from '../../../shared/api.js';
import type { Account, AccountId, AccountKind, Feed } from '../../../shared/domain.js';
import { LOCAL_ACCOUNT_ID } from '../../../shared/domain.js';
import type { MessageId } from '../i18n/messages-en.js';
import { t } from '../i18n/translate.js';

/** Minutes between syncs the engine accepts (shared/api-schemas.ts). */
export const SYNC_MINUTES_MIN = 5;
export const SYNC_MINUTES_MAX = 24 * 60;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const KIND_LABELS: Record<AccountKind, MessageId> = {
  local: 'accounts.kind.local',
  ttrss: 'accounts.kind.ttrss',
  greader: 'accounts.kind.greader',
};

/** What the address field suggests for each kind of server. */
export const SERVER_PLACEHOLDERS: Record<AccountLogin['kind'], string> = {
  ttrss: 'https://rss.example.org/tt-rss/',
  greader: 'https://rss.example.org/api/greader.php',
};

/** The longer hint under the address field: where each server keeps its API. */
export const SERVER_HINTS: Record<AccountLogin['kind'], MessageId> = {
  ttrss: 'accounts.add.hint.ttrss',
  greader: 'accounts.add.hint.greader',
};

const PHASES: Record<SyncProgressEvent['phase'], MessageId> = {
  login: 'sync.phase.login',
  push: 'sync.phase.push',
  feeds: 'sync.phase.feeds',
  states: 'sync.phase.states',
  articles: 'sync.phase.articles',
  done: 'sync.phase.done',
};

/** "just now", "3 min ago", "2 h ago", "4 days ago". */
export function timeAgo(at: number, now: number): string {
  const age = Math.max(0, now - at);
  if (age < MINUTE) return t('sync.ago.now');
  if (age < HOUR) return t('sync.ago.minutes', { count: Math.floor(age / MINUTE) });
  if (age < DAY) return t('sync.ago.hours', { count: Math.floor(age / HOUR) });
  return t('sync.ago.days', { count: Math.floor(age / DAY) });
}

/** A sync's progress in words: "Fetching articles, 40 of 120". */
export function progressText(progress: SyncProgressEvent): string {
  const phase = t(PHASES[progress.phase]);
  return progress.total > 0
    ? t('sync.progress.count', { phase, done: progress.done, total: progress.total })
    : t('sync.progress', { phase });
}

export type AccountHealth = 'syncing' | 'failed' | 'ok' | 'never';

export interface AccountStatus {
  health: AccountHealth;
  /** The status line as the accounts dialog and the sidebar's header say it. */
  text: string;
}

/** An account's state now: a running sync wins, then the last error, then when it last synced. */
export function accountStatus(account: Account, progress: SyncProgressEvent | undefined, now: number): AccountStatus {
  if (progress) return { health: 'syncing', text: t('sync.status.syncing', { progress: progressText(progress) }) };
  if (account.lastError) return { health: 'failed', text: account.lastError };
  if (account.lastSyncAt != null)
    return { health: 'ok', text: t('sync.status.synced', { ago: timeAgo(account.lastSyncAt, now) }) };
  return { health: 'never', text: t('sync.status.never') };
}

/** "12 changes waiting", or null when nothing is. */
export function pendingText(count: number): string | null {
  if (count <= 0) return null;
  return t('sync.pending', { count });
}

export function feedCountText(count: number): string {
  return t('accounts.feedCount', { count });
}

/**
 * The address of a feed holding starred articles kept from a removed account: local but
 * never fetched. Mirrors KEPT_FEED_SCHEME in electron/engine/store/accounts.ts, which the
 * renderer may not import.
 */

/** Whether Syndic fetches the feed itself (so it has a refresh and an interval of its own). */
export function fetchedBySyndic(feed: Feed): boolean {
  return feed.accountId === LOCAL_ACCOUNT_ID && !feed.url.startsWith(KEPT_FEED_SCHEME);
}

export const isSyncAccount = (account: Account): boolean => account.id !== LOCAL_ACCOUNT_ID;

export function syncAccounts(accounts: Account[]): Account[] {
  return accounts.filter(isSyncAccount);
}

/** The local account first, the others as the engine lists them (by id). */
export function orderAccounts(accounts: Account[]): Account[] {
  return [...accounts].sort((a, b) => (a.id === LOCAL_ACCOUNT_ID ? -1 : b.id === LOCAL_ACCOUNT_ID ? 1 : a.id - b.id));
}

export interface FeedGroup {
  account: Account;
  feeds: Feed[];
}

/**
 * The sidebar's feeds by account, local first; null with a single account, where the
 * sidebar stays one flat list. A feed of an account not (yet) listed joins no group: the
 * accounts arrive by their own event and the next render places it.
 */
export function groupFeeds(accounts: Account[], feeds: Feed[]): FeedGroup[] | null {
  if (accounts.length <= 1) return null;
  const groups = orderAccounts(accounts).map((account) => ({ account, feeds: [] as Feed[] }));
  const byId = new Map(groups.map((g) => [g.account.id, g]));
  for (const feed of feeds) byId.get(feed.accountId)?.feeds.push(feed);
  return groups;
}

/** The progress map after one event: a 'done' ends the account's entry. */
export function withProgress(
  progress: Record<AccountId, SyncProgressEvent>,
  event: SyncProgressEvent,
): Record<AccountId, SyncProgressEvent> {
  if (event.phase !== 'done') return { ...progress, [event.accountId]: event };
  return withoutProgress(progress, event.accountId);
}

export function withoutProgress(
  progress: Record<AccountId, SyncProgressEvent>,
  accountId: AccountId,
): Record<AccountId, SyncProgressEvent> {
  if (!(accountId in progress)) return progress;
  const rest = { ...progress };
  delete rest[accountId];
  return rest;
}

/** A whole number of minutes the engine accepts, or null (the field says why). */
export function parseSyncMinutes(text: string): number | null {
  const value = Number(text.trim());
  if (!Number.isInteger(value) || value < SYNC_MINUTES_MIN || value > SYNC_MINUTES_MAX) return null;
  return value;
}
