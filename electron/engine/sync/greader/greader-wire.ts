/**
 * Authenticated calls to a Google Reader API: the endpoint found once by probing, the auth
 * token on every call, the edit token T on every POST, and recovery from the two kinds of 401
 * (a stale T: fetch a new one; a dead auth token: log in again), each tried once. Answers are
 * classified here too: JSON that does not parse is 'malformed', a 5xx 'server', and every
 * message is scrubbed of the password and tokens before it leaves.
 */
import type { SyncCredentials } from '../sync-client.js';
import { SyncError } from '../sync-error.js';
import { apiDisabledError, authError, clientLogin, isApiDisabled, probeEndpoint } from './endpoint-probe.js';
import { type GReaderHttp, type HttpResponse, hostOf } from './greader-http.js';

const READER = '/reader/api/0/';

export type Params = [string, string][];

export class GReaderWire {
  /** The API root (where accounts/ClientLogin and reader/api/0/ live), once found. */
  endpoint: string | null = null;
  private auth: string | null = null;
  private editToken: string | null = null;

  constructor(
    private readonly credentials: SyncCredentials,
    private readonly http: GReaderHttp,
  ) {}

  /** The host messages name, before and after the endpoint is known. */
  get host(): string {
    if (this.endpoint !== null) return hostOf(new URL(this.endpoint));
    try {
      return new URL(this.credentials.serverUrl).host || this.credentials.serverUrl;
    } catch {
      return this.credentials.serverUrl;
    }
  }

  /** ClientLogin: probing the first time, at the endpoint found after that. */
  async login(): Promise<void> {
    await this.guard(async () => {
      this.auth = null;
      this.editToken = null;
      if (this.endpoint === null) {
        const found = await probeEndpoint(this.http, this.credentials);
        this.endpoint = found.endpoint;
        this.auth = found.auth;
        return;
      }
      const outcome = await clientLogin(this.http, this.endpoint, this.credentials);
      if (outcome.kind === 'ok') this.auth = outcome.auth;
      else if (outcome.kind === 'rejected') throw authError(this.host);
      else if (outcome.kind === 'disabled') throw apiDisabledError(this.host);
      else throw new SyncError('server', `${this.host} answered HTTP ${outcome.status} to accounts/ClientLogin.`);
    });
  }

  /** GET reader/api/0/<path>, parsed as JSON. */
  async getJson(path: string, query: Params = []): Promise<unknown> {
    return this.parse(await this.call('GET', path, query, []), path);
  }

  /** POST reader/api/0/<path> with a form (T added); answers the body as text. */
  async post(path: string, form: Params, query: Params = []): Promise<string> {
    return (await this.call('POST', path, query, form)).text;
  }

  async postJson(path: string, form: Params, query: Params = []): Promise<unknown> {
    return this.parse(await this.call('POST', path, query, form), path);
  }

  /** A 'malformed' error about `what`, for callers that find a parsed answer of the wrong shape. */
  malformed(what: string, detail: string): SyncError {
    return new SyncError('malformed', this.scrub(`${this.host} answered ${what} with ${detail}.`));
  }

  private parse(response: HttpResponse, what: string): unknown {
    try {
      return JSON.parse(response.text) as unknown;
    } catch {
      throw this.malformed(what, 'something that is not JSON');
    }
  }

  private async call(method: 'GET' | 'POST', path: string, query: Params, form: Params): Promise<HttpResponse> {
    return this.guard(async () => {
      if (this.auth === null) await this.login();
      let newToken = false;
      let relogged = false;
      for (;;) {
        if (method === 'POST' && this.editToken === null) this.editToken = await this.fetchEditToken();
        const response = await this.send(method, path, query, form);
        if (response.status !== 401) return this.check(response, path);
        // A stale T says so in a header (FreshRSS: Google-Bad-Token, Miniflux: X-Reader-...).
        // FreshRSS sends it on every 401, so a second 401 still falls through to a new login.
        if (method === 'POST' && !newToken && badToken(response)) {
          newToken = true;
          this.editToken = null;
          continue;
        }
        if (relogged) throw authError(this.host);
        relogged = true;
        await this.login();
      }
    });
  }

  private async fetchEditToken(): Promise<string> {
    const response = await this.call('GET', 'token', [], []);
    const token = response.text.trim();
    if (token === '' || /\s/.test(token)) throw this.malformed('token', 'no edit token');
    return token;
  }

  private send(method: 'GET' | 'POST', path: string, query: Params, form: Params): Promise<HttpResponse> {
    const url = new URL((this.endpoint ?? '') + READER + path);
    for (const [key, value] of query) url.searchParams.append(key, value);
    const headers: Record<string, string> = { Authorization: `GoogleLogin auth=${this.auth ?? ''}` };
    if (method === 'GET') return this.http.send({ method, url, headers }, path);
    // Miniflux authenticates POSTs by T alone, FreshRSS by the header: send both, always.
    const body = new URLSearchParams([...form, ['T', this.editToken ?? '']]).toString();
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    return this.http.send({ method, url, headers, body }, path);
  }

  private check(response: HttpResponse, what: string): HttpResponse {
    const status = response.status;
    if (status >= 200 && status < 300) return response;
    if (isApiDisabled(response)) throw apiDisabledError(this.host);
    const said = serverSaid(response);
    throw new SyncError('server', `${this.host} answered HTTP ${status} to ${what}${said ? `: ${said}` : ''}.`);
  }

  /** Runs `work`, rewriting any SyncError's message without secrets in it. */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof SyncError)) throw error;
      const message = this.scrub(error.message);
      throw message === error.message ? error : new SyncError(error.code, message, error.retryAfterMs);
    }
  }

  /** Messages are built from the host and status, but a server may echo anything: mask secrets. */
  private scrub(text: string): string {
    let out = text;
    for (const secret of [this.credentials.password, this.auth, this.editToken]) {
      if (secret && secret.length >= 3) out = out.split(secret).join('•••');
    }
    return out;
  }
}

function badToken(response: HttpResponse): boolean {
  return (
    response.headers.get('google-bad-token') === 'true' || response.headers.get('x-reader-google-bad-token') === 'true'
  );
}

/** A short reason from the server: Miniflux's JSON error_message, or a one-line text body. */
function serverSaid(response: HttpResponse): string {
  const text = response.text.trim();
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && 'error_message' in parsed) {
      return String(parsed.error_message).slice(0, 200);
    }
  } catch {
    // not JSON
  }
  const type = response.headers.get('content-type') ?? '';
  return /^text\/plain/i.test(type) && text.length <= 200 && !text.includes('\n') ? text : '';
}
