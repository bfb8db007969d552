/**
 * A saved view's editor: its name, its filter (ViewFilterFields), whether it notifies, and
 * a live count of what it lists. Opened by "Save as view" (filled from the list) or to
 * edit one; Save creates or updates it, Delete asks first.
 */
import { useState } from 'react';
import type { SavedView, SavedViewDraft } from '../../../../shared/saved-views.js';
import { t } from '../../i18n/translate.js';
import { closeDialog } from '../../state/actions/ui.js';
import { cleanFilter } from '../../state/saved-views.js';
import { confirmDeleteView, saveView } from '../../state/actions/saved-views.js';
import { Modal } from '../Modal.js';
import { ViewFilterFields } from './ViewFilterFields.js';
import { ViewPreviewCount } from './ViewPreviewCount.js';

export function SavedViewDialog({ view, initial }: { view: SavedView | null; initial: SavedViewDraft }) {
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const filter = cleanFilter(draft.filter);
  return (
    <Modal title={view ? t('views.editDialog.title', { name: view.name }) : t('views.newDialog.title')} wide>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          setBusy(true);
          const failed = await saveView(view?.id ?? null, { ...draft, name: draft.name.trim(), filter });
          setBusy(false);
          if (failed) setProblem(failed);
          else closeDialog();
        }}
      >
        <label className="field">
          {t('views.field.name')}
          <input
            autoFocus
            required
            maxLength={200}
            value={draft.name}
            onChange={(e) => setDraft({ ...draft, name: e.target.value })}
          />
        </label>
        <ViewFilterFields filter={draft.filter} onChange={(next) => setDraft({ ...draft, filter: next })} />
        <label className="check">
          <input
            type="checkbox"
            checked={draft.notify}
            onChange={(e) => setDraft({ ...draft, notify: e.target.checked })}
          />
          {t('views.field.notify')}
        </label>
        <ViewPreviewCount filter={filter} />
        {problem && (
          <p className="error-text" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          {view && (
            <button type="button" className="danger" onClick={() => confirmDeleteView(view)}>
              {t('views.deleteButton')}
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={() => closeDialog()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
