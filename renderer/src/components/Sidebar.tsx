/**
 * Left pane: smart views, tags (combinable with any/all, one set across accounts) and
 * feeds (grouped by account when there are several, SidebarFeeds.tsx), with unread counts.
 */
import { useRef } from 'react';
import {
  CalendarClock,
  Circle,
  Hash,
  Inbox,
  Minus,
  Pencil,
  Plus,
  RefreshCw,
  Settings,
  Star,
  Trash2,
  type LucideIcon,
} from 'lucide-react';
import type { Tag } from '../../../shared/domain.js';
import { exportOpml, importOpmlFile } from '../state/actions/opml.js';
import { refresh } from '../state/actions/refresh.js';
import { selectScope, setTagMode, toggleTagInScope } from '../state/actions/selection.js';
import { confirmDeleteTag } from '../state/actions/tags.js';
import { openDialog } from '../state/actions/ui.js';
import { sameScope } from '../state/selectors.js';
import { useStore, type Scope } from '../state/store.js';
import { Count, SidebarFeeds } from './SidebarFeeds.js';

const SMART: { view: 'all' | 'unread' | 'starred' | 'today'; label: string; key: string; icon: LucideIcon }[] = [
  { view: 'all', label: 'All', key: 'a', icon: Inbox },
  { view: 'unread', label: 'Unread', key: 'u', icon: Circle },
  { view: 'starred', label: 'Starred', key: 's', icon: Star },
  { view: 'today', label: 'Today', key: 't', icon: CalendarClock },
];

export function Sidebar() {
  const feeds = useStore((s) => s.feeds.feeds);
  const tags = useStore((s) => s.feeds.tags);
  const counts = useStore((s) => s.feeds.counts);
  const scope = useStore((s) => s.selection.scope);
  const refreshing = useStore((s) => s.ui.refresh);
  const grouped = useStore((s) => s.sync.accounts.length > 1);
  const fileInput = useRef<HTMLInputElement>(null);
  const selectedTags = scope.kind === 'tags' ? scope.tagIds : [];
  // Whether the current scope has an item of its own here (else "All" takes the Tab stop).
  const scopeInSidebar =
    scope.kind === 'smart' ||
    (scope.kind === 'tags' && tags.some((t) => t.id === scope.tagIds[0])) ||
    (scope.kind === 'feed' && feeds.some((f) => f.id === scope.feedId));

  const smartCount = (view: string): number | undefined =>
    counts
      ? { all: counts.unread, unread: counts.unread, starred: counts.starred, today: counts.today }[view]
      : undefined;

  return (
    <nav className="sidebar" aria-label="Feeds and views">
      <div className="sidebar-actions">
        <button
          type="button"
          onClick={() => openDialog({ kind: 'add-feed' })}
          title="Add a feed (by its address or a site's)"
        >
          <Plus aria-hidden="true" className="icon-svg" />
          <span className="button-label">Add feed</span>
        </button>
        <button
          type="button"
          onClick={() => void refresh(null)}
          disabled={Boolean(refreshing)}
          aria-label={refreshing ? `Refreshing, ${refreshing.done} of ${refreshing.total} feeds` : 'Refresh all feeds'}
          title="Refresh all (r)"
        >
          <RefreshCw aria-hidden="true" className={`icon-svg${refreshing ? ' spinning' : ''}`} />
        </button>
        <button type="button" onClick={() => openDialog({ kind: 'settings' })} aria-label="Settings" title="Settings">
          <Settings aria-hidden="true" className="icon-svg" />
        </button>
      </div>

      <ul className="nav-list" aria-label="Smart views">
        {SMART.map((item) => {
          const candidate: Scope = { kind: 'smart', view: item.view };
          return (
            <li key={item.view}>
              <button
                type="button"
                className={sameScope(scope, candidate) ? 'current' : ''}
                aria-current={sameScope(scope, candidate) ? 'page' : undefined}
                // One Tab stop for the sidebar's items (Up/Down walk them): the current one.
                tabIndex={sameScope(scope, candidate) || (item.view === 'all' && !scopeInSidebar) ? 0 : -1}
                onClick={() => selectScope(candidate)}
                title={`${item.label} (g then ${item.key})`}
              >
                <item.icon className="nav-icon icon-svg" aria-hidden="true" />
                <span className="nav-label">{item.label}</span>
                <Count n={smartCount(item.view)} what={item.view === 'starred' ? 'starred' : 'unread'} />
              </button>
            </li>
          );
        })}
      </ul>

      <TagSection
        tags={tags}
        selected={selectedTags}
        mode={scope.kind === 'tags' ? scope.mode : 'any'}
        counts={counts?.tags ?? {}}
      />

      <h3 className="section-title" id="feeds-heading">
        Feeds
      </h3>
      {feeds.length === 0 && !grouped ? (
        // The welcome in the list pane offers the ways to start: one place, not two.
        <p className="hint">No feeds yet.</p>
      ) : (
        <SidebarFeeds feeds={feeds} scope={scope} counts={counts} />
      )}

      <div className="sidebar-footer">
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import OPML…
        </button>
        <button type="button" onClick={() => void exportOpml()} disabled={feeds.length === 0}>
          Export OPML…
        </button>
        <button
          type="button"
          onClick={() => openDialog({ kind: 'accounts' })}
          title="Sync with TT-RSS, FreshRSS or Miniflux"
        >
          Accounts…
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".opml,.xml,text/xml,text/x-opml,application/xml"
          hidden
          aria-label="OPML file to import"
          data-testid="opml-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void importOpmlFile(file);
            e.target.value = '';
          }}
        />
      </div>
    </nav>
  );
}

