/**
 * A real HTTP server on loopback for tests and benchmarks: serves feed bodies with
 * ETag/Last-Modified and 304s, compression, redirects, error codes, slow and endless
 * bodies, and added latency. Several servers on distinct 127.x.y.z addresses stand in for
 * many hosts. Every test that starts one stops it.
 */
import { createHash } from 'node:crypto';
import { EventEmitter, once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';

export interface ServedBody {
  body: string | Buffer;
  contentType?: string;
  /** Extra response headers (Cache-Control, Retry-After...). */
  headers?: Record<string, string>;
  status?: number;
  /** Compress whatever the client accepts (default true). */
  compress?: boolean;
  /** Send ETag and Last-Modified and answer 304 when they match (default true). */
  validators?: boolean;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

export interface RequestLog {
  path: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export interface FeedServer {
  host: string;
  port: number;
  origin: string;
  url(path: string): string;
  /** Serves a fixed body at a path (replacing what was there). */
  serve(path: string, body: ServedBody | string): void;
  /** Full control over one path. */
  handle(path: string, handler: Handler): void;
  redirect(path: string, to: string, status?: number): void;
  requests: RequestLog[];
  /**
   * Resolves once `count` requests for `path` (with its query) have arrived, counting those
   * already logged: a test waits on this, not on time, for a client to have asked.
   */
  requested(path: string, count?: number): Promise<void>;
  /** Most requests in flight at once, over the server's life. */
  maxConcurrent: number;
  close(): Promise<void>;
}

const LAST_MODIFIED = 'Mon, 01 Jan 2024 00:00:00 GMT';

/** Compressed copies of bodies, made once: compressing per request would make the test server the bottleneck. */
const compressed = new WeakMap<Buffer, { br?: Buffer; gzip?: Buffer }>();

function compress(body: Buffer, encoding: 'br' | 'gzip'): Buffer {
  let cache = compressed.get(body);
  if (!cache) compressed.set(body, (cache = {}));
  return (cache[encoding] ??=
    encoding === 'br'
      ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
      : zlib.gzipSync(body));
}

function sendBody(req: http.IncomingMessage, res: http.ServerResponse, served: ServedBody, body: Buffer): void {
  const headers: Record<string, string> = {
    'content-type': served.contentType ?? 'application/xml; charset=utf-8',
    ...served.headers,
  };
  const status = served.status ?? 200;
  if (served.validators !== false && status === 200) {
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
    headers.etag = etag;
    headers['last-modified'] = LAST_MODIFIED;
    if (
      req.headers['if-none-match'] === etag ||
      (!req.headers['if-none-match'] && req.headers['if-modified-since'] === LAST_MODIFIED)
    ) {
      res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED, ...served.headers });
      res.end();
      return;
    }
  }
  const accept = String(req.headers['accept-encoding'] ?? '');
  let out = body;
  if (served.compress !== false && body.length > 256) {
    if (/\bbr\b/.test(accept)) {
      out = compress(body, 'br');
      headers['content-encoding'] = 'br';
    } else if (/\bgzip\b/.test(accept)) {
      out = compress(body, 'gzip');
      headers['content-encoding'] = 'gzip';
    }
  }
  headers['content-length'] = String(out.length);
  res.writeHead(status, headers);
  res.end(out);
}

export interface ServerOptions {
  host?: string;
  /** Added before every response, as a far server would. */
  latencyMs?: number;
}

export async function startFeedServer(options: ServerOptions = {}): Promise<FeedServer> {
  const host = options.host ?? '127.0.0.1';
  const routes = new Map<string, Handler>();
  const requests: RequestLog[] = [];
  let inFlight = 0;
  const sockets = new Set<import('node:net').Socket>();

  const state = { maxConcurrent: 0 };
  const arrivals = new EventEmitter().setMaxListeners(0);
  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    requests.push({ path: req.url ?? '/', headers: req.headers, at: Date.now() });
    arrivals.emit('request');
    inFlight++;
    state.maxConcurrent = Math.max(state.maxConcurrent, inFlight);
    res.on('close', () => inFlight--);
    const run = (): void => {
      const handler = routes.get(path) ?? routes.get(req.url ?? '/');
      if (!handler) {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
        return;
      }
      handler(req, res);
    };
    if (options.latencyMs) setTimeout(run, options.latencyMs);
    else run();
  });
  server.keepAliveTimeout = 5_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${port}`;

  return {
    host,
    port,
    origin,
    url: (path) => origin + path,
    serve(path, body) {
      const served = typeof body === 'string' ? { body } : body;
      const bytes = typeof served.body === 'string' ? Buffer.from(served.body) : served.body;
      // Compress now, not on the first request, so a timed run measures the client alone.
      if (served.compress !== false && bytes.length > 256) {
        compress(bytes, 'br');
        compress(bytes, 'gzip');
      }
      routes.set(path, (req, res) => sendBody(req, res, served, bytes));
    },
    handle(path, handler) {
      routes.set(path, handler);
    },
    redirect(path, to, status = 301) {
      routes.set(path, (_req, res) => {
        res.writeHead(status, { location: to });
        res.end();
      });
    },
    requests,
    async requested(path, count = 1) {
      while (requests.filter((r) => r.path === path).length < count) await once(arrivals, 'request');
    },
    get maxConcurrent() {
      return state.maxConcurrent;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * Loopback addresses for `count` simulated hosts: distinct 127.0.x.y addresses on Linux
 * (the whole 127/8 is local there); elsewhere 127.0.0.1, told apart by port.
 */
export function loopbackHosts(count: number): string[] {
  if (process.platform !== 'linux') return Array.from({ length: count }, () => '127.0.0.1');
  return Array.from({ length: count }, (_, i) => `127.0.${Math.floor(i / 250) + 1}.${(i % 250) + 1}`);
}
