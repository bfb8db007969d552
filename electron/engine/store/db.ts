/**
 * Opening the SQLite store: every pragma set explicitly on every open, migrations run,
 * and one cache of prepared statements per connection so hot paths never re-prepare.
 */
import Database from 'better-sqlite3';
import { LATEST_VERSION, migrate, schemaVersion } from './migrate.js';
import { attachSearchIndex } from './search-file.js';

export type Db = Database.Database;

export interface OpenOptions {
  /** Skip migrations (tests that exercise the ledger itself). */
  migrate?: boolean;
  readonly?: boolean;
  /**
   * SQLite's page cache in MB. The app keeps 32 for its reads; a CLI command, which runs
   * once and mostly writes, does as well with 8 and keeps its memory lower.
   */
  cacheMb?: number;
  /**
   * Told before an older library's schema is upgraded (not when a new file is built): an
   * upgrade can take a while (schema 12 took 11.8 s at a million articles), so whoever
   * opened it can say why it waits.
   */
  onUpgrade?: (from: number, to: number) => void;
}

/**
 * The native module better-sqlite3 loads: its own build for Node unless the process set
 * another (Electron run from a checkout uses one built for its ABI; see native-module.ts).
 */
let nativeBinding: string | undefined;

export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path || undefined;
}

export function currentNativeBinding(): string | undefined {
  return nativeBinding;
}

/** Every SQLite connection Syndic makes goes through here, so each loads the right native module. */
export function connect(path: string, options: { readonly?: boolean; fileMustExist?: boolean } = {}): Db {
  return new Database(path, { ...options, nativeBinding });
}

export function openDatabase(path: string, options: OpenOptions = {}): Db {
  const db = connect(path, { readonly: options.readonly ?? false });
  // WAL: readers never block the writer; NORMAL is durable across app crashes in WAL
  // mode (only an OS crash can lose the last transactions, never corrupt the file).
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('temp_store = MEMORY');
  db.pragma(`cache_size = -${(options.cacheMb ?? 32) * 1024}`);
  db.pragma('wal_autocheckpoint = 10000');
  if (options.migrate !== false && !options.readonly) {
    const from = schemaVersion(db);
    if (from > 0 && from < LATEST_VERSION) options.onUpgrade?.(from, LATEST_VERSION);
    migrate(db);
  }
  attachSearchIndex(db);
  return db;
}

const statementCache = new WeakMap<Db, Map<string, Database.Statement>>();

/** A prepared statement for `sql`, prepared once per connection. */
export function prepared<P extends unknown[] = unknown[], R = unknown>(db: Db, sql: string): Database.Statement<P, R> {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let stmt = cache.get(sql);
  if (!stmt) cache.set(sql, (stmt = db.prepare(sql)));
  return stmt as Database.Statement<P, R>;
}

/** Closes the connection after folding the WAL back into the database file. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
    if (!db.readonly) db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
