/**
 * Finding the Google Reader API under what the user typed, and logging in there. Users type a
 * FreshRSS site root (the API is at BASE/api/greader.php), a Miniflux base (the API is the base
 * itself), or the API address; the only way to tell is to try ClientLogin at each candidate in
 * turn. A 401 or FreshRSS's "API disabled" answer ends the search (that is the API, it said no);
 * a 404, an HTML page or anything else without an Auth line means "not here, try the next".
 */
import type { SyncCredentials } from '../sync-client.js';
import { SyncError } from '../sync-error.js';
import { type GReaderHttp, type HttpResponse, hostOf } from './greader-http.js';

const FRESHRSS_API = '/api/greader.php';
/** Suffixes a user may paste from their server's docs, trimmed back to the API root. */
const API_TAILS = [/\/accounts\/ClientLogin$/, /\/reader\/api\/0$/];

export type LoginOutcome =
  { kind: 'ok'; auth: string } | { kind: 'rejected' } | { kind: 'disabled' } | { kind: 'not-api'; status: number };

export function authError(host: string): SyncError {
  return new SyncError(
    'auth',
    `${host} rejected the user name or API password. FreshRSS needs the API password set in your profile; ` +
      `Miniflux the Google Reader user in Integrations.`,
  );
}

export function apiDisabledError(host: string): SyncError {
  return new SyncError(
    'api-disabled',
    `${host} has its Google Reader API turned off. In FreshRSS an administrator turns it on under ` +
      `Administration > Authentication ("Allow API access").`,
  );
}

/** FreshRSS's greader.php answers exactly this, with a 503, to everything while its API is off. */
export function isApiDisabled(response: HttpResponse): boolean {
  return response.status === 503 && response.text.trim() === 'Service Unavailable!';
}

/** The API roots to try for what the user typed, most specific first, without a trailing slash. */
export function candidateEndpoints(serverUrl: string): string[] {
  let url: URL;
  try {
    url = new URL(serverUrl.trim());
  } catch {
    throw new SyncError('not-endpoint', `"${serverUrl}" is not a web address. Enter one starting with https://.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new SyncError(
      'not-endpoint',
      `${url.protocol}// addresses cannot be used: enter one starting with https://.`,
    );
  }
  // Credentials typed into the address are never sent: the user name and password fields are.
  url.username = '';
  url.password = '';
  url.search = '';
  url.hash = '';
  let path = url.pathname.replace(/\/+$/, '');
  for (const tail of API_TAILS) path = path.replace(tail, '');
  const root = url.origin + path;
  if (path.endsWith(FRESHRSS_API)) return [root];
  return [root + FRESHRSS_API, root];
}

/** ClientLogin at one API root. */
export async function clientLogin(
  http: GReaderHttp,
  endpoint: string,
  credentials: Pick<SyncCredentials, 'username' | 'password'>,
): Promise<LoginOutcome> {
  const body = new URLSearchParams({ Email: credentials.username, Passwd: credentials.password }).toString();
  const response = await http.send(
    {
      method: 'POST',
      url: new URL(endpoint + '/accounts/ClientLogin'),
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    },
    'accounts/ClientLogin',
  );
  if (response.status === 401) return { kind: 'rejected' };
  // FreshRSS refuses a user name it cannot hold with a 400 of its own before looking it up.
  if (response.status === 400 && response.text.trim() === 'Bad Request!') return { kind: 'rejected' };
  if (isApiDisabled(response)) return { kind: 'disabled' };
  if (response.status === 200) {
    const auth = /^Auth=(\S+)\s*$/m.exec(response.text)?.[1];
    if (auth !== undefined) return { kind: 'ok', auth };
  }
  return { kind: 'not-api', status: response.status };
}

/**
 * Tries each candidate; answers the API root that accepted the login and the auth token.
 * Network failures, TLS and foreign redirects end the search at once: they are about the host,
 * not the path, so the next candidate would meet them too.
 */
export async function probeEndpoint(
  http: GReaderHttp,
  credentials: SyncCredentials,
): Promise<{ endpoint: string; auth: string }> {
  const candidates = candidateEndpoints(credentials.serverUrl);
  const host = hostOf(new URL(candidates[0] as string));
  for (const endpoint of candidates) {
    const outcome = await clientLogin(http, endpoint, credentials);
    if (outcome.kind === 'ok') return { endpoint, auth: outcome.auth };
    if (outcome.kind === 'rejected') throw authError(host);
    if (outcome.kind === 'disabled') throw apiDisabledError(host);
  }
  const tried = candidates.join(', ');
  throw new SyncError(
    'not-endpoint',
    `${host} does not answer as a Google Reader API (tried ${tried}). ` +
      `For FreshRSS use …/api/greader.php; for Miniflux its base address.`,
  );
}
