/** Temporary data directories for tests: a real SQLite file on disk, removed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, closeDatabase, type Db } from '../../electron/engine/store/db.js';

export function tempDir(prefix = 'syndic-test-'): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** A fresh migrated database in a temp dir; `done()` closes and removes it. */
export function tempDatabase(): { db: Db; path: string; done: () => void } {
  const dir = tempDir();
  const path = join(dir.path, 'test.db');
  const db = openDatabase(path);
  return {
    db,
    path,
    done: () => {
      closeDatabase(db);
      dir.remove();
    },
  };
}
