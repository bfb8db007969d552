/**
 * The full-text index's own file (schema 11): `syndic.db` keeps its index in
 * `syndic.db.search`, attached to each connection as the schema `search`. Queries name the
 * table `articles_fts` unqualified and SQLite finds it there; only the indexer writes it
 * (search-indexing.ts), on its own connection, so a refresh's transactions on the
 * database never wait for it and it never waits for them.
 *
 * The file holds nothing that cannot be rebuilt from the database: a missing, damaged or
 * foreign one is started again empty and every article queued for it. Backups leave it out
 * for that reason. The database's `search_identity` row names it to its index file, which
 * records that name as `indexOf` in its `search_state`: a file whose name differs is
 * another database's.
 */
import { existsSync, rmSync } from 'node:fs';
import { prepared, type Db } from './db.js';
import { backlogGrew } from './search-backlog.js';

/** Connections with an index file attached. */
const attached = new WeakSet<Db>();

export function hasSearchIndexFile(db: Db): boolean {
  return attached.has(db);
}

/**
 * The first schema this code keeps an index file for: the index left the database in 11,
 * and its rowids (and the backlog's entries) became sort keys in 12. A database on the way
 * up finds its file once it gets there (migrate.ts).
 */
const SEARCH_FILE_SCHEMA = 12;

/** The index file of the database at `dbPath`; null for an in-memory database. */
export function searchIndexPath(dbPath: string): string | null {
  return dbPath === '' || dbPath === ':memory:' ? null : `${dbPath}.search`;
}

/** Removes a database's index file (and its WAL): the next open builds it again. */
export function removeSearchIndex(dbPath: string): void {
  const path = searchIndexPath(dbPath);
  if (!path) return;
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/** One value the index file keeps about itself (how far it got, whose it is, when merged). */
export function searchState(db: Db, key: string): string | null {
  return (
    prepared<[string], { value: string }>(db, 'SELECT value FROM search.search_state WHERE key = ?').get(key)?.value ??
    null
  );
}

export function setSearchState(db: Db, key: string, value: string | number): void {
  prepared(
    db,
    'INSERT INTO search.search_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(key, String(value));
}

/**
 * Attaches the index file. A read-only connection attaches it only if it exists (a search
 * then finds no table rather than creating files); a writable one creates, repairs or
 * rebuilds it as the file header explains.
 */
export function attachSearchIndex(db: Db): void {
  if (attached.has(db)) return;
  if ((db.pragma('user_version', { simple: true }) as number) < SEARCH_FILE_SCHEMA) return;
  const path = searchIndexPath(db.name);
  if (db.readonly) {
    if (path && existsSync(path)) {
      prepared(db, 'ATTACH DATABASE ? AS search').run(path);
      attached.add(db);
    }
    return;
  }
  try {
    attachWritable(db, path);
  } catch (error) {
    // A damaged index file is only a cache of the database: start it again.
    if (!isDamage(error) || !path) throw error;
    detach(db);
    removeSearchIndex(db.name);
    attachWritable(db, path);
  }
  attached.add(db);
}

function isDamage(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && /^SQLITE_(CORRUPT|NOTADB)/.test(code);
}

function detach(db: Db): void {
  try {
    db.exec('DETACH DATABASE search');
  } catch {
    // not attached
  }
}

function attachWritable(db: Db, path: string | null): void {
  db.prepare('ATTACH DATABASE ? AS search').run(path ?? ':memory:');
  if (path) db.pragma('search.journal_mode = WAL');
  db.pragma('search.synchronous = NORMAL');
  const fresh = !db.prepare("SELECT 1 FROM search.sqlite_master WHERE name = 'articles_fts'").get();
  if (fresh) {
    db.exec(`
      CREATE TABLE search.search_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
      CREATE VIRTUAL TABLE search.articles_fts USING fts5(
        title, author, body,
        content = '', contentless_delete = 1,
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      -- Written in batches by the indexer, merged by it once it has caught up (search-index.ts).
      INSERT INTO search.articles_fts (articles_fts, rank) VALUES ('automerge', 0);
      INSERT INTO search.articles_fts (articles_fts, rank) VALUES ('crisismerge', 64);
    `);
  }
  // Quick integrity probe: a damaged file fails here rather than in a user's search.
  db.prepare('SELECT count(*) FROM search.search_state').get();
  const owner = identityOf(db);
  if (fresh || searchState(db, 'indexOf') !== owner || indexedThroughOf(db) > lastQueued(db)) rebuildSearchIndex(db);
}

function identityOf(db: Db): string {
  return prepared<[], { id: string }>(db, 'SELECT id FROM main.search_identity').get()?.id ?? '';
}

/** The backlog's last sequence number ever handed out (0 when none was). */
export function lastQueued(db: Db): number {
  return (
    prepared<[], { seq: number }>(db, "SELECT seq FROM main.sqlite_sequence WHERE name = 'search_backlog'").get()
      ?.seq ?? 0
  );
}

/** How far the index has got: every backlog entry up to this sequence number is in it. */
export function indexedThroughOf(db: Db): number {
  return Number(searchState(db, 'indexedThrough') ?? 0);
}

/**
 * Empties the index and queues every stored article for it, in one transaction: after a
 * restore, a fresh start, or a file that belongs to no database.
 */
export function rebuildSearchIndex(db: Db): void {
  db.transaction(() => {
    db.exec("INSERT INTO search.articles_fts (articles_fts) VALUES ('delete-all')");
    setSearchState(db, 'indexedThrough', lastQueued(db));
    setSearchState(db, 'indexOf', identityOf(db));
    db.exec("DELETE FROM search.search_state WHERE key = 'mergedAtCount'");
    db.exec('DELETE FROM main.search_backlog');
    db.exec(
      'INSERT INTO main.search_backlog (article_key, change) SELECT sort_key, 0 FROM main.articles ORDER BY sort_key',
    );
  })();
  backlogGrew(db);
}
