/**
 * The messages between the engine (in its own process or thread) and the process that
 * serves the windows: calls of the ReaderApi and their answers, pushed events, and the
 * engine's life (ready, failed to open, closed). Plain objects, so they cross Electron's
 * utilityProcess port and a worker thread's port alike (structured clone).
 */
import type { ReaderEventName, ReaderEvents, ReaderMethod } from '../../shared/api.js';

/**
 * Calls the engine answers besides the ReaderApi: what the serving side needs of the data
 * dir, and the machine waking up (sync accounts then sync soon).
 */
export type EngineInternalMethod = 'cachedImageFile' | 'resumed';

export type SecretOperation = 'get' | 'set' | 'delete';

export type ToEngine =
  | { type: 'call'; id: number; method: ReaderMethod | EngineInternalMethod; args: unknown[] }
  | { type: 'close' }
  /** The answer to the engine's 'secret' request. */
  | { type: 'secret-reply'; id: number; ok: true; value: string | null }
  | { type: 'secret-reply'; id: number; ok: false; error: string };

export interface EngineFailure {
  /** The error's class name (DamagedDatabaseError, DatabaseTooNewError, UserError…). */
  name: string;
  message: string;
}

export type FromEngine =
  | { type: 'ready' }
  | { type: 'failed'; error: EngineFailure }
  | { type: 'reply'; id: number; ok: true; result: unknown }
  | { type: 'reply'; id: number; ok: false; error: EngineFailure }
  | { type: 'event'; event: ReaderEventName; payload: ReaderEvents[ReaderEventName] }
  /**
   * The engine asks the serving side for a sync password: in Electron only the main
   * process can use safeStorage, so passwords are decrypted there and travel on this port.
   */
  | { type: 'secret'; id: number; op: SecretOperation; accountId: number; value?: string }
  | { type: 'closed' };

/** One end of the channel: a worker's port, or Electron's utility process port. */
export interface EnginePort {
  post(message: ToEngine | FromEngine): void;
  onMessage(listener: (message: unknown) => void): void;
}

export function failureOf(error: unknown): EngineFailure {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}
