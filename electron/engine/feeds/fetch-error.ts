/**
 * The one error a fetch throws: what kind of failure (for the feed's error and its hint)
 * and a message naming the host. Its own module so the parse worker, which inflates
 * bodies, can throw it without loading the HTTP client.
 */
import type { FeedErrorKind } from '../../../shared/domain.js';

export class FetchError extends Error {
  constructor(
    readonly kind: FeedErrorKind,
    message: string,
    readonly status?: number,
    /** From Retry-After on 429/503, in milliseconds from now. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'FetchError';
  }
}

/** A body over the size cap, counted after decompression. */
export function tooBigError(host: string, maxBytes: number): FetchError {
  return new FetchError('too-big', `The feed from ${host} is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`);
}

/** A compressed body that does not inflate. */
export function corruptBodyError(host: string, detail: string): FetchError {
  return new FetchError('network', `The compressed feed from ${host} is corrupt (${detail})`);
}
