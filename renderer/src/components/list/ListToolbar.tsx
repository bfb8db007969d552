/**
 * The list's toolbar: the view's name and what can be done to it, the search box (it
 * searches as the user types, after a short pause), the unread-only switch, "mark all
 * read", "Save as view" and the view options.
 */
import { CheckCheck, PanelLeft } from 'lucide-react';
import { forwardRef, useEffect, useState } from 'react';
import { t } from '../../i18n/translate.js';
import { markAllRead } from '../../state/actions/mark-many.js';
import { setSearch, setUnreadOnly } from '../../state/actions/selection.js';
import { showPane } from '../../state/actions/ui.js';
import { canFilterUnread, scopeTitle } from '../../state/selectors.js';
import { useStore } from '../../state/store.js';
import { ScopeActions } from '../ScopeActions.js';
import { SaveViewButton } from '../views/SaveViewButton.js';
import { ViewOptionsMenu } from './ViewOptionsMenu.js';

/** The ref is the search box's, for the / key. */
export const ListToolbar = forwardRef<HTMLInputElement>(function ListToolbar(_props, searchInput) {
  const scope = useStore((s) => s.selection.scope);
  const unreadOnly = useStore((s) => s.selection.unreadOnly);
  const search = useStore((s) => s.selection.search);
  const sidebarShown = useStore((s) => s.ui.front === 'sidebar');
  const title = useStore((s) => scopeTitle(s));
  const [draft, setDraft] = useState(search);

  useEffect(() => {
    setDraft(search);
  }, [search]);
  // Search as the user types, after a short pause.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(draft), 250);
    return () => clearTimeout(timer);
  }, [draft]);

  return (
    <header className="list-toolbar">
      <div className="title-row">
        {/* Shown only when the window is too narrow for the sidebar (app.css). */}
        <button
          type="button"
          className="icon sidebar-toggle"
          aria-label={t('sidebar.label')}
          aria-expanded={sidebarShown}
          onClick={() => showPane(sidebarShown ? 'list' : 'sidebar')}
        >
          <PanelLeft aria-hidden="true" className="icon-svg" />
        </button>
        <h1 className="view-title">{title}</h1>
        <ScopeActions />
      </div>
      <div className="toolbar-row">
        <input
          ref={searchInput}
          type="search"
          className="search"
          placeholder={t('list.search.placeholder')}
          aria-label={t('list.search.label')}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') setSearch(draft);
          }}
        />
        {canFilterUnread(scope) && (
          <label className="toggle">
            <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
            {t('list.unreadOnly')}
          </label>
        )}
        <button type="button" onClick={() => void markAllRead()} title={t('list.markAllRead.title')}>
          <CheckCheck aria-hidden="true" className="icon-svg" />
          <span className="button-label">{t('list.markAllRead')}</span>
        </button>
        <SaveViewButton />
        <ViewOptionsMenu />
      </div>
    </header>
  );
});
