/**
 * The renderer's only door to the main side: a ReaderApi built over whichever transport
 * is present. In Electron the preload exposes `window.syndic`; in browser mode a
 * WebSocket to the server that served this page (its cookie carries the token).
 */
import { READER_METHODS, type ReaderApi, type ReaderEventName, type ReaderEvents } from '../../shared/api.js';
import { ReaderCallError, type EventMessage, type ReplyMessage } from '../../shared/protocol.js';
import { t } from './i18n/translate.js';

/** What the Electron preload exposes (see electron/preload.ts). */
export interface PreloadBridge {
  call(method: string, args: unknown[]): Promise<ReplyMessage>;
  onEvent(listener: (message: EventMessage) => void): () => void;
}

declare global {
  interface Window {
    syndic?: PreloadBridge;
  }
}

type Listener = (message: EventMessage) => void;

interface Transport {
  call(method: string, args: unknown[]): Promise<ReplyMessage>;
  listen(listener: Listener): void;
  /** Connection state for the offline banner: browser mode can lose its server. */
  onStatus(listener: (connected: boolean) => void): void;
}

function preloadTransport(bridge: PreloadBridge): Transport {
  return {
    call: (method, args) => bridge.call(method, args),
    listen: (listener) => void bridge.onEvent(listener),
    onStatus: () => undefined,
  };
}

function socketTransport(): Transport {
  let socket: WebSocket | null = null;
  let nextId = 1;
  const pending = new Map<number, (reply: ReplyMessage) => void>();
  const listeners: Listener[] = [];
  const statusListeners: ((connected: boolean) => void)[] = [];
  let opened: Promise<WebSocket> | null = null;

  const connect = (): Promise<WebSocket> => {
    opened ??= new Promise((resolve, reject) => {
      const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api`);
      ws.onopen = () => {
        socket = ws;
        statusListeners.forEach((l) => l(true));
        resolve(ws);
      };
      ws.onmessage = (event) => {
        const message = JSON.parse(String(event.data)) as ReplyMessage | EventMessage;
        if ('event' in message) {
          listeners.forEach((l) => l(message));
        } else {
          pending.get(message.id)?.(message);
          pending.delete(message.id);
        }
      };
      ws.onclose = () => {
        socket = null;
        opened = null;
        statusListeners.forEach((l) => l(false));
        for (const [id, resolveCall] of pending) {
          resolveCall({
            id,
            ok: false,
            error: { message: t('app.connectionLost'), expected: true },
          });
        }
        pending.clear();
        reject(new Error('connection closed'));
        setTimeout(() => void connect().catch(() => undefined), 2000);
      };
    });
    return opened;
  };
  void connect().catch(() => undefined);

  return {
    async call(method, args) {
      const ws = socket ?? (await connect());
      const id = nextId++;
      return new Promise<ReplyMessage>((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, args }));
      });
    },
    listen: (listener) => void listeners.push(listener),
    onStatus: (listener) => void statusListeners.push(listener),
  };
}

const transport: Transport = window.syndic ? preloadTransport(window.syndic) : socketTransport();

/** The ReaderApi, typed from the contract: every method rejects with a ReaderCallError naming it. */
export const api = Object.fromEntries(
  READER_METHODS.map((method) => [
    method,
    async (...args: unknown[]) => {
      const reply = await transport.call(method, args);
      if (!reply.ok) throw new ReaderCallError(method, reply.error);
      return reply.result;
    },
  ]),
) as unknown as ReaderApi;

export function onReaderEvent<E extends ReaderEventName>(event: E, listener: (payload: ReaderEvents[E]) => void): void {
  transport.listen((message) => {
    if (message.event === event) listener(message.payload as ReaderEvents[E]);
  });
}

export function onConnectionChange(listener: (connected: boolean) => void): void {
  transport.onStatus(listener);
}

export const isElectron = Boolean(window.syndic);
