/**
 * Miniflux's Google Reader API (internal/googlereader, 2.2), route by route, with the quirks a
 * client meets there: GET calls authenticate by the Authorization header but POST calls only by
 * `T` (which is the auth token itself); `output=json` is required on reads; stream ids say
 * `user/<numeric id>/`; stream/items/ids pages by offset, knows no label streams, and reads
 * `ot`/`nt` against publication dates; labels on items do not exist (edit-tag refuses them);
 * anything unknown under reader/api/0/ answers `[]`, which covers unread-count and
 * stream/contents. Errors are JSON `{"error_message": ...}` except the reader 401.
 */
import { READING_LIST, parseItemId, parseStream } from './ids.js';
import { feedStreamId, minifluxItem, minifluxSubscription } from './render.js';
import type { Feed, Item, UserData } from './state.js';
import {
  type ApiRequest,
  type AuthResult,
  type Reply,
  type RouteContext,
  goForm,
  goFormAll,
  goInt,
  pageSize,
  reply,
} from './wire.js';
import { minifluxStream, type MinifluxStream } from './miniflux-streams.js';

const JSON_TYPE = 'application/json';
const TEXT = 'text/plain; charset=utf-8';

export const minifluxUnauthorized = (): Reply =>
  reply(401, TEXT, 'Unauthorized', { 'X-Reader-Google-Bad-Token': 'true' });
const jsonError = (status: number, message: string): Reply =>
  reply(status, JSON_TYPE, JSON.stringify({ error_message: message }));
const json = (value: unknown): Reply => reply(200, JSON_TYPE, JSON.stringify(value));
const ok = (): Reply => reply(200, TEXT, 'OK');

type Handler = (req: ApiRequest, ctx: RouteContext, user: UserData) => Reply;

const ROUTES: Record<string, Handler> = {
  'GET token': (_req, ctx, user) => reply(200, TEXT, ctx.state.tokens.issueEdit(user)),
  'GET user-info': (_req, _ctx, user) =>
    json({
      userId: String(user.numericId),
      userName: user.name,
      userProfileId: String(user.numericId),
      userEmail: user.name,
    }),
  'GET tag/list': (req, _ctx, user) => outputError(req) ?? tagList(user),
  'GET subscription/list': (req, ctx, user) =>
    outputError(req) ??
    json({ subscriptions: [...user.feeds.values()].map((feed) => minifluxSubscription(user, feed, ctx.feedIdsByUrl)) }),
  'GET stream/items/ids': (req, ctx, user) => outputError(req) ?? itemIds(req, ctx, user),
  'POST stream/items/contents': (req, ctx, user) => outputError(req) ?? itemContents(req, ctx, user),
  'POST edit-tag': (req, _ctx, user) => editTag(req, user),
  'POST mark-all-as-read': (req, ctx, user) => markAllAsRead(req, ctx, user),
  'POST subscription/edit': (req, ctx, user) => subscriptionEdit(req, ctx, user),
  'POST subscription/quickadd': (req, ctx, user) => quickadd(req, ctx, user),
  'POST rename-tag': (req, _ctx, user) => renameTag(req, user),
  'POST disable-tag': (req, _ctx, user) => disableTag(req, user),
};

export function routeMiniflux(req: ApiRequest, ctx: RouteContext): Reply {
  const method = req.method === 'HEAD' ? 'GET' : req.method;
  if (req.rest === '/accounts/ClientLogin') {
    return method === 'POST' ? clientLogin(req, ctx) : reply(405, TEXT, 'Method Not Allowed\n', { Allow: 'POST' });
  }
  const prefix = '/reader/api/0/';
  if (!req.rest.startsWith(prefix)) return reply(404, TEXT, '404 page not found\n');
  if (method !== 'GET' && method !== 'POST') return reply(405, TEXT, 'Method Not Allowed\n', { Allow: 'GET, POST' });
  const auth = authorise(req, ctx);
  if ('reply' in auth) return auth.reply;
  const handler = ROUTES[`${method} ${req.rest.slice(prefix.length)}`];
  // The catch-all for everything else, including a known path asked with the other method.
  return handler ? handler(req, ctx, auth.user) : json([]);
}

function authorise(req: ApiRequest, ctx: RouteContext): AuthResult {
  let token: string;
  if (req.method === 'POST') {
    token = goForm(req, 'T');
  } else {
    const fields = (req.headers.authorization ?? '').trim().split(/\s+/);
    const auth = fields[1]?.split('=') ?? [];
    token =
      fields.length === 2 && fields[0] === 'GoogleLogin' && auth.length === 2 && auth[0] === 'auth'
        ? (auth[1] ?? '')
        : '';
  }
  const parts = token.split('/');
  const user = parts.length === 2 ? ctx.state.users.get(parts[0] ?? '') : undefined;
  if (!user || !ctx.state.tokens.isAuth(user, token)) return { reply: minifluxUnauthorized() };
  return { user };
}

