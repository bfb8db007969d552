/**
 * What can be done to the view being read, beside its name above the list: marking its
 * older articles read, or those above or below the selected one; and for a feed, a tag or
 * a saved view the keyboard's way to the sidebar's hover buttons (which are off the Tab
 * order, so that the sidebar is one Tab stop).
 */
import { ListChecks, Pencil, RefreshCw, Trash2 } from 'lucide-react';
import { t } from '../i18n/translate.js';
import { markAboveRead, markBelowRead, markOlderThanRead } from '../state/actions/mark-many.js';
import { refresh } from '../state/actions/refresh.js';
import { confirmDeleteTag } from '../state/actions/tags.js';
import { openDialog } from '../state/actions/ui.js';
import { feedTitle } from '../state/selectors.js';
import { getState, useStore } from '../state/store.js';
import { fetchedBySyndic } from '../state/sync-status.js';
import type { MenuEntry } from './list/Menu.js';
import { MenuButton } from './list/MenuButton.js';
import { TagNotifyButton } from './notifications/TagNotifyButton.js';
import { SavedViewActions } from './views/SavedViewActions.js';

function markEntries(): MenuEntry[] {
  const selected = getState().selection.articleId;
  const none = selected == null || !getState().articles.items.some((a) => a.id === selected);
  return [
    {
      kind: 'action',
      label: t('list.mark.above'),
      keys: 'Shift+K',
      disabled: none,
      run: () => void markAboveRead(),
    },
    {
      kind: 'action',
      label: t('list.mark.below'),
      keys: 'Shift+J',
      disabled: none,
      run: () => void markBelowRead(),
    },
    { kind: 'separator' },
    { kind: 'action', label: t('list.mark.olderThanDay'), run: () => void markOlderThanRead(1) },
    { kind: 'action', label: t('list.mark.olderThanWeek'), run: () => void markOlderThanRead(7) },
  ];
}

function MarkMenu() {
  return (
    <MenuButton
      label={t('list.mark.options')}
      icon={<ListChecks aria-hidden="true" className="icon-svg" />}
      entries={markEntries}
    />
  );
}

export function ScopeActions() {
  // Each selector reads the state alone (useStore caches by state); the rest is worked out here.
  const scope = useStore((s) => s.selection.scope);
  const feeds = useStore((s) => s.feeds.feeds);
  const tags = useStore((s) => s.feeds.tags);
  const views = useStore((s) => s.feeds.views);
  const feed = scope.kind === 'feed' ? feeds.find((f) => f.id === scope.feedId) : undefined;
  const tag =
    scope.kind === 'tags' && scope.tagIds.length === 1 ? tags.find((tag) => tag.id === scope.tagIds[0]) : undefined;
  const viewIndex = scope.kind === 'saved' ? views.findIndex((v) => v.id === scope.viewId) : -1;
  if (feed) {
    const title = feedTitle(feed);
    return (
      <span className="scope-actions">
        <MarkMenu />
        {fetchedBySyndic(feed) && (
          <button
            type="button"
            className="icon"
            aria-label={t('feed.refresh', { title })}
            title={t('list.scope.refreshFeed')}
            onClick={() => void refresh([feed.id])}
          >
            <RefreshCw aria-hidden="true" className="icon-svg" />
          </button>
        )}
        <button
          type="button"
          className="icon"
          aria-label={t('feed.edit', { title })}
          title={t('list.scope.editFeed')}
          onClick={() => openDialog({ kind: 'edit-feed', feedId: feed.id })}
        >
          <Pencil aria-hidden="true" className="icon-svg" />
        </button>
      </span>
    );
  }
  if (viewIndex >= 0) {
    return (
      <span className="scope-actions">
        <MarkMenu />
        <SavedViewActions view={views[viewIndex]!} first={viewIndex === 0} last={viewIndex === views.length - 1} />
      </span>
    );
  }
  if (tag) {
    return (
      <span className="scope-actions">
        <MarkMenu />
        <TagNotifyButton tag={tag} />
        <button
          type="button"
          className="icon"
          aria-label={t('tags.rename', { name: tag.name })}
          title={t('list.scope.renameTag')}
          onClick={() => openDialog({ kind: 'rename-tag', tagId: tag.id })}
        >
          <Pencil aria-hidden="true" className="icon-svg" />
        </button>
        <button
          type="button"
          className="icon"
          aria-label={t('tags.delete', { name: tag.name })}
          title={t('list.scope.deleteTag')}
          onClick={() => confirmDeleteTag(tag.id, tag.name)}
        >
          <Trash2 aria-hidden="true" className="icon-svg" />
        </button>
      </span>
    );
  }
  return (
    <span className="scope-actions">
      <MarkMenu />
    </span>
  );
}
