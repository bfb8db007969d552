/**
 * The suite's Google Reader API server, driven with plain fetch as a client would: login and
 * the auth header, the short-lived T token, paging with continuations, both item id forms,
 * edit-tag, mark-all-as-read in microseconds, subscription/edit, in both flavours, plus the
 * faults tests arm. It guards the points where the server must stay faithful to FreshRSS and
 * Miniflux, since the sync tests trust it in their place.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  type Flavour,
  type GReaderServer,
  type GReaderServerOptions,
  parseItemId,
  startGReaderServer,
  toLongId,
} from '../../servers/greader/greader-server.js';

const READ = 'user/-/state/com.google/read';
const STARRED = 'user/-/state/com.google/starred';
const READING_LIST = 'user/-/state/com.google/reading-list';

type Params = Record<string, string | string[]>;

function encode(params: Params): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const v of [value].flat()) out.append(key, v);
  return out;
}

/** A bare client: ClientLogin, then GETs with the auth header and POSTs with it and T. */
class Client {
  auth = '';
  token = '';
  constructor(readonly server: GReaderServer) {}

  async login(email = 'alice', passwd = 'secret'): Promise<Response> {
    const res = await fetch(`${this.server.apiUrl}/accounts/ClientLogin`, {
      method: 'POST',
      body: encode({ Email: email, Passwd: passwd }),
    });
    const text = await res.clone().text();
    this.auth = /^Auth=(.*)$/m.exec(text)?.[1] ?? '';
    return res;
  }

  get(path: string, params: Params = {}, auth = this.auth): Promise<Response> {
    const query = encode(params).toString();
    return fetch(`${this.server.apiUrl}/reader/api/0/${path}${query ? '?' + query : ''}`, {
      headers: auth ? { Authorization: `GoogleLogin auth=${auth}` } : {},
    });
  }

  async getJson<T = Record<string, unknown>>(path: string, params: Params = {}): Promise<T> {
    const res = await this.get(path, { output: 'json', ...params });
    assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
    return JSON.parse(await res.text()) as T;
  }

  async fetchToken(): Promise<string> {
    const res = await this.get('token');
    assert.equal(res.status, 200);
    this.token = (await res.text()).trim();
    return this.token;
  }

  post(path: string, form: Params, query: Params = {}): Promise<Response> {
    const q = encode(query).toString();
    return fetch(`${this.server.apiUrl}/reader/api/0/${path}${q ? '?' + q : ''}`, {
      method: 'POST',
      headers: { Authorization: `GoogleLogin auth=${this.auth}` },
      body: encode({ T: this.token, ...form }),
    });
  }

  /** Every id of a stream, following continuations. */
  async allIds(params: Params): Promise<{ ids: string[]; pages: number }> {
    const ids: string[] = [];
    let pages = 0;
    let c: string | undefined;
    do {
      const page = await this.getJson<{ itemRefs: { id: string }[]; continuation?: string }>('stream/items/ids', {
        ...params,
        ...(c ? { c } : {}),
      });
      pages++;
      ids.push(...page.itemRefs.map((ref) => ref.id));
      c = page.continuation;
      assert.ok(pages < 100, 'continuations end');
    } while (c);
    return { ids, pages };
  }
}

async function withServer(
  options: GReaderServerOptions,
  body: (server: GReaderServer, client: Client) => Promise<void>,
) {
  const server = await startGReaderServer(options);
  try {
    const client = new Client(server);
    await client.login();
    await client.fetchToken();
    await body(server, client);
  } finally {
    await server.close();
  }
}

describe('item ids', () => {
  it('reads decimal and long hex forms by each server’s rule', () => {
    const id = 0x7fedcba987654321n;
    assert.equal(toLongId(255n), 'tag:google.com,2005:reader/item/00000000000000ff');
    for (const flavour of ['freshrss', 'miniflux'] as Flavour[]) {
      assert.equal(parseItemId(id.toString(), flavour), id, flavour);
      assert.equal(parseItemId(toLongId(id), flavour), id, flavour);
      assert.equal(parseItemId('tag:google.com,2005:reader/item/2f2', flavour), 0x2f2n, flavour);
      assert.equal(parseItemId('000000000000048c', flavour), 0x48cn, flavour);
      assert.equal(parseItemId('not an id', flavour), null, flavour);
    }
    // A 16-digit decimal (a FreshRSS id) is hex to Miniflux: each server is read by its own rule.
    assert.equal(parseItemId('1712345678901234', 'freshrss'), 1712345678901234n);
    assert.equal(parseItemId('1712345678901234', 'miniflux'), 0x1712345678901234n);
  });
});

