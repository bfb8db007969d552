/** Edit a feed: title, address, tags, refresh, full articles, how its articles open, notifications; its last error; unsubscribe. */
import { useId, useState } from 'react';
import type { FeedPatch } from '../../../../shared/api.js';
import type { Feed, FeedOpenMode } from '../../../../shared/domain.js';
import { FEED_OPEN_MODES, LOCAL_ACCOUNT_ID } from '../../../../shared/domain.js';
import { shortDate } from '../../format.js';
import type { MessageId } from '../../i18n/messages-en.js';
import { t, tParts } from '../../i18n/translate.js';
import { confirmDeleteFeed, saveFeed } from '../../state/actions/feeds.js';
import { closeDialog } from '../../state/actions/ui.js';
import { feedTitle, tagById } from '../../state/selectors.js';
import { fetchedBySyndic } from '../../state/sync-status.js';
import { useStore } from '../../state/store.js';
import { Modal } from '../Modal.js';
import { TagPicker } from './TagPicker.js';

const INTERVALS: (number | null)[] = [null, 15, 30, 60, 180, 360, 1440];

/** An interval's name: the default, minutes, hours or a day. */
function intervalLabel(minutes: number | null): string {
  if (minutes === null) return t('editFeed.interval.default');
  if (minutes === 1440) return t('editFeed.interval.daily');
  return minutes < 60
    ? t('editFeed.interval.minutes', { count: minutes })
    : t('editFeed.interval.hours', { count: minutes / 60 });
}

const OPEN_MODE_LABELS: Record<FeedOpenMode, MessageId> = {
  feed: 'editFeed.openAs.feed',
  full: 'editFeed.openAs.full',
  browser: 'editFeed.openAs.browser',
};

const OPEN_MODE_HINTS: Record<FeedOpenMode, MessageId> = {
  feed: 'editFeed.openAs.feed.hint',
  full: 'editFeed.openAs.full.hint',
  browser: 'editFeed.openAs.browser.hint',
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
  if (edited.notify !== feed.notify) patch.notify = edited.notify;
  return patch;
}

export function EditFeedDialog({ feed }: { feed: Feed }) {
  const tagsById = useStore(tagById);
  const known = [...tagsById.values()].map((tag) => tag.name);
  const [title, setTitle] = useState(feed.userTitle ?? '');
  const [url, setUrl] = useState(feed.url);
  const [tags, setTags] = useState(
    feed.tags.map((id) => tagsById.get(id)?.name).filter((n): n is string => Boolean(n)),
  );
  const [interval, setInterval] = useState<number | null>(feed.refreshMinutes);
  const [fullText, setFullText] = useState(feed.fetchFullText);
  const [openAs, setOpenAs] = useState<FeedOpenMode>(feed.openAs);
  const [notify, setNotify] = useState(feed.notify);
  const openAsName = useId();
  const [busy, setBusy] = useState(false);
  const account = useStore((s) => s.sync.accounts.find((a) => a.id === feed.accountId));
  const local = feed.accountId === LOCAL_ACCOUNT_ID;
  const fetched = fetchedBySyndic(feed);
  return (
    <Modal title={t('common.editNamed', { name: feedTitle(feed) })}>
      {feed.lastError && (
        <div className="feed-error" role="alert">
          {tParts('editFeed.error', {
            failed: <strong key="failed">{t('editFeed.error.failed')}</strong>,
            message: feed.lastError.message,
          })}
          <br />
          {feed.lastError.hint}
          <br />
          <span className="muted small">
            {feed.nextFetchAt
              ? t('editFeed.error.countNext', { count: feed.errorCount, next: shortDate(feed.nextFetchAt) })
              : t('editFeed.error.count', { count: feed.errorCount })}
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
              notify,
            }),
            tags,
          );
          setBusy(false);
          if (ok) closeDialog();
        }}
      >
        <label className="field">
          {t('editFeed.title')}
          <input value={title} placeholder={feed.title ?? ''} onChange={(e) => setTitle(e.target.value)} />
        </label>
        <label className="field">
          {t('editFeed.address')}
          <input value={url} required onChange={(e) => setUrl(e.target.value)} />
        </label>
        <TagPicker label={t('editFeed.tags')} value={tags} known={known} onChange={setTags} />
        {account?.kind === 'ttrss' && <p className="muted small">{t('editFeed.ttrssTags')}</p>}
        {fetched ? (
          <label className="field">
            {t('editFeed.refresh')}
            <select
              value={interval ?? ''}
              onChange={(e) => setInterval(e.target.value === '' ? null : Number(e.target.value))}
            >
              {INTERVALS.map((minutes) => (
                <option key={minutes ?? 'default'} value={minutes ?? ''}>
                  {intervalLabel(minutes)}
                </option>
              ))}
            </select>
          </label>
        ) : local ? (
          <p className="muted small">{t('editFeed.keptFeed')}</p>
        ) : (
          <p className="muted small">
            {t('editFeed.fetchedByServer', { server: account?.name ?? t('editFeed.itsServer') })}
          </p>
        )}
        <label className="check">
          <input type="checkbox" checked={fullText} onChange={(e) => setFullText(e.target.checked)} />
          {t('editFeed.fullText')}
        </label>
        {/* A preference of this device: never sent to a sync account's server. */}
        <fieldset className="radio-group">
          <legend>{t('editFeed.openAs')}</legend>
          {FEED_OPEN_MODES.map((mode) => (
            <label key={mode} className="check">
              <input
                type="radio"
                name={openAsName}
                value={mode}
                checked={openAs === mode}
                onChange={() => setOpenAs(mode)}
              />
              {t(OPEN_MODE_LABELS[mode])}
            </label>
          ))}
          <p className="muted small">{t(OPEN_MODE_HINTS[openAs])}</p>
        </fieldset>
        {/* Shown by the desktop app, or by the browser once allowed (Settings, Notifications). */}
        <label className="check">
          <input type="checkbox" checked={notify} onChange={(e) => setNotify(e.target.checked)} />
          {t('notices.feed')}
        </label>
        <div className="dialog-buttons">
          <button type="button" className="danger" onClick={() => confirmDeleteFeed(feed.id, feedTitle(feed))}>
            {t('editFeed.unsubscribe')}
          </button>
          <span className="spacer" />
          <button type="button" onClick={() => closeDialog()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
