/**
 * The engine's handle on the indexer (schema 11): the full-text index is written behind
 * the writes, by a thread of its own (search-index-worker.ts) on the other core, so a
 * refresh never waits for tokenising. Writers wake it through the backlog
 * (search-backlog.ts); a search asks it to catch up first and waits a moment
 * (`caughtUp`), then says how much is still to come rather than wait longer.
 *
 * A wake is passed on only once the writer's transaction has ended: the indexer's own
 * connection cannot see what is not committed, and would go back to sleep. Where there is
 * no bundled worker (tests run from source) or no file (an in-memory database), the same
 * batches run on this thread, between other work.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { currentNativeBinding, type Db } from './db.js';
import { indexLag, pruneIndexedBacklog, setBackgroundIndexer } from './search-backlog.js';
import { searchIndexPath } from './search-file.js';
import { indexBacklogBatch } from './search-indexing.js';
import { mergeNewSegmentsStep } from './search-index.js';

export type IndexerRequest = 'wake' | 'stop';
export type IndexerReport =
  { type: 'progress'; indexed: number } | { type: 'idle' } | { type: 'failed'; message: string };

/**
 * How long a search waits for the index to take in the newest articles, then says what is
 * left: enough for a usual refresh's few (the indexer takes 500 in about 40 ms), short of
 * the 100 ms a UI call may take during a big refresh, when the index runs behind.
 */
export const SEARCH_WAIT_MS = 50;

/** How often a wake looks again while the writer's transaction is still open. */
const COMMIT_POLL_MS = 25;

function bundledWorkerScript(): URL | null {
  const url = new URL('./search-index-worker.js', import.meta.url);
  return existsSync(fileURLToPath(url)) ? url : null;
}

