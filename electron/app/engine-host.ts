/**
 * The engine's side of the channel: answers calls with the running app's ReaderService,
 * forwards its events, and closes it when asked. Runs where the engine runs (Electron's
 * utility process, browser mode's worker thread), so the process that serves the windows
 * never waits on SQLite, parsing or the poller.
 */
import { READER_METHODS, type ReaderApi } from '../../shared/api.js';
import { observesFailures } from '../engine/reader/failure-observer.js';
import { UserError } from '../engine/reader/user-error.js';
import { failureOf, type EnginePort, type ToEngine } from './engine-protocol.js';
import { openApp, type OpenAppOptions, type RunningApp } from './open-app.js';

const METHODS = new Set<string>(READER_METHODS);

/** Calls and 'close'; secret replies go to the PortSecretStore listening on the same port. */
function isCallOrClose(message: unknown): message is Extract<ToEngine, { type: 'call' | 'close' }> {
  const type = (message as { type?: unknown } | null)?.type;
  return type === 'call' || type === 'close';
}

/**
 * Opens the app and serves it on the port until asked to close. A data dir that cannot be
 * opened (damaged, written by a newer Syndic) is answered with 'failed' and its reason.
 */
export function hostEngine(port: EnginePort, options: Omit<OpenAppOptions, 'emit'>, start: { poll?: boolean }): void {
  let app: RunningApp;
  try {
    app = openApp({ ...options, emit: (event, payload) => port.post({ type: 'event', event, payload }) });
  } catch (error) {
    port.post({ type: 'failed', error: failureOf(error) });
    return;
  }
  serveEngine(port, app);
  app.start(start);
  port.post({ type: 'ready' });
}

/** Answers the port's calls with the app until a 'close' message, then closes the app. */
export function serveEngine(port: EnginePort, app: RunningApp): void {
  const service = app.service;
  port.onMessage((message) => {
    if (!isCallOrClose(message)) return;
    if (message.type === 'close') {
      void app.close().finally(() => port.post({ type: 'closed' }));
      return;
    }
    const { id, method, args } = message;
    void (async () => {
      if (method === 'cachedImageFile') return service.cachedImageFile(String(args[0]));
      if (method === 'resumed') return service.resumed();
      if (!METHODS.has(method)) throw new Error(`Unknown method ${String(method)}`);
      const fn = service[method as keyof ReaderApi] as (...a: unknown[]) => Promise<unknown>;
      return fn.apply(service, args);
    })().then(
      (result) => port.post({ type: 'reply', id, ok: true, result: result ?? null }),
      (error: unknown) => {
        // The engine sees its own unexpected failures (a damaged page found mid-run).
        if (!(error instanceof UserError) && observesFailures(service)) service.noticeFailure(error);
        port.post({ type: 'reply', id, ok: false, error: failureOf(error) });
      },
    );
  });
}
