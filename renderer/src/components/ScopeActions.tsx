/**
 * What can be done to the feed or tag being read, beside its name above the list: the
 * keyboard's way to the sidebar's hover buttons (which are off the Tab order, so that the
 * sidebar is one Tab stop).
 */
import { Pencil, RefreshCw, Trash2 } from 'lucide-react';
import { refresh } from '../state/actions/refresh.js';
import { confirmDeleteTag } from '../state/actions/tags.js';
import { openDialog } from '../state/actions/ui.js';
import { feedTitle } from '../state/selectors.js';
import { useStore } from '../state/store.js';
import { fetchedBySyndic } from '../state/sync-status.js';

export function ScopeActions() {
  const scope = useStore((s) => s.selection.scope);
  const feed = useStore((s) => (scope.kind === 'feed' ? s.feeds.feeds.find((f) => f.id === scope.feedId) : undefined));
  const tag = useStore((s) =>
    scope.kind === 'tags' && scope.tagIds.length === 1 ? s.feeds.tags.find((t) => t.id === scope.tagIds[0]) : undefined,
  );
  if (feed) {
    const title = feedTitle(feed);
    return (
      <span className="scope-actions">
        {fetchedBySyndic(feed) && (
          <button
            type="button"
            className="icon"
            aria-label={`Refresh ${title}`}
            title="Refresh this feed"
            onClick={() => void refresh([feed.id])}
          >
            <RefreshCw aria-hidden="true" className="icon-svg" />
          </button>
        )}
        <button
          type="button"
          className="icon"
          aria-label={`Edit ${title}`}
          title="Edit this feed"
          onClick={() => openDialog({ kind: 'edit-feed', feedId: feed.id })}
        >
          <Pencil aria-hidden="true" className="icon-svg" />
        </button>
      </span>
    );
  }
  if (tag) {
    return (
      <span className="scope-actions">
        <button
          type="button"
          className="icon"
          aria-label={`Rename tag ${tag.name}`}
          title="Rename this tag"
          onClick={() => openDialog({ kind: 'rename-tag', tagId: tag.id })}
        >
          <Pencil aria-hidden="true" className="icon-svg" />
        </button>
        <button
          type="button"
          className="icon"
          aria-label={`Delete tag ${tag.name}`}
          title="Delete this tag"
          onClick={() => confirmDeleteTag(tag.id, tag.name)}
        >
          <Trash2 aria-hidden="true" className="icon-svg" />
        </button>
      </span>
    );
  }
  return null;
}
