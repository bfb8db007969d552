/**
 * The composition root: opens a data dir and returns the running app. The desktop app's
 * engine process, browser mode's engine worker and the CLI all start here, so the engine
 * is wired once: the store, the reader service with its poller, offline cache and
 * maintenance, and how they close.
 */
import { mkdirSync } from 'node:fs';
import type { ReaderEventName, ReaderEvents } from '../../shared/api.js';
import type { IsOnline } from '../engine/connectivity.js';
import { databasePath } from '../engine/data-dir.js';
import { closeIdleConnections } from '../engine/feeds/fetch.js';
import { ReaderService, type ServiceOptions } from '../engine/reader/reader-service.js';
import { closeDatabase, openDatabase, type Db } from '../engine/store/db.js';
import { assertDatabaseWhole } from '../engine/store/recovery.js';

/** Where the engine's pushed events go: IPC to windows, a WebSocket, the CLI's progress lines. */
export type EventSink = <E extends ReaderEventName>(event: E, payload: ReaderEvents[E]) => void;

export interface OpenAppOptions extends Omit<ServiceOptions, 'db' | 'emit'> {
  dataDir: string;
  emit?: EventSink;
  /**
   * Refuse a damaged database before opening it (the app and browser mode: a damaged
   * file is reported, never used). The CLI checks in its own way, command by command.
   */
  checkFirst?: boolean;
  /** SQLite's page cache; the CLI's short runs want less than the app. */
  cacheMb?: number;
  /** An older library is about to be upgraded (store/db.ts); by default a line in the log. */
  onUpgrade?: (from: number, to: number) => void;
  isOnline?: IsOnline;
}

export interface RunningApp {
  readonly dataDir: string;
  readonly db: Db;
  readonly service: ReaderService;
  /** Starts the background work of a running app: polling (unless poll is false), caching, care. */
  start(options?: { poll?: boolean }): void;
  /** Stops the background work, then closes the database and idle connections. Safe to call twice. */
  close(): Promise<void>;
}

function logUpgrade(from: number, to: number): void {
  console.info(`Syndic: upgrading the database from schema ${from} to ${to}, once.`);
}

export function openApp(options: OpenAppOptions): RunningApp {
  const { dataDir, checkFirst, cacheMb, emit, onUpgrade = logUpgrade, ...serviceOptions } = options;
  mkdirSync(dataDir, { recursive: true });
  if (checkFirst) assertDatabaseWhole(dataDir);
  const db = openDatabase(databasePath(dataDir), { ...(cacheMb === undefined ? {} : { cacheMb }), onUpgrade });
  let service: ReaderService;
  try {
    service = new ReaderService({ ...serviceOptions, db, emit });
  } catch (error) {
    closeDatabase(db);
    throw error;
  }
  let closing: Promise<void> | null = null;
  return {
    dataDir,
    db,
    service,
    start: (startOptions) => service.start(startOptions),
    close: () =>
      (closing ??= (async () => {
        try {
          await service.shutdown();
        } finally {
          closeDatabase(db);
          closeIdleConnections();
        }
      })()),
  };
}
