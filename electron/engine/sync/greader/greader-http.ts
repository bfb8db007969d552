/**
 * One HTTP exchange with a Google Reader server, whatever it means: a deadline per attempt,
 * redirects followed only within the origin the credentials were meant for, 429 and 503 with
 * Retry-After waited out within a budget, network failures turned into SyncErrors, and the
 * transfer counted. Authentication and the meaning of answers are greader-wire.ts's.
 */
import { DEFAULT_FETCH_OPTIONS } from '../../feeds/fetch.js';
import type { TransferStats } from '../sync-client.js';
import { SyncError } from '../sync-error.js';

export interface HttpOptions {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** Deadline of one attempt, headers and body. */
  timeoutMs: number;
  /** Most time spent waiting on Retry-After for one request, all its retries together. */
  maxRetryWaitMs: number;
}

export interface HttpRequest {
  method: 'GET' | 'POST';
  url: URL;
  headers: Record<string, string>;
  /** Form-encoded body (POST). */
  body?: string;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 3;

/** The host:port a message names: never the path or query, which may carry a token. */
export function hostOf(url: URL): string {
  return url.host;
}

export class GReaderHttp {
  readonly stats: TransferStats = { requests: 0, bytesReceived: 0, bytesSent: 0 };

  constructor(private readonly options: HttpOptions) {}

  /**
   * Sends `request`, retrying after 429 or 503 when the server says how long to wait and the
   * wait fits in the budget. Other statuses are returned as they are. `what` names the call in
   * messages ("stream/items/ids").
   */
  async send(request: HttpRequest, what: string): Promise<HttpResponse> {
    let waited = 0;
    for (;;) {
      const response = await this.follow(request, what);
      if (response.status !== 429 && response.status !== 503) return response;
      const waitMs = retryAfterMs(response.headers.get('retry-after'), Date.now());
      // A 503 that names no wait is an outage (or FreshRSS's API switch), not back-pressure.
      if (waitMs === null && response.status === 503) return response;
      if (waitMs === null || waited + waitMs > this.options.maxRetryWaitMs) {
        const after = waitMs === null ? '' : ` It asks to wait ${Math.ceil(waitMs / 1000)} s.`;
        throw new SyncError(
          'rate-limited',
          `${hostOf(request.url)} is limiting requests (HTTP ${response.status} to ${what}).${after} Try again later.`,
          waitMs,
        );
      }
      waited += waitMs;
      await this.options.sleep(waitMs);
    }
  }

  /** One attempt, following same-origin redirects. */
  private async follow(request: HttpRequest, what: string): Promise<HttpResponse> {
    let current = request;
    for (let hop = 0; ; hop++) {
      const response = await this.once(current, what);
      const location = response.headers.get('location');
      if (!REDIRECTS.has(response.status) || location === null) return response;
      const next = resolve(location, current.url);
      if (next === null || next.origin !== request.url.origin) {
        // The Authorization header and T would go to whoever that is: refuse.
        const where = next === null ? 'an invalid address' : `${next.protocol}//${next.host}`;
        throw new SyncError(
          'insecure-redirect',
          `${hostOf(request.url)} redirects to ${where}; Syndic sends your credentials only to the address you entered. ` +
            `If the server has moved, enter its new address.`,
        );
      }
      if (hop + 1 >= MAX_REDIRECTS) {
        throw new SyncError('server', `${hostOf(request.url)} redirected ${what} more than ${MAX_REDIRECTS} times.`);
      }
      // 303 means "fetch this instead"; the others repeat the request as it was.
      current =
        response.status === 303
          ? { method: 'GET', url: next, headers: withoutContentType(current.headers) }
          : { ...current, url: next };
    }
  }

  private async once(request: HttpRequest, what: string): Promise<HttpResponse> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    const headers = { 'User-Agent': DEFAULT_FETCH_OPTIONS.userAgent, ...request.headers };
    this.stats.requests++;
    if (request.body !== undefined) this.stats.bytesSent += Buffer.byteLength(request.body);
    // Called unbound: a fetch taken off a global object may refuse another `this`.
    const doFetch = this.options.fetch;
    try {
      const response = await doFetch(request.url, {
        method: request.method,
        headers,
        body: request.body,
        redirect: 'manual',
        signal,
      });
      const body = Buffer.from(await response.arrayBuffer());
      this.stats.bytesReceived += body.length;
      return { status: response.status, headers: response.headers, text: body.toString('utf8') };
    } catch (error) {
      throw networkError(error, request.url, what, this.options.timeoutMs, signal);
    }
  }
}

function withoutContentType(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() !== 'content-type') out[key] = value;
  return out;
}

function resolve(location: string, base: URL): URL | null {
  try {
    return new URL(location, base);
  } catch {
    return null;
  }
}

/** Retry-After in milliseconds: delta seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (header === null) return null;
  const text = header.trim();
  if (/^[0-9]+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/** Error codes anywhere in a fetch failure: undici nests them in `cause`, or in an AggregateError. */
function codesOf(error: unknown, depth = 0): string[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const codes: string[] = [];
  if ('code' in error && typeof error.code === 'string') codes.push(error.code);
  if ('cause' in error) codes.push(...codesOf(error.cause, depth + 1));
  if ('errors' in error && Array.isArray(error.errors)) {
    for (const inner of error.errors) codes.push(...codesOf(inner, depth + 1));
  }
  return codes;
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function networkError(error: unknown, url: URL, what: string, timeoutMs: number, signal: AbortSignal): SyncError {
  if (error instanceof SyncError) return error;
  const host = hostOf(url);
  if (signal.aborted) {
    return new SyncError('timeout', `${host} did not answer ${what} within ${Math.round(timeoutMs / 1000)} s.`);
  }
  const codes = codesOf(error);
  const tls = codes.find((code) => /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code));
  if (tls !== undefined) {
    return new SyncError('tls', `${host}'s secure connection was refused (${tls}): check its certificate.`);
  }
  const code = codes.find((c) => UNREACHABLE.has(c)) ?? codes[0] ?? 'no connection';
  const hint =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? 'Check the address.'
      : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
        ? 'The connection was lost; try again.'
        : 'Check the address and that the server is running.';
  return new SyncError('unreachable', `${host} could not be reached (${code}). ${hint}`);
}
