/**
 * Fetching one feed over HTTP, politely and defensively: conditional GET, compression,
 * connect and total deadlines, a size cap counted after decompression, at most five
 * redirects (http and https only), and one specific FetchError for every failure. What an
 * article names (images, icons, full articles) is fetched under the private-network rule
 * (address-guard.ts), checked at every hop.
 *
 * It uses node:http directly rather than fetch() because fetch cannot bound the connect
 * phase separately, cannot count decompressed bytes before buffering them, and hides
 * which redirects were permanent.
 */
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { checkLiteralHost, guardedLookup, type AddressGuard, type Destination } from './address-guard.js';
import { bodyEncodingOf, isZlibWrapped, type BodyEncoding } from './compressed-body.js';
import { FetchError, corruptBodyError, tooBigError } from './fetch-error.js';
import { agentFor } from './http-agents.js';

export { FetchError } from './fetch-error.js';
export { closeIdleConnections } from './http-agents.js';

export interface FetchOptions {
  /** Time allowed to open the connection (DNS, TCP, TLS). */
  connectTimeoutMs: number;
  /**
   * Time allowed for the whole exchange, connect, headers, redirects and body included: a
   * deadline, not an idle timeout, so a trickle ends too. The poller sets it per request.
   */
  totalTimeoutMs: number;
  /** Largest body accepted, counted after decompression. */
  maxBytes: number;
  maxRedirects: number;
  userAgent: string;
}

export const DEFAULT_FETCH_OPTIONS: FetchOptions = {
  connectTimeoutMs: 10_000,
  totalTimeoutMs: 30_000,
  maxBytes: 16 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'Syndic/0.1 (+https://github.com/syndic-reader/syndic; feed reader)',
};

export interface FetchRequest {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  /** Extra Accept header, e.g. for pages during discovery. */
  accept?: string;
  /** Cancels the fetch; shared by many, it is made by sharedCancel (shared-cancel.ts). */
  signal?: AbortSignal;
  /** Set for what an article names: the private-network rule applies at every hop. */
  guard?: AddressGuard;
}

interface CacheHints {
  etag: string | null;
  lastModified: string | null;
  /** Cache-Control max-age in seconds, when the server gave one. */
  maxAgeSeconds: number | null;
}

interface Located {
  /** The URL that answered, after redirects. */
  finalUrl: string;
  /** Set when every redirect on the way was permanent: the feed has moved. */
  movedTo: string | null;
  /** The IP address that answered: where the feed lives (see store/feed-network.ts). */
  remoteAddress: string | null;
}

type NotModified = CacheHints & Located & { kind: 'not-modified' };

export type FetchResult =
  | (CacheHints &
      Located & {
        kind: 'ok';
        /** Decompressed. */
        body: Buffer;
        contentType: string | null;
      })
  | NotModified;

/** What fetchFeedAsSent gives: the body still compressed, with the encoding to inflate it. */
export type AsSentFetchResult =
  | (CacheHints &
      Located & {
        kind: 'ok';
        /** As sent: at most `maxBytes`, still compressed if `encoding` is set. */
        body: Buffer;
        encoding: BodyEncoding | null;
        contentType: string | null;
      })
  | NotModified;

const ACCEPT_FEEDS =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function parseMaxAge(cacheControl: string | undefined): number | null {
  if (!cacheControl) return null;
  const m = /(?:^|,)\s*(?:s-)?max-age\s*=\s*"?(\d+)/i.exec(cacheControl);
  return m ? Number(m[1]) : null;
}

const HTTP_REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** Turns a socket-level error into a FetchError that names what happened. */
export function describeNetworkError(error: NodeJS.ErrnoException, host: string): FetchError {
  const code = error.code ?? '';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NONAME' || code === 'EAI_FAIL')
    return new FetchError('dns', `The name ${host} could not be found (DNS lookup failed)`);
  if (code === 'ECONNREFUSED') return new FetchError('refused', `${host} refused the connection`);
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH' || code === 'ENETDOWN')
    return new FetchError('offline', `${host} cannot be reached: the network is unreachable`);
  if (
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    code.includes('CERT') ||
    code === 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' ||
    code === 'EPROTO'
  )
    return new FetchError('tls', `The secure connection to ${host} failed (${code || error.message})`);
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED')
    return new FetchError('network', `${host} closed the connection before the feed was received`);
  return new FetchError('network', `Network error talking to ${host}: ${error.message}`);
}

/** A deadline in seconds for a message: "30", "2.5", "0.3" (a refresh sets it to the millisecond). */
function secondsOf(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  stream: http.IncomingMessage;
}

/**
 * One HTTP request, no redirects. The connect phase has its own deadline. Under a guard
 * the address is checked before connecting (a literal) or by the socket's lookup (a name).
 */
