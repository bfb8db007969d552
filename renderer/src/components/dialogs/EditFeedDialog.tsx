/** Edit a feed: title, address, tags, refresh, full articles, how its articles open; its last error; unsubscribe. */
import { useId, useState } from 'react';
import type { FeedPatch } from '../../../../shared/api.js';
import type { Feed, FeedOpenMode } from '../../../../shared/domain.js';
import { FEED_OPEN_MODES, LOCAL_ACCOUNT_ID } from '../../../../shared/domain.js';
import { shortDate } from '../../format.js';
import { confirmDeleteFeed, saveFeed } from '../../state/actions/feeds.js';
import { closeDialog } from '../../state/actions/ui.js';
import { feedTitle, tagById } from '../../state/selectors.js';
import { fetchedBySyndic } from '../../state/sync-status.js';
import { useStore } from '../../state/store.js';
import { Modal } from '../Modal.js';
import { TagPicker } from './TagPicker.js';

const INTERVALS: [string, number | null][] = [
  ['Default', null],
  ['Every 15 minutes', 15],
  ['Every 30 minutes', 30],
  ['Every hour', 60],
  ['Every 3 hours', 180],
  ['Every 6 hours', 360],
  ['Once a day', 1440],
];

const OPEN_MODE_LABELS: Record<FeedOpenMode, string> = {
  feed: 'Feed content',
  full: 'Full article',
  browser: 'In the browser',
};

/**
 * What the dialog changes, and only that: a sync account's server hears of a title the
 * user set (the outbox), so an unchanged one is not sent again with another change.
 */
function changes(feed: Feed, edited: Required<FeedPatch>): FeedPatch {
  const patch: FeedPatch = {};
  if (edited.userTitle !== feed.userTitle) patch.userTitle = edited.userTitle;
  if (edited.url !== feed.url) patch.url = edited.url;
  if (edited.refreshMinutes !== feed.refreshMinutes) patch.refreshMinutes = edited.refreshMinutes;
  if (edited.fetchFullText !== feed.fetchFullText) patch.fetchFullText = edited.fetchFullText;
  if (edited.openAs !== feed.openAs) patch.openAs = edited.openAs;
  return patch;
}

export function EditFeedDialog({ feed }: { feed: Feed }) {
  const tagsById = useStore(tagById);
  const known = [...tagsById.values()].map((t) => t.name);
  const [title, setTitle] = useState(feed.userTitle ?? '');
  const [url, setUrl] = useState(feed.url);
  const [tags, setTags] = useState(
    feed.tags.map((id) => tagsById.get(id)?.name).filter((n): n is string => Boolean(n)),
  );
  const [interval, setInterval] = useState<number | null>(feed.refreshMinutes);
  const [fullText, setFullText] = useState(feed.fetchFullText);
  const [openAs, setOpenAs] = useState<FeedOpenMode>(feed.openAs);
  const openAsName = useId();
  const [busy, setBusy] = useState(false);
  const account = useStore((s) => s.sync.accounts.find((a) => a.id === feed.accountId));
  const local = feed.accountId === LOCAL_ACCOUNT_ID;
  const fetched = fetchedBySyndic(feed);
  return (
    <Modal title={`Edit ${feedTitle(feed)}`}>
      {feed.lastError && (
        <div className="feed-error" role="alert">
          <strong>The last refresh failed:</strong> {feed.lastError.message}.
          <br />
          {feed.lastError.hint}
          <br />
          <span className="muted small">
            {feed.errorCount} failed refresh{feed.errorCount === 1 ? '' : 'es'} in a row
            {feed.nextFetchAt ? `; next try ${shortDate(feed.nextFetchAt)}` : ''}
          </span>
        </div>
      )}
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const ok = await saveFeed(
            feed.id,
            changes(feed, {
              userTitle: title.trim() || null,
              url: url.trim(),
              refreshMinutes: interval,
              fetchFullText: fullText,
              openAs,
            }),
            tags,
          );
          setBusy(false);
          if (ok) closeDialog();
        }}
      >
        <label className="field">
          Title
          <input value={title} placeholder={feed.title ?? ''} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          Feed address
          <input value={url} required onChange={(e) => setUrl(e.target.value)} />
        </label>
        <TagPicker label="Tags" value={tags} known={known} onChange={setTags} />
        {account?.kind === 'ttrss' && (
          <p className="muted small">
            TT-RSS keeps one category per feed: the first tag goes to the server, the others stay in Syndic.
          </p>
        )}
        {fetched ? (
          <label className="field">
            Refresh
            <select
              value={interval ?? ''}
              onChange={(e) => setInterval(e.target.value === '' ? null : Number(e.target.value))}
            >
              {INTERVALS.map(([label, minutes]) => (
                <option key={label} value={minutes ?? ''}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        ) : local ? (
          <p className="muted small">It holds starred articles kept from a removed account; nothing fetches it.</p>
        ) : (
          <p className="muted small">
            {account?.name ?? 'Its server'} fetches this feed; Syndic gets its articles at each sync.
          </p>
        )}
        <label className="check">
          <input type="checkbox" checked={fullText} onChange={(e) => setFullText(e.target.checked)} />
          Always fetch the full article (for feeds that publish only a summary; kept for offline reading)
        </label>
        {/* A preference of this device: never sent to a sync account's server. */}
        <fieldset className="radio-group">
          <legend>Open articles as</legend>
          {FEED_OPEN_MODES.map((mode) => (
            <label key={mode} className="check">
              <input
                type="radio"
                name={openAsName}
                value={mode}
                checked={openAs === mode}
                onChange={() => setOpenAs(mode)}
              />
              {OPEN_MODE_LABELS[mode]}
            </label>
          ))}
          <p className="muted small">
            {openAs === 'full'
              ? 'The article is fetched from its site when you open it, and kept for offline reading.'
              : openAs === 'browser'
                ? 'A click on the article, or Enter, opens its page in your browser; j and k only pass by it.'
                : 'What the feed publishes, or the full article when it is kept.'}
          </p>
        </fieldset>
        <div className="dialog-buttons">
          <button type="button" className="danger" onClick={() => confirmDeleteFeed(feed.id, feedTitle(feed))}>
            Unsubscribe…
          </button>
          <span className="spacer" />
          <button type="button" onClick={() => closeDialog()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy}>
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}