export interface SearchIndexerOptions {
  /** The indexer thread's script: the bundled one by default; null runs it on this thread. */
  script?: URL | null;
  /** Told when the index could not be updated (the log by default). */
  onError?: (message: string) => void;
  /** Told when the indexer went idle having taken in articles: what searches count changed. */
  onIndexed?: () => void;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class SearchIndexer {
  private worker: Worker | null = null;
  private exited: Promise<void> = Promise.resolve();
  private wakeTimer: NodeJS.Timeout | null = null;
  /** The indexer is working on a wake (or one is on its way to it). */
  private busy = false;
  /** Called when the indexer next goes idle. */
  private idleWaiters: (() => void)[] = [];
  private inlineRun: Promise<void> | null = null;
  private inlineAgain = false;
  private closed = false;

  private readonly onError: (message: string) => void;
  private readonly onIndexed: () => void;
  /** Articles were indexed since the indexer last went idle. */
  private indexedSinceIdle = false;

  constructor(
    private readonly db: Db,
    options: SearchIndexerOptions = {},
  ) {
    const script = options.script === undefined ? bundledWorkerScript() : options.script;
    this.onError =
      options.onError ?? ((message) => console.error(`Syndic: the search index could not be updated: ${message}`));
    this.onIndexed = options.onIndexed ?? (() => undefined);
    if (script && searchIndexPath(db.name)) {
      const worker = new Worker(script, {
        workerData: { path: db.name, nativeBinding: currentNativeBinding() },
        // It holds a batch of text at a time: a small young generation keeps the refresh's
        // peak memory down, as the parse workers' does.
        resourceLimits: { maxYoungGenerationSizeMb: 4 },
      });
      worker.unref();
      worker.on('message', (report: IndexerReport) => this.received(report));
      // A worker that cannot start or dies leaves the work to this thread.
      worker.on('error', (error) => this.workerLost(error.message));
      this.exited = new Promise((resolve) => worker.once('exit', () => resolve()));
      this.worker = worker;
    }
    setBackgroundIndexer(db, () => this.wake());
    // What an earlier run left queued (a crash, a quit mid-way, a rebuilt file).
    this.wake();
  }

  /** Asks the indexer to take in what has been queued, once the writer has committed it. */
  wake(): void {
    if (this.closed || this.wakeTimer) return;
    const pass = (): void => {
      this.wakeTimer = null;
      if (this.closed || !this.db.open) return;
      if (this.db.inTransaction) {
        this.wakeTimer = setTimeout(pass, COMMIT_POLL_MS);
        return;
      }
      this.busy = true;
      if (this.worker) this.worker.postMessage('wake' satisfies IndexerRequest);
      else this.runInline();
    };
    this.wakeTimer = setTimeout(pass, 0);
  }

  /** How many queued changes the index has not taken in yet. */
  lag(): number {
    return this.db.open ? indexLag(this.db) : 0;
  }

  /**
   * Waits until the index has taken in everything committed so far, or `timeoutMs` has
   * passed; returns how many changes it is still behind (0: caught up).
   */
  async caughtUp(timeoutMs: number): Promise<number> {
    if (this.lag() === 0) return 0;
    this.wake();
    // Someone waits: the thread keeps the process alive until it answers.
    this.worker?.ref();
    await new Promise<void>((resolve) => {
      const timer = Number.isFinite(timeoutMs) ? setTimeout(resolve, timeoutMs) : null;
      this.idleWaiters.push(() => {
        if (timer) clearTimeout(timer);
        resolve();
      });
    });
    const left = this.lag();
    // Committed after the indexer looked (a refresh still writing): go round again.
    return left > 0 && !Number.isFinite(timeoutMs) && !this.closed ? this.caughtUp(timeoutMs) : left;
  }

  /** Stops the indexer at once: what is left is indexed at the next start, or by a search. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    setBackgroundIndexer(this.db, null);
    if (this.worker) {
      this.worker.ref();
      this.worker.postMessage('stop' satisfies IndexerRequest);
      await this.exited;
      this.worker = null;
    }
    await this.inlineRun;
    this.settle();
  }

  private received(report: IndexerReport): void {
    if (report.type === 'failed') this.onError(report.message);
    if (report.type === 'progress') this.indexedSinceIdle = true;
    else this.settle();
  }

  private workerLost(message: string): void {
    this.onError(message);
    this.worker = null;
    if (this.busy) this.runInline();
  }

  /** The indexer went idle: drop what it took in from the backlog, tell those waiting. */
  private settle(): void {
    this.busy = false;
    if (this.db.open && !this.db.inTransaction) {
      try {
        pruneIndexedBacklog(this.db);
      } catch {
        // Busy: the next idle prunes.
      }
    }
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    if (this.indexedSinceIdle && !this.closed && this.db.open) {
      this.indexedSinceIdle = false;
      this.onIndexed();
    }
    // Not while closing: an idle answering an earlier wake must not let the process end
    // before the thread has stopped (the command line then ended without its output).
    if (!this.closed) this.worker?.unref();
    for (const waiter of waiters) waiter();
  }

  /** The same work on this thread, a batch per turn of the event loop. */
  private runInline(): void {
    if (this.inlineRun) {
      this.inlineAgain = true;
      return;
    }
    this.inlineRun = (async () => {
      // First a turn of the event loop: a run with nothing to do would otherwise end (and
      // clear inlineRun) before the assignment, which would then mark it running for good.
      await nextTurn();
      try {
        do {
          this.inlineAgain = false;
          while (!this.closed && this.db.open && !this.db.inTransaction && indexBacklogBatch(this.db) > 0) {
            this.indexedSinceIdle = true;
            await nextTurn();
          }
          while (!this.closed && this.db.open && !this.db.inTransaction && mergeNewSegmentsStep(this.db))
            await nextTurn();
        } while (this.inlineAgain && !this.closed);
      } catch (error) {
        this.onError(error instanceof Error ? error.message : String(error));
      } finally {
        this.inlineRun = null;
        this.settle();
      }
    })();
  }
}
