/**
 * The dialogs opened from an account's line: edit it (name, sync interval, a new password)
 * and remove it (keeping its starred articles, by default). Both return to the accounts
 * dialog when they close.
 */
import { useState } from 'react';
import type { AccountPatch } from '../../../../shared/api.js';
import type { Account } from '../../../../shared/domain.js';
import { removeAccount, saveAccount } from '../../state/actions/accounts.js';
import { closeDialog } from '../../state/actions/ui.js';
import { SYNC_MINUTES_MAX, SYNC_MINUTES_MIN, feedCountText, parseSyncMinutes } from '../../state/sync-status.js';
import { Modal } from '../Modal.js';

export function EditAccountDialog({ account }: { account: Account }) {
  const [name, setName] = useState(account.name);
  const [minutes, setMinutes] = useState(String(account.syncMinutes));
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const syncMinutes = parseSyncMinutes(minutes);

  const save = async () => {
    if (syncMinutes === null) return;
    const patch: AccountPatch = {};
    if (name.trim() && name.trim() !== account.name) patch.name = name.trim();
    if (syncMinutes !== account.syncMinutes) patch.syncMinutes = syncMinutes;
    if (password) patch.password = password;
    setBusy(true);
    const ok = Object.keys(patch).length === 0 || (await saveAccount(account.id, patch));
    setBusy(false);
    setPassword('');
    if (ok) closeDialog();
  };

  return (
    <Modal title={`Edit ${account.name}`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          Name
          <input autoFocus required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          Sync every (minutes)
          <input
            type="number"
            inputMode="numeric"
            min={SYNC_MINUTES_MIN}
            max={SYNC_MINUTES_MAX}
            step={1}
            required
            value={minutes}
            onChange={(e) => setMinutes(e.target.value)}
            aria-invalid={syncMinutes === null}
            aria-describedby="sync-minutes-hint"
          />
        </label>
        <p className={syncMinutes === null ? 'error-text' : 'muted small'} id="sync-minutes-hint">
          From {SYNC_MINUTES_MIN} minutes to {SYNC_MINUTES_MAX} (a day).
        </p>
        <label className="field">
          New password
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            placeholder="Leave empty to keep the current one"
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby="new-password-hint"
          />
        </label>
        <p className="muted small" id="new-password-hint">
          When the server rejected the old one, or it changed there. Syndic syncs at once to try it.
        </p>
        <div className="dialog-buttons">
          <button type="button" onClick={() => closeDialog()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || syncMinutes === null}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function RemoveAccountDialog({ account }: { account: Account }) {
  const [keepStarred, setKeepStarred] = useState(true);
  return (
    <Modal title={`Remove ${account.name}?`}>
      <p>
        Syndic stops syncing with {account.name} and removes its {feedCountText(account.feedCount)} and their articles
        from this computer. Nothing changes on the server.
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={keepStarred}
          onChange={(e) => setKeepStarred(e.target.checked)}
          aria-describedby="keep-starred-hint"
        />
        Keep my starred articles
      </label>
      <p className="muted small" id="keep-starred-hint">
        They move to a local feed, “Starred from {account.name}”, and stay after the account is gone.
      </p>
      <div className="dialog-buttons">
        <button type="button" autoFocus onClick={() => closeDialog()}>
          Cancel
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            closeDialog();
            void removeAccount(account, keepStarred);
          }}
        >
          Remove account
        </button>
      </div>
    </Modal>
  );
}
