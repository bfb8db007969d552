/**
 * Sync accounts: loading them, what the engine pushes about them (accounts-changed,
 * sync-progress), testing and adding one, editing, removing, syncing now and moving the
 * local feeds to one. Passwords pass through here to the API and are never kept in the
 * store nor written to a message.
 */
import type { AccountLogin, AccountPatch, ConnectionTest, SyncProgressEvent } from '../../../../shared/api.js';
import type { Account, AccountId } from '../../../../shared/domain.js';
import { api } from '../../api.js';
import { t } from '../../i18n/translate.js';
import { FALLBACK_SCOPE } from '../scope.js';
import { getState, update } from '../store.js';
import { syncAccounts, withoutProgress, withProgress } from '../sync-status.js';
import { reloadSidebar } from './feeds.js';
import { selectScope } from './selection.js';
import { attempt, errorMessage, showToast } from './toasts.js';
import { openDialog } from './ui.js';

function setAccounts(accounts: Account[]): void {
  update((s) => ({ sync: { ...s.sync, accounts } }));
}

export async function loadAccounts(): Promise<void> {
  const accounts = await attempt(() => api.listAccounts());
  if (accounts) setAccounts(accounts);
}

/** 'accounts-changed': a sync ended or pending changes moved; a sync may also have added or removed feeds. */
export function onAccountsChanged(accounts: Account[]): void {
  setAccounts(accounts);
  void reloadSidebar();
}

export function onSyncProgress(event: SyncProgressEvent): void {
  update((s) => ({ sync: { ...s.sync, progress: withProgress(s.sync.progress, event) } }));
}

export function hasSyncAccounts(): boolean {
  return syncAccounts(getState().sync.accounts).length > 0;
}

/** "Test connection": the engine's answer, or why the call itself failed, as a failed test. */
export async function testConnection(login: AccountLogin): Promise<ConnectionTest> {
  try {
    return await api.testAccount(login);
  } catch (error) {
    return { ok: false, code: 'call', message: errorMessage(error) };
  }
}

export type AddAccountOutcome = { ok: true; account: Account } | { ok: false; message: string };

/** Adds the account, then starts its first sync (a scheduled one already running is joined). */
export async function addAccount(login: AccountLogin): Promise<AddAccountOutcome> {
  let account: Account;
  try {
    account = await api.addAccount(login);
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
  update((s) => ({
    sync: {
      accounts: [...s.sync.accounts.filter((a) => a.id !== account.id), account],
      // Said at once, before the engine's first progress event arrives.
      progress: withProgress(s.sync.progress, { accountId: account.id, phase: 'login', done: 0, total: 0 }),
    },
  }));
  // The engine schedules a first sync itself, but only while its scheduler runs (not
  // under `syndic serve --no-poll`); asking here covers both, and joins one under way.
  void syncNow(account.id, false);
  return { ok: true, account };
}

/**
 * Syncs one account, or every one (null). `tell` says a failure in a toast: for a sync the
 * user asked for; the account's warning mark says it in any case.
 */
export async function syncNow(accountId: AccountId | null, tell = true): Promise<void> {
  const ids = accountId == null ? syncAccounts(getState().sync.accounts).map((a) => a.id) : [accountId];
  update((s) => ({
    sync: {
      ...s.sync,
      progress: ids.reduce(
        (progress, id) =>
          progress[id] ? progress : withProgress(progress, { accountId: id, phase: 'login', done: 0, total: 0 }),
        s.sync.progress,
      ),
    },
  }));
  try {
    const summaries = await api.syncNow(accountId);
    const failed = summaries.filter((summary) => !summary.ok && summary.error);
    if (tell) for (const summary of failed) showToast(summary.error!, 'error', undefined, 12_000);
  } catch (error) {
    if (tell) showToast(errorMessage(error), 'error');
  } finally {
    // The 'done' event ends each entry; this covers a sync that failed before it began.
    update((s) => ({ sync: { ...s.sync, progress: ids.reduce(withoutProgress, s.sync.progress) } }));
    await Promise.all([reloadSidebar(), loadAccounts()]);
  }
}

/** Saves the account's name, interval or new password; a new password is tried by a sync at once. */
export async function saveAccount(accountId: AccountId, patch: AccountPatch): Promise<boolean> {
  const account = await attempt(() => api.updateAccount(accountId, patch));
  if (!account) return false;
  update((s) => ({ sync: { ...s.sync, accounts: s.sync.accounts.map((a) => (a.id === accountId ? account : a)) } }));
  if (patch.password !== undefined) void syncNow(accountId);
  return true;
}

export async function removeAccount(account: Account, keepStarred: boolean): Promise<void> {
  const done = await attempt(() => api.removeAccount(account.id, keepStarred).then(() => true));
  if (!done) return;
  await Promise.all([reloadSidebar(), loadAccounts()]);
  const { scope } = getState().selection;
  if (scope.kind === 'feed' && !getState().feeds.feeds.some((f) => f.id === scope.feedId)) selectScope(FALLBACK_SCOPE);
  showToast(t(keepStarred ? 'accounts.removed.keptStarred' : 'accounts.removed', { name: account.name }));
}

/** "Move my local feeds here": asks first, then hands every local feed to the account's server. */
export function confirmMoveLocalFeeds(account: Account, localFeeds: number): void {
  openDialog({
    kind: 'confirm',
    title: t('accounts.move.title', { name: account.name }),
    message: t('accounts.move.message', { name: account.name, count: localFeeds }),
    confirm: t('accounts.move.confirm'),
    back: { kind: 'accounts' },
    onConfirm: () => void moveLocalFeeds(account),
  });
}

async function moveLocalFeeds(account: Account): Promise<void> {
  const moved = await attempt(() => api.moveLocalFeeds(account.id, null));
  if (moved === undefined) return;
  await reloadSidebar();
  showToast(t('accounts.moved', { name: account.name, count: moved }));
  await syncNow(account.id);
}
