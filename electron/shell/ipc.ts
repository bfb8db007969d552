/**
 * The Electron door: one IPC channel for calls, one for events. Every call's sender is
 * checked (one of our windows, its main frame, our own origin: trusted-sender.ts) before
 * callReader validates the method and its arguments.
 */
import { ipcMain, webContents } from 'electron';
import type { ReaderApi, ReaderEventName, ReaderEvents } from '../../shared/api.js';
import type { EventMessage, ReplyMessage } from '../../shared/protocol.js';
import { callReader } from '../doors/reader-door.js';
import { CALL_CHANNEL, EVENT_CHANNEL } from './ipc-channels.js';
import { trustedSender } from './trusted-sender.js';
import { APP_ORIGIN } from './window-options.js';

export function registerIpc(api: ReaderApi, windows: () => Set<number>): () => void {
  ipcMain.handle(CALL_CHANNEL, async (event, message: unknown): Promise<ReplyMessage> => {
    const call = (message ?? {}) as { id?: unknown; method?: unknown; args?: unknown };
    const id = typeof call.id === 'number' ? call.id : -1;
    if (!trustedSender(event, windows(), APP_ORIGIN)) {
      return {
        id,
        ok: false,
        error: { message: 'Refused: the call did not come from a Syndic window', expected: false },
      };
    }
    return callReader(api, id, call.method, call.args);
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

export function sendEvent<E extends ReaderEventName>(
  windowIds: Iterable<number>,
  event: E,
  payload: ReaderEvents[E],
): void {
  const message: EventMessage<E> = { event, payload };
  for (const id of windowIds) {
    const contents = webContents.fromId(id);
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, message);
  }
}
