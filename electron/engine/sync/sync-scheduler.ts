/**
 * When accounts sync: at start, every `syncMinutes` per account, shortly after local
 * changes (debounced, only accounts with pending changes), when the machine comes back
 * online or wakes, and on "Sync now". One sync per account at a time: a request while one
 * runs joins it. A failing account records its error and waits for its next turn (or the
 * server's Retry-After); it never blocks the others or the rest of the app.
 */
import { REAL_TIMERS, type Timers } from '../timers.js';
import type { AccountId } from '../../../shared/domain.js';
import { LOCAL_ACCOUNT_ID } from '../../../shared/domain.js';
import { listAccounts } from '../store/accounts.js';
import type { Db } from '../store/db.js';
import { pendingCount } from '../store/outbox.js';

const MINUTE = 60_000;
/** How long after a local change the push waits for more (a burst of j/k reading). */
export const LOCAL_CHANGE_DEBOUNCE_MS = 10_000;
/** How long after start the first sync waits (the window paints first). */
export const START_DELAY_MS = 3_000;

export type { Timers } from '../timers.js';

export interface SchedulerOptions {
  db: Db;
  /** Runs one sync of the account; never throws (failures are recorded by the runner). */
  run: (accountId: AccountId) => Promise<{ retryAfterMs: number | null }>;
  timers?: Timers;
}

export class SyncScheduler {
  private readonly timers: Timers;
  private readonly due = new Map<AccountId, unknown>();
  private readonly running = new Map<AccountId, Promise<void>>();
  private debounce: unknown = null;
  private started = false;

  constructor(private readonly options: SchedulerOptions) {
    this.timers = options.timers ?? REAL_TIMERS;
  }

  private syncAccounts(): { id: AccountId; syncMinutes: number }[] {
    return listAccounts(this.options.db).filter((a) => a.id !== LOCAL_ACCOUNT_ID);
  }

  start(): void {
    this.started = true;
    for (const account of this.syncAccounts()) this.schedule(account.id, START_DELAY_MS);
  }

  stop(): void {
    this.started = false;
    for (const handle of this.due.values()) this.timers.clearTimeout(handle);
    this.due.clear();
    if (this.debounce) this.timers.clearTimeout(this.debounce);
    this.debounce = null;
  }

  /** Waits for syncs in flight (before the database closes). */
  async idle(): Promise<void> {
    await Promise.all(this.running.values());
  }

  private schedule(accountId: AccountId, ms: number): void {
    if (!this.started) return;
    const previous = this.due.get(accountId);
    if (previous) this.timers.clearTimeout(previous);
    this.due.set(
      accountId,
      this.timers.setTimeout(() => void this.syncNow(accountId), ms),
    );
  }

  /** Syncs now (joining a sync already running for the account), then schedules the next. */
  syncNow(accountId: AccountId): Promise<void> {
    const inFlight = this.running.get(accountId);
    if (inFlight) return inFlight;
    const run = (async () => {
      let next: number | null = null;
      try {
        const { retryAfterMs } = await this.options.run(accountId);
        next = retryAfterMs;
      } finally {
        this.running.delete(accountId);
        const account = this.syncAccounts().find((a) => a.id === accountId);
        if (account) this.schedule(accountId, Math.max(next ?? 0, account.syncMinutes * MINUTE));
      }
    })();
    this.running.set(accountId, run);
    return run;
  }

  /** A local change was made: push it soon, with whatever else follows within the debounce. */
  localChange(): void {
    if (!this.started) return;
    if (this.debounce) this.timers.clearTimeout(this.debounce);
    this.debounce = this.timers.setTimeout(() => {
      this.debounce = null;
      for (const account of this.syncAccounts()) {
        if (pendingCount(this.options.db, account.id) > 0) void this.syncNow(account.id);
      }
    }, LOCAL_CHANGE_DEBOUNCE_MS);
  }

  /** Back online, or awake after sleep: every account soon. */
  resumed(): void {
    for (const account of this.syncAccounts()) this.schedule(account.id, START_DELAY_MS);
  }

  /** A new account: its first sync now-ish. */
  added(accountId: AccountId): void {
    this.schedule(accountId, 0);
  }

  removed(accountId: AccountId): void {
    const handle = this.due.get(accountId);
    if (handle) this.timers.clearTimeout(handle);
    this.due.delete(accountId);
  }
}