function requestOnce(
  url: URL,
  headers: Record<string, string>,
  options: FetchOptions,
  signal: AbortSignal,
  guard: { rule: AddressGuard; to: Destination } | null,
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    if (guard) checkLiteralHost(guard.rule, guard.to);
    const isHttps = url.protocol === 'https:';
    const req = (isHttps ? https : http).request(url, {
      method: 'GET',
      headers,
      agent: agentFor(url.protocol, guard ? guard.rule.feedNetwork : null),
      lookup: guard ? guardedLookup(guard.rule, guard.to) : undefined,
      signal,
    });
    let connectTimer: NodeJS.Timeout | undefined;
    req.on('socket', (socket) => {
      // A reused keep-alive socket is already connected.
      if (!socket.connecting) return;
      connectTimer = setTimeout(() => {
        req.destroy(
          new FetchError(
            'timeout',
            `${url.host} did not accept a connection within ${secondsOf(options.connectTimeoutMs)} s`,
          ),
        );
      }, options.connectTimeoutMs);
      socket.once(isHttps ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
    });
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      resolve({ status: res.statusCode ?? 0, headers: res.headers, stream: res });
    });
    req.on('error', (error) => {
      clearTimeout(connectTimer);
      reject(error);
    });
    req.end();
  });
}

/** The streaming decompressor for a body's encoding. */
function decoderFor(
  encoding: BodyEncoding | null,
  firstByte: number | undefined,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | zlib.InflateRaw | null {
  if (encoding === 'gzip') return zlib.createGunzip();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  if (encoding === 'deflate') return isZlibWrapped(firstByte) ? zlib.createInflate() : zlib.createInflateRaw();
  return null;
}

/** Reads the body as sent, at most `maxBytes` of it. */
async function readBodyAsSent(res: RawResponse, options: FetchOptions, host: string): Promise<Buffer> {
  const length = Number(res.headers['content-length']);
  if (Number.isFinite(length) && length > options.maxBytes) {
    res.stream.destroy();
    throw tooBigError(host, options.maxBytes);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > options.maxBytes) throw tooBigError(host, options.maxBytes);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Reads the body, decompressing as it goes, and stops as soon as the decompressed size
 * passes the cap: a compression bomb costs at most `maxBytes` of memory.
 */
async function readBody(res: RawResponse, options: FetchOptions, host: string): Promise<Buffer> {
  const encoding = bodyEncodingOf(res.headers['content-encoding'] as string | undefined);
  if (!encoding) return readBodyAsSent(res, options, host);
  const iterator = res.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  const head = await iterator.next();
  if (head.done) return Buffer.alloc(0);
  const decoder = decoderFor(encoding, head.value[0])!;

  // Feed compressed chunks in, read decompressed chunks out, stop early when too big.
  // What the connection did wrong (the deadline cut it, the server reset it) is kept apart
  // from what the decompressor did: only the latter means a corrupt body.
  let sourceError: unknown;
  const pump = (async () => {
    try {
      decoder.write(head.value);
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
        if (!decoder.write(next.value)) await new Promise((r) => decoder.once('drain', r));
      }
      decoder.end();
    } catch (error) {
      sourceError = error;
      decoder.destroy(error as Error);
    }
  })();
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of decoder as Readable as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > options.maxBytes) throw tooBigError(host, options.maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    res.stream.destroy();
    decoder.destroy();
    if (error instanceof FetchError) throw error;
    if (sourceError !== undefined) throw sourceError;
    throw corruptBodyError(host, (error as Error).message);
  }
  await pump;
  return Buffer.concat(chunks);
}

type Exchanged<T> = (CacheHints & Located & { kind: 'ok'; body: T; contentType: string | null }) | NotModified;

/**
 * One conditional GET, following redirects, the body read by `read`. Throws FetchError;
 * never anything else.
 */
async function exchange<T>(
  request: FetchRequest,
  options: FetchOptions,
  read: (res: RawResponse, host: string) => Promise<T>,
): Promise<Exchanged<T>> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new FetchError('bad-url', `"${request.url}" is not a valid address`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError('bad-url', `Only http and https addresses can be fetched, not ${url.protocol}`);

  // One deadline for the whole exchange: connect, headers, every redirect and the body. It
  // is not an idle timeout: a server trickling a byte a second is cut when it passes too.
  // A controller, a timer and a listener, all let go when the exchange ends: rather than
  // AbortSignal.timeout and AbortSignal.any, whose timer and weak links outlive it (a
  // thousand of each in a refresh, a tenth of the main thread's HTTP bookkeeping).
  const controller = new AbortController();
  const signal = controller.signal;
  const abort = (): void => controller.abort();
  const deadline = setTimeout(abort, Math.max(0, Math.ceil(options.totalTimeoutMs)));
  if (request.signal?.aborted) abort();
  else request.signal?.addEventListener('abort', abort, { once: true });
  try {
    return await exchangeWithin(url, request, options, read, signal);
  } finally {
    clearTimeout(deadline);
    request.signal?.removeEventListener('abort', abort);
  }
}

