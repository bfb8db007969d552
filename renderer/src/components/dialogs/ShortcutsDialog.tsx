/** The `?` dialog: every key the app answers to, and what the search box understands. */
import { SEARCH_HELP } from '../../../../shared/search-syntax.js';
import { t } from '../../i18n/translate.js';
import { SHORTCUTS } from '../../keyboard.js';
import { closeDialog } from '../../state/actions/ui.js';
import { Modal } from '../Modal.js';

export function ShortcutsDialog() {
  return (
    <Modal title={t('shortcuts.title')} wide>
      <table className="shortcuts">
        <caption>{t('shortcuts.keys')}</caption>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <th scope="row">
                <kbd>{s.keys}</kbd>
              </th>
              <td>{s.label}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="shortcuts">
        <caption>{t('shortcuts.search')}</caption>
        <tbody>
          {SEARCH_HELP.map((h) => (
            <tr key={h.syntax}>
              <th scope="row">
                <code>{h.syntax}</code>
              </th>
              <td>{h.meaning}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">{t('shortcuts.scope')}</p>
      <div className="dialog-buttons">
        <button type="button" className="primary" onClick={() => closeDialog()}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
