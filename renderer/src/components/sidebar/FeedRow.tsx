/**
 * One feed in the sidebar, with its unread count, its last error, and on hover or focus its
 * refresh and edit buttons. Memoised: with hundreds of feeds, a changed count redraws its
 * own row, not every row.
 */
import { memo } from 'react';
import { CircleAlert, Pencil, RefreshCw } from 'lucide-react';
import type { Feed } from '../../../../shared/domain.js';
import { t } from '../../i18n/translate.js';
import { refresh } from '../../state/actions/refresh.js';
import { selectScope } from '../../state/actions/selection.js';
import { openDialog } from '../../state/actions/ui.js';
import { feedTitle } from '../../state/selectors.js';
import { fetchedBySyndic } from '../../state/sync-status.js';
import { FeedIcon } from '../FeedIcon.js';
import { Count } from './Count.js';

interface Props {
  feed: Feed;
  current: boolean;
  /** The sidebar's one Tab stop (a current feed shown under two tags takes it once). */
  tabStop: boolean;
  unread: number;
}

export const FeedRow = memo(function FeedRow({ feed, current, tabStop, unread }: Props) {
  const title = feedTitle(feed);
  return (
    <li className="with-menu">
      <button
        type="button"
        className={current ? 'current' : ''}
        aria-current={current ? 'page' : undefined}
        tabIndex={tabStop ? 0 : -1}
        onClick={() => selectScope({ kind: 'feed', feedId: feed.id })}
        title={feed.lastError ? `${title}: ${feed.lastError.message}` : title}
      >
        <FeedIcon feed={feed} />
        <span className="nav-label">{title}</span>
        {feed.lastError && (
          <CircleAlert
            className="feed-error-mark icon-svg"
            role="img"
            aria-label={t('sidebar.feed.failed', { message: feed.lastError.message })}
            aria-hidden={false}
          />
        )}
        <Count n={unread} what="unread" />
      </button>
      <span className="row-menu">
        {/* A sync account's feed has no refresh of its own: its server fetches it (nor has a
            feed of starred articles kept from a removed account: nothing fetches it). */}
        {fetchedBySyndic(feed) && (
          <button
            type="button"
            className="icon"
            tabIndex={-1}
            aria-label={t('feed.refresh', { title })}
            onClick={() => void refresh([feed.id])}
          >
            <RefreshCw aria-hidden="true" className="icon-svg" />
          </button>
        )}
        <button
          type="button"
          className="icon"
          tabIndex={-1}
          aria-label={t('feed.edit', { title })}
          onClick={() => openDialog({ kind: 'edit-feed', feedId: feed.id })}
        >
          <Pencil aria-hidden="true" className="icon-svg" />
        </button>
      </span>
    </li>
  );
});
