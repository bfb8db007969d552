/**
 * A sync failure the user can act on. `code` says what kind; the message names the
 * account's server and what to do, and never carries a password or token (clients build
 * messages from the server address and status only, never from request bodies).
 */
export type SyncErrorCode =
  | 'unreachable' // DNS failure, connection refused
  | 'tls' // certificate or handshake
  | 'timeout'
  | 'not-endpoint' // the address answers, but not as a TT-RSS / Google Reader API
  | 'api-disabled' // TT-RSS: API access off for this user; FreshRSS: API off
  | 'auth' // password rejected (after one fresh login)
  | 'rate-limited' // 429/503 beyond what backing off could absorb
  | 'server' // 5xx, or an error the server reported: may pass, so a change is kept and retried
  | 'refused' // the server will never take this change (its API cannot, or the input is wrong)
  | 'malformed' // an answer that does not parse as the protocol says
  | 'insecure-redirect'; // a redirect to another host: credentials are not sent there

export class SyncError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    /** Milliseconds the server asked to wait (Retry-After), when it did. */
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}