describe('GReader test server, FreshRSS flavour', () => {
  it('logs in, and refuses a wrong password or a missing or wrong auth header', async () => {
    await withServer({}, async (server, client) => {
      assert.match(client.auth, /^alice\/[0-9a-f]{40}$/);
      const ok = await client.login();
      assert.equal(ok.headers.get('content-type'), 'text/plain; charset=UTF-8');
      assert.match(await ok.text(), /^SID=alice\/\w+\nLSID=null\nAuth=alice\/\w+\n$/);

      const bad = await new Client(server).login('alice', 'wrong');
      assert.equal(bad.status, 401);
      assert.equal(bad.headers.get('google-bad-token'), 'true');
      assert.equal(await bad.text(), 'Unauthorized!');

      for (const auth of ['', 'alice/0000']) {
        const res = await client.get('subscription/list', { output: 'json' }, auth);
        assert.equal(res.status, 401, `auth '${auth}'`);
      }
      assert.equal((await client.get('subscription/list')).status, 501, 'output=json is required');
      const info = await client.getJson('user-info');
      assert.equal(info.userName, 'alice');
    });
  });

  it('expires T tokens: a stale or missing T answers 401 until a new one is fetched', async () => {
    let clock = Date.parse('2024-05-01T12:00:00Z');
    await withServer({ now: () => clock, tokenLifetimeMs: 60_000 }, async (server, client) => {
      const feed = server.state.addFeed({ url: 'https://example.org/feed.xml' });
      const [item] = server.state.addItems(feed, 1);
      const edit = { i: item!.id.toString(), a: READ };
      assert.equal(client.token.length, 57);
      assert.equal((await client.post('edit-tag', edit)).status, 200);

      clock += 61_000;
      const stale = await client.post('edit-tag', edit);
      assert.equal(stale.status, 401);
      assert.equal(stale.headers.get('google-bad-token'), 'true');
      assert.equal((await client.post('edit-tag', { ...edit, T: '' })).status, 401, 'missing T');

      await client.fetchToken();
      assert.equal((await client.post('edit-tag', edit)).status, 200);
      server.state.expireEditTokens();
      assert.equal((await client.post('mark-all-as-read', { s: READING_LIST })).status, 401);
      assert.equal(server.requests.count('edit-tag'), 4);
    });
  });

  it('pages stream/items/ids with decimal ids and continuations; xt and starred filter', async () => {
    await withServer({ maxPageSize: 7 }, async (server, client) => {
      const feed = server.state.addFeed({ url: 'https://example.org/feed.xml', folder: 'Tech' });
      const items = server.state.addItems(feed, 25);
      server.state.markRead(items.slice(0, 5).map((i) => i.id));
      server.state.markStarred([items[20]!.id, items[21]!.id]);

      const first = await client.get('stream/items/ids', { s: READING_LIST, n: '10' });
      assert.equal(first.headers.get('content-type'), 'text/html; charset=UTF-8', 'as FreshRSS: no type set');
      const page = (await first.json()) as { itemRefs: { id: string }[]; continuation: string };
      assert.equal(page.itemRefs.length, 7, 'n above the maximum is capped');
      assert.match(page.itemRefs[0]!.id, /^[1-9][0-9]{15}$/, 'decimal µs ids');
      assert.equal(page.continuation, page.itemRefs[6]!.id, 'the continuation is the last id');

      const all = await client.allIds({ s: READING_LIST, n: '5' });
      assert.deepEqual(all.ids, items.map((i) => i.id.toString()).reverse(), 'newest first, each once');
      assert.equal(all.pages, 6, 'a full last page brings one empty page');

      const unread = await client.allIds({ s: READING_LIST, xt: READ, n: '4', r: 'o' });
      assert.deepEqual(
        unread.ids,
        items.slice(5).map((i) => i.id.toString()),
        'oldest first, unread only',
      );
      const starred = await client.allIds({ s: STARRED });
      assert.deepEqual(starred.ids.sort(), [items[20]!.id.toString(), items[21]!.id.toString()].sort());
      const tech = await client.allIds({ s: 'user/-/label/Tech', n: '100' });
      assert.equal(tech.ids.length, 25);
    });
  });

  it('serves contents by both id forms and applies edit-tag to states and labels', async () => {
    await withServer({}, async (server, client) => {
      const feed = server.state.addFeed({ url: 'https://example.org/feed.xml', title: 'Example', folder: 'News' });
      const [a, b, c] = server.state.addItems(feed, 3, { author: 'Ann' });
      const big = server.state.addItem({ feed, id: 0x7fffffffffffff01n, title: 'Beyond 2^53' });

      const res = await client.post('stream/items/contents', {
        i: [a!.id.toString(), toLongId(b!.id), big.id.toString(), '999'],
      });
      assert.equal(res.headers.get('content-type'), 'application/json; charset=UTF-8');
      const body = (await res.json()) as { items: Record<string, unknown>[] };
      assert.deepEqual(
        body.items.map((item) => item.id),
        [toLongId(big.id), toLongId(b!.id), toLongId(a!.id)],
      );
      const item = body.items[2]!;
      assert.equal(item.timestampUsec, a!.id.toString());
      assert.equal(item.author, 'Ann');
      assert.deepEqual(item.origin, { streamId: `feed/${feed.id}`, htmlUrl: 'https://example.org/', title: 'Example' });
      assert.deepEqual(item.categories, [READING_LIST, 'user/-/label/News']);
      assert.ok(!('updated' in item), 'FreshRSS sends no updated');

      await client.post('edit-tag', { i: [toLongId(a!.id), c!.id.toString()], a: READ });
      await client.post('edit-tag', { i: toLongId(b!.id), a: 'user/-/label/Later' });
      await client.post('edit-tag', { i: toLongId(c!.id), a: [STARRED, 'user/-/label/Ignored'] });
      assert.equal(server.state.item(a!.id)?.read, true);
      assert.deepEqual(server.state.item(b!.id)?.labels, ['Later']);
      const cState = server.state.item(c!.id)!;
      assert.equal(cState.read, true);
      assert.equal(cState.starred, false, 'FreshRSS keeps only the last of repeated a=');
      assert.deepEqual(cState.labels, ['Ignored']);

      await client.post('edit-tag', { i: a!.id.toString(), r: READ });
      assert.equal(server.state.item(a!.id)?.read, false);
      const tags = await client.getJson<{ tags: Record<string, unknown>[] }>('tag/list');
      assert.deepEqual(tags.tags, [
        { id: STARRED },
        { id: 'user/-/label/Uncategorized', type: 'folder' },
        { id: 'user/-/label/News', type: 'folder' },
        { id: 'user/-/label/Later', type: 'tag', unread_count: 1 },
        { id: 'user/-/label/Ignored', type: 'tag', unread_count: 0 },
      ]);
    });
  });

  it('marks all as read up to a timestamp in microseconds of arrival', async () => {
    let clock = Date.parse('2024-05-01T12:00:00Z');
    await withServer({ now: () => clock }, async (server, client) => {
      const feed = server.state.addFeed({ url: 'https://example.org/feed.xml' });
      const old = server.state.addItems(feed, 3); // ids: the arrival time in µs, +1 each
      clock += 1_000;
      const ts = String(clock * 1000);
      clock += 1_000;
      const fresh = server.state.addItems(feed, 2);
      assert.equal((await client.post('mark-all-as-read', { s: `feed/${feed.id}`, ts })).status, 200);
      assert.deepEqual(
        [...old, ...fresh].map((i) => server.state.item(i.id)?.read),
        [true, true, true, false, false],
      );
      assert.equal((await client.post('mark-all-as-read', { s: READING_LIST, ts: '1.5' })).status, 400);
      const counts = await client.getJson<{ max: number }>('unread-count');
      assert.equal(counts.max, 2);
    });
  });

  it('subscribes, moves, renames and unsubscribes with subscription/edit and quickadd', async () => {
    await withServer({}, async (server, client) => {
      server.state.addFeedSource('https://blog.example/feed', { title: 'A Blog', items: [{ title: 'Hello' }] });
      server.state.refuseFeed('https://down.example/feed');
      const url = 'https://blog.example/feed';
      const add = await client.post('subscription/edit', {
        ac: 'subscribe',
        s: `feed/${url}`,
        a: 'user/-/label/Blogs',
      });
      assert.equal(add.status, 200);
      assert.equal(await add.text(), 'OK');
      assert.equal((await client.post('subscription/edit', { ac: 'subscribe', s: `feed/${url}` })).status, 400);
      assert.equal(
        (await client.post('subscription/edit', { ac: 'subscribe', s: 'feed/https://down.example/feed' })).status,
        400,
      );

      type Subs = { subscriptions: { id: string; title: string; url: string; categories: { id: string }[] }[] };
      let subs = await client.getJson<Subs>('subscription/list');
      const sub = subs.subscriptions[0]!;
      assert.deepEqual([sub.title, sub.url, sub.categories[0]!.id], ['A Blog', url, 'user/-/label/Blogs']);
      assert.equal(server.state.items().length, 1);

      await client.post('subscription/edit', { ac: 'edit', s: sub.id, t: 'Renamed', a: 'user/-/label/Reading' });
      subs = await client.getJson<Subs>('subscription/list');
      assert.deepEqual(
        [subs.subscriptions[0]!.title, subs.subscriptions[0]!.categories[0]!.id],
        ['Renamed', 'user/-/label/Reading'],
      );

      const quick = await client.post('subscription/quickadd', { quickadd: 'https://other.example/rss' });
      assert.equal(((await quick.json()) as { numResults: number }).numResults, 1);
      assert.equal((await client.post('subscription/edit', { ac: 'unsubscribe', s: sub.id })).status, 200);
      assert.deepEqual(
        server.state.feeds().map((f) => f.url),
        ['https://other.example/rss'],
      );
      assert.equal(server.state.items().length, 0, 'its items went with it');
    });
  });
});

