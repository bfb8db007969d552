/**
 * The Rules dialog: every rule in the order they run in (RuleRow), a new one, and the rules
 * file out (a download) and in (a file picker; a refused file says why, in the engine's words).
 */
import { useRef, useState } from 'react';
import { t } from '../../i18n/translate.js';
import { closeDialog } from '../../state/actions/ui.js';
import { editRule, exportRulesFile, importRulesFile } from '../../state/actions/rules.js';
import { useStore } from '../../state/store.js';
import { Modal } from '../Modal.js';
import { RuleRow } from './RuleRow.js';

export function RulesDialog() {
  const rules = useStore((s) => s.ui.rules);
  const fileInput = useRef<HTMLInputElement>(null);
  const [refused, setRefused] = useState<string | null>(null);
  return (
    <>
      <Modal title={t('rules.title')} wide>
        <p className="muted small">{t('rules.intro')}</p>
        {rules === null ? (
          <p className="muted">{t('common.loading')}</p>
        ) : rules.length === 0 ? (
          <p className="muted">{t('rules.none')}</p>
        ) : (
          <ol className="rules" aria-label={t('rules.listLabel')}>
            {rules.map((rule, i) => (
              <RuleRow key={rule.id} rule={rule} first={i === 0} last={i === rules.length - 1} />
            ))}
          </ol>
        )}
        {refused && (
          <p className="error-text" role="alert">
            {t('rules.import.refused', { message: refused })}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => editRule(null)}>
            {t('rules.new')}
          </button>
          <button type="button" onClick={() => fileInput.current?.click()}>
            {t('rules.import')}
          </button>
          <button type="button" onClick={() => void exportRulesFile()} disabled={!rules?.length}>
            {t('rules.export')}
          </button>
          <span className="spacer" />
          <button type="button" className="primary" onClick={() => closeDialog()}>
            {t('common.done')}
          </button>
        </div>
      </Modal>
      {/* Outside the dialog, so the dialog's first focus and its Tab loop skip it. */}
      <input
        ref={fileInput}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={t('rules.import.input')}
        data-testid="rules-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void importRulesFile(file).then(setRefused);
        }}
      />
    </>
  );
}
