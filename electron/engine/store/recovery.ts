/**
 * A damaged database at start: found by `PRAGMA quick_check` (or by SQLite refusing the
 * file), reported with a clear choice, never silently discarded. Either the latest
 * backup that is itself whole is restored, or Syndic starts fresh; in both cases the
 * damaged file is kept aside next to the database, named with the time, for the user
 * (or a repair tool) to deal with.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { databasePath } from '../data-dir.js';
import { backupPath, listBackups } from './backup.js';
import { removeSearchIndex } from './search-file.js';
import { checkAtStart, checkFile, clearDamageMark } from './integrity.js';

export class DamagedDatabaseError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
    readonly latestBackup: string | null,
  ) {
    super(
      `The database ${path} is damaged (${problem}). Nothing has been deleted. ` +
        (latestBackup
          ? `Restore the latest backup (${latestBackup}) or start fresh; either way the damaged file is kept aside.`
          : 'There is no backup to restore: start fresh (the damaged file is kept aside).'),
    );
    this.name = 'DamagedDatabaseError';
  }
}

/** SQLite's own words for a file that is not a whole database. */
export function isDamagedDatabaseError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB';
}

export class NoWholeBackupError extends Error {
  constructor(folder: string) {
    super(`No whole backup was found in ${folder}; nothing was moved. Start fresh instead, or restore a copy by hand.`);
    this.name = 'NoWholeBackupError';
  }
}

/** Throws DamagedDatabaseError when the data directory's database exists and is not whole. */
export function assertDatabaseWhole(dataDir: string): void {
  const path = databasePath(dataDir);
  if (!existsSync(path)) return;
  const problem = checkAtStart(path);
  if (problem) throw new DamagedDatabaseError(path, problem, listBackups(dataDir)[0]?.name ?? null);
}

function stamp(now: number): string {
  return new Date(now).toISOString().replace(/[:.]/g, '-');
}

/** Moves the database and its WAL aside; returns where the database went. */
export function setDamagedAside(dataDir: string, now: number): string {
  const path = databasePath(dataDir);
  // Only a cache of the database: whatever takes its place builds its own.
  removeSearchIndex(path);
  const aside = `${path}.damaged-${stamp(now)}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  }
  clearDamageMark(path);
  return aside;
}

/** Starts fresh: the damaged database is moved aside and a new one will be created. */
export function startFresh(dataDir: string, now: number): { asidePath: string } {
  return { asidePath: setDamagedAside(dataDir, now) };
}

/**
 * Restores the newest backup that passes quick_check in place of the damaged database.
 * Throws when no whole backup exists (the database is then left where it was).
 */
export function restoreLatestBackup(dataDir: string, now: number): { asidePath: string; restored: string } {
  const whole = listBackups(dataDir).find((b) => checkFile(backupPath(dataDir, b.name)) === null);
  if (!whole) throw new NoWholeBackupError(join(dataDir, 'backups'));
  const asidePath = setDamagedAside(dataDir, now);
  const target = databasePath(dataDir);
  copyFileSync(backupPath(dataDir, whole.name), `${target}.restoring`);
  rmSync(target, { force: true });
  renameSync(`${target}.restoring`, target);
  return { asidePath, restored: whole.name };
}