describe('GReader test server, Miniflux flavour', () => {
  it('takes T (the auth token) on POSTs, pages by offset, says user/1/ and refuses labels', async () => {
    await withServer({ flavour: 'miniflux' }, async (server, client) => {
      assert.equal(server.apiUrl, server.url);
      assert.match(client.auth, /^alice\/[0-9a-f]{64}$/);
      assert.equal(client.token, client.auth, 'the edit token is the auth token');
      const feed = server.state.addFeed({ url: 'https://example.org/feed.xml', folder: 'Tech' });
      const items = server.state.addItems(feed, 12);
      assert.deepEqual(
        items.slice(0, 3).map((i) => i.id),
        [1n, 2n, 3n],
      );

      const bad = await new Client(server).login('alice', 'nope');
      assert.equal(bad.status, 401);
      assert.deepEqual(await bad.json(), { error_message: 'access unauthorized' });
      const noT = await client.post('edit-tag', { i: '1', a: READ, T: '' });
      assert.equal(noT.status, 401);
      assert.equal(noT.headers.get('x-reader-google-bad-token'), 'true');
      assert.equal((await client.get('stream/items/ids', { s: READING_LIST })).status, 400, 'output=json required');

      const first = await client.getJson<{ itemRefs: { id: string }[]; continuation: string }>('stream/items/ids', {
        s: READING_LIST,
        n: '5',
      });
      assert.equal(first.continuation, '5', 'an offset, as a string');
      assert.equal(first.itemRefs[0]!.id, '12', 'newest published first');
      const all = await client.allIds({ s: READING_LIST, n: '5' });
      assert.equal(all.ids.length, 12);
      assert.equal(all.pages, 3, 'no empty page after the last');

      assert.equal((await client.post('edit-tag', { i: toLongId(3n), a: [READ, STARRED] })).status, 200);
      assert.deepEqual([server.state.item(3n)?.read, server.state.item(3n)?.starred], [true, true]);
      const label = await client.post('edit-tag', { i: '3', a: 'user/-/label/Later' });
      assert.equal(label.status, 500);
      assert.deepEqual(await label.json(), { error_message: 'googlereader: unsupported tag type: LabelStream' });

      const contents = await client.post('stream/items/contents', { i: ['3', '000000000000000a'] }, { output: 'json' });
      const body = (await contents.json()) as { items: { id: string; categories: string[]; updated: number }[] };
      assert.deepEqual(
        body.items.map((i) => i.id),
        [toLongId(10n), toLongId(3n)],
      );
      assert.deepEqual(body.items[1]!.categories, [
        'user/1/state/com.google/reading-list',
        'user/1/label/Tech',
        'user/1/state/com.google/read',
        'user/1/state/com.google/starred',
      ]);
      assert.deepEqual(await client.getJson('unread-count'), [], 'not implemented there: the catch-all');

      const unread = await client.allIds({ s: READING_LIST, xt: READ });
      assert.equal(unread.ids.length, 11);
      const byLabel = await client.get('stream/items/ids', { s: 'user/-/label/Tech', output: 'json' });
      assert.equal(byLabel.status, 500, 'no label streams in stream/items/ids there');
    });
  });

  it('marks all as read by publication date and edits subscriptions by numeric feed id', async () => {
    await withServer({ flavour: 'miniflux' }, async (server, client) => {
      const feed = server.state.addFeed({ url: 'https://example.org/feed.xml' });
      const at = Date.parse('2024-05-01T12:00:00Z');
      server.state.addItem({ feed, published: at - 1000 });
      server.state.addItem({ feed, published: at + 1000 });
      await client.post('mark-all-as-read', { s: `feed/${feed.id}`, ts: String(at * 1000) });
      assert.deepEqual(
        server.state.items().map((i) => i.read),
        [true, false],
      );
      assert.equal((await client.post('subscription/edit', { ac: 'edit', s: `feed/${feed.url}`, t: 'X' })).status, 500);
      assert.equal((await client.post('subscription/edit', { ac: 'edit', s: `feed/${feed.id}`, t: 'X' })).status, 200);
      assert.equal(server.state.feeds()[0]!.title, 'X');
    });
  });
});

