/**
 * Every request the test GReader server received, so tests can assert what a client sent and
 * how often (one stream/items/contents call per batch, a token fetched once per edit burst...).
 * Requests are named by endpoint, the path below `reader/api/0/` ('edit-tag', 'stream/items/ids',
 * 'stream/contents' for any stream) or 'accounts/ClientLogin', whatever the flavour's prefix.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface LoggedRequest {
  method: string;
  endpoint: string;
  /** The full path as sent. */
  path: string;
  query: URLSearchParams;
  form: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** The status answered (0 when the connection was dropped instead). */
  status: number;
  at: number;
}

/** The endpoint a path below the API root names. */
export function endpointOf(rest: string): string {
  const path = rest.replace(/^\/+/, '');
  const reader = 'reader/api/0/';
  if (!path.startsWith(reader)) return path;
  const endpoint = path.slice(reader.length);
  return endpoint.startsWith('stream/contents') ? 'stream/contents' : endpoint;
}

export class RequestLog {
  readonly entries: LoggedRequest[] = [];

  add(entry: LoggedRequest): LoggedRequest {
    this.entries.push(entry);
    return entry;
  }

  /** How many requests hit an endpoint (all of them without one), optionally by method. */
  count(endpoint?: string, method?: string): number {
    return this.entries.filter(
      (e) => (endpoint === undefined || e.endpoint === endpoint) && (method === undefined || e.method === method),
    ).length;
  }

  /** The requests to one endpoint, oldest first. */
  to(endpoint: string): LoggedRequest[] {
    return this.entries.filter((e) => e.endpoint === endpoint);
  }

  reset(): void {
    this.entries.length = 0;
  }
}
