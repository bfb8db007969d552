/**
 * The migrations ledger: the schema version lives in PRAGMA user_version, each migration
 * runs once, in order, inside its own transaction, and a database written by a newer app
 * is refused rather than damaged.
 */
import type { Db } from './db.js';
import { MIGRATIONS } from './migrations/index.js';
import { attachSearchIndex, hasSearchIndexFile } from './search-file.js';

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(
      `This database was written by a newer version of Syndic (schema ${found}; this version knows up to ${supported}). ` +
        'Update Syndic, or use another data directory.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Brings the schema up to `target` (default: the latest). Returns the versions applied. */
export function migrate(db: Db, target = LATEST_VERSION): number[] {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new DatabaseTooNewError(current, LATEST_VERSION);
  const applied: number[] = [];
  for (const migration of MIGRATIONS) {
    if (migration.version <= current || migration.version > target) continue;
    const keysWereOn = db.pragma('foreign_keys', { simple: true }) === 1;
    if (migration.foreignKeysOff) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        migration.up(db);
        if (migration.foreignKeysOff) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) {
            throw new Error(
              `Schema ${migration.version} would break ${broken.length} references; nothing was changed.`,
            );
          }
        }
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (migration.foreignKeysOff && keysWereOn) db.pragma('foreign_keys = ON');
    }
    applied.push(migration.version);
  }
  // A connection opened on an older schema finds its index file once it reaches the schema the file needs.
  if (applied.length && !hasSearchIndexFile(db) && !db.readonly) attachSearchIndex(db);
  return applied;
}
