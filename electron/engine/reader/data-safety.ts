/**
 * Keeping the user's data whole: storage figures, backups and restore, the starred export,
 * maintenance on request, and a database found damaged while the app runs (said once,
 * with the latest backup, and remembered so the next start offers the recovery choice).
 */
import { statSync } from 'node:fs';
import type { StarredExportFormat } from '../../../shared/api.js';
import type { BackupInfo, RetentionReport, StorageInfo } from '../../../shared/domain.js';
import { messageOf } from '../../../shared/error-message.js';
import type { Poller } from '../poller/poller.js';
import { reconcileImageCache } from '../offline/image-cache-check.js';
import type { Maintenance } from '../offline/maintenance.js';
import type { OfflineCache } from '../offline/offline-cache.js';
import { BackupNotFoundError, createBackup, listBackups, restoreBackup } from '../store/backup.js';
import { damageMark, markDamaged } from '../store/integrity.js';
import { isDamagedDatabaseError } from '../store/recovery.js';
import { getSettings } from '../store/settings.js';
import { listStarred } from '../store/starred.js';
import { starredAsHtml, starredAsJson } from './export-starred.js';
import type { ReaderContext } from './reader-context.js';
import type { UndoLog } from './undo-log.js';
import { UserError } from './user-error.js';

export interface DataSafetyParts {
  dataDir: string;
  poller: Poller;
  offline: OfflineCache;
  maintenance: Maintenance;
  undo: UndoLog;
  headless: boolean;
  /** Whether polling was started (by the app): a restore resumes it. */
  polling: () => boolean;
}

export class DataSafety {
  constructor(
    private readonly ctx: ReaderContext,
    private readonly parts: DataSafetyParts,
  ) {}

  /** SQLite finding a damaged page while the app runs (past the quick check at start). */
  noticeFailure(error: unknown): void {
    const db = this.ctx.db;
    if (!isDamagedDatabaseError(error)) return;
    if (damageMark(db.name)) return;
    const problem = messageOf(error);
    markDamaged(db.name, problem);
    this.reportDamage(problem);
  }

  reportDamage(problem: string): void {
    this.ctx.emit('database-damaged', { problem, latestBackup: listBackups(this.parts.dataDir)[0]?.name ?? null });
  }

  storageInfo(): StorageInfo {
    let databaseBytes = 0;
    for (const suffix of ['', '-wal']) {
      try {
        databaseBytes += statSync(this.ctx.db.name + suffix).size;
      } catch {
        // No WAL right after a checkpoint.
      }
    }
    return {
      dataDir: this.parts.dataDir,
      databaseBytes,
      articleCount: this.ctx.counts().all,
      offline: this.parts.offline.status(),
      backups: listBackups(this.parts.dataDir),
      lastMaintenanceAt: this.parts.maintenance.lastRunAt(),
    };
  }

  backup(): Promise<BackupInfo> {
    return createBackup(this.ctx.db, this.parts.dataDir, this.ctx.now(), getSettings(this.ctx.db).backupsKept);
  }

  async restore(name: string): Promise<void> {
    const { poller, offline } = this.parts;
    // Nothing may write while the content is replaced; polling and caching resume after.
    await poller.cancel();
    await offline.pause();
    try {
      const db = this.ctx.db;
      await restoreBackup(db, this.parts.dataDir, name, this.ctx.now(), getSettings(db).backupsKept);
      // The backup may list images evicted since it was made: forget them, fetch them again.
      this.checkImageCache();
    } catch (error) {
      if (error instanceof BackupNotFoundError) throw new UserError(error.message);
      throw error;
    } finally {
      this.parts.undo.clear();
      if (this.parts.polling()) poller.start();
      offline.resume();
      if (!this.parts.headless) offline.kick();
    }
    this.ctx.emit('data-replaced', {});
    this.ctx.countsChanged([]);
  }

  /** Makes the image cache's rows and files agree (see offline/image-cache-check.ts). */
  checkImageCache(): void {
    try {
      const { requeued } = reconcileImageCache(this.ctx.db, this.parts.dataDir, this.ctx.now());
      if (requeued.length && !this.parts.headless) this.parts.offline.kick();
    } catch {
      // Housekeeping only: an unreadable cache folder leaves things as they were, and
      // must not stop the app from starting or fail a restore that succeeded.
    }
  }

  exportStarred(format: StarredExportFormat): Promise<string> {
    const rows = listStarred(this.ctx.db);
    const now = this.ctx.now();
    return format === 'json' ? Promise.resolve(starredAsJson(rows, now)) : starredAsHtml(rows, now);
  }

  runMaintenance(): RetentionReport {
    return { removed: this.parts.maintenance.tidy({ asked: true }) };
  }
}
