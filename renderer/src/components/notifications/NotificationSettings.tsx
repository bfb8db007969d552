/**
 * The Settings dialog's notifications: Do not disturb (no desktop notification at all), and
 * in browser mode the browser's permission, asked for by a button (browsers ask only after
 * a click). Which feeds, tags, views and rules notify is set on each of them.
 */
import { useState } from 'react';
import { isElectron } from '../../api.js';
import type { Settings } from '../../../../shared/domain.js';
import { t } from '../../i18n/translate.js';
import { allowNotifications, notificationPermission } from '../../state/actions/notices.js';

const PERMISSION_TEXT = {
  default: 'notices.permission.default',
  granted: 'notices.permission.granted',
  denied: 'notices.permission.denied',
  unsupported: 'notices.permission.unsupported',
} as const;

export function NotificationSettings({
  settings,
  set,
}: {
  settings: Settings;
  set: (patch: Partial<Settings>) => void;
}) {
  const [permission, setPermission] = useState(notificationPermission);
  return (
    <section className="settings-section" aria-labelledby="settings-notifications">
      <h3 id="settings-notifications">{t('notices.heading')}</h3>
      <p className="muted small">{t('notices.hint')}</p>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.doNotDisturb}
          onChange={(e) => set({ doNotDisturb: e.target.checked })}
        />
        {t('notices.doNotDisturb')}
      </label>
      {!isElectron && (
        <p className="muted small">
          {t(PERMISSION_TEXT[permission])}{' '}
          {permission === 'default' && (
            <button type="button" onClick={() => void allowNotifications().then(setPermission)}>
              {t('notices.allow')}
            </button>
          )}
        </p>
      )}
    </section>
  );
}