describe('GReader test server faults', () => {
  it('answers 503 or 429 with Retry-After, malformed JSON, 401, and drops', async () => {
    await withServer({}, async (server, client) => {
      const feed = server.state.addFeed({ url: 'https://example.org/feed.xml' });
      const [item] = server.state.addItems(feed, 1);
      server.faults.failNext(1, { status: 429, retryAfter: 7, path: 'stream/items/ids' });
      server.faults.failNext(1);
      const limited = await client.get('stream/items/ids', { s: READING_LIST });
      assert.deepEqual([limited.status, limited.headers.get('retry-after')], [429, '7']);
      assert.equal((await client.get('tag/list', { output: 'json' })).status, 503);
      assert.equal((await client.get('tag/list', { output: 'json' })).status, 200);

      server.faults.malformedNext(1);
      await assert.rejects((await client.get('stream/items/ids', { s: READING_LIST })).json());
      server.faults.unauthorizedNext(1, { path: 'edit-tag' });
      assert.equal((await client.post('edit-tag', { i: item!.id.toString(), a: READ })).status, 401);

      server.faults.dropNext(1, { path: 'edit-tag', afterHandling: true });
      await assert.rejects(client.post('edit-tag', { i: item!.id.toString(), a: STARRED }));
      assert.equal(server.state.item(item!.id)?.starred, true, 'acted on, answer lost');

      server.faults.endlessContinuation = true;
      const page = await client.getJson<{ continuation?: string }>('stream/items/ids', { s: READING_LIST, n: '5' });
      assert.ok(page.continuation, 'a continuation even on the last page');
      server.requests.reset();
      assert.equal(server.requests.count(), 0);
    });
  });
});
