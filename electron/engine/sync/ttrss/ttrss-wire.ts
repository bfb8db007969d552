/**
 * The TT-RSS JSON API as calls: where the API lives under the address the user typed, the
 * session (log in lazily, once; log in again once when the server says NOT_LOGGED_IN), and
 * the meaning of answers ({seq, status, content}, errors in content.error) turned into
 * content or a SyncError. HTTP itself is ttrss-http.ts's.
 *
 * Messages name the server's host and what to do; they are built from the address and the
 * server's error code only, never from a request body, so neither the password nor the
 * session id can end up in one.
 */
import type { SyncCredentials, TransferStats } from '../sync-client.js';
import { SyncError, type SyncErrorCode } from '../sync-error.js';
import { postJson, type HttpOptions } from './ttrss-http.js';
import { asInt, asString, isObject } from './ttrss-json.js';

/** An error TT-RSS itself reported (content.error), with its code for callers that expect one. */
export class TtrssApiError extends SyncError {
  constructor(
    code: SyncErrorCode,
    message: string,
    readonly apiError: string,
  ) {
    super(code, message);
  }
}

type Params = Record<string, string | number | boolean>;

interface Answer {
  status: number;
  content: unknown;
}

/**
 * The API address for what the user typed: TT-RSS's base address (http://host/tt-rss/) gets
 * `api/` appended; an address that already ends in /api, /api/ or /api/index.php is the API
 * itself. A missing scheme means https (passwords do not travel in clear by default).
 */
export function apiUrlFor(serverUrl: string): URL {
  const typed = serverUrl.trim();
  const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`);
  url.hash = '';
  url.search = '';
  const path = url.pathname.replace(/\/index\.php$/, '/').replace(/\/+$/, '');
  url.pathname = /\/api$/.test(path) ? `${path}/` : `${path}/api/`;
  return url;
}

/** An address fit for a message: no user info, query or fragment. */
function shown(url: URL): string {
  return `${url.origin}${url.pathname}`;
}

function errorOf(answer: Answer): string | null {
  if (answer.status === 0) return null;
  return (isObject(answer.content) ? asString(answer.content.error) : null) ?? 'UNKNOWN_ERROR';
}

export class TtrssWire {
  readonly stats: TransferStats = { requests: 0, bytesReceived: 0, bytesSent: 0 };
  private apiUrl: URL;
  private sid: string | null = null;
  /** One login at a time, shared by every call that needs a session meanwhile. */
  private loggingIn: Promise<string> | null = null;
  /** Whether a TT-RSS answer came from apiUrl yet: until then a wrong answer means a wrong address. */
  private confirmed = false;

  constructor(
    private readonly credentials: SyncCredentials,
    private readonly http: HttpOptions,
  ) {
    try {
      this.apiUrl = apiUrlFor(credentials.serverUrl);
    } catch {
      throw new SyncError('not-endpoint', `"${credentials.serverUrl}" is not a web address. Check the address.`);
    }
  }

  get host(): string {
    return this.apiUrl.host;
  }

  /** Makes sure a session is held. A held one is checked by the next call, which logs in again if it expired. */
  async login(): Promise<void> {
    if (this.sid === null) await this.session();
  }

  /**
   * Calls `op` with the session and answers its content. On NOT_LOGGED_IN (expired or purged
   * session) logs in again once and repeats the call: every call this client makes is safe to
   * repeat (updateArticle is only ever sent with an explicit mode, never the toggle).
   */
  async call(op: string, params: Params = {}): Promise<unknown> {
    let sid = this.sid ?? (await this.session());
    let answer = await this.exchange({ op, sid, ...params });
    if (errorOf(answer) === 'NOT_LOGGED_IN') {
      if (this.sid === sid) this.sid = null;
      sid = this.sid ?? (await this.session());
      answer = await this.exchange({ op, sid, ...params });
    }
    const error = errorOf(answer);
    if (error !== null) throw this.apiError(op, error);
    return answer.content;
  }

  /** Ends the session; never throws (the server forgets it in a day anyway). */
  async logout(): Promise<void> {
    const sid = this.sid;
    this.sid = null;
    if (sid === null) return;
    try {
      await this.exchange({ op: 'logout', sid });
    } catch {
      /* closing: nothing the user can do about a failed logout */
    }
  }

  private session(): Promise<string> {
    if (this.loggingIn === null) {
      this.loggingIn = this.freshLogin().finally(() => {
        this.loggingIn = null;
      });
    }
    return this.loggingIn;
  }

  private async freshLogin(): Promise<string> {
    const answer = await this.exchange({
      op: 'login',
      user: this.credentials.username,
      password: this.credentials.password,
    });
    const error = errorOf(answer);
    if (error !== null) throw this.apiError('login', error);
    const sid = isObject(answer.content) ? asString(answer.content.session_id) : null;
    if (!sid) throw new SyncError('malformed', `TT-RSS at ${this.host} accepted the login but sent no session.`);
    this.sid = sid;
    return sid;
  }

  private apiError(op: string, error: string): TtrssApiError {
    const host = this.host;
    switch (error) {
      case 'LOGIN_ERROR':
        return new TtrssApiError(
          'auth',
          `TT-RSS at ${host} rejected the user name or password. Check them in Settings → Accounts.`,
          error,
        );
      case 'API_DISABLED':
        return new TtrssApiError(
          'api-disabled',
          `TT-RSS at ${host} has API access turned off for ${this.credentials.username}. In TT-RSS, open Preferences, turn on "Enable API" (Allows accessing this account through the API), save, and sync again.`,
          error,
        );
      case 'NOT_LOGGED_IN':
        return new TtrssApiError('auth', `TT-RSS at ${host} ended the session again right after a fresh login.`, error);
      default:
        return new TtrssApiError('server', `TT-RSS at ${host} refused ${op}: ${error.slice(0, 100)}.`, error);
    }
  }

  /** One POST and its answer as TT-RSS JSON; throws for anything that is not. */
  private async exchange(request: Record<string, unknown>): Promise<Answer> {
    const host = this.host;
    const res = await postJson(this.apiUrl, JSON.stringify(request), this.http, this.stats);
    const notEndpoint = () =>
      new SyncError(
        'not-endpoint',
        `${host} is not a Tiny Tiny RSS server (no API at ${shown(this.apiUrl)}). Check the address.`,
      );
    if (res.status >= 500) {
      throw new SyncError('server', `TT-RSS at ${host} failed (HTTP ${res.status}). Try again later.`);
    }
    if (res.status < 200 || res.status > 299) {
      if (!this.confirmed) throw notEndpoint();
      throw new SyncError('server', `TT-RSS at ${host} answered HTTP ${res.status}.`);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(res.text);
    } catch {
      parsed = undefined;
    }
    const status = isObject(parsed) ? asInt(parsed.status) : null;
    if (!isObject(parsed) || status === null || !('content' in parsed) || !('seq' in parsed)) {
      if (!this.confirmed) throw notEndpoint();
      throw new SyncError('malformed', `TT-RSS at ${host} sent an answer that is not its API's JSON.`);
    }
    this.confirmed = true;
    // Keep the address a same-origin redirect led to, so later calls go there directly.
    this.apiUrl = res.url;
    return { status, content: parsed.content };
  }
}
