/**
 * Backups: consistent copies of the live database made with SQLite's online backup API
 * (readers and the refresh go on while it runs), kept in `<data dir>/backups/`, the last
 * few kept. Restore copies a backup back into the live database through the same API, so
 * the app's open connection simply sees the restored data; the state before the restore
 * is backed up first, so a restore can itself be undone.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../../shared/domain.js';
import { connect, type Db } from './db.js';
import { checkFileInBackground, clearDamageMark } from './integrity.js';
import { migrate } from './migrate.js';
import { hasSearchIndexFile, rebuildSearchIndex } from './search-file.js';

export const BACKUPS_DIR = 'backups';
const NAME = /^syndic-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})(-[a-z-]+)?\.db$/;

export class BackupNotFoundError extends Error {
  constructor(name: string) {
    super(`There is no backup named "${name}"`);
    this.name = 'BackupNotFoundError';
  }
}

export function backupsDir(dataDir: string): string {
  return join(dataDir, BACKUPS_DIR);
}

function stamp(at: number): string {
  const d = new Date(at);
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}-` +
    `${two(d.getUTCHours())}${two(d.getUTCMinutes())}${two(d.getUTCSeconds())}-` +
    String(d.getUTCMilliseconds()).padStart(3, '0')
  );
}

function createdAtOf(m: RegExpExecArray): number {
  const [, y, mo, d, h, mi, s, ms] = m.map(Number) as number[];
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms!);
}

/** Backups, newest first. */
export function listBackups(dataDir: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(backupsDir(dataDir));
  } catch {
    return [];
  }
  const found: BackupInfo[] = [];
  for (const name of names) {
    const m = NAME.exec(name);
    if (!m) continue;
    found.push({ name, createdAt: createdAtOf(m), bytes: statSync(join(backupsDir(dataDir), name)).size });
  }
  return found.sort((a, b) => b.createdAt - a.createdAt || b.name.localeCompare(a.name));
}

/** The path of a listed backup; anything else (a path, a stranger's file) is refused. */
export function backupPath(dataDir: string, name: string): string {
  if (!NAME.test(name) || !listBackups(dataDir).some((b) => b.name === name)) throw new BackupNotFoundError(name);
  return join(backupsDir(dataDir), name);
}

/**
 * Writes a backup of `db` and deletes the oldest beyond `keep`. `label` marks special
 * ones ("before-restore"). The copy goes to a temporary name first: a backup interrupted
 * by a crash is never mistaken for a whole one.
 */
export async function createBackup(
  db: Db,
  dataDir: string,
  now: number,
  keep: number,
  label = '',
): Promise<BackupInfo> {
  mkdirSync(backupsDir(dataDir), { recursive: true });
  const name = `syndic-${stamp(now)}${label ? `-${label}` : ''}.db`;
  const path = join(backupsDir(dataDir), name);
  const temporary = `${path}.part`;
  rmSync(temporary, { force: true });
  await db.backup(temporary);
  renameSync(temporary, path);
  pruneBackups(dataDir, keep);
  return { name, createdAt: now, bytes: statSync(path).size };
}

export function pruneBackups(dataDir: string, keep: number): void {
  if (!Number.isFinite(keep)) return;
  for (const old of listBackups(dataDir).slice(Math.max(1, keep))) rmSync(join(backupsDir(dataDir), old.name));
}

/**
 * Replaces the live database's content with a backup's, on the open connection. The
 * current state is backed up first (labelled "before-restore"); a backup from an older
 * version of Syndic is migrated after the copy.
 */
export async function restoreBackup(db: Db, dataDir: string, name: string, now: number, keep: number): Promise<void> {
  const source = backupPath(dataDir, name);
  const problem = await checkFileInBackground(source);
  if (problem) throw new Error(`The backup ${name} is damaged (${problem}); choose another one.`);
  await createBackup(db, dataDir, now, Infinity, 'before-restore');
  const backup = connect(source, { readonly: true, fileMustExist: true });
  try {
    await backup.backup(db.name);
  } finally {
    backup.close();
  }
  migrate(db);
  // The index file described the state before the restore: it is built again behind it.
  if (hasSearchIndexFile(db)) rebuildSearchIndex(db);
  clearDamageMark(db.name);
  pruneBackups(dataDir, keep + 1);
}
