/**
 * FreshRSS's Google Reader API (p/api/greader.php, 1.24), route by route, with the quirks a
 * client meets there: errors in plain text with `Google-Bad-Token: true` on every 401; JSON
 * sent as text/html where the PHP sets no type (items/ids, user-info, token, quickadd); the
 * last of repeated `a`/`r` only; ids by arrival time with a continuation that is the last id
 * (the next page starts at it and drops it); `s=.../read` read as the whole reading list; an
 * unknown label read as everything. Where this server departs from it, the README says so.
 */
import { READING_LIST, parseItemId } from './ids.js';
import { type Paging, type Where, feedWhere, nameWhere, page } from './freshrss-paging.js';
import { feedStreamId, freshRssItem, freshRssSubscription } from './render.js';
import type { Item, UserData } from './state.js';
import {
  type ApiRequest,
  type Reply,
  type RouteContext,
  labelName,
  last,
  phpInt,
  phpMultiple,
  phpRequest,
  reply,
  urldecode,
} from './wire.js';

const TEXT = 'text/plain; charset=UTF-8';
/** PHP's default type, which FreshRSS leaves on every answer it does not type itself. */
const HTML = 'text/html; charset=UTF-8';
const JSON_TYPE = 'application/json; charset=UTF-8';
const CORS = {
  'Access-Control-Allow-Headers': 'Authorization',
  'Access-Control-Allow-Methods': 'GET, POST',
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Max-Age': '600',
};
const USERNAME = /^([0-9a-zA-Z_][0-9a-zA-Z_.@-]{1,38}|[0-9a-zA-Z])$/;
const STATE = 'user/-/state/com.google/';

const badRequest = (): Reply => reply(400, TEXT, 'Bad Request!');
export const freshRssUnauthorized = (): Reply => reply(401, TEXT, 'Unauthorized!', { 'Google-Bad-Token': 'true' });
const json = (value: unknown, type = JSON_TYPE, newline = true): Reply =>
  reply(200, type, JSON.stringify(value) + (newline ? '\n' : ''));
const ok = (): Reply => reply(200, HTML, 'OK');
const numeric = (text: string): boolean => /^[0-9]+(\.[0-9]+)?$/.test(text);

export function routeFreshRss(req: ApiRequest, ctx: RouteContext): Reply {
  const answer = route(req, ctx);
  answer.headers = { ...CORS, ...answer.headers };
  return answer;
}

function route(req: ApiRequest, ctx: RouteContext): Reply {
  if (req.method === 'OPTIONS') return reply(204, '', '');
  if (req.rest === '' && req.query.size === 0) return reply(200, HTML, 'OK');
  const parts = req.rest.split('/');
  if (parts.length < 3) return badRequest();
  if (!ctx.apiEnabled) return reply(503, TEXT, 'Service Unavailable!');
  if (parts[1] === 'check' && parts[2] === 'compatibility') {
    return reply(
      200,
      TEXT,
      authToken(req) ? 'PASS' : 'FAIL get HTTP Authorization header! Wrong Web server configuration.',
    );
  }
  if (parts[1] === 'accounts') {
    const email = phpRequest(req, 'Email');
    const passwd = phpRequest(req, 'Passwd');
    if (parts[2] === 'ClientLogin' && email !== undefined && passwd !== undefined)
      return clientLogin(ctx, email, passwd);
    return badRequest();
  }
  const auth = authorise(req, ctx);
  if ('reply' in auth) return auth.reply;
  if (parts[1] !== 'reader' || parts[2] !== 'api' || parts[3] !== '0' || parts[4] === undefined) return badRequest();
  const user = auth.user;
  if (!user) return freshRssUnauthorized();
  const jsonOutput = last(req.query, 'output') === 'json';
  switch (parts[4]) {
    case 'stream':
      return stream(req, ctx, user, parts);
    case 'tag':
      if (parts[5] !== 'list') return badRequest();
      return jsonOutput ? tagList(user) : reply(501, TEXT, 'Not Implemented!');
    case 'subscription':
      if (parts[5] === 'list') return jsonOutput ? subscriptionList(ctx, user) : reply(501, TEXT, 'Not Implemented!');
      if (parts[5] === 'edit') return subscriptionEdit(req, user);
      if (parts[5] === 'quickadd') return quickadd(req, ctx, user);
      // export and import (OPML) are FreshRSS's; not here.
      return parts[5] === 'export' || parts[5] === 'import' ? reply(501, TEXT, 'Not Implemented!') : badRequest();
    case 'unread-count':
      return jsonOutput ? unreadCount(ctx, user) : reply(501, TEXT, 'Not Implemented!');
    case 'edit-tag':
      return checkToken(req, ctx, user) ?? editTag(req, user);
    case 'rename-tag':
      return checkToken(req, ctx, user) ?? renameTag(req, user);
    case 'disable-tag':
      return checkToken(req, ctx, user) ?? disableTag(req, user);
    case 'mark-all-as-read':
      return checkToken(req, ctx, user) ?? markAllAsRead(req, ctx, user);
    case 'token':
      return reply(200, HTML, ctx.state.tokens.issueEdit(user) + '\n');
    case 'user-info':
      return json({ userId: user.name, userName: user.name, userProfileId: user.name, userEmail: '' }, HTML, false);
    default:
      return badRequest();
  }
}

