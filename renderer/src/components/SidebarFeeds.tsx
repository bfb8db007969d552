/**
 * The sidebar's feeds under the "Feeds" heading: a group per tag holding its feeds (a feed
 * with two tags is under both), then the untagged feeds in a group of their own, or one
 * group per account (local first, each under a header with its sync state) when there are
 * several. With no tag and one account, one flat list. The grouping and the filter are
 * pure (state/sidebar-groups.ts); Left/Right fold and unfold (sidebar/tree-keys.ts).
 */
import type { Counts, Feed } from '../../../shared/domain.js';
import { LOCAL_ACCOUNT_ID } from '../../../shared/domain.js';
import { t } from '../i18n/translate.js';
import { tabStopGroup, type SidebarGroup, type SidebarLayout } from '../state/sidebar-groups.js';
import { useStore, type Scope } from '../state/store.js';
import { AccountHeader } from './sidebar/AccountHeader.js';
import { Count } from './sidebar/Count.js';
import { FeedList, groupListId, type FeedListProps } from './sidebar/FeedList.js';
import { FoldIcon } from './sidebar/FoldIcon.js';
import { TagGroup } from './sidebar/TagGroup.js';
import { onTreeArrow } from './sidebar/tree-keys.js';

interface Props {
  layout: SidebarLayout;
  feeds: Feed[];
  counts: Counts | null;
  scope: Scope;
  onToggle: (key: string) => void;
}

export function SidebarFeeds({ layout, feeds, counts, scope, onToggle }: Props) {
  const progress = useStore((s) => s.sync.progress);
  const stopKey = tabStopGroup(layout, scope);
  const currentFeedId = scope.kind === 'feed' ? scope.feedId : null;
  const chosenTags = scope.kind === 'tags' ? scope.tagIds : [];
  const listOf = (group: SidebarGroup): Omit<FeedListProps, 'feeds'> => ({
    counts,
    currentFeedId,
    holdsTabStop: stopKey === group.key,
  });

  if (layout.flat) {
    const [all] = layout.groups;
    return all ? <FeedList {...listOf(all)} feeds={all.feeds} labelledBy="feeds-heading" /> : null;
  }
  const groups = layout.groups.filter((g) => !g.account);
  const accountGroups = layout.groups.filter((g) => g.account);
  return (
    <div className="sidebar-feeds" onKeyDown={(e) => onTreeArrow(e, onToggle)}>
      {groups.length > 0 && (
        <ul className="nav-list groups" aria-labelledby="feeds-heading">
          {groups.map((group) =>
            group.tag ? (
              <TagGroup
                key={group.key}
                group={{ ...group, tag: group.tag }}
                chosen={chosenTags.includes(group.tag.id)}
                tabStop={stopKey === group.key && scope.kind === 'tags'}
                onToggle={onToggle}
                {...listOf(group)}
              />
            ) : (
              <UntaggedGroup key={group.key} group={group} onToggle={onToggle} {...listOf(group)} />
            ),
          )}
        </ul>
      )}
      {accountGroups.map((group) => (
        <section
          key={group.key}
          className="account-group"
          data-group={group.key}
          data-open={group.open}
          data-foldable={group.size > 0}
        >
          <AccountHeader
            account={group.account!}
            progress={progress[group.account!.id]}
            open={group.open}
            foldable={group.size > 0}
            listId={groupListId(group.key)}
            onToggle={() => onToggle(group.key)}
          />
          {group.feeds.length > 0
            ? group.open && (
                <FeedList
                  {...listOf(group)}
                  feeds={group.feeds}
                  id={groupListId(group.key)}
                  labelledBy={`account-heading-${group.account!.id}`}
                />
              )
            : !layout.filtering && <p className="hint">{emptyAccountHint(group, feeds)}</p>}
        </section>
      ))}
    </div>
  );
}

/** The feeds with no tag, when there are tags: a row that folds them, and the feeds. */
function UntaggedGroup({
  group,
  onToggle,
  ...list
}: Omit<FeedListProps, 'feeds'> & { group: SidebarGroup; onToggle: (key: string) => void }) {
  const listId = groupListId(group.key);
  return (
    <li className="feed-group" data-group={group.key} data-open={group.open} data-foldable>
      <div className="group-row">
        {/* Untagged is no view of its own: its row only folds, so it is the disclosure. */}
        <button
          type="button"
          className="untagged-row"
          tabIndex={-1}
          aria-expanded={group.open}
          aria-controls={group.open ? listId : undefined}
          aria-describedby="feeds-hint"
          data-group-row
          onClick={() => onToggle(group.key)}
        >
          <FoldIcon open={group.open} />
          <span className="nav-label">{t('sidebar.untagged')}</span>
          <Count n={group.unread} what="unread" />
        </button>
      </div>
      {group.open && <FeedList {...list} feeds={group.feeds} id={listId} label={t('sidebar.untagged')} />}
    </li>
  );
}

function emptyAccountHint(group: SidebarGroup, feeds: Feed[]): string {
  const id = group.account!.id;
  if (feeds.some((f) => f.accountId === id)) return t('sidebar.account.allTagged');
  return id === LOCAL_ACCOUNT_ID ? t('sidebar.account.noLocalFeeds') : t('sidebar.noFeeds');
}
