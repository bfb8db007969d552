/** The Settings dialog's way to the rules: what they are for, and the button that opens them. */
import { t } from '../../i18n/translate.js';
import { openRules } from '../../state/actions/rules.js';

export function RulesSection() {
  return (
    <section className="settings-section" aria-labelledby="settings-rules">
      <h3 id="settings-rules">{t('rules.title')}</h3>
      <p className="muted small">
        {t('rules.settings.hint')}{' '}
        <button type="button" className="link" onClick={() => openRules({ kind: 'settings' })}>
          {t('rules.open')}
        </button>
      </p>
    </section>
  );
}
