/**
 * Is a database file whole? SQLite's `PRAGMA quick_check` reads every page, which takes
 * seconds per gigabyte when the file is in the OS cache and minutes when it is not (139 s
 * for the 2.7 GB, 1,000,000-article benchmark database, cold). So at start Syndic checks
 * the whole file only when it is small, and otherwise the schema and the small tables
 * (feeds, tags, settings: what the app reads first); the whole file is checked in a
 * worker thread before each scheduled backup, where a failure is remembered in a marker
 * file beside the database and met at the next start with the recovery choice.
 */
import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { connect, currentNativeBinding, type Db } from './db.js';
import { messageOf } from '../../../shared/error-message.js';

/**
 * Up to this size the whole file is checked at start: under a second even cold. (At
 * 220 MB, 100,000 articles, it took 0.9 s warm and 5.4 s cold: too long for every start.)
 */
export const FULL_CHECK_AT_START_BYTES = 32 * 1024 * 1024;
const SMALL_TABLES = ['feeds', 'tags', 'feed_tags', 'settings', 'accounts'];

function problemsOf(rows: unknown[]): string | null {
  const problems = (rows as Record<string, string>[]).map((r) => Object.values(r)[0]!).filter((r) => r !== 'ok');
  return problems.length ? problems.slice(0, 3).join('; ') : null;
}

/** The whole file by quick_check; the problem in words, or null when it is whole. */
export function checkFile(path: string): string | null {
  return withReadOnly(path, (db) => problemsOf(db.pragma('quick_check') as unknown[]));
}

/** The schema and the small tables only: milliseconds, whatever the size of the file. */
export function checkFileQuickly(path: string): string | null {
  return withReadOnly(path, (db) => {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    for (const table of SMALL_TABLES) {
      const exists = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table);
      const problem = exists ? problemsOf(db.pragma(`quick_check(${table})`) as unknown[]) : null;
      if (problem) return problem;
    }
    return null;
  });
}

function withReadOnly(path: string, check: (db: Db) => string | null): string | null {
  let db: Db | null = null;
  try {
    db = connect(path, { readonly: true, fileMustExist: true });
    return check(db);
  } catch (error) {
    return messageOf(error);
  } finally {
    db?.close();
  }
}

/** The check a start can afford: the whole file when small, else the quick one. */
export function checkAtStart(path: string): string | null {
  const marked = damageMark(path);
  if (marked) return marked;
  return statSync(path).size <= FULL_CHECK_AT_START_BYTES ? checkFile(path) : checkFileQuickly(path);
}

/**
 * The whole-file check off the main thread (the bundled check-worker beside this
 * module); in the same thread where there is no bundle (tests run from source).
 */
export function checkFileInBackground(path: string): Promise<string | null> {
  const script = new URL('./check-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) return Promise.resolve(checkFile(path));
  return new Promise((resolve) => {
    let answered = false;
    const answer = (problem: string | null): void => {
      if (answered) return;
      answered = true;
      resolve(problem);
    };
    const worker = new Worker(script, { workerData: { path, nativeBinding: currentNativeBinding() } });
    worker.once('message', answer);
    // A worker that cannot start or dies says nothing about the database: check here instead.
    const inThread = (): void => {
      if (!answered) answer(checkFile(path));
    };
    worker.once('error', inThread);
    worker.once('exit', inThread);
  });
}

const markPath = (path: string): string => `${path}.damaged-check`;

/** Remembers that the whole-file check failed, for the next start. */
export function markDamaged(path: string, problem: string): void {
  writeFileSync(markPath(path), problem);
}

export function damageMark(path: string): string | null {
  try {
    return readFileSync(markPath(path), 'utf8') || 'the last integrity check failed';
  } catch {
    return null;
  }
}

export function clearDamageMark(path: string): void {
  rmSync(markPath(path), { force: true });
}
