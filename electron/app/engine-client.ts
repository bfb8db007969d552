/**
 * The serving side of the channel: a ReaderApi whose every method is a message to the
 * engine, so the doors (IPC, the WebSocket) carry calls exactly as they would to an
 * in-process ReaderService. A UserError comes back as a UserError; anything else as an
 * Error with the engine's message (the engine has logged and observed it already).
 */
import { READER_METHODS, type ReaderApi, type ReaderEventName, type ReaderEvents } from '../../shared/api.js';
import { UserError } from '../engine/reader/user-error.js';
import type { SecretStore } from '../engine/sync/secret-store.js';
import type { EngineFailure, EngineInternalMethod, EnginePort, FromEngine } from './engine-protocol.js';
import { answerSecret } from './port-secret-store.js';

export interface EngineClient {
  /** The ReaderApi, served by the engine. */
  readonly api: ReaderApi;
  /** Resolves once the engine has opened the data dir; rejects with the reason it could not. */
  readonly ready: Promise<void>;
  /** The file behind a cached image's local address, for the static file server. */
  cachedImageFile(pathname: string): Promise<{ path: string; type: string } | null>;
  /** The machine woke up or came back online: sync accounts soon. */
  resumed(): Promise<void>;
  /** Asks the engine to stop its work and close the database; resolves when it has. */
  close(): Promise<void>;
}

export type EventListener = <E extends ReaderEventName>(event: E, payload: ReaderEvents[E]) => void;

/** An engine failure as an error of the same name, so callers can tell the kinds apart. */
export function errorFrom(failure: EngineFailure): Error {
  const error = failure.name === 'UserError' ? new UserError(failure.message) : new Error(failure.message);
  error.name = failure.name;
  return error;
}

/**
 * Connects to the engine on `port`. `secrets`: where the engine's password requests are
 * answered (Electron's safeStorage in the main process); without it the engine keeps its
 * own (the credentials file).
 */
export function connectEngine(port: EnginePort, onEvent: EventListener, secrets?: SecretStore): EngineClient {
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  let settleReady!: { resolve: () => void; reject: (error: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (settleReady = { resolve, reject }));
  let closed: (() => void) | null = null;

  port.onMessage((raw) => {
    const message = raw as FromEngine;
    switch (message.type) {
      case 'ready':
        settleReady.resolve();
        return;
      case 'failed':
        settleReady.reject(errorFrom(message.error));
        return;
      case 'event':
        onEvent(message.event, message.payload);
        return;
      case 'reply': {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (!call) return;
        if (message.ok) call.resolve(message.result);
        else call.reject(errorFrom(message.error));
        return;
      }
      case 'closed':
        closed?.();
        return;
      case 'secret':
        if (secrets) answerSecret(port, secrets, message);
        else port.post({ type: 'secret-reply', id: message.id, ok: false, error: 'no secret store on this side' });
        return;
    }
  });

  function call(method: (typeof READER_METHODS)[number] | EngineInternalMethod, args: unknown[]): Promise<unknown> {
    return new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      port.post({ type: 'call', id, method, args });
    });
  }

  const api = Object.fromEntries(
    READER_METHODS.map((method) => [method, (...args: unknown[]) => call(method, args)]),
  ) as unknown as ReaderApi;

  return {
    api,
    ready,
    resumed: async () => void (await call('resumed', [])),
    cachedImageFile: (pathname) => call('cachedImageFile', [pathname]) as ReturnType<EngineClient['cachedImageFile']>,
    close: () =>
      new Promise<void>((resolve) => {
        closed = resolve;
        port.post({ type: 'close' });
      }),
  };
}
