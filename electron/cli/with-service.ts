/**
 * How a command reaches the reader: it opens the app on the data dir through the one
 * composition root (open-app.ts), so the CLI calls the same ReaderService use cases the
 * window does, and closes it after, whatever happened.
 */
import type { FeedRefreshResult, OfflineStatus, RefreshProgress } from '../../shared/domain.js';
import type { SyncProgressEvent } from '../../shared/api.js';
import { openApp, type RunningApp } from '../app/open-app.js';
import type { Io } from './io.js';
import { megabytes } from './megabytes.js';

export type Service = RunningApp['service'];

export interface ServiceOptions {
  /** Print refresh and caching progress on stderr (refresh, cache; not `add`'s single fetch). */
  progress?: boolean;
  /** Called once a feed's refresh is committed: `refresh --jsonl` prints from here. */
  onFeedDone?: (result: FeedRefreshResult) => void;
}

/** Runs one command's work against the app opened on the data dir, and closes it after. */
export async function withService<T>(
  dataDir: string,
  io: Io,
  work: (service: Service) => Promise<T>,
  options: ServiceOptions = {},
): Promise<T> {
  let lastShown = 0;
  const app = openApp({
    dataDir,
    // A command's short run wants a smaller page cache than the app's.
    cacheMb: 8,
    // Said before the wait, not after: at a million articles an upgrade takes seconds.
    onUpgrade: (from, to) =>
      io.err(`syndic: upgrading the database from schema ${from} to ${to}, once; a large one takes a while`),
    // A cron job's refresh queues images for offline reading; the app or `syndic cache` fetches them.
    headless: true,
    // Progress lines only: counting unread articles as feeds arrive would be work for nobody.
    countsHeard: false,
    onFeedDone: options.onFeedDone,
    emit: (event, payload) => {
      if (event === 'offline-status' && options.progress) {
        const s = payload as OfflineStatus;
        io.err(`caching: ${s.queued} articles to go, ${s.imageFiles} images (${megabytes(s.imageBytes)})`);
      }
      if (event === 'sync-progress' && options.progress) {
        const p = payload as SyncProgressEvent;
        if (p.phase !== 'done' && (p.phase !== 'articles' || p.done === p.total || p.done % 2000 === 0)) {
          io.err(`syncing account ${p.accountId}: ${p.phase} ${p.done}/${p.total}`);
        }
      }
      if (event !== 'refresh-progress' || !options.progress) return;
      const p = payload as RefreshProgress;
      // A line per finished feed, at most every 250 ms, and always the last one.
      const now = Date.now();
      if (p.last && (now - lastShown > 250 || p.done === p.total)) {
        lastShown = now;
        io.err(`refreshing: ${p.done}/${p.total}`);
      }
    },
  });
  try {
    return await work(app.service);
  } finally {
    await app.close();
  }
}
