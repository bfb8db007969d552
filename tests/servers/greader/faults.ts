/**
 * Faults a test arms on the GReader server to see how a client copes: busy or rate-limited
 * answers with Retry-After, a sudden 401, a body that is not JSON, a dropped connection (before
 * the server acted, or after it acted so the answer is lost: the case where retrying a toggle
 * undoes it), and a continuation that never ends. Each armed fault serves the next N matching
 * requests, in the order armed.
 */

/** An endpoint as the request log names it ('edit-tag', 'stream/items/ids'...), or a pattern. */
export type EndpointMatch = string | RegExp;

export type FaultAction =
  | { kind: 'status'; status: number; retryAfter?: number | string; body?: string }
  | { kind: 'unauthorized' }
  | { kind: 'malformed' }
  | { kind: 'drop'; afterHandling: boolean };

interface Armed {
  remaining: number;
  match?: EndpointMatch;
  action: FaultAction;
}

export class Faults {
  private armed: Armed[] = [];
  /** While true, stream/items/ids and stream/contents always answer a continuation. */
  endlessContinuation = false;

  /** The next `count` matching requests answer `status` (503 by default), with Retry-After if given. */
  failNext(count: number, options: { status?: number; retryAfter?: number | string; path?: EndpointMatch } = {}): void {
    const action: FaultAction = { kind: 'status', status: options.status ?? 503 };
    if (options.retryAfter !== undefined) action.retryAfter = options.retryAfter;
    this.arm(count, options.path, action);
  }

  /** The next `count` matching requests answer 401 with the flavour's bad-token header. */
  unauthorizedNext(count: number, options: { path?: EndpointMatch } = {}): void {
    this.arm(count, options.path, { kind: 'unauthorized' });
  }

  /** The next `count` matching requests answer 200 with JSON cut off midway. */
  malformedNext(count: number, options: { path?: EndpointMatch } = {}): void {
    this.arm(count, options.path, { kind: 'malformed' });
  }

  /**
   * The next `count` matching requests get no answer: the connection is reset, before the
   * server acts, or with `afterHandling` once it has acted (the edit is applied, the answer lost).
   */
  dropNext(count: number, options: { path?: EndpointMatch; afterHandling?: boolean } = {}): void {
    this.arm(count, options.path, { kind: 'drop', afterHandling: options.afterHandling ?? false });
  }

  clear(): void {
    this.armed = [];
    this.endlessContinuation = false;
  }

  /** The fault this request meets, if any (consuming one use of it). */
  take(endpoint: string): FaultAction | undefined {
    const hit = this.armed.find((a) => a.remaining > 0 && matches(a.match, endpoint));
    if (!hit) return undefined;
    hit.remaining--;
    this.armed = this.armed.filter((a) => a.remaining > 0);
    return hit.action;
  }

  private arm(count: number, match: EndpointMatch | undefined, action: FaultAction): void {
    if (!Number.isInteger(count) || count < 1) throw new Error(`fault count must be a positive integer: ${count}`);
    const armed: Armed = { remaining: count, action };
    if (match !== undefined) armed.match = match;
    this.armed.push(armed);
  }
}

function matches(match: EndpointMatch | undefined, endpoint: string): boolean {
  if (match === undefined) return true;
  return typeof match === 'string' ? match === endpoint : match.test(endpoint);
}
