/**
 * A tag in the sidebar: its row (choosing it lists its articles; Ctrl/Cmd-click combines it
 * with the tags already chosen), a disclosure that folds its feeds, a menu to combine,
 * notify, rename or delete it, and its feeds under it.
 */
import { memo } from 'react';
import { Minus, Pencil, Plus, Trash2 } from 'lucide-react';
import type { Tag } from '../../../../shared/domain.js';
import { t } from '../../i18n/translate.js';
import { selectScope, toggleTagInScope } from '../../state/actions/selection.js';
import { confirmDeleteTag } from '../../state/actions/tags.js';
import { openDialog } from '../../state/actions/ui.js';
import type { SidebarGroup } from '../../state/sidebar-groups.js';
import { TagNotifyButton } from '../notifications/TagNotifyButton.js';
import { Count } from './Count.js';
import { FeedList, groupListId, type FeedListProps } from './FeedList.js';
import { FoldIcon } from './FoldIcon.js';

interface Props extends Omit<FeedListProps, 'feeds'> {
  group: SidebarGroup & { tag: NonNullable<SidebarGroup['tag']> };
  /** The tag is one of those the list shows. */
  chosen: boolean;
  /** The row is the sidebar's Tab stop (the first of the chosen tags). */
  tabStop: boolean;
  onToggle: (key: string) => void;
}

export function TagGroup({ group, chosen, tabStop, onToggle, ...list }: Props) {
  const { tag, open, key } = group;
  const foldable = group.feeds.length > 0;
  const listId = groupListId(key);
  return (
    <li className="feed-group" data-group={key} data-open={open} data-foldable={foldable}>
      <TagRow
        tag={tag}
        groupKey={key}
        open={open}
        foldable={foldable}
        chosen={chosen}
        tabStop={tabStop}
        unread={group.unread}
        listId={listId}
        onToggle={onToggle}
      />
      {open && foldable && <FeedList {...list} feeds={group.feeds} id={listId} label={tag.name} />}
    </li>
  );
}

interface RowProps {
  tag: Tag;
  groupKey: string;
  open: boolean;
  foldable: boolean;
  chosen: boolean;
  tabStop: boolean;
  unread: number;
  listId: string;
  onToggle: (key: string) => void;
}

/** The tag's own row. Memoised: folding one of fifty tags redraws that row alone. */
const TagRow = memo(function TagRow({
  tag,
  groupKey,
  open,
  foldable,
  chosen,
  tabStop,
  unread,
  listId,
  onToggle,
}: RowProps) {
  return (
    <div className="group-row with-menu">
      {foldable ? (
        <button
          type="button"
          className="icon fold"
          tabIndex={-1}
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-label={t(open ? 'sidebar.group.collapse' : 'sidebar.group.expand', { name: tag.name })}
          title={t(open ? 'sidebar.tag.fold' : 'sidebar.tag.unfold')}
          onClick={() => onToggle(groupKey)}
        >
          <FoldIcon open={open} />
        </button>
      ) : (
        <span className="fold-space" />
      )}
      <button
        type="button"
        className={chosen ? 'current' : ''}
        aria-pressed={chosen}
        aria-describedby="feeds-hint"
        tabIndex={tabStop ? 0 : -1}
        data-group-row
        onClick={(e) =>
          e.ctrlKey || e.metaKey
            ? toggleTagInScope(tag.id)
            : selectScope({ kind: 'tags', tagIds: [tag.id], mode: 'any' })
        }
      >
        <span className="nav-label">{tag.name}</span>
        <Count n={unread} what="unread" />
      </button>
      <span className="row-menu">
        <button
          type="button"
          className="icon"
          tabIndex={-1}
          aria-label={t('sidebar.tag.combine', { name: tag.name })}
          title={t('sidebar.tag.combine.title')}
          onClick={() => toggleTagInScope(tag.id)}
        >
          {chosen ? (
            <Minus aria-hidden="true" className="icon-svg" />
          ) : (
            <Plus aria-hidden="true" className="icon-svg" />
          )}
        </button>
        <TagNotifyButton tag={tag} inSidebar />
        <button
          type="button"
          className="icon"
          tabIndex={-1}
          aria-label={t('tags.rename', { name: tag.name })}
          onClick={() => openDialog({ kind: 'rename-tag', tagId: tag.id })}
        >
          <Pencil aria-hidden="true" className="icon-svg" />
        </button>
        <button
          type="button"
          className="icon"
          tabIndex={-1}
          aria-label={t('tags.delete', { name: tag.name })}
          onClick={() => confirmDeleteTag(tag.id, tag.name)}
        >
          <Trash2 aria-hidden="true" className="icon-svg" />
        </button>
      </span>
    </div>
  );
});
