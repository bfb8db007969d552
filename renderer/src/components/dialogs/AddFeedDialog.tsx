/** Add a feed by its address or a site's; choose among a site's feeds; pick tags. */
import { useState } from 'react';
import type { AccountId, DiscoveredFeed } from '../../../../shared/domain.js';
import { LOCAL_ACCOUNT_ID } from '../../../../shared/domain.js';
import type { MessageId } from '../../i18n/messages-en.js';
import { t } from '../../i18n/translate.js';
import { addFeed } from '../../state/actions/feeds.js';
import { closeDialog } from '../../state/actions/ui.js';
import { tagById } from '../../state/selectors.js';
import { useStore } from '../../state/store.js';
import { orderAccounts } from '../../state/sync-status.js';
import { Modal } from '../Modal.js';
import { TagPicker } from './TagPicker.js';

/** Formats as their authors spell them (not "ATOM"). */
const FORMAT_NAMES: Record<DiscoveredFeed['type'], MessageId> = {
  rss: 'addFeed.format.rss',
  atom: 'addFeed.format.atom',
  json: 'addFeed.format.json',
  unknown: 'addFeed.format.unknown',
};

export function AddFeedDialog({ initialUrl }: { initialUrl?: string }) {
  const [url, setUrl] = useState(initialUrl ?? '');
  const [tags, setTags] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [candidates, setCandidates] = useState<DiscoveredFeed[] | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const known = [...useStore(tagById).values()].map((tag) => tag.name);
  const accounts = useStore((s) => s.sync.accounts);
  const [accountId, setAccountId] = useState<AccountId>(LOCAL_ACCOUNT_ID);

  const submit = async (address: string) => {
    setBusy(true);
    setError(null);
    const outcome = await addFeed(address, tags, accountId);
    setBusy(false);
    if (outcome.kind === 'added') return closeDialog();
    if (outcome.kind === 'choose') {
      setCandidates(outcome.candidates);
      setChosen(outcome.candidates[0]?.url ?? null);
      return;
    }
    setError(outcome.message);
  };

  return (
    <Modal title={t('addFeed.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit(candidates && chosen ? chosen : url);
        }}
      >
        <label className="field">
          {t('addFeed.address')}
          <input
            type="text"
            inputMode="url"
            autoFocus
            required
            placeholder={t('addFeed.address.placeholder')}
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              setCandidates(null);
            }}
            aria-describedby={error ? 'add-feed-error' : undefined}
          />
        </label>
        {candidates && (
          <fieldset className="candidates">
            <legend>{t('addFeed.choose')}</legend>
            {candidates.map((c) => (
              <label key={c.url} className="radio">
                <input
                  type="radio"
                  name="candidate"
                  value={c.url}
                  checked={chosen === c.url}
                  onChange={() => setChosen(c.url)}
                />
                <span>
                  {c.title ?? c.url} <span className="muted">({t(FORMAT_NAMES[c.type])})</span>
                  <br />
                  <span className="muted small">{c.url}</span>
                </span>
              </label>
            ))}
          </fieldset>
        )}
        <TagPicker label={t('addFeed.tags')} value={tags} known={known} onChange={setTags} />
        {accounts.length > 1 && (
          <>
            <label className="field">
              {t('addFeed.account')}
              <select
                value={accountId}
                onChange={(e) => setAccountId(Number(e.target.value))}
                aria-describedby={accountId !== LOCAL_ACCOUNT_ID ? 'add-feed-account-hint' : undefined}
              >
                {orderAccounts(accounts).map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name}
                  </option>
                ))}
              </select>
            </label>
            {accountId !== LOCAL_ACCOUNT_ID && (
              <p className="muted small" id="add-feed-account-hint">
                {t('addFeed.account.hint')}
              </p>
            )}
          </>
        )}
        {error && (
          <p className="error-text" id="add-feed-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => closeDialog()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || !url.trim()}>
            {t(busy ? 'addFeed.looking' : candidates ? 'addFeed.addChosen' : 'addFeed.add')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