async function exchangeWithin<T>(
  startUrl: URL,
  request: FetchRequest,
  options: FetchOptions,
  read: (res: RawResponse, host: string) => Promise<T>,
  signal: AbortSignal,
): Promise<Exchanged<T>> {
  let url = startUrl;
  const timedOut = (): FetchError =>
    request.signal?.aborted
      ? new FetchError('network', 'The refresh was cancelled')
      : new FetchError(
          'timeout',
          `${url.host} did not send the whole feed within ${secondsOf(options.totalTimeoutMs)} s`,
        );

  const headers: Record<string, string> = {
    'user-agent': options.userAgent,
    accept: request.accept ?? ACCEPT_FEEDS,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (request.etag) headers['if-none-match'] = request.etag;
  if (request.lastModified) headers['if-modified-since'] = request.lastModified;

  let allPermanent = true;
  let redirected: string | undefined;
  for (let hop = 0; ; hop++) {
    let res: RawResponse;
    const rule = request.guard;
    try {
      res = await requestOnce(
        url,
        headers,
        options,
        signal,
        rule ? { rule, to: { host: url.hostname, redirectedFrom: redirected } } : null,
      );
    } catch (error) {
      if (error instanceof FetchError) throw error;
      if (signal.aborted) throw timedOut();
      throw describeNetworkError(error as NodeJS.ErrnoException, url.host);
    }
    const { status } = res;

    if (status >= 300 && status < 400 && status !== 304) {
      res.stream.resume();
      const location = res.headers.location;
      if (!location) throw new FetchError('http', `${url.host} answered ${status} without saying where to go`, status);
      if (hop >= options.maxRedirects)
        throw new FetchError('too-many-redirects', `${request.url} redirects more than ${options.maxRedirects} times`);
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        throw new FetchError('bad-redirect', `${url.host} redirects to an invalid address`);
      }
      if (next.protocol !== 'http:' && next.protocol !== 'https:')
        throw new FetchError('bad-redirect', `${url.host} redirects to a ${next.protocol} address, which is refused`);
      allPermanent &&= status === 301 || status === 308;
      redirected = url.hostname;
      url = next;
      continue;
    }

    const hints: CacheHints = {
      etag: (res.headers.etag as string | undefined) ?? null,
      lastModified: (res.headers['last-modified'] as string | undefined) ?? null,
      maxAgeSeconds: parseMaxAge(res.headers['cache-control'] as string | undefined),
    };
    const movedTo = redirected !== undefined && allPermanent ? url.href : null;
    const remoteAddress = res.stream.socket?.remoteAddress ?? null;

    if (status === 304) {
      res.stream.resume();
      return { kind: 'not-modified', finalUrl: url.href, movedTo, remoteAddress, ...hints };
    }
    if (status < 200 || status >= 300) {
      res.stream.resume();
      const retryAfterMs =
        status === 429 || status === 503
          ? parseRetryAfter(res.headers['retry-after'] as string | undefined, Date.now())
          : undefined;
      const reason = HTTP_REASONS[status] ?? res.stream.statusMessage ?? '';
      throw new FetchError('http', `The server answered ${status}${reason ? ` ${reason}` : ''}`, status, retryAfterMs);
    }

    let body: T;
    try {
      body = await read(res, url.host);
    } catch (error) {
      res.stream.destroy();
      if (error instanceof FetchError) throw error;
      if (signal.aborted) throw timedOut();
      throw describeNetworkError(error as NodeJS.ErrnoException, url.host);
    }
    const contentType = (res.headers['content-type'] as string | undefined) ?? null;
    return { kind: 'ok', finalUrl: url.href, movedTo, remoteAddress, body, contentType, ...hints };
  }
}

/**
 * Fetches a feed, a page or an image, decompressed. Throws FetchError; never anything else.
 * (A refresh uses fetchFeedAsSent: its parse job hashes the body to skip an unchanged one.)
 */
export function fetchFeed(request: FetchRequest, options: FetchOptions = DEFAULT_FETCH_OPTIONS): Promise<FetchResult> {
  return exchange(request, options, (res, host) => readBody(res, options, host));
}

/**
 * Fetches a feed and leaves its body as sent, compressed or not, for the parse worker to
 * inflate and hash (see parse-job.ts). The cap then counts the bytes as sent here and the
 * inflated bytes there.
 */
export async function fetchFeedAsSent(
  request: FetchRequest,
  options: FetchOptions = DEFAULT_FETCH_OPTIONS,
): Promise<AsSentFetchResult> {
  const result = await exchange(request, options, async (res, host) => ({
    bytes: await readBodyAsSent(res, options, host),
    encoding: bodyEncodingOf(res.headers['content-encoding'] as string | undefined),
  }));
  if (result.kind === 'not-modified') return result;
  return { ...result, body: result.body.bytes, encoding: result.body.encoding };
}
