/**
 * Settings → Accounts: every account with how its sync is doing, and what can be done to
 * each (sync now, edit, move the local feeds there, remove); the form to add one is
 * AddAccountForm.tsx. Reachable from the settings and from the sidebar.
 */
import { useEffect } from 'react';
import type { SyncProgressEvent } from '../../../../shared/api.js';
import type { Account } from '../../../../shared/domain.js';
import { LOCAL_ACCOUNT_ID } from '../../../../shared/domain.js';
import { t } from '../../i18n/translate.js';
import { confirmMoveLocalFeeds, loadAccounts, syncNow } from '../../state/actions/accounts.js';
import { closeDialog, openDialog } from '../../state/actions/ui.js';
import { useStore } from '../../state/store.js';
import { KIND_LABELS, accountStatus, feedCountText, orderAccounts, pendingText } from '../../state/sync-status.js';
import { Modal } from '../Modal.js';
import { useNow } from '../SyncMarks.js';
import { AddAccountForm } from './AddAccountForm.js';

export function AccountsDialog() {
  const accounts = useStore((s) => s.sync.accounts);
  const progress = useStore((s) => s.sync.progress);
  const now = useNow();
  // 'accounts-changed' comes when a sync ends, not on every local change: read the pending counts afresh.
  useEffect(() => void loadAccounts(), []);
  const localFeeds = accounts.find((a) => a.id === LOCAL_ACCOUNT_ID)?.feedCount ?? 0;
  return (
    <Modal title={t('accounts.title')} wide>
      <p className="muted small">{t('accounts.intro')}</p>
      <ul className="accounts" aria-label={t('accounts.title')}>
        {orderAccounts(accounts).map((account) => (
          <AccountItem
            key={account.id}
            account={account}
            progress={progress[account.id]}
            now={now}
            localFeeds={localFeeds}
          />
        ))}
      </ul>
      <AddAccountForm />
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={() => closeDialog()}>
          {t('common.done')}
        </button>
      </div>
    </Modal>
  );
}

function AccountItem({
  account,
  progress,
  now,
  localFeeds,
}: {
  account: Account;
  progress: SyncProgressEvent | undefined;
  now: number;
  localFeeds: number;
}) {
  const local = account.id === LOCAL_ACCOUNT_ID;
  const status = accountStatus(account, progress, now);
  const nameId = `account-name-${account.id}`;
  const pending = pendingText(account.pendingChanges);
  return (
    <li className="account" aria-labelledby={nameId} data-testid={`account-${account.id}`}>
      <div className="account-line">
        <strong id={nameId}>{account.name}</strong>
        <span className="muted small">{t(KIND_LABELS[account.kind])}</span>
      </div>
      {!local && (
        <div className="muted small">
          {account.serverUrl} · {account.username}
        </div>
      )}
      <div className="muted small">
        {feedCountText(account.feedCount)}
        {pending && ` · ${pending}`}
        {local && ` · ${t('accounts.local.fetches')}`}
      </div>
      {!local && (
        <div className={`account-status ${status.health}`} role="status" aria-live="polite">
          {status.text}
          {progress && (
            <progress
              max={progress.total || 1}
              value={progress.total ? progress.done : undefined}
              aria-label={t('accounts.syncing', { name: account.name })}
            />
          )}
        </div>
      )}
      {!local && (
        <div className="button-row">
          <button type="button" disabled={Boolean(progress)} onClick={() => void syncNow(account.id)}>
            {t('accounts.syncNow')}
          </button>
          <button
            type="button"
            onClick={() => openDialog({ kind: 'edit-account', accountId: account.id, back: { kind: 'accounts' } })}
          >
            {t('accounts.edit')}
          </button>
          {localFeeds > 0 && (
            <button type="button" onClick={() => confirmMoveLocalFeeds(account, localFeeds)}>
              {t('accounts.moveHere')}
            </button>
          )}
          <button
            type="button"
            className="danger"
            onClick={() => openDialog({ kind: 'remove-account', accountId: account.id, back: { kind: 'accounts' } })}
          >
            {t('accounts.remove')}
          </button>
        </div>
      )}
    </li>
  );
}
