/**
 * Left pane: smart views, then the feeds grouped under their tags (a tag's row lists its
 * articles; tags combine with any/all, one set across accounts) with a filter box over
 * them (SidebarFeeds.tsx); the saved views between the two (views/SavedViewsNav.tsx); then
 * OPML, rules and accounts. One Tab stop for its items, the
 * current one; Up/Down walk them (pane-focus.ts), Left/Right fold groups (tree-keys.ts);
 * f, from anywhere but a text field, goes to the filter box (keyboard.ts).
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { CalendarClock, Circle, Inbox, Plus, RefreshCw, Settings, Star, type LucideIcon } from 'lucide-react';
import type { MessageId } from '../i18n/messages-en.js';
import { t } from '../i18n/translate.js';
import { toggleFold } from '../state/actions/folds.js';
import { exportOpml, importOpmlFile } from '../state/actions/opml.js';
import { refresh } from '../state/actions/refresh.js';
import { openRules } from '../state/actions/rules.js';
import { selectScope, setTagMode } from '../state/actions/selection.js';
import { openDialog } from '../state/actions/ui.js';
import { sameScope } from '../state/selectors.js';
import { sidebarLayout, tabStopGroup } from '../state/sidebar-groups.js';
import { useStore, type Scope } from '../state/store.js';
import { Count } from './sidebar/Count.js';
import { FeedFilter } from './sidebar/FeedFilter.js';
import { SidebarFeeds } from './SidebarFeeds.js';
import { SavedViewsNav } from './views/SavedViewsNav.js';
import '../styles/sidebar.css';

const SMART: { view: 'all' | 'unread' | 'starred' | 'today'; label: MessageId; key: string; icon: LucideIcon }[] = [
  { view: 'all', label: 'sidebar.smart.all', key: 'a', icon: Inbox },
  { view: 'unread', label: 'sidebar.smart.unread', key: 'u', icon: Circle },
  { view: 'starred', label: 'sidebar.smart.starred', key: 's', icon: Star },
  { view: 'today', label: 'sidebar.smart.today', key: 't', icon: CalendarClock },
];

export function Sidebar() {
  const feeds = useStore((s) => s.feeds.feeds);
  const tags = useStore((s) => s.feeds.tags);
  const views = useStore((s) => s.feeds.views);
  const counts = useStore((s) => s.feeds.counts);
  const scope = useStore((s) => s.selection.scope);
  const refreshing = useStore((s) => s.ui.refresh);
  const accounts = useStore((s) => s.sync.accounts);
  const collapsed = useStore((s) => s.ui.settings.collapsedGroups);
  const [filter, setFilter] = useState('');
  const [foldedWhileFiltering, setFoldedWhileFiltering] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const feedsPane = useRef<HTMLDivElement>(null);
  const grouped = accounts.length > 1;
  const layout = useMemo(
    () => sidebarLayout({ feeds, tags, accounts, counts, collapsed, foldedWhileFiltering, filter }),
    [feeds, tags, accounts, counts, collapsed, foldedWhileFiltering, filter],
  );
  // Whether the current scope has an item of its own drawn here (else "All" takes the Tab stop).
  const scopeInSidebar =
    scope.kind === 'smart' ||
    (scope.kind === 'saved' && views.some((v) => v.id === scope.viewId)) ||
    tabStopGroup(layout, scope) !== null;

  const smartCount = (view: string): number | undefined =>
    counts
      ? { all: counts.unread, unread: counts.unread, starred: counts.starred, today: counts.today }[view]
      : undefined;

  const changeFilter = (value: string) => {
    setFilter(value);
    if (!value.trim()) setFoldedWhileFiltering([]);
  };
  // A fold made while filtering is for that search only; otherwise it is saved. Stable
  // while the filter is, so the memoised group rows are not all redrawn for one fold.
  const filtering = layout.filtering;
  const toggle = useCallback(
    (key: string) =>
      filtering
        ? setFoldedWhileFiltering((keys) => (keys.includes(key) ? keys.filter((k) => k !== key) : [...keys, key]))
        : toggleFold(key),
    [filtering],
  );
  const focusFirstFeed = () =>
    feedsPane.current?.querySelector<HTMLElement>('.nav-list button:not(.icon), button[data-group-row]')?.focus();

  return (
    <nav className="sidebar" aria-label={t('sidebar.label')}>
      <div className="sidebar-actions">
        <button type="button" onClick={() => openDialog({ kind: 'add-feed' })} title={t('sidebar.addFeed.title')}>
          <Plus aria-hidden="true" className="icon-svg" />
          <span className="button-label">{t('sidebar.addFeed')}</span>
        </button>
        <button
          type="button"
          onClick={() => void refresh(null)}
          disabled={Boolean(refreshing)}
          aria-label={
            refreshing
              ? t('sidebar.refreshing', { done: refreshing.done, total: refreshing.total })
              : t('sidebar.refreshAll')
          }
          title={t('sidebar.refreshAll.title')}
        >
          <RefreshCw aria-hidden="true" className={`icon-svg${refreshing ? ' spinning' : ''}`} />
        </button>
        <button
          type="button"
          onClick={() => openDialog({ kind: 'settings' })}
          aria-label={t('settings.title')}
          title={t('settings.title')}
        >
          <Settings aria-hidden="true" className="icon-svg" />
        </button>
      </div>

      <ul className="nav-list" aria-label={t('sidebar.smartViews')}>
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
                title={t('sidebar.smart.title', { view: t(item.label), key: item.key })}
              >
                <item.icon className="nav-icon icon-svg" aria-hidden="true" />
                <span className="nav-label">{t(item.label)}</span>
                <Count n={smartCount(item.view)} what={item.view === 'starred' ? 'starred' : 'unread'} />
              </button>
            </li>
          );
        })}
      </ul>

      <SavedViewsNav views={views} counts={counts} scope={scope} />

      <div className="section-title-row">
        <h3 className="section-title" id="feeds-heading">
          {t('sidebar.feeds')}
        </h3>
        {scope.kind === 'tags' && scope.tagIds.length > 1 && (
          <div className="segmented" role="group" aria-label={t('sidebar.combine')}>
            <button
              type="button"
              aria-pressed={scope.mode === 'any'}
              onClick={() => setTagMode('any')}
              title={t('sidebar.combine.any.title')}
            >
              {t('sidebar.combine.any')}
            </button>
            <button
              type="button"
              aria-pressed={scope.mode === 'all'}
              onClick={() => setTagMode('all')}
              title={t('sidebar.combine.all.title')}
            >
              {t('sidebar.combine.all')}
            </button>
          </div>
        )}
      </div>
      {feeds.length === 0 && tags.length === 0 && !grouped ? (
        // The welcome in the list pane offers the ways to start: one place, not two.
        <p className="hint">{t('sidebar.noFeeds')}</p>
      ) : (
        <div className="feeds-section" ref={feedsPane}>
          {feeds.length > 0 && (
            <FeedFilter
              value={filter}
              onChange={changeFilter}
              filtering={layout.filtering}
              matches={layout.matches}
              onDown={focusFirstFeed}
            />
          )}
          {tags.length > 0 && (
            <p className="hint" id="feeds-hint">
              {t('sidebar.tagsHint')}
              {/* Said to screen readers on each group row; the chevrons' tooltips say it too. */}
              <span className="visually-hidden">{t('sidebar.tagsHint.keys')}</span>
            </p>
          )}
          <SidebarFeeds layout={layout} feeds={feeds} counts={counts} scope={scope} onToggle={toggle} />
        </div>
      )}

      <div className="sidebar-footer">
        <button type="button" onClick={() => fileInput.current?.click()}>
          {t('sidebar.importOpml')}
        </button>
        <button type="button" onClick={() => void exportOpml()} disabled={feeds.length === 0}>
          {t('sidebar.exportOpml')}
        </button>
        <button type="button" onClick={() => openRules()} title={t('rules.open.title')}>
          {t('rules.open')}
        </button>
        <button type="button" onClick={() => openDialog({ kind: 'accounts' })} title={t('sidebar.accounts.title')}>
          {t('accounts.open')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".opml,.xml,text/xml,text/x-opml,application/xml"
          hidden
          aria-label={t('sidebar.opmlInput')}
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