function TagSection({
  tags,
  selected,
  mode,
  counts,
}: {
  tags: Tag[];
  selected: number[];
  mode: 'any' | 'all';
  counts: Record<number, number>;
}) {
  if (tags.length === 0) return null;
  return (
    <>
      <div className="section-title-row">
        <h3 className="section-title" id="tags-heading">
          Tags
        </h3>
        {selected.length > 1 && (
          <div className="segmented" role="group" aria-label="Combine tags">
            <button
              type="button"
              aria-pressed={mode === 'any'}
              onClick={() => setTagMode('any')}
              title="Articles with any of the tags"
            >
              Any
            </button>
            <button
              type="button"
              aria-pressed={mode === 'all'}
              onClick={() => setTagMode('all')}
              title="Articles with all of the tags"
            >
              All
            </button>
          </div>
        )}
      </div>
      <p className="hint" id="tags-hint">
        Ctrl/⌘-click to combine tags
      </p>
      <ul className="nav-list tags" aria-labelledby="tags-heading" aria-describedby="tags-hint">
        {tags.map((tag) => {
          const on = selected.includes(tag.id);
          return (
            <li key={tag.id} className="with-menu">
              <button
                type="button"
                className={on ? 'current' : ''}
                aria-pressed={on}
                tabIndex={selected[0] === tag.id ? 0 : -1}
                onClick={(e) =>
                  e.ctrlKey || e.metaKey
                    ? toggleTagInScope(tag.id)
                    : selectScope({ kind: 'tags', tagIds: [tag.id], mode: 'any' })
                }
              >
                <Hash className="nav-icon icon-svg" aria-hidden="true" />
                <span className="nav-label">{tag.name}</span>
                <Count n={counts[tag.id]} what="unread" />
              </button>
              <span className="row-menu">
                <button
                  type="button"
                  className="icon"
                  tabIndex={-1}
                  aria-label={`Add ${tag.name} to the combined tags`}
                  title="Combine with the selected tags"
                  onClick={() => toggleTagInScope(tag.id)}
                >
                  {on ? (
                    <Minus aria-hidden="true" className="icon-svg" />
                  ) : (
                    <Plus aria-hidden="true" className="icon-svg" />
                  )}
                </button>
                <button
                  type="button"
                  className="icon"
                  tabIndex={-1}
                  aria-label={`Rename tag ${tag.name}`}
                  onClick={() => openDialog({ kind: 'rename-tag', tagId: tag.id })}
                >
                  <Pencil aria-hidden="true" className="icon-svg" />
                </button>
                <button
                  type="button"
                  className="icon"
                  tabIndex={-1}
                  aria-label={`Delete tag ${tag.name}`}
                  onClick={() => confirmDeleteTag(tag.id, tag.name)}
                >
                  <Trash2 aria-hidden="true" className="icon-svg" />
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
