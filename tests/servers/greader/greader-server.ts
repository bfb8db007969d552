/**
 * A Google Reader API server for the test suite, faithful to FreshRSS or to Miniflux (neither
 * can be installed here). It listens on 127.0.0.1 on a free port, holds its data in memory
 * (`state`, which tests seed and inspect directly), logs every request (`requests`), and fails
 * on demand (`faults`). The flavours' routes live in freshrss.ts and miniflux.ts; this module
 * is the HTTP plumbing: where the API sits, bodies, the log, and faults around the routes.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Faults } from './faults.js';
import { routeFreshRss, freshRssUnauthorized } from './freshrss.js';
import type { Flavour } from './ids.js';
import { RequestLog, endpointOf } from './log.js';
import { routeMiniflux, minifluxUnauthorized } from './miniflux.js';
import { GReaderState } from './state.js';
import { type ApiRequest, type Reply, type RouteContext, reply } from './wire.js';

export type { Flavour } from './ids.js';
export { LONG_ID_PREFIX, normaliseItemId, parseItemId, toDecimalId, toLongId } from './ids.js';
export type { Feed, FeedInit, FeedSource, Item, ItemInit, ItemView } from './state.js';
export { GReaderState, UserData } from './state.js';
export type { LoggedRequest } from './log.js';
export { RequestLog } from './log.js';
export type { EndpointMatch } from './faults.js';
export { Faults } from './faults.js';

export interface GReaderServerOptions {
  /** Whose API to be (default 'freshrss'). */
  flavour?: Flavour;
  /** Users and their API passwords (default one user, alice / secret). */
  users?: { name: string; password: string }[];
  /** A path the install sits under, e.g. '/freshrss' (default none). */
  basePath?: string;
  /** The most ids or items one page holds, whatever `n` asks (default 1000). */
  maxPageSize?: number;
  /** How long a FreshRSS T token stays good (default 30 minutes; real FreshRSS: forever). */
  tokenLifetimeMs?: number;
  /** Take an empty T or 'x' on edits, as real FreshRSS does (default false: 401). */
  acceptEmptyEditToken?: boolean;
  /** Name feeds `feed/<url>` (as Inoreader or The Old Reader) instead of `feed/<number>`. */
  feedIdsByUrl?: boolean;
  /** FreshRSS's admin switch: when false every call answers 503 (default true). */
  apiEnabled?: boolean;
  /** The server's clock in milliseconds (default Date.now), so tests can move time. */
  now?: () => number;
}

export interface GReaderServer {
  flavour: Flavour;
  /** The site: FreshRSS's base URL, Miniflux's BASE_URL. */
  url: string;
  /** What a user types into a client: where accounts/ClientLogin and reader/api/0/ live. */
  apiUrl: string;
  state: GReaderState;
  requests: RequestLog;
  faults: Faults;
  close(): Promise<void>;
}

/** FreshRSS reads at most 1 MiB of a body; so does this. */
const MAX_BODY = 1 << 20;

export async function startGReaderServer(options: GReaderServerOptions = {}): Promise<GReaderServer> {
  const flavour = options.flavour ?? 'freshrss';
  const now = options.now ?? Date.now;
  const basePath = (options.basePath ?? '').replace(/\/+$/, '');
  const root = basePath + (flavour === 'freshrss' ? '/api/greader.php' : '');
  const state = new GReaderState(flavour, now, options.tokenLifetimeMs ?? 30 * 60_000);
  for (const user of options.users ?? [{ name: 'alice', password: 'secret' }]) state.addUser(user.name, user.password);
  const requests = new RequestLog();
  const faults = new Faults();
  const route = flavour === 'freshrss' ? routeFreshRss : routeMiniflux;

  const ctx: RouteContext = {
    state,
    apiUrl: '',
    maxPageSize: options.maxPageSize ?? 1000,
    feedIdsByUrl: options.feedIdsByUrl ?? false,
    acceptEmptyEditToken: options.acceptEmptyEditToken ?? false,
    apiEnabled: options.apiEnabled ?? true,
    now,
    get endlessContinuation() {
      return faults.endlessContinuation;
    },
  };

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const body = await readBody(req);
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const inApi = path === root || path.startsWith(root + '/');
    const rawRest = inApi ? path.slice(root.length) : path;
    let rest = rawRest;
    try {
      rest = decodeURIComponent(rawRest);
    } catch {
      // left as sent
    }
    // Both servers parse a body only when it says it is a form.
    const isForm = /^application\/x-www-form-urlencoded/i.test(req.headers['content-type'] ?? '');
    const form = new URLSearchParams(isForm ? body : '');
    const entry = requests.add({
      method,
      endpoint: endpointOf(rest),
      path,
      query: url.searchParams,
      form,
      headers: req.headers,
      status: 0,
      at: now(),
    });

    const fault = faults.take(entry.endpoint);
    if (fault?.kind === 'drop' && !fault.afterHandling) return void res.destroy();
    let answer: Reply;
    if (fault?.kind === 'status') {
      const extra: Record<string, string> = {};
      if (fault.retryAfter !== undefined) extra['Retry-After'] = String(fault.retryAfter);
      answer = reply(
        fault.status,
        'text/plain; charset=utf-8',
        fault.body ?? http.STATUS_CODES[fault.status] ?? '',
        extra,
      );
    } else if (fault?.kind === 'unauthorized') {
      answer = flavour === 'freshrss' ? freshRssUnauthorized() : minifluxUnauthorized();
    } else if (fault?.kind === 'malformed') {
      answer = reply(200, 'application/json', '{"itemRefs":[{"id":"1"},{"id":');
    } else if (!inApi) {
      answer = reply(404, 'text/plain; charset=utf-8', '404 page not found\n');
    } else {
      const apiRequest: ApiRequest = {
        method,
        rest,
        rawRest,
        query: url.searchParams,
        form,
        body,
        headers: req.headers,
      };
      answer = route(apiRequest, ctx);
      if (fault?.kind === 'drop') return void res.destroy(); // acted on, answer lost
    }
    entry.status = answer.status;
    const headers = { ...answer.headers };
    if (answer.status !== 204) headers['Content-Length'] = String(Buffer.byteLength(answer.body));
    res.writeHead(answer.status, headers);
    res.end(answer.status === 204 ? undefined : answer.body);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`test server error: ${(error as Error).stack ?? String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const siteUrl = `http://127.0.0.1:${port}${basePath}`;
  ctx.apiUrl = `http://127.0.0.1:${port}${root}`;

  return {
    flavour,
    url: siteUrl,
    apiUrl: ctx.apiUrl,
    state,
    requests,
    faults,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    if (size < MAX_BODY) chunks.push(chunk);
    size += chunk.length;
  }
  return Buffer.concat(chunks).subarray(0, MAX_BODY).toString('utf8');
}
