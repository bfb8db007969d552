/**
 * Small facts the app keeps about itself (when maintenance last ran), in the settings
 * table under `meta.` keys, apart from the user's settings.
 */
import { prepared, type Db } from './db.js';

export function getMeta(db: Db, key: string): string | null {
  return (
    prepared<[string], { value: string }>(db, 'SELECT value FROM settings WHERE key = ?').get(`meta.${key}`)?.value ??
    null
  );
}

export function setMeta(db: Db, key: string, value: string): void {
  prepared(
    db,
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(`meta.${key}`, value);
}
