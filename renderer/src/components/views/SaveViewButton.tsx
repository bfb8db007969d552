/** "Save as view" in the list's toolbar: what the list shows now (its search, feed, tags) becomes a saved view. */
import { BookmarkPlus } from 'lucide-react';
import { t } from '../../i18n/translate.js';
import { saveListAsView } from '../../state/actions/saved-views.js';

export function SaveViewButton() {
  return (
    <button
      type="button"
      className="icon"
      onClick={saveListAsView}
      aria-label={t('views.saveAs')}
      title={t('views.saveAs.title')}
    >
      <BookmarkPlus aria-hidden="true" className="icon-svg" />
    </button>
  );
}
