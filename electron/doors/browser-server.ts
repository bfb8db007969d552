/**
 * Browser mode: the built renderer served on 127.0.0.1, with the ReaderApi carried over a
 * WebSocket. Guarded like a local service must be against the web pages a user visits:
 * bound to loopback, a random token required on every HTTP and WebSocket request, and on
 * every one of them the Host (DNS rebinding), Origin and Sec-Fetch-Site (a request another
 * site's page makes, which the browser sends with the user's cookie) checked
 * (request-site.ts).
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ReaderApi, ReaderEventName, ReaderEvents } from '../../shared/api.js';
import type { EventMessage } from '../../shared/protocol.js';
import { callReader } from './reader-door.js';
import { appContentSecurityPolicy } from './csp.js';
import { crossSiteReason } from './request-site.js';
import { staticFiles, type CachedImageLookup } from './static-files.js';

export const TOKEN_COOKIE = 'syndic-token';

/** The app's Content-Security-Policy in browser mode: the API over our own WebSocket. */
export function contentSecurityPolicy(origin: string): string {
  return appContentSecurityPolicy(origin.replace(/^http/, 'ws'));
}

export interface BrowserServerOptions {
  api: ReaderApi;
  /** Folder of the built renderer (index.html and its assets). */
  rendererDir: string;
  port?: number;
  host?: string;
  /** Fixed token for tests; random otherwise. */
  token?: string;
  /** The file of a cached image served at this path (the offline image cache), if any. */
  cachedImage?: CachedImageLookup;
}

export interface BrowserServer {
  url: string;
  origin: string;
  token: string;
  /** Sends an event to every connected window. */
  broadcast<E extends ReaderEventName>(event: E, payload: ReaderEvents[E]): void;
  close(): Promise<void>;
}

function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return decodeURIComponent(value.join('='));
  }
  return null;
}

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const host = options.host ?? '127.0.0.1';
  const files = staticFiles({
    rendererDir: options.rendererDir,
    appCsp: () => contentSecurityPolicy(origin),
    cachedImage: options.cachedImage,
  });
  const token = options.token ?? randomBytes(24).toString('base64url');
  let origin = '';
  let allowedHosts = new Set<string>();
  let allowedOrigins = new Set<string>();

  const requestToken = (req: http.IncomingMessage, url: URL): string | null =>
    url.searchParams.get('token') ?? cookieToken(req.headers.cookie);

  const refuse = (res: http.ServerResponse, status: number, message: string): void => {
    res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
    res.end(message + '\n');
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      if (!allowedHosts.has(req.headers.host ?? '')) return refuse(res, 403, 'Wrong Host header');
      const crossSite = crossSiteReason(req.headers, allowedOrigins);
      if (crossSite) return refuse(res, 403, crossSite);
      const url = new URL(req.url ?? '/', origin);
      if (!sameToken(requestToken(req, url), token)) {
        return refuse(res, 401, 'Syndic needs its access token: open the address that `syndic serve` printed.');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
      if (url.searchParams.has('token')) {
        // Trade the token in the address for a cookie, and drop it from the address bar.
        res.writeHead(303, {
          location: url.pathname,
          'set-cookie': `${TOKEN_COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
          'cache-control': 'no-store',
        });
        res.end();
        return;
      }
      const file = await files.resolve(url.pathname);
      if (!file) return refuse(res, 404, 'Not found');
      res.writeHead(200, file.headers);
      res.end(req.method === 'HEAD' ? undefined : file.body);
    })().catch(() => refuse(res, 500, 'Internal error'));
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  const clients = new Set<WebSocket>();

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const hostOk = allowedHosts.has(req.headers.host ?? '');
    // A browser always sends Origin on a WebSocket: one without it is not our page.
    const originOk = req.headers.origin !== undefined && crossSiteReason(req.headers, allowedOrigins) === null;
    if (url.pathname !== '/api' || !hostOk || !originOk || !sameToken(requestToken(req, url), token)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => {
      clients.add(ws);
      ws.on('close', () => clients.delete(ws));
      ws.on('message', (data) => {
        let message: { id?: unknown; method?: unknown; args?: unknown };
        try {
          message = JSON.parse(String(data)) as typeof message;
        } catch {
          ws.close(1003, 'Messages must be JSON');
          return;
        }
        const id = typeof message.id === 'number' ? message.id : -1;
        void callReader(options.api, id, message.method, message.args).then((reply) => {
          if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(reply));
        });
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://${host}:${port}`;
  allowedHosts = new Set([`${host}:${port}`, `localhost:${port}`]);
  allowedOrigins = new Set([...allowedHosts].map((h) => `http://${h}`));

  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    token,
    broadcast(event, payload) {
      const text = JSON.stringify({ event, payload } satisfies EventMessage);
      for (const ws of clients) if (ws.readyState === ws.OPEN) ws.send(text);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of clients) ws.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
