/**
 * One HTTP POST to a Tiny Tiny RSS API, whatever it means: a deadline per attempt, redirects
 * followed only within the origin the password was meant for, 429 and 503 with Retry-After
 * waited out within a budget, network failures turned into SyncErrors, the transfer counted.
 * What the JSON answer means (sessions, API errors) is ttrss-wire.ts's.
 */
import { DEFAULT_FETCH_OPTIONS } from '../../feeds/fetch.js';
import type { TransferStats } from '../sync-client.js';
import { SyncError } from '../sync-error.js';

export interface HttpOptions {
  fetch: typeof fetch;
  sleep: (ms: number) => Promise<void>;
  /** Deadline of one attempt, headers and body together. */
  timeoutMs: number;
  /** Most time spent waiting on Retry-After for one call, all its retries together. */
  maxRetryWaitMs: number;
}

export interface HttpAnswer {
  status: number;
  text: string;
  /** Where the answer finally came from (after same-origin redirects). */
  url: URL;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 3;
/** A 429 without Retry-After: wait this long before the one retry the budget may allow. */
const DEFAULT_RATE_WAIT_MS = 5_000;

/** Certificate and handshake failures as Node reports them (error.cause.code). */
const TLS_CODES =
  /^(CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET|VERIFY)_|ERR_TLS_|ERR_SSL_|EPROTO$|HOSTNAME_MISMATCH)/;
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNRESET',
  'EPIPE',
  'UND_ERR_SOCKET',
]);

/**
 * Where a redirect may go: the same origin, or the same host moving up from http to https
 * (the password then travels better protected). Anything else would hand the credentials
 * in the body to a server the user never named.
 */
function redirectAllowed(from: URL, to: URL): boolean {
  if (to.origin === from.origin) return true;
  const defaultPort = (u: URL) => u.port === '' || u.port === (u.protocol === 'https:' ? '443' : '80');
  return (
    from.protocol === 'http:' &&
    to.protocol === 'https:' &&
    to.hostname === from.hostname &&
    defaultPort(from) &&
    defaultPort(to)
  );
}

/** Retry-After in milliseconds: delta seconds or an HTTP date; null when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function errorCode(error: unknown): string | undefined {
  // undici wraps the socket error: TypeError('fetch failed', { cause: { code } }), sometimes
  // one level deeper (an AggregateError of several addresses, each with its code).
  let e: unknown = error;
  for (let depth = 0; depth < 4 && e !== null && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) e = errors[0];
    else e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A fetch failure as the SyncError the user can act on; the message names the host only. */
export function networkError(error: unknown, host: string, timeoutMs: number): SyncError {
  if (error instanceof SyncError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new SyncError('timeout', `TT-RSS at ${host} did not answer within ${Math.round(timeoutMs / 1000)} s.`);
  }
  const code = errorCode(error) ?? '';
  if (TLS_CODES.test(code)) {
    return new SyncError(
      'tls',
      `The secure connection to ${host} failed (${code}): its certificate is not trusted. Check the address, or the server's certificate.`,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new SyncError('unreachable', `${host} was not found (${code}). Check the address and your connection.`);
  }
  if (UNREACHABLE_CODES.has(code) || name === 'TypeError') {
    return new SyncError(
      'unreachable',
      `Could not connect to TT-RSS at ${host}${code ? ` (${code})` : ''}. Check the address and that the server is running.`,
    );
  }
  return new SyncError('unreachable', `Could not reach TT-RSS at ${host}: ${name || 'network error'}.`);
}

/**
 * POSTs `body` (JSON text) to `url` and answers the final status and text. Throws SyncError
 * for network failures, a redirect off the origin, and rate limits beyond the budget;
 * every other status is the caller's to judge.
 */
export async function postJson(
  url: URL,
  body: string,
  options: HttpOptions,
  stats: TransferStats,
): Promise<HttpAnswer> {
  const bodyBytes = Buffer.byteLength(body);
  let target = url;
  let redirects = 0;
  let waited = 0;
  for (;;) {
    const host = target.host;
    let status: number;
    let text: string;
    let headers: Headers;
    try {
      stats.requests += 1;
      stats.bytesSent += bodyBytes;
      const res = await options.fetch(target, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/json;q=0.9, */*;q=0.1',
          'user-agent': DEFAULT_FETCH_OPTIONS.userAgent,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      status = res.status;
      headers = res.headers;
      // Read the body under the same deadline: a server may send headers and then stall.
      const bytes = new Uint8Array(await res.arrayBuffer());
      stats.bytesReceived += bytes.byteLength;
      text = new TextDecoder().decode(bytes);
    } catch (error) {
      throw networkError(error, host, options.timeoutMs);
    }

    if (REDIRECTS.has(status)) {
      const location = headers.get('location');
      const next = location ? new URL(location, target) : null;
      if (!next) throw new SyncError('server', `TT-RSS at ${host} answered a redirect (${status}) without a Location.`);
      if (!redirectAllowed(target, next)) {
        throw new SyncError(
          'insecure-redirect',
          `TT-RSS at ${host} redirected to another server (${next.host}); Syndic does not send your password there. Use that server's address in Settings → Accounts if it is the right one.`,
        );
      }
      if (++redirects > MAX_REDIRECTS) {
        throw new SyncError('server', `TT-RSS at ${host} redirected more than ${MAX_REDIRECTS} times.`);
      }
      target = next;
      continue;
    }

    if (status === 429 || status === 503) {
      const asked = retryAfterMs(headers.get('retry-after'));
      // A 503 without Retry-After is an outage, not a request to slow down.
      if (asked !== null || status === 429) {
        const wait = asked ?? DEFAULT_RATE_WAIT_MS;
        if (waited + wait > options.maxRetryWaitMs) {
          throw new SyncError(
            'rate-limited',
            `TT-RSS at ${host} asks to wait ${Math.ceil(wait / 1000)} s before more requests; Syndic will try again later.`,
            wait,
          );
        }
        waited += wait;
        await options.sleep(wait);
        continue;
      }
    }
    return { status, text, url: target };
  }
}