/** The auth token from `Authorization: GoogleLogin auth=...`, read as PHP's parse_str does. */
function authToken(req: ApiRequest): string {
  for (const pair of (req.headers.authorization ?? '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq > 0 && urldecode(pair.slice(0, eq)).replace(/[ .]/g, '_') === 'GoogleLogin_auth') {
      return urldecode(pair.slice(eq + 1));
    }
  }
  return '';
}

function authorise(req: ApiRequest, ctx: RouteContext): { user: UserData | undefined } | { reply: Reply } {
  const token = authToken(req);
  const slash = token.indexOf('/');
  if (slash < 0) return { user: undefined };
  const name = token.slice(0, slash);
  if (!USERNAME.test(name)) return { reply: badRequest() };
  const user = ctx.state.users.get(name);
  if (!user || !ctx.state.tokens.isAuth(user, token)) return { reply: freshRssUnauthorized() };
  return { user };
}

function clientLogin(ctx: RouteContext, email: string, passwd: string): Reply {
  if (!USERNAME.test(email)) return badRequest();
  const user = ctx.state.users.get(email);
  if (!user || user.password === '' || user.password !== passwd) return freshRssUnauthorized();
  const auth = ctx.state.tokens.auth(user);
  return reply(200, TEXT, `SID=${auth}\nLSID=null\nAuth=${auth}\n`);
}

/** Real FreshRSS also takes an empty T or 'x' (for FeedMe and Reeder): `acceptEmptyEditToken`. */
function checkToken(req: ApiRequest, ctx: RouteContext, user: UserData): Reply | undefined {
  const token = (last(req.form, 'T') ?? '').trim();
  if (ctx.acceptEmptyEditToken && (token === '' || token === 'x')) return undefined;
  return ctx.state.tokens.isEdit(user, token) ? undefined : freshRssUnauthorized();
}

function stream(req: ApiRequest, ctx: RouteContext, user: UserData, parts: string[]): Reply {
  const n = last(req.query, 'n');
  let c = (last(req.query, 'c') ?? '').trim();
  if (!/^[0-9]+$/.test(c)) c = ''; // not a number: the first page again
  const paging: Paging = {
    it: last(req.query, 'it') ?? '',
    xt: last(req.query, 'xt') ?? '',
    n: n === undefined ? 20 : phpInt(n),
    asc: last(req.query, 'r') === 'o',
    ot: phpInt(last(req.query, 'ot')),
    nt: phpInt(last(req.query, 'nt')),
    c,
  };
  if (parts[5] === 'contents') return streamContents(req, ctx, user, parts, paging);
  const s = last(req.query, 's');
  if (parts[5] === 'items' && parts[6] === 'ids' && s !== undefined) return itemIds(ctx, user, s, paging);
  if (parts[5] === 'items' && parts[6] === 'contents' && req.form.has('i')) return itemContents(req, ctx, user);
  return badRequest();
}

