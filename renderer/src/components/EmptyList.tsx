/** The article list when it has nothing to show: what this view is and what to do (state/empty-state.ts). */
import { assertNever } from '../../../shared/assert.js';
import { t } from '../i18n/translate.js';
import { refresh } from '../state/actions/refresh.js';
import { selectScope, setSearch } from '../state/actions/selection.js';
import { openDialog } from '../state/actions/ui.js';
import { emptyStateFor, type EmptyAction } from '../state/empty-state.js';
import { scopeTitle } from '../state/selectors.js';
import { getState, useStore } from '../state/store.js';

function run(action: EmptyAction): void {
  const { scope } = getState().selection;
  switch (action) {
    case 'add-feed':
      return openDialog({ kind: 'add-feed' });
    case 'import-opml':
      // The sidebar's file input does the import, wherever the choice is offered.
      return document.querySelector<HTMLInputElement>('[data-testid="opml-input"]')?.click();
    case 'refresh':
      return void refresh(null);
    case 'clear-search':
      return setSearch('');
    case 'show-all': {
      const search = getState().selection.search;
      selectScope({ kind: 'smart', view: 'all' });
      return setSearch(search);
    }
    case 'edit-feed':
      if (scope.kind === 'feed') openDialog({ kind: 'edit-feed', feedId: scope.feedId });
      return;
    case 'edit-view':
      if (scope.kind === 'saved') openDialog({ kind: 'edit-view', viewId: scope.viewId });
      return;
    default:
      return assertNever(action, 'empty list action');
  }
}

export function EmptyList({ error }: { error: string | null }) {
  const state = useStore((s) => {
    const { scope, search, unreadOnly } = s.selection;
    const feed = scope.kind === 'feed' ? s.feeds.feeds.find((f) => f.id === scope.feedId) : undefined;
    return emptyStateFor({
      scope,
      scopeName: scopeTitle(s),
      search,
      unreadOnly,
      noFeeds: s.feeds.loaded && s.feeds.feeds.length === 0,
      feedFailing: Boolean(feed?.lastError),
    });
  });
  const loaded = useStore((s) => s.feeds.loaded);
  if (error) return <p className="empty error-text">{t('list.loadFailed', { error })}</p>;
  // Until the feeds are known, "welcome" and "all caught up" would both be guesses.
  if (!loaded) return null;
  return (
    <div className="empty" role="status">
      <h2>{state.title}</h2>
      <p>{state.text}</p>
      {state.actions.length > 0 && (
        <div className="button-row">
          {state.actions.map(({ action, label }, i) => (
            <button key={action} type="button" className={i === 0 ? 'primary' : ''} onClick={() => run(action)}>
              {label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