function clientLogin(req: ApiRequest, ctx: RouteContext): Reply {
  const user = ctx.state.users.get(goForm(req, 'Email'));
  const passwd = goForm(req, 'Passwd');
  if (!user || passwd === '' || user.password !== passwd) return jsonError(401, 'access unauthorized');
  const auth = ctx.state.tokens.auth(user);
  if (goForm(req, 'output') === 'json') return json({ SID: auth, LSID: auth, Auth: auth });
  return reply(200, TEXT, `SID=${auth}\nLSID=${auth}\nAuth=${auth}\n`);
}

function outputError(req: ApiRequest): Reply | undefined {
  const output = req.method === 'POST' ? goForm(req, 'output') : (req.query.get('output') ?? '');
  return output === 'json' ? undefined : jsonError(400, 'googlereader: only json output is supported');
}

function streams(raws: string[], user: UserData): MinifluxStream[] | Error {
  const out: MinifluxStream[] = [];
  for (const raw of raws) {
    const stream = minifluxStream(parseStream(raw, String(user.numericId)));
    if (stream instanceof Error) return stream;
    out.push(stream);
  }
  return out;
}

/** A feed by the id after `feed/`: a number (or, with feedIdsByUrl, a URL), as Go's ParseInt. */
function feedOf(ctx: RouteContext, user: UserData, ref: string): Feed | undefined | Error {
  if (/^[0-9]+$/.test(ref)) return user.feeds.get(Number(ref));
  if (ctx.feedIdsByUrl) return user.feedByUrl(ref);
  return new Error(`strconv.ParseInt: parsing "${ref}": invalid syntax`);
}

const byPublished = (asc: boolean) => (a: Item, b: Item) => {
  const order = a.published - b.published || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return asc ? order : -order;
};

function itemIds(req: ApiRequest, ctx: RouteContext, user: UserData): Reply {
  const wanted = streams(req.query.getAll('s'), user);
  const excluded = streams(req.query.getAll('xt'), user);
  const filters = streams(req.query.getAll('it'), user); // parsed, then ignored, as there
  for (const parsed of [wanted, excluded, filters]) if (parsed instanceof Error) return jsonError(500, parsed.message);
  const [stream, extra] = wanted as MinifluxStream[];
  if (!stream || extra) return jsonError(500, 'googlereader: only one stream type expected');
  const unreadOnly = (excluded as MinifluxStream[]).some((s) => s.type === 'ReadStream');
  let pick: (item: Item) => boolean;
  if (stream.type === 'ReadingListStream') pick = (item) => !unreadOnly || !item.read;
  else if (stream.type === 'StarredStream') pick = (item) => item.starred;
  else if (stream.type === 'ReadStream') pick = (item) => item.read;
  else if (stream.type === 'FeedStream') {
    const feed = feedOf(ctx, user, stream.id);
    if (feed instanceof Error) return jsonError(500, feed.message);
    pick = (item) => item.feedId === feed?.id && (!unreadOnly || !item.read);
  } else return jsonError(500, `googlereader: unknown stream type ${stream.type}`);
  const ot = goInt(req.query.get('ot'), 0);
  const nt = goInt(req.query.get('nt'), 0);
  const items = [...user.items.values()]
    .filter((item) => pick(item) && (ot <= 0 || item.published > ot * 1000) && (nt <= 0 || item.published < nt * 1000))
    .sort(byPublished(req.query.get('r') === 'o'));
  const offset = goInt(req.query.get('c'), 0);
  const pageItems = items.slice(offset, offset + pageSize(goInt(req.query.get('n'), 0), ctx.maxPageSize));
  let continuation = pageItems.length + offset < items.length ? pageItems.length + offset : 0;
  if (ctx.endlessContinuation && continuation === 0) continuation = Math.max(1, offset + pageItems.length);
  const body: Record<string, unknown> = { itemRefs: pageItems.map((item) => ({ id: item.id.toString() })) };
  if (continuation !== 0) body.continuation = String(continuation); // an offset, as a JSON string
  return json(body);
}

