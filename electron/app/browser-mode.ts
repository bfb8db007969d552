/**
 * `syndic serve`: the whole reader in browser mode. Checks and opens the store, starts the poller,
 * serves the renderer, and runs until SIGINT/SIGTERM, then shuts down cleanly (refresh
 * cancelled, connections closed, database checkpointed and closed).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReaderEventName, ReaderEvents } from '../../shared/api.js';
import { startBrowserServer, type BrowserServer } from '../doors/browser-server.js';
import { closeIdleConnections } from '../engine/feeds/fetch.js';
import { databasePath } from '../engine/data-dir.js';
import { ReaderService } from '../engine/reader/reader-service.js';
import { closeDatabase, openDatabase } from '../engine/store/db.js';
import { assertDatabaseWhole } from '../engine/store/recovery.js';

export const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

export interface ServeOptions {
  dataDir: string;
  port: number;
  poll: boolean;
  io: { out: (line: string) => void; err: (line: string) => void };
  /** Resolves to stop the server (tests); otherwise it runs until a signal. */
  until?: Promise<void>;
  onReady?: (server: BrowserServer) => void;
}

export async function serveBrowserMode(options: ServeOptions): Promise<void> {
  if (!existsSync(`${RENDERER_DIR}index.html`)) {
    throw new Error(`The renderer is not built (${RENDERER_DIR}index.html is missing): run "npm run build"`);
  }
  mkdirSync(options.dataDir, { recursive: true });
  // Starting the app checks the database first: a damaged one is reported, never used.
  assertDatabaseWhole(options.dataDir);
  const db = openDatabase(databasePath(options.dataDir));
  let server: BrowserServer | null = null;
  const service = new ReaderService({
    db,
    emit: <E extends ReaderEventName>(event: E, payload: ReaderEvents[E]) => server?.broadcast(event, payload),
  });
  server = await startBrowserServer({
    api: service,
    rendererDir: RENDERER_DIR,
    port: options.port,
    cachedImage: (pathname) => service.cachedImageFile(pathname),
  });
  service.start({ poll: options.poll });
  options.io.out(`Syndic is running at ${server.url}`);
  options.io.err('Open that address in a browser (it carries the access token). Stop with Ctrl+C.');
  options.onReady?.(server);

  await (options.until ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }));
  await service.shutdown();
  await server.close();
  closeDatabase(db);
  closeIdleConnections();
}
