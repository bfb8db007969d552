/**
 * Scheduled care of the data: a backup every `backupEveryHours` (after a whole-file
 * integrity check, so a damaged database never replaces good backups), and once a day retention
 * (read articles past their time removed), SQLite's own statistics refreshed, and a
 * VACUUM when deletions have left much of the file empty. (The full-text index is kept in
 * shape by its own thread: store/search-indexer.ts.) Checked hourly and at start, so a
 * laptop that sleeps through the night catches up when it wakes.
 */
import { optimizeAndCompact } from '../store/compaction.js';
import { applyRetention } from '../store/retention.js';
import { createBackup, listBackups } from '../store/backup.js';
import type { Db } from '../store/db.js';
import { checkFileInBackground, markDamaged } from '../store/integrity.js';
import { getMeta, setMeta } from '../store/meta.js';
import { getSettings } from '../store/settings.js';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/**
 * VACUUM holds the main thread for the whole rewrite: 1.3 s for 224 MB (100,000 articles)
 * here, 27 s for 2.7 GB (a million). Unasked, it runs only below this size; above it the
 * free pages are simply reused by new articles, and "Tidy now" still compacts.
 */
export const AUTO_VACUUM_MAX_BYTES = 256 * 1024 * 1024;
export interface MaintenanceOptions {
  db: Db;
  dataDir: string;
  now: () => number;
  /** Files larger than this are not VACUUMed unasked (default AUTO_VACUUM_MAX_BYTES). */
  autoVacuumMaxBytes?: number;
  /** Called when articles were removed, so views and counts reload. */
  onRemoved?: (count: number) => void;
  /** Background failures (a full disk during a backup) go here, not to the user's face. */
  onError?: (error: unknown) => void;
  /** The whole-file check before a backup failed: the user must choose what to do. */
  onDamaged?: (problem: string) => void;
}

export class Maintenance {
  private timer: NodeJS.Timeout | null = null;
  private firstTimer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(private readonly options: MaintenanceOptions) {}

  lastRunAt(): number | null {
    const value = getMeta(this.options.db, 'lastMaintenanceAt');
    return value ? Number(value) : null;
  }

  /**
   * Removes what retention allows and tidies the file; returns how many articles went.
   * `asked`: the user pressed "Tidy now" (or ran `syndic maintain`), so a big file is
   * compacted too.
   */
  tidy({ asked = false }: { asked?: boolean } = {}): number {
    const { db, now } = this.options;
    const settings = getSettings(db);
    const removed = applyRetention(db, settings, now());
    optimizeAndCompact(db, { autoVacuumMaxBytes: this.options.autoVacuumMaxBytes ?? AUTO_VACUUM_MAX_BYTES, asked });
    setMeta(db, 'lastMaintenanceAt', String(now()));
    if (removed) this.options.onRemoved?.(removed);
    return removed;
  }

  /** Runs whatever is due: a backup, the daily tidy. */
  runDue(): Promise<void> {
    this.running ??= this.due().finally(() => (this.running = null));
    return this.running;
  }

  private async due(): Promise<void> {
    const { db, dataDir, now } = this.options;
    if (!db.open) return;
    const settings = getSettings(db);
    const latest = listBackups(dataDir)[0]?.createdAt ?? 0;
    if (settings.backupEveryHours > 0 && now() - latest >= settings.backupEveryHours * HOUR) {
      // A damaged database must not push good backups out of the rotation: check first.
      const problem = await checkFileInBackground(db.name);
      if (problem) {
        markDamaged(db.name, problem);
        this.options.onDamaged?.(problem);
        return;
      }
      if (!db.open) return;
      await createBackup(db, dataDir, now(), settings.backupsKept);
    }
    if (db.open && now() - (this.lastRunAt() ?? 0) >= DAY) this.tidy();
  }

  start(everyMs = HOUR): void {
    void this.stop();
    const tick = (): void => void this.runDue().catch((error: unknown) => this.options.onError?.(error));
    // Not at the very first moment: starting the app should show articles first.
    const first = setTimeout(tick, 30_000);
    first.unref?.();
    this.timer = setInterval(tick, everyMs);
    this.timer.unref?.();
    this.firstTimer = first;
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.firstTimer) clearTimeout(this.firstTimer);
    this.timer = this.firstTimer = null;
    await this.running?.catch(() => undefined);
  }
}
