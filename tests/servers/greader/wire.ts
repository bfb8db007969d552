/**
 * The HTTP surface both flavours share: one parsed request, one reply, and the way each server
 * reads parameters. They differ in ways clients trip over: PHP keeps the last of repeated keys
 * (`a=...&a=...` is one value on FreshRSS) and parses a body only when it is form-encoded; Go
 * keeps all of them, and its `Form.Get` prefers the body to the query.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { GReaderState, UserData } from './state.js';

export interface ApiRequest {
  method: string;
  /** Path below the API root, percent-decoded: '/accounts/ClientLogin', '/reader/api/0/token'. */
  rest: string;
  /** The same path as sent (FreshRSS reads an encoded feed URL from the raw request URI). */
  rawRest: string;
  query: URLSearchParams;
  /** The body, parsed only when sent as application/x-www-form-urlencoded, as PHP and Go do. */
  form: URLSearchParams;
  /** The raw body: FreshRSS splits it itself to read repeated keys. */
  body: string;
  headers: IncomingHttpHeaders;
}

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a flavour's routes need besides the request. */
export interface RouteContext {
  state: GReaderState;
  /** The URL the API lives under (FreshRSS: .../api/greader.php), for self links. */
  apiUrl: string;
  maxPageSize: number;
  /** Also read `feed/<url>` where the flavour reads only `feed/<number>`, and answer it. */
  feedIdsByUrl: boolean;
  acceptEmptyEditToken: boolean;
  apiEnabled: boolean;
  /** The server's clock, in milliseconds. */
  now: () => number;
  /** The "continuation that never ends" fault is on. */
  endlessContinuation: boolean;
}

export function reply(status: number, contentType: string, body: string, headers: Record<string, string> = {}): Reply {
  return { status, headers: contentType ? { 'Content-Type': contentType, ...headers } : headers, body };
}

/** PHP's `$_GET[k]` / `$_POST[k]`: the last of repeated keys. */
export function last(params: URLSearchParams, key: string): string | undefined {
  const all = params.getAll(key);
  return all.length > 0 ? all[all.length - 1] : undefined;
}

/** PHP's `$_REQUEST[k]`: the body wins over the query. */
export function phpRequest(req: ApiRequest, key: string): string | undefined {
  return last(req.form, key) ?? last(req.query, key);
}

/** Go's `r.Form.Get(k)`: the first value, from the body if there is one, else the query. */
export function goForm(req: ApiRequest, key: string): string {
  return req.form.get(key) ?? req.query.get(key) ?? '';
}

/** Go's `r.Form[k]`: body values, then query values. */
export function goFormAll(req: ApiRequest, key: string): string[] {
  return [...req.form.getAll(key), ...req.query.getAll(key)];
}

/** PHP's urldecode: `+` is a space. */
export function urldecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** FreshRSS's multiplePosts(): every `name=` pair of the raw body, whatever the content type. */
export function phpMultiple(req: ApiRequest, name: string): string[] {
  const prefix = name + '=';
  return req.body
    .split('&')
    .filter((pair) => pair.startsWith(prefix))
    .map((pair) => urldecode(pair.slice(prefix.length)));
}

/** PHP's (int) cast: leading digits, else 0. */
export function phpInt(text: string | undefined): number {
  const match = /^\s*([+-]?[0-9]+)/.exec(text ?? '');
  return match ? Number(match[1]) : 0;
}

/** Miniflux's QueryIntParam: the first value as an integer; the default if absent, bad or negative. */
export function goInt(text: string | null, fallback: number): number {
  if (text === null || !/^[+-]?[0-9]+$/.test(text)) return fallback;
  const value = Number(text);
  return value < 0 ? fallback : value;
}

/** `n`, bounded: none, zero, negative or too many mean the largest page the server allows. */
export function pageSize(n: number, max: number): number {
  return n <= 0 || n > max ? max : n;
}

/** The name after a label prefix, or null: `user/-/label/X` and `user/<who>/label/X`. */
export function labelName(stream: string, who: string): string | null {
  for (const prefix of ['user/-/label/', `user/${who}/label/`]) {
    if (stream.startsWith(prefix)) return stream.slice(prefix.length);
  }
  return null;
}

export type AuthResult = { user: UserData } | { reply: Reply };
