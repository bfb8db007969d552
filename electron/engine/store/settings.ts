/** Settings as JSON values under keys; defaults are never written, only changes. */
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/domain.js';
import { prepared, type Db } from './db.js';

export function getSettings(db: Db): Settings {
  const stored: Partial<Record<keyof Settings, unknown>> = {};
  for (const row of prepared<[], { key: string; value: string }>(db, 'SELECT key, value FROM settings').all()) {
    if (row.key in DEFAULT_SETTINGS) stored[row.key as keyof Settings] = JSON.parse(row.value);
  }
  return { ...DEFAULT_SETTINGS, ...(stored as Partial<Settings>) };
}

export function saveSettings(db: Db, patch: Partial<Settings>): Settings {
  db.transaction(() => {
    const put = prepared(
      db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    for (const [key, value] of Object.entries(patch)) {
      if (key in DEFAULT_SETTINGS && value !== undefined) put.run(key, JSON.stringify(value));
    }
  })();
  return getSettings(db);
}
