/**
 * Adding a sync account: the kind of server, its address, the user and password; "Test
 * connection" logs in without saving; "Add" saves and starts the first sync, whose progress
 * the account's row shows. The password lives in this form's state only, and is cleared
 * once the account is added.
 */
import { useState, type FormEvent } from 'react';
import type { AccountLogin, ConnectionTest } from '../../../../shared/api.js';
import { t } from '../../i18n/translate.js';
import { addAccount, testConnection } from '../../state/actions/accounts.js';
import { SERVER_HINTS, SERVER_PLACEHOLDERS } from '../../state/sync-status.js';

type Busy = 'test' | 'add' | null;

export function AddAccountForm() {
  const [kind, setKind] = useState<AccountLogin['kind']>('greader');
  const [serverUrl, setServerUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState<Busy>(null);
  const [test, setTest] = useState<ConnectionTest | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  /** Any edit makes the last test's answer stale. */
  const edited =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setTest(null);
      setError(null);
      setAdded(null);
    };
  const login = (): AccountLogin => ({ kind, serverUrl: serverUrl.trim(), username: username.trim(), password });
  const complete = serverUrl.trim() !== '' && username.trim() !== '';

  const runTest = async () => {
    setBusy('test');
    setError(null);
    setTest(await testConnection(login()));
    setBusy(null);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy('add');
    setError(null);
    const outcome = await addAccount(login());
    setBusy(null);
    if (!outcome.ok) return setError(outcome.message);
    setPassword('');
    setServerUrl('');
    setUsername('');
    setTest(null);
    setAdded(t('accounts.add.added', { name: outcome.account.name }));
  };

  const describedBy = ['account-server-hint', test || error ? 'account-form-answer' : ''].filter(Boolean).join(' ');
  return (
    <form className="add-account" aria-labelledby="add-account-heading" onSubmit={(e) => void submit(e)}>
      <h3 id="add-account-heading">{t('accounts.add.heading')}</h3>
      <label className="field">
        {t('accounts.add.kind')}
        <select value={kind} onChange={(e) => edited(setKind)(e.target.value as AccountLogin['kind'])}>
          <option value="ttrss">{t('accounts.kind.ttrss')}</option>
          <option value="greader">{t('accounts.add.kind.greader')}</option>
        </select>
      </label>
      <label className="field">
        {t('accounts.add.server')}
        <input
          type="text"
          inputMode="url"
          required
          autoComplete="url"
          placeholder={SERVER_PLACEHOLDERS[kind]}
          value={serverUrl}
          onChange={(e) => edited(setServerUrl)(e.target.value)}
          aria-describedby={describedBy}
        />
      </label>
      <p className="muted small" id="account-server-hint">
        {t(SERVER_HINTS[kind])}
      </p>
      <label className="field">
        {t('accounts.add.user')}
        <input
          type="text"
          required
          autoComplete="username"
          value={username}
          onChange={(e) => edited(setUsername)(e.target.value)}
        />
      </label>
      <label className="field">
        {t('accounts.add.password')}
        <input
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => edited(setPassword)(e.target.value)}
        />
      </label>
      <div id="account-form-answer">
        {test?.ok === true && (
          <p className="ok-text" role="status">
            {t('accounts.add.works')}
            {test.warning && ` ${test.warning}`}
          </p>
        )}
        {test?.ok === false && (
          <p className="error-text" role="alert">
            {test.message}
          </p>
        )}
        {error && (
          <p className="error-text" role="alert">
            {error}
          </p>
        )}
      </div>
      {added && (
        <p className="ok-text" role="status">
          {added}
        </p>
      )}
      <div className="button-row">
        <button type="button" disabled={!complete || busy !== null} onClick={() => void runTest()}>
          {t(busy === 'test' ? 'accounts.add.testing' : 'accounts.add.test')}
        </button>
        <button type="submit" disabled={!complete || busy !== null}>
          {t(busy === 'add' ? 'accounts.add.adding' : 'accounts.add.submit')}
        </button>
      </div>
    </form>
  );
}
