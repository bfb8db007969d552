/**
 * The header of an account's group when the sidebar groups by account: a disclosure that
 * folds the account's untagged feeds, its name (opening the accounts dialog), its sync
 * state and "Sync now".
 */
import type { SyncProgressEvent } from '../../../../shared/api.js';
import type { Account } from '../../../../shared/domain.js';
import { LOCAL_ACCOUNT_ID } from '../../../../shared/domain.js';
import { t } from '../../i18n/translate.js';
import { syncNow } from '../../state/actions/accounts.js';
import { openDialog } from '../../state/actions/ui.js';
import { accountStatus } from '../../state/sync-status.js';
import { SyncArrows, SyncStateMark, useNow } from '../SyncMarks.js';
import { FoldIcon } from './FoldIcon.js';

interface Props {
  account: Account;
  progress: SyncProgressEvent | undefined;
  open: boolean;
  /** The group has feeds to fold. */
  foldable: boolean;
  listId: string;
  onToggle: () => void;
}

export function AccountHeader({ account, progress, open, foldable, listId, onToggle }: Props) {
  const now = useNow();
  const status = accountStatus(account, progress, now);
  const local = account.id === LOCAL_ACCOUNT_ID;
  return (
    <div className="account-header" data-health={local ? undefined : status.health}>
      {foldable ? (
        // A Tab stop like the header's other buttons: a folded group has no feed to reach it from.
        <button
          type="button"
          className="icon fold"
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-label={t(open ? 'sidebar.group.collapse' : 'sidebar.group.expand', { name: account.name })}
          data-group-row
          onClick={onToggle}
        >
          <FoldIcon open={open} />
        </button>
      ) : (
        <span className="fold-space" />
      )}
      <h4 className="account-title" id={`account-heading-${account.id}`}>
        <button
          type="button"
          className="link"
          onClick={() => openDialog({ kind: 'accounts' })}
          title={local ? t('sidebar.account.local.title') : status.text}
        >
          {account.name}
        </button>
      </h4>
      {!local && <SyncStateMark status={status} name={account.name} />}
      {!local && (
        <button
          type="button"
          className="icon"
          aria-label={t('sidebar.account.syncNow', { name: account.name })}
          title={t('accounts.syncNow')}
          disabled={status.health === 'syncing'}
          onClick={() => void syncNow(account.id)}
        >
          <SyncArrows />
        </button>
      )}
    </div>
  );
}
