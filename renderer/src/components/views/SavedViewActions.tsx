/**
 * Beside a saved view's name above the list: edit it, move it up or down the sidebar, and
 * delete it. The keyboard's way to what the sidebar row shows only on hover.
 */
import { ArrowDown, ArrowUp, Pencil, Trash2 } from 'lucide-react';
import type { SavedView } from '../../../../shared/saved-views.js';
import { t } from '../../i18n/translate.js';
import { confirmDeleteView, editView, moveView } from '../../state/actions/saved-views.js';

export function SavedViewActions({ view, first, last }: { view: SavedView; first: boolean; last: boolean }) {
  return (
    <>
      <button
        type="button"
        className="icon"
        aria-label={t('views.moveUp', { name: view.name })}
        title={t('views.moveUp.title')}
        disabled={first}
        onClick={() => void moveView(view.id, -1)}
      >
        <ArrowUp aria-hidden="true" className="icon-svg" />
      </button>
      <button
        type="button"
        className="icon"
        aria-label={t('views.moveDown', { name: view.name })}
        title={t('views.moveDown.title')}
        disabled={last}
        onClick={() => void moveView(view.id, 1)}
      >
        <ArrowDown aria-hidden="true" className="icon-svg" />
      </button>
      <button
        type="button"
        className="icon"
        aria-label={t('views.edit', { name: view.name })}
        title={t('views.edit.title')}
        onClick={() => editView(view.id)}
      >
        <Pencil aria-hidden="true" className="icon-svg" />
      </button>
      <button
        type="button"
        className="icon"
        aria-label={t('views.delete', { name: view.name })}
        title={t('views.delete.tooltip')}
        onClick={() => confirmDeleteView(view)}
      >
        <Trash2 aria-hidden="true" className="icon-svg" />
      </button>
    </>
  );
}
