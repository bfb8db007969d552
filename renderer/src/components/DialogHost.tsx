/** Shows the dialog the store asks for. */
import { assertNever } from '../../../shared/assert.js';
import { useStore } from '../state/store.js';
import { EditAccountDialog, RemoveAccountDialog } from './dialogs/AccountDialogs.js';
import { AccountsDialog } from './dialogs/AccountsDialog.js';
import { AddFeedDialog } from './dialogs/AddFeedDialog.js';
import { EditFeedDialog } from './dialogs/EditFeedDialog.js';
import { ShortcutsDialog } from './dialogs/ShortcutsDialog.js';
import { ConfirmDialog, ImportReportDialog, RenameTagDialog, SettingsDialog } from './dialogs/SmallDialogs.js';
import { RuleEditorDialog } from './rules/RuleEditorDialog.js';
import { RulesDialog } from './rules/RulesDialog.js';
import { SavedViewDialog } from './views/SavedViewDialog.js';
import '../styles/organize.css';

export function DialogHost() {
  const dialog = useStore((s) => s.ui.dialog);
  const feeds = useStore((s) => s.feeds.feeds);
  const tags = useStore((s) => s.feeds.tags);
  const accounts = useStore((s) => s.sync.accounts);
  const views = useStore((s) => s.feeds.views);
  const rules = useStore((s) => s.ui.rules);
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
    case 'edit-view': {
      const view = views.find((v) => v.id === dialog.viewId) ?? null;
      const initial = view ?? dialog.draft;
      if (!initial) return null;
      const draft = { name: initial.name, filter: initial.filter, notify: initial.notify };
      return <SavedViewDialog key={view?.id ?? 'new'} view={view} initial={draft} />;
    }
    case 'rules':
      return <RulesDialog />;
    case 'edit-rule': {
      const rule = rules?.find((r) => r.id === dialog.ruleId) ?? null;
      if (dialog.ruleId !== null && !rule) return null;
      return <RuleEditorDialog key={rule?.id ?? 'new'} rule={rule} />;
    }
    default:
      return assertNever(dialog, 'dialog');
  }
}