function itemIdsFrom(req: ApiRequest): bigint[] | Reply {
  const raws = goFormAll(req, 'i');
  if (raws.length === 0) return jsonError(400, 'googlereader: no items requested');
  const ids: bigint[] = [];
  for (const raw of raws) {
    const id = parseItemId(raw, 'miniflux');
    if (id === null) return jsonError(400, `googlereader: failed to parse item ID ${raw}`);
    ids.push(id);
  }
  return ids;
}

function itemContents(req: ApiRequest, ctx: RouteContext, user: UserData): Reply {
  for (const key of ['s', 'xt', 'it']) {
    const parsed = streams(req.query.getAll(key), user);
    if (parsed instanceof Error) return jsonError(500, parsed.message);
  }
  const ids = itemIdsFrom(req);
  if (!Array.isArray(ids)) return ids;
  const items = [...new Set(ids)]
    .flatMap((id) => user.items.get(id) ?? [])
    .sort(byPublished(req.query.get('r') === 'o'));
  return json({
    direction: 'ltr',
    id: `user/-/state/com.google/${READING_LIST}`,
    title: 'Reading List',
    self: [{ href: `${ctx.apiUrl}/reader/api/0/stream/items/contents` }],
    updated: Math.floor(ctx.now() / 1000),
    items: items.map((item) => minifluxItem(user, item, ctx.feedIdsByUrl)),
    author: user.name,
  });
}

/** Read and starred only (labels are refused); `a`/`r` from the body only, repeated allowed. */
function editTag(req: ApiRequest, user: UserData): Reply {
  const add = streams(req.form.getAll('a'), user);
  const remove = streams(req.form.getAll('r'), user);
  if (add instanceof Error) return jsonError(500, add.message);
  if (remove instanceof Error) return jsonError(500, remove.message);
  if (add.length === 0 && remove.length === 0) {
    return jsonError(500, 'googlreader: add or/and remove tags should be supplied'); // sic
  }
  const tags = new Map<'read' | 'starred', boolean>();
  const both = 'googlereader: kept-unread and read should not be supplied simultaneously';
  for (const [list, adding] of [
    [add, true],
    [remove, false],
  ] as const) {
    for (const stream of list) {
      if (stream.type === 'ReadStream' || stream.type === 'KeptUnreadStream') {
        if ((!adding || stream.type === 'KeptUnreadStream') && tags.has('read')) return jsonError(500, both);
        tags.set('read', adding === (stream.type === 'ReadStream'));
      } else if (stream.type === 'StarredStream') {
        if (!adding && tags.has('starred')) {
          return jsonError(500, 'googlereader: starred should not be supplied for add and remove simultaneously');
        }
        tags.set('starred', adding);
      } else if (stream.type !== 'BroadcastStream' && stream.type !== 'LikeStream') {
        return jsonError(500, `googlereader: unsupported tag type: ${stream.type}`);
      }
    }
  }
  const ids = itemIdsFrom(req);
  if (!Array.isArray(ids)) return ids;
  for (const id of ids) {
    const item = user.items.get(id);
    if (!item) continue;
    const read = tags.get('read');
    const starred = tags.get('starred');
    if (read !== undefined) user.setRead(item, read);
    if (starred !== undefined) user.setStarred(item, starred);
  }
  return ok();
}

/** `ts` of 16 digits or more is microseconds, else seconds; compared with publication dates. */
function markAllAsRead(req: ApiRequest, ctx: RouteContext, user: UserData): Reply {
  const stream = minifluxStream(parseStream(goForm(req, 's'), String(user.numericId)));
  if (stream instanceof Error) return jsonError(400, stream.message);
  const ts = goForm(req, 'ts');
  let before = ctx.now();
  if (ts !== '') {
    if (!/^[+-]?[0-9]+$/.test(ts)) return jsonError(400, `strconv.ParseInt: parsing "${ts}": invalid syntax`);
    const value = Number(ts);
    if (value > 0) before = ts.length >= 16 ? value / 1000 : value * 1000;
  }
  let pick: (item: Item) => boolean;
  if (stream.type === 'FeedStream') {
    const feed = feedOf(ctx, user, stream.id);
    if (feed instanceof Error) return jsonError(400, feed.message);
    pick = (item) => item.feedId === feed?.id;
  } else if (stream.type === 'LabelStream') {
    if (!user.folders.includes(stream.id)) return jsonError(404, 'resource not found');
    pick = (item) => user.feeds.get(item.feedId)?.folder === stream.id;
  } else if (stream.type === 'ReadingListStream') {
    pick = () => true;
  } else {
    return ok(); // other streams: nothing, and OK
  }
  for (const item of user.items.values())
    if (!item.read && item.published < before && pick(item)) user.setRead(item, true);
  return ok();
}

