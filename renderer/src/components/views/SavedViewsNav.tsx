/**
 * The sidebar's saved views, under the smart views: each with its name and live unread
 * count, chosen like a smart view. On a view's row, Alt+Up and Alt+Down move it in the
 * order (the focus stays on it); its edit and delete buttons show on hover or focus, and
 * the list's title row offers them to the keyboard (SavedViewActions.tsx).
 */
import type { KeyboardEvent } from 'react';
import { Filter, Pencil, Trash2 } from 'lucide-react';
import type { Counts } from '../../../../shared/domain.js';
import type { SavedView } from '../../../../shared/saved-views.js';
import { t } from '../../i18n/translate.js';
import { selectScope } from '../../state/actions/selection.js';
import { viewCount } from '../../state/saved-views.js';
import { confirmDeleteView, editView, moveView } from '../../state/actions/saved-views.js';
import type { Scope } from '../../state/store.js';
import { SavedViewCount } from './SavedViewCount.js';

interface Props {
  views: SavedView[];
  counts: Counts | null;
  scope: Scope;
}

/** Focuses a view's row again once it has been drawn in its new place (moving it in the DOM may have blurred it). */
function refocus(viewId: number): void {
  requestAnimationFrame(() => {
    const row = document.querySelector<HTMLElement>(`.saved-views button[data-view-id="${viewId}"]`);
    if (row && document.activeElement !== row) row.focus();
  });
}

function onRowKey(event: KeyboardEvent<HTMLButtonElement>, viewId: number): void {
  if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
  event.preventDefault();
  event.stopPropagation();
  // The move shows at once (the engine confirms it after): the focus follows it in the next frame.
  void moveView(viewId, event.key === 'ArrowUp' ? -1 : 1);
  refocus(viewId);
}

export function SavedViewsNav({ views, counts, scope }: Props) {
  if (!views.length) return null;
  return (
    <>
      <h3 className="section-title" id="saved-views-heading">
        {t('views.heading')}
      </h3>
      <p className="visually-hidden" id="saved-views-hint">
        {t('views.moveHint')}
      </p>
      <ul className="nav-list saved-views" aria-labelledby="saved-views-heading">
        {views.map((view) => {
          const current = scope.kind === 'saved' && scope.viewId === view.id;
          return (
            <li key={view.id} className="with-menu">
              <button
                type="button"
                className={current ? 'current' : ''}
                aria-current={current ? 'page' : undefined}
                aria-describedby="saved-views-hint"
                tabIndex={current ? 0 : -1}
                data-view-id={view.id}
                onClick={() => selectScope({ kind: 'saved', viewId: view.id })}
                onKeyDown={(e) => onRowKey(e, view.id)}
              >
                <Filter className="nav-icon icon-svg" aria-hidden="true" />
                <span className="nav-label">{view.name}</span>
                <SavedViewCount count={viewCount(counts, view.id)} />
              </button>
              <span className="row-menu">
                <button
                  type="button"
                  className="icon"
                  tabIndex={-1}
                  aria-label={t('views.edit', { name: view.name })}
                  onClick={() => editView(view.id)}
                >
                  <Pencil aria-hidden="true" className="icon-svg" />
                </button>
                <button
                  type="button"
                  className="icon"
                  tabIndex={-1}
                  aria-label={t('views.delete', { name: view.name })}
                  onClick={() => confirmDeleteView(view)}
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
