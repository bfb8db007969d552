/** A list of feed rows: the flat sidebar's, or the feeds under one group. */
import type { CSSProperties } from 'react';
import type { Counts, Feed } from '../../../../shared/domain.js';
import { unreadOf } from '../../state/sidebar-groups.js';
import { FeedRow } from './FeedRow.js';

export interface FeedListProps {
  feeds: Feed[];
  counts: Counts | null;
  /** The current scope's feed, if it is one. */
  currentFeedId: number | null;
  /** Whether the current feed's Tab stop is in this list (it is drawn once per group it is in). */
  holdsTabStop: boolean;
}

export function FeedList({
  feeds,
  counts,
  currentFeedId,
  holdsTabStop,
  id,
  label,
  labelledBy,
}: FeedListProps & { id?: string; label?: string; labelledBy?: string }) {
  return (
    <ul
      className="nav-list feeds"
      id={id}
      aria-label={label}
      aria-labelledby={labelledBy}
      style={{ '--rows': feeds.length } as CSSProperties}
    >
      {feeds.map((feed) => (
        <FeedRow
          key={feed.id}
          feed={feed}
          current={feed.id === currentFeedId}
          tabStop={holdsTabStop && feed.id === currentFeedId}
          unread={unreadOf(feed, counts)}
        />
      ))}
    </ul>
  );
}

/** The id of a group's feed list, for its disclosure's aria-controls. */
export const groupListId = (key: string): string => `sidebar-group-${key.replace(':', '-')}`;