/** subscribe takes `feed/<url>`; edit and unsubscribe take `feed/<number>`; `r` is ignored. */
function subscriptionEdit(req: ApiRequest, ctx: RouteContext, user: UserData): Reply {
  const targets = streams(goFormAll(req, 's'), user);
  if (targets instanceof Error || targets.length === 0)
    return jsonError(400, 'googlereader: no valid stream IDs provided');
  const label = minifluxStream(parseStream(goForm(req, 'a'), String(user.numericId)));
  if (label instanceof Error) return jsonError(400, 'googlereader: invalid data in a');
  const title = goForm(req, 't');
  const action = goForm(req, 'ac');
  const first = targets[0] as MinifluxStream;
  if (action === 'subscribe') {
    if (user.feedByUrl(first.id)) return jsonError(500, 'This feed already exists.');
    try {
      user.subscribe(first.id, title, label.id === '' ? user.defaultFolder : label.id);
    } catch (error) {
      return jsonError(500, (error as Error).message);
    }
  } else if (action === 'unsubscribe') {
    for (const target of targets) {
      const feed = feedOf(ctx, user, target.id);
      if (feed instanceof Error) return jsonError(500, feed.message);
      if (feed) user.removeFeed(feed.id); // an unknown feed is no error
    }
  } else if (action === 'edit') {
    const feed = feedOf(ctx, user, first.id);
    if (feed instanceof Error) return jsonError(500, feed.message);
    if (title !== '' && !feed) return jsonError(400, 'googlereader: feed not found');
    if (feed && title !== '') feed.title = title;
    if (goFormAll(req, 'a').length > 0) {
      if (label.type !== 'LabelStream') return jsonError(400, 'destination must be a label');
      if (!feed) return jsonError(400, 'googlereader: feed not found');
      feed.folder = user.addFolder(label.id);
    }
  } else {
    return jsonError(400, `googlereader: unrecognized action ${action}`);
  }
  return ok();
}

function quickadd(req: ApiRequest, ctx: RouteContext, user: UserData): Reply {
  const url = goForm(req, 'quickadd');
  if (!/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(url)) return jsonError(400, `googlereader: invalid URL: ${url}`);
  if (user.feedByUrl(url)) return jsonError(500, 'This feed already exists.');
  let feed: Feed;
  try {
    feed = user.subscribe(url, '', undefined);
  } catch {
    return json({ numResults: 0 }); // nothing found at that address
  }
  return json({
    numResults: 1,
    query: feed.url,
    streamId: feedStreamId(feed, ctx.feedIdsByUrl),
    streamName: feed.title,
  });
}

function tagList(user: UserData): Reply {
  const tags: Record<string, string>[] = [{ id: `user/${user.numericId}/state/com.google/starred` }];
  for (const folder of user.folders)
    tags.push({ id: `user/${user.numericId}/label/${folder}`, label: folder, type: 'folder' });
  return json({ tags });
}

function renameTag(req: ApiRequest, user: UserData): Reply {
  const who = String(user.numericId);
  const from = minifluxStream(parseStream(goForm(req, 's'), who));
  const to = minifluxStream(parseStream(goForm(req, 'dest'), who));
  if (from instanceof Error) return jsonError(400, 'googlereader: invalid data in s');
  if (to instanceof Error) return jsonError(400, 'googlereader: invalid data in dest');
  if (from.type !== 'LabelStream' || to.type !== 'LabelStream')
    return jsonError(400, 'googlereader: only labels supported');
  if (to.id === '') return jsonError(400, 'googlereader: empty destination name');
  if (!user.folders.includes(from.id)) return jsonError(404, 'resource not found');
  if (user.folders.includes(to.id)) return jsonError(400, 'This category already exists.');
  user.rename(from.id, to.id);
  return ok();
}

/** Deletes folders; their feeds go to the first that remains, and one must remain. */
function disableTag(req: ApiRequest, user: UserData): Reply {
  const targets = streams(goFormAll(req, 's'), user);
  if (targets instanceof Error) return jsonError(400, 'googlereader: invalid data in s');
  if (targets.some((s) => s.type !== 'LabelStream')) return jsonError(400, 'googlereader: only labels are supported');
  const names = new Set(targets.map((s) => s.id));
  const remaining = user.folders.filter((folder) => !names.has(folder));
  if (remaining.length === 0) return jsonError(500, 'store: at least one category must remain');
  user.folders.splice(0, user.folders.length, ...remaining);
  for (const feed of user.feeds.values()) if (names.has(feed.folder)) feed.folder = remaining[0] as string;
  return ok();
}
