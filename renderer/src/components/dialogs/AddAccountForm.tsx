/**
 * Adding a sync account: the kind of server, its address, the user and password; "Test
 * connection" logs in without saving; "Add" saves and starts the first sync, whose progress
 * the account's row shows. The password lives in this form's state only, and is cleared
 * once the account is added.
 */
import { useState, type FormEvent } from 'react';
import type { AccountLogin, ConnectionTest } from '../../../../shared/api.js';
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
    setAdded(`Added ${outcome.account.name}. Its first sync is running: see its line above.`);
  };

  const describedBy = ['account-server-hint', test || error ? 'account-form-answer' : ''].filter(Boolean).join(' ');
  return (
    <form className="add-account" aria-labelledby="add-account-heading" onSubmit={(e) => void submit(e)}>
      <h3 id="add-account-heading">Add an account</h3>
      <label className="field">
        Server type
        <select value={kind} onChange={(e) => edited(setKind)(e.target.value as AccountLogin['kind'])}>
          <option value="ttrss">Tiny Tiny RSS</option>
          <option value="greader">FreshRSS / Miniflux / other Google Reader API</option>
        </select>
      </label>
      <label className="field">
        Server address
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
        {SERVER_HINTS[kind]}
      </p>
      <label className="field">
        User name
        <input
          type="text"
          required
          autoComplete="username"
          value={username}
          onChange={(e) => edited(setUsername)(e.target.value)}
        />
      </label>
      <label className="field">
        Password
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
            Connection works.{test.warning && ` ${test.warning}`}
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
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="submit" disabled={!complete || busy !== null}>
          {busy === 'add' ? 'Adding…' : 'Add account'}
        </button>
      </div>
    </form>
  );
}
