/** Shows the dialog the store asks for. */
import { assertNever } from '../../../shared/assert.js';
import { useStore } from '../state/store.js';
import { EditAccountDialog, RemoveAccountDialog } from './dialogs/AccountDialogs.js';
import { AccountsDialog } from './dialogs/AccountsDialog.js';
import { AddFeedDialog } from './dialogs/AddFeedDialog.js';
import { EditFeedDialog } from './dialogs/EditFeedDialog.js';
import { ShortcutsDialog } from './dialogs/ShortcutsDialog.js';
import { ConfirmDialog, ImportReportDialog, RenameTagDialog, SettingsDialog } from './dialogs/SmallDialogs.js';

export function DialogHost() {
  const dialog = useStore((s) => s.ui.dialog);
  const feeds = useStore((s) => s.feeds.feeds);
  const tags = useStore((s) => s.feeds.tags);
  const accounts = useStore((s) => s.sync.accounts);
  if (!dialog) return null;
  switch (dialog.kind) {
    case 'add-feed':
      return <AddFeedDialog initialUrl={dialog.url} />;
    case 'edit-feed': {
      const feed = feeds.find((f) => f.id === dialog.feedId);
      return feed ? <EditFeedDialog key={feed.id} feed={feed} /> : null;
    }
    case 'rename-tag': {
      const tag = tags.find((t) => t.id === dialog.tagId);
      return tag ? <RenameTagDialog tag={tag} /> : null;
    }
    case 'confirm':
      return <ConfirmDialog {...dialog} />;
    case 'shortcuts':
      return <ShortcutsDialog />;
    case 'settings':
      return <SettingsDialog />;
    case 'accounts':
      return <AccountsDialog />;
    case 'edit-account': {
      const account = accounts.find((a) => a.id === dialog.accountId);
      return account ? <EditAccountDialog key={account.id} account={account} /> : null;
    }
    case 'remove-account': {
      const account = accounts.find((a) => a.id === dialog.accountId);
      return account ? <RemoveAccountDialog key={account.id} account={account} /> : null;
    }
    case 'import-report':
      return <ImportReportDialog {...dialog} />;
    default:
      return assertNever(dialog, 'dialog');
  }
}
