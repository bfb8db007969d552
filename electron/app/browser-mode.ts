/**
 * `syndic serve` and `npm start` without Electron: the whole reader in browser mode. The
 * engine runs on a worker thread (engine-worker.ts) and this thread only serves HTTP and
 * the WebSocket, so the window's calls are answered during a refresh as promptly as when
 * idle. Runs until SIGINT/SIGTERM (or `until`), then shuts down cleanly: refresh
 * cancelled, connections closed, database checkpointed and closed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { startBrowserServer, type BrowserServer } from '../doors/browser-server.js';
import { connectEngine, type EngineClient, type EventListener } from './engine-client.js';
import type { EnginePort } from './engine-protocol.js';
import { serveEngine } from './engine-host.js';
import type { EngineWorkerData } from './engine-worker.js';
import { openApp } from './open-app.js';

export const RENDERER_DIR = fileURLToPath(new URL('../renderer/', import.meta.url));

/** The bundled engine worker beside this bundle; absent when run from sources (tests under tsx). */
const ENGINE_WORKER = new URL('./engine-worker.js', import.meta.url);

export interface ServeOptions {
  dataDir: string;
  port: number;
  poll: boolean;
  io: { out: (line: string) => void; err: (line: string) => void };
  /** Resolves to stop the server (tests); otherwise it runs until a signal. */
  until?: Promise<void>;
  onReady?: (server: BrowserServer) => void;
  /** Where the engine runs: its own thread (the default when built), or this one. */
  engine?: 'worker' | 'in-process';
  /** The built renderer and engine worker, for callers running from sources (the bench). */
  rendererDir?: string;
  engineWorker?: URL;
}

/** The engine on a worker thread, reached through its port. */
function engineOnWorker(
  script: URL,
  data: EngineWorkerData,
  onEvent: EventListener,
): { client: EngineClient; stop: () => Promise<void> } {
  const worker = new Worker(script, { workerData: data });
  const port: EnginePort = {
    post: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
  };
  const client = connectEngine(port, onEvent);
  // A worker that dies before it is ready (a crash in loading) must not leave start-up waiting.
  worker.once('error', (error) => console.error('Syndic: the engine thread failed:', error));
  return {
    client,
    stop: async () => {
      // An engine that failed to open has already ended its thread: nothing answers 'close'.
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      await Promise.race([client.close(), exited]);
      await worker.terminate();
    },
  };
}

/** The engine on this thread, behind the same client (sources, where no bundle exists). */
function engineInProcess(
  data: EngineWorkerData,
  onEvent: EventListener,
): { client: EngineClient; stop: () => Promise<void> } {
  const app = openApp({ dataDir: data.dataDir, checkFirst: true, emit: (event, payload) => onEvent(event, payload) });
  const listeners: { engine?: (m: unknown) => void; client?: (m: unknown) => void } = {};
  // Two ends of an in-memory channel; messages are handed over on the next tick, as a port would.
  const engineEnd: EnginePort = {
    post: (message) => queueMicrotask(() => listeners.client?.(message)),
    onMessage: (listener) => (listeners.engine = listener),
  };
  const clientEnd: EnginePort = {
    post: (message) => queueMicrotask(() => listeners.engine?.(message)),
    onMessage: (listener) => (listeners.client = listener),
  };
  serveEngine(engineEnd, app);
  const client = connectEngine(clientEnd, onEvent);
  app.start({ poll: data.poll });
  engineEnd.post({ type: 'ready' });
  return { client, stop: () => client.close() };
}

export async function serveBrowserMode(options: ServeOptions): Promise<void> {
  const rendererDir = options.rendererDir ?? RENDERER_DIR;
  const workerScript = options.engineWorker ?? ENGINE_WORKER;
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${join(rendererDir, 'index.html')} is missing): run "npm run build"`);
  }
  let server: BrowserServer | null = null;
  const onEvent: EventListener = (event, payload) => server?.broadcast(event, payload);
  const data: EngineWorkerData = { dataDir: options.dataDir, poll: options.poll };
  const where = options.engine ?? (existsSync(workerScript) ? 'worker' : 'in-process');
  const engine = where === 'worker' ? engineOnWorker(workerScript, data, onEvent) : engineInProcess(data, onEvent);
  // Starting the app checks the database first: a damaged one is reported, never used.
  try {
    await engine.client.ready;
  } catch (error) {
    await engine.stop().catch(() => undefined);
    throw error;
  }
  server = await startBrowserServer({
    api: engine.client.api,
    rendererDir,
    port: options.port,
    cachedImage: (pathname) => engine.client.cachedImageFile(pathname),
  });
  options.io.out(`Syndic is running at ${server.url}`);
  options.io.err('Open that address in a browser (it carries the access token). Stop with Ctrl+C.');
  options.onReady?.(server);

  await (options.until ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }));
  await engine.stop();
  await server.close();
}
