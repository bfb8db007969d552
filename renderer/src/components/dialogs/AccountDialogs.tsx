/**
 * The dialogs opened from an account's line: edit it (name, sync interval, a new password)
 * and remove it (keeping its starred articles, by default). Both return to the accounts
 * dialog when they close.
 */
import { useState } from 'react';
import type { AccountPatch } from '../../../../shared/api.js';
import type { Account } from '../../../../shared/domain.js';
import { t } from '../../i18n/translate.js';
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
    <Modal title={t('common.editNamed', { name: account.name })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <label className="field">
          {t('accounts.edit.name')}
          <input autoFocus required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          {t('accounts.edit.syncMinutes')}
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
          {t('accounts.edit.syncMinutes.hint', { min: SYNC_MINUTES_MIN, max: SYNC_MINUTES_MAX })}
        </p>
        <label className="field">
          {t('accounts.edit.password')}
          <input
            type="password"
            autoComplete="new-password"
            value={password}
            placeholder={t('accounts.edit.password.placeholder')}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby="new-password-hint"
          />
        </label>
        <p className="muted small" id="new-password-hint">
          {t('accounts.edit.password.hint')}
        </p>
        <div className="dialog-buttons">
          <button type="button" onClick={() => closeDialog()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || syncMinutes === null}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function RemoveAccountDialog({ account }: { account: Account }) {
  const [keepStarred, setKeepStarred] = useState(true);
  return (
    <Modal title={t('accounts.remove.title', { name: account.name })}>
      <p>{t('accounts.remove.text', { name: account.name, feeds: feedCountText(account.feedCount) })}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={keepStarred}
          onChange={(e) => setKeepStarred(e.target.checked)}
          aria-describedby="keep-starred-hint"
        />
        {t('accounts.remove.keepStarred')}
      </label>
      <p className="muted small" id="keep-starred-hint">
        {t('accounts.remove.keepStarred.hint', { name: account.name })}
      </p>
      <div className="dialog-buttons">
        <button type="button" autoFocus onClick={() => closeDialog()}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => {
            closeDialog();
            void removeAccount(account, keepStarred);
          }}
        >
          {t('accounts.remove.confirm')}
        </button>
      </div>
    </Modal>
  );
}
