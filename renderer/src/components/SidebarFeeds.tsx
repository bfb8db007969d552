/**
 * The sidebar's feeds: one flat list with a single account (as before sync existed), or a
 * group per account, local first, each under a header with its sync state and "Sync now".
 * A sync account's feed has no refresh of its own: its server fetches it (nor has a feed
 * of starred articles kept from a removed account: nothing fetches it).
 */
import { CircleAlert, Pencil, RefreshCw } from 'lucide-react';
import type { SyncProgressEvent } from '../../../shared/api.js';
import type { Account, Counts, Feed } from '../../../shared/domain.js';
import { LOCAL_ACCOUNT_ID } from '../../../shared/domain.js';
import { syncNow } from '../state/actions/accounts.js';
import { refresh } from '../state/actions/refresh.js';
import { selectScope } from '../state/actions/selection.js';
import { openDialog } from '../state/actions/ui.js';
import { feedTitle } from '../state/selectors.js';
import { useStore, type Scope } from '../state/store.js';
import { accountStatus, fetchedBySyndic, groupFeeds } from '../state/sync-status.js';
import { FeedIcon } from './FeedIcon.js';
import { SyncArrows, SyncStateMark, useNow } from './SyncMarks.js';

export function Count({ n, what }: { n: number | undefined; what: string }) {
  if (!n) return null;
  return (
    <span className="count" aria-label={`${n} ${what}`}>
      {n > 99_999 ? '99k+' : n.toLocaleString()}
    </span>
  );
}

interface ListProps {
  feeds: Feed[];
  scope: Scope;
  counts: Counts | null;
}

/** The feeds as a list, labelled by the heading `labelledBy` names. */
function FeedList({ feeds, scope, counts, labelledBy }: ListProps & { labelledBy: string }) {
  return (
    <ul className="nav-list feeds" aria-labelledby={labelledBy}>
      {feeds.map((feed) => (
        <FeedRow
          key={feed.id}
          feed={feed}
          current={scope.kind === 'feed' && scope.feedId === feed.id}
          unread={counts?.feeds[feed.id] ?? feed.unreadCount}
        />
      ))}
    </ul>
  );
}

/** The feeds under the "Feeds" heading: flat, or grouped by account when there are several. */
export function SidebarFeeds(props: ListProps) {
  const accounts = useStore((s) => s.sync.accounts);
  const progress = useStore((s) => s.sync.progress);
  const groups = groupFeeds(accounts, props.feeds);
  if (!groups) return <FeedList {...props} labelledBy="feeds-heading" />;
  return (
    <>
      {groups.map(({ account, feeds }) => (
        <section key={account.id} className="account-group">
          <AccountHeader account={account} progress={progress[account.id]} />
          {feeds.length ? (
            <FeedList {...props} feeds={feeds} labelledBy={`account-heading-${account.id}`} />
          ) : (
            <p className="hint">{account.id === LOCAL_ACCOUNT_ID ? 'No local feeds.' : 'No feeds yet.'}</p>
          )}
        </section>
      ))}
    </>
  );
}

function AccountHeader({ account, progress }: { account: Account; progress: SyncProgressEvent | undefined }) {
  const now = useNow();
  const status = accountStatus(account, progress, now);
  const local = account.id === LOCAL_ACCOUNT_ID;
  return (
    <div className="account-header" data-health={local ? undefined : status.health}>
      <h4 className="account-title" id={`account-heading-${account.id}`}>
        <button
          type="button"
          className="link"
          onClick={() => openDialog({ kind: 'accounts' })}
          title={local ? 'Feeds Syndic fetches itself' : status.text}
        >
          {account.name}
        </button>
      </h4>
      {!local && <SyncStateMark status={status} name={account.name} />}
      {!local && (
        <button
          type="button"
          className="icon"
          aria-label={`Sync ${account.name} now`}
          title="Sync now"
          disabled={status.health === 'syncing'}
          onClick={() => void syncNow(account.id)}
        >
          <SyncArrows />
        </button>
      )}
    </div>
  );
}

function FeedRow({ feed, current, unread }: { feed: Feed; current: boolean; unread: number }) {
  const title = feedTitle(feed);
  return (
    <li className="with-menu">
      <button
        type="button"
        className={current ? 'current' : ''}
        aria-current={current ? 'page' : undefined}
        tabIndex={current ? 0 : -1}
        onClick={() => selectScope({ kind: 'feed', feedId: feed.id })}
        title={feed.lastError ? `${title}: ${feed.lastError.message}` : title}
      >
        <FeedIcon feed={feed} />
        <span className="nav-label">{title}</span>
        {feed.lastError && (
          <CircleAlert
            className="feed-error-mark icon-svg"
            role="img"
            aria-label={`Last refresh failed: ${feed.lastError.message}`}
            aria-hidden={false}
          />
        )}
        <Count n={unread} what="unread" />
      </button>
      <span className="row-menu">
        {fetchedBySyndic(feed) && (
          <button
            type="button"
            className="icon"
            tabIndex={-1}
            aria-label={`Refresh ${title}`}
            onClick={() => void refresh([feed.id])}
          >
            <RefreshCw aria-hidden="true" className="icon-svg" />
          </button>
        )}
        <button
          type="button"
          className="icon"
          tabIndex={-1}
          aria-label={`Edit ${title}`}
          onClick={() => openDialog({ kind: 'edit-feed', feedId: feed.id })}
        >
          <Pencil aria-hidden="true" className="icon-svg" />
        </button>
      </span>
    </li>
  );
}