function itemIds(ctx: RouteContext, user: UserData, s: string, paging: Paging): Reply {
  // Only these four; anything else (even .../read) is read as the whole reading list.
  let where: Where = { kind: 'A' };
  if (s === `${STATE}starred`) where = { kind: 's' };
  else if (s.startsWith('feed/')) where = feedWhere(user, s.slice('feed/'.length));
  else if (s.startsWith('user/-/label/')) where = nameWhere(user, s.slice('user/-/label/'.length));
  const { items, continuation } = page(ctx, user, where, paging);
  const body: Record<string, unknown> = { itemRefs: items.map((item) => ({ id: item.id.toString() })) };
  if (continuation !== undefined) body.continuation = continuation;
  return json(body, HTML);
}

function streamContents(req: ApiRequest, ctx: RouteContext, user: UserData, parts: string[], paging: Paging): Reply {
  const path = [...parts];
  const s = last(req.query, 's');
  if (path[6] === undefined && s !== undefined) path.push(...s.split('/')); // BazQux's ?s=
  let where: Where = { kind: 'A' };
  if (path[6] !== undefined && path[7] !== undefined) {
    if (path[6] === 'feed') {
      let ref = path[7];
      if (ref !== '' && !numeric(ref)) {
        // A feed URL is read from the raw URI, so it works only percent-encoded.
        const match = /\/reader\/api\/0\/stream\/contents\/feed\/([A-Za-z0-9'!*()%$_.~+-]+)/.exec(req.rawRest);
        ref = match?.[1] !== undefined ? urldecode(match[1]) : '';
      }
      where = feedWhere(user, ref);
    } else if (path[6] === 'user' && path[8] === 'state' && path[9] === 'com.google') {
      if (path[10] === 'starred') where = { kind: 's' };
      else if (path[10] !== 'reading-list') return badRequest();
    } else if (path[6] === 'user' && path[8] === 'label' && path[9] !== undefined) {
      where = nameWhere(user, path[9]);
    } else {
      return badRequest();
    }
  }
  const { items, continuation } = page(ctx, user, where, paging);
  const body: Record<string, unknown> = {
    id: `${STATE}${READING_LIST}`,
    updated: Math.floor(ctx.now() / 1000),
    items: items.map((item) => freshRssItem(user, item, ctx.feedIdsByUrl)),
  };
  if (continuation !== undefined) body.continuation = continuation;
  return json(body);
}

function itemContents(req: ApiRequest, ctx: RouteContext, user: UserData): Reply {
  const ids = new Set(phpMultiple(req, 'i').map((text) => parseItemId(text, 'freshrss')));
  const items = [...ids].flatMap((id) => (id === null ? [] : (user.items.get(id) ?? [])));
  items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (last(req.query, 'r') !== 'o') items.reverse();
  return json({
    id: `${STATE}${READING_LIST}`,
    updated: Math.floor(ctx.now() / 1000),
    items: items.map((item) => freshRssItem(user, item, ctx.feedIdsByUrl)),
  });
}

/** One `a` and one `r` (PHP keeps the last of repeated keys); labels are FreshRSS tags. */
function editTag(req: ApiRequest, user: UserData): Reply {
  const items = phpMultiple(req, 'i').flatMap((text) => {
    const id = parseItemId(text, 'freshrss');
    return id === null ? [] : (user.items.get(id) ?? []);
  });
  const add = last(req.form, 'a') ?? '';
  const remove = last(req.form, 'r') ?? '';
  if (add === `${STATE}read`) for (const item of items) user.setRead(item, true);
  else if (add === `${STATE}starred`) for (const item of items) user.setStarred(item, true);
  else {
    const name = labelName(add, user.name);
    if (name) for (const item of items) item.labels.add(user.addLabel(name));
  }
  if (remove === `${STATE}read`) for (const item of items) user.setRead(item, false);
  else if (remove === `${STATE}starred`) for (const item of items) user.setStarred(item, false);
  else if (remove.startsWith('user/-/label/')) {
    const name = remove.slice('user/-/label/'.length);
    if (user.labels.includes(name)) for (const item of items) item.labels.delete(name);
  }
  return ok();
}

function renameTag(req: ApiRequest, user: UserData): Reply {
  const from = last(req.form, 's') ?? '';
  const to = last(req.form, 'dest') ?? '';
  const prefix = 'user/-/label/';
  if (
    from.startsWith(prefix) &&
    to.startsWith(prefix) &&
    user.rename(from.slice(prefix.length), to.slice(prefix.length))
  ) {
    return ok();
  }
  return badRequest();
}

/** Only the first `s` counts: FreshRSS answers after the first. */
function disableTag(req: ApiRequest, user: UserData): Reply {
  const first = phpMultiple(req, 's')[0] ?? '';
  const prefix = 'user/-/label/';
  return first.startsWith(prefix) && user.remove(first.slice(prefix.length)) ? ok() : badRequest();
}

/** `ts` in microseconds, compared with the ids (arrival times), inclusive; 0 or none is now. */
function markAllAsRead(req: ApiRequest, ctx: RouteContext, user: UserData): Reply {
  const s = (last(req.form, 's') ?? '').trim();
  const ts = (last(req.form, 'ts') ?? '0').trim();
  if (!/^[0-9]+$/.test(ts)) return badRequest();
  const max = ts === '0' ? BigInt(Math.floor(ctx.now())) * 1000n : BigInt(ts);
  let inStream: (item: Item) => boolean;
  if (s.startsWith('feed/')) {
    const ref = s.slice(s.lastIndexOf('/') + 1); // PHP's basename: a feed URL does not survive it
    if (!numeric(ref)) return badRequest();
    inStream = (item) => item.feedId === Number(ref);
  } else if (s.startsWith('user/-/label/')) {
    const where = nameWhere(user, s.slice('user/-/label/'.length));
    if (where.kind === 'c') inStream = (item) => user.feeds.get(item.feedId)?.folder === where.name;
    else if (where.kind === 't') inStream = (item) => item.labels.has(where.name);
    else return badRequest();
  } else if (s === `${STATE}${READING_LIST}`) {
    inStream = () => true;
  } else {
    return badRequest();
  }
  for (const item of user.items.values()) if (!item.read && item.id <= max && inStream(item)) user.setRead(item, true);
  return ok();
}

/** FreshRSS reads `s`, `t` from the body (repeated), else one from the query; no T needed. */
function subscriptionEdit(req: ApiRequest, user: UserData): Reply {
  const action = phpRequest(req, 'ac');
  if (phpRequest(req, 's') === undefined || action === undefined) return badRequest();
  const fromQuery = (key: string): string[] | undefined => {
    const query = last(req.query, key);
    return !last(req.form, key) && query !== undefined ? [query] : undefined;
  };
  const streams = fromQuery('s') ?? phpMultiple(req, 's');
  const titles = fromQuery('t') ?? phpMultiple(req, 't');
  const add = phpRequest(req, 'a') ?? '';
  const remove = phpRequest(req, 'r') ?? '';
  if (action !== 'subscribe' && action !== 'unsubscribe' && action !== 'edit') return badRequest();
  // Where to put the feed: a folder that exists, one to create, or back to the default.
  let folder: string | undefined;
  if (add.startsWith('user/')) folder = labelName(add, user.name) || undefined;
  else if (remove.startsWith('user/-/label/')) folder = user.defaultFolder;
  if (streams.length < 1) return badRequest();
  for (let i = streams.length - 1; i >= 0; i--) {
    const raw = streams[i] ?? '';
    if (!raw.startsWith('feed/')) continue;
    const ref = raw.replace(/^(feed\/)+/, '');
    const title = titles[i] ?? '';
    const feedId = numeric(ref) ? Number(ref) : (user.feedByUrl(ref)?.id ?? -1);
    if (action === 'subscribe') {
      if (numeric(ref)) continue;
      if (feedId > 0) return badRequest(); // already subscribed
      try {
        user.subscribe(ref, title, folder);
      } catch {
        return badRequest();
      }
    } else if (action === 'unsubscribe') {
      if (!(feedId > 0 && user.removeFeed(feedId))) return badRequest();
    } else {
      if (feedId <= 0) return badRequest();
      const feed = user.feeds.get(feedId);
      if (feed && folder !== undefined) feed.folder = user.addFolder(folder);
      if (feed && title !== '') feed.title = title;
    }
  }
  return ok();
}

function quickadd(req: ApiRequest, ctx: RouteContext, user: UserData): Reply {
  let url = phpRequest(req, 'quickadd');
  if (url === undefined) return badRequest();
  if (url.startsWith('feed/')) url = url.slice('feed/'.length);
  try {
    if (user.feedByUrl(url)) throw new Error(`Already subscribed! ${url}`);
    const feed = user.subscribe(url, '', undefined);
    const found = {
      numResults: 1,
      query: feed.url,
      streamId: feedStreamId(feed, ctx.feedIdsByUrl),
      streamName: feed.title,
    };
    return json(found, HTML, false);
  } catch (error) {
    return json({ numResults: 0, error: (error as Error).message }, HTML, false);
  }
}

function tagList(user: UserData): Reply {
  const tags: Record<string, unknown>[] = [{ id: `${STATE}starred` }];
  for (const folder of user.folders) tags.push({ id: `user/-/label/${folder}`, type: 'folder' });
  for (const label of user.labels) {
    tags.push({ id: `user/-/label/${label}`, type: 'tag', unread_count: user.unreadIn((i) => i.labels.has(label)) });
  }
  return json({ tags });
}

function subscriptionList(ctx: RouteContext, user: UserData): Reply {
  const site = ctx.apiUrl.replace(/\/api\/greader\.php$/, '');
  const subscriptions = user.folders.flatMap((folder) =>
    [...user.feeds.values()]
      .filter((feed) => feed.folder === folder)
      .map((feed) => freshRssSubscription(feed, ctx.feedIdsByUrl, site)),
  );
  return json({ subscriptions });
}

function unreadCount(ctx: RouteContext, user: UserData): Reply {
  const newest = (pick: (item: Item) => boolean): bigint => {
    let max = 0n;
    for (const item of user.items.values()) if (pick(item) && item.id > max) max = item.id;
    return max;
  };
  const counts: Record<string, unknown>[] = [];
  const entry = (id: string, pick: (item: Item) => boolean): void => {
    counts.push({ id, count: user.unreadIn(pick), newestItemTimestampUsec: newest(pick).toString() });
  };
  for (const folder of user.folders) {
    for (const feed of user.feeds.values()) {
      if (feed.folder === folder) entry(feedStreamId(feed, ctx.feedIdsByUrl), (i) => i.feedId === feed.id);
    }
    entry(`user/-/label/${folder}`, (i) => user.feeds.get(i.feedId)?.folder === folder);
  }
  for (const label of user.labels) entry(`user/-/label/${label}`, (i) => i.labels.has(label));
  entry(`${STATE}${READING_LIST}`, () => true);
  return json({ max: user.unreadIn(() => true), unreadcounts: counts });
}
