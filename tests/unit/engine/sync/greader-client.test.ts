/**
 * The Google Reader API client against the suite's GReader server, as FreshRSS and as
 * Miniflux: finding the endpoint, login and both kinds of 401, id sets across pages and the two
 * id spellings, item bodies and states, edits, subscriptions, and every failure mapped to its
 * SyncError code. Small node:http servers stand in where a misbehaving host is needed.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { type GReaderClient, createGReaderClient } from '../../../../electron/engine/sync/greader/greader-client.js';
import { longItemId, normaliseItemId } from '../../../../electron/engine/sync/greader/item-ids.js';
import { SyncError, type SyncErrorCode } from '../../../../electron/engine/sync/sync-error.js';
import {
  type Flavour,
  type GReaderServer,
  type GReaderServerOptions,
  startGReaderServer,
} from '../../../servers/greader/greader-server.js';

const PASSWORD = 'pw-Hunter2-secret';
const FLAVOURS: Flavour[] = ['freshrss', 'miniflux'];

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function server(flavour: Flavour, options: GReaderServerOptions = {}): Promise<GReaderServer> {
  const started = await startGReaderServer({ flavour, users: [{ name: 'alice', password: PASSWORD }], ...options });
  stops.push(() => started.close());
  return started;
}

/** A bare node:http server for hosts that misbehave in ways the GReader server does not. */
async function plainServer(handler: http.RequestListener): Promise<string> {
  const srv = http.createServer(handler);
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  stops.push(
    () =>
      new Promise<void>((resolve) => {
        srv.closeAllConnections();
        srv.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
}

interface Harness {
  client: GReaderClient;
  waits: number[];
}

function clientFor(serverUrl: string, options: Parameters<typeof createGReaderClient>[1] = {}, password = PASSWORD) {
  const waits: number[] = [];
  const client = createGReaderClient(
    { serverUrl, username: 'alice', password },
    { sleep: async (ms) => void waits.push(ms), ...options },
  );
  return { client, waits } satisfies Harness;
}

async function rejects(promise: Promise<unknown>, code: SyncErrorCode, pattern?: RegExp): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SyncError, `expected a SyncError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.ok(!error.message.includes(PASSWORD), `password in: ${error.message}`);
    assert.ok(!/alice\/([0-9a-f]{20}|tok3n)/.test(error.message), `token in: ${error.message}`);
    if (pattern) assert.match(error.message, pattern);
    return error;
  }
  assert.fail(`expected SyncError '${code}'`);
}

const sorted = (ids: Iterable<string>): string[] => [...ids].sort();

for (const flavour of FLAVOURS) {
  describe(`GReader client, ${flavour}`, () => {
    it('finds the endpoint from the base address and from the API address', async () => {
      const srv = await server(flavour, flavour === 'freshrss' ? { basePath: '/freshrss' } : {});
      for (const typed of [srv.url, srv.url + '/', srv.apiUrl]) {
        const { client } = clientFor(typed);
        await client.login();
        assert.equal(client.endpoint, srv.apiUrl, typed);
      }
      // FreshRSS's base is probed at /api/greader.php first, found there; Miniflux's on the second try.
      const logins = srv.requests.entries.filter((entry) => entry.path.endsWith('/accounts/ClientLogin'));
      assert.equal(logins.length, flavour === 'freshrss' ? 3 : 6);
    });

    it("refuses a wrong password as 'auth', naming what to set", async () => {
      const srv = await server(flavour);
      const { client } = clientFor(srv.url, {}, 'wrong');
      await rejects(client.login(), 'auth', /rejected the user name or API password/);
    });

    it('lists subscriptions and tag names', async () => {
      const srv = await server(flavour);
      srv.state.addFeed({
        url: 'https://a.example/feed.xml',
        title: 'A',
        htmlUrl: 'https://a.example/',
        folder: 'Tech',
      });
      srv.state.addFeed({ url: 'https://b.example/rss', folder: 'News' });
      if (flavour === 'freshrss') srv.state.addLabel('Later');
      const { client } = clientFor(srv.apiUrl);
      const feeds = await client.subscriptions();
      const a = feeds.find((f) => f.url === 'https://a.example/feed.xml');
      assert.deepEqual(a, {
        remoteId: `feed/${srv.state.feeds()[0]?.id}`,
        url: 'https://a.example/feed.xml',
        title: 'A',
        siteUrl: 'https://a.example/',
        tags: ['Tech'],
      });
      assert.deepEqual(feeds.find((f) => f.url === 'https://b.example/rss')?.tags, ['News']);
      const names = await client.tagNames();
      for (const name of ['Tech', 'News', ...(flavour === 'freshrss' ? ['Later'] : [])])
        assert.ok(names.includes(name));
      assert.ok(!names.some((n) => n.includes('starred')), names.join());
    });

    it('pages unread and starred ids, and items answer the same id strings', async () => {
      const srv = await server(flavour, { maxPageSize: 50 });
      const feed = srv.state.addFeed({ url: 'https://a.example/feed.xml' });
      const items = srv.state.addItems(feed, 230);
      srv.state.markRead(items.slice(0, 30).map((i) => i.id));
      srv.state.markStarred(items.slice(100, 200).map((i) => i.id)); // two full pages: FreshRSS adds an empty one
      const { client } = clientFor(srv.apiUrl);
      const unread = await client.unreadIds();
      const starred = await client.starredIds();
      const view = srv.state.items();
      assert.deepEqual(sorted(unread), sorted(view.filter((i) => !i.read).map((i) => i.decimalId)));
      assert.deepEqual(sorted(starred), sorted(view.filter((i) => i.starred).map((i) => i.decimalId)));
      assert.ok(srv.requests.count('stream/items/ids') >= 4 + 2);
      const some = unread.slice(0, 40);
      const bodies = await client.items(some);
      assert.deepEqual(sorted(bodies.map((b) => b.remoteId)), sorted(some));
    });

    it('maps item bodies, states and labels (not the feed folder)', async () => {
      const srv = await server(flavour);
      const feed = srv.state.addFeed({ url: 'https://a.example/feed.xml', title: 'A', folder: 'Tech' });
      const published = Date.UTC(2024, 4, 1, 12, 0, 0);
      const item = srv.state.addItem({
        feed,
        title: 'Hello',
        url: 'https://a.example/hello',
        author: 'Ann',
        content: '<p>Hi <b>there</b></p>',
        published,
        read: true,
        starred: true,
        ...(flavour === 'freshrss' ? { labels: ['Later'], tags: ['raw feed category'] } : {}),
      });
      const plain = srv.state.addItem({ feed, title: 'Plain' });
      const { client } = clientFor(srv.apiUrl);
      const ids = [String(item.id), String(plain.id)];
      const [first, second] = (await client.items(ids)).sort((x, y) => (x.title ?? '').localeCompare(y.title ?? ''));
      assert.ok(first && second);
      assert.equal(first.remoteId, String(item.id));
      assert.equal(first.feedRemoteId, `feed/${feed.id}`);
      assert.equal(first.guid, null);
      assert.equal(first.url, 'https://a.example/hello');
      assert.equal(first.author, 'Ann');
      assert.equal(first.contentHtml, '<p>Hi <b>there</b></p>');
      assert.equal(first.publishedAt, published);
      assert.equal(first.updatedAt === null, flavour === 'freshrss'); // Miniflux: its row's change time
      assert.deepEqual([first.read, first.starred], [true, true]);
      assert.deepEqual(first.tags, flavour === 'freshrss' ? ['Later'] : []);
      assert.deepEqual(first.enclosures, []);
      assert.deepEqual([second.read, second.starred, second.tags], [false, false, []]);
    });

    it('sets read, starred and labels in batches, one state change per request', async () => {
      const srv = await server(flavour);
      const feed = srv.state.addFeed({ url: 'https://a.example/feed.xml' });
      const ids = srv.state.addItems(feed, 300).map((i) => String(i.id));
      const { client } = clientFor(srv.apiUrl);
      await client.setRead(ids, true);
      await client.setStarred(ids.slice(0, 5), true);
      await client.setStarred(ids.slice(0, 2), false);
      await client.setRead(ids.slice(0, 1), false);
      const view = srv.state.items();
      assert.equal(view.filter((i) => i.read).length, 299);
      assert.deepEqual(sorted(view.filter((i) => i.starred).map((i) => i.decimalId)), sorted(ids.slice(2, 5)));
      const edits = srv.requests.to('edit-tag');
      assert.equal(edits.length, 2 + 1 + 1 + 1);
      for (const edit of edits) assert.equal(edit.form.getAll('a').length + edit.form.getAll('r').length, 1);
      assert.ok(edits.every((e) => e.form.getAll('i').length <= 250 && e.headers.authorization && e.form.get('T')));
      if (flavour === 'freshrss') {
        await client.setItemTag(ids.slice(0, 3), 'Later', true);
        await client.setItemTag(ids.slice(0, 1), 'Later', false);
        assert.deepEqual(srv.state.item(ids[1] as string)?.labels, ['Later']);
        assert.deepEqual(srv.state.item(ids[0] as string)?.labels, []);
      } else {
        // Miniflux has no item labels: it answers 500, which is reported, not hidden.
        await rejects(client.setItemTag(ids.slice(0, 1), 'Later', true), 'server', /unsupported tag type/);
      }
    });

    it('subscribes, renames, re-tags and unsubscribes', async () => {
      const srv = await server(flavour);
      const { client } = clientFor(srv.apiUrl);
      const url = 'https://new.example/feed.xml';
      const feed = await client.subscribe(url, 'My feed', ['Reading']);
      assert.deepEqual(
        { ...feed, remoteId: undefined },
        {
          remoteId: undefined,
          url,
          title: 'My feed',
          siteUrl: 'https://new.example/',
          tags: ['Reading'],
        },
      );
      assert.deepEqual(await client.subscribe(url, null, []), feed, 'already subscribed: the same feed');
      // Both servers hold a feed in one folder, so the last label sent wins: the first tag is sent last.
      assert.deepEqual((await client.subscribe('https://two.example/f', null, ['First', 'Second'])).tags, ['First']);
      await client.renameFeed(feed.remoteId, 'Renamed');
      await client.setFeedTags(feed.remoteId, ['Other']);
      const moved = srv.state.feeds().find((f) => f.url === url);
      assert.deepEqual([moved?.title, moved?.folder], ['Renamed', 'Other']);
      await client.unsubscribe(feed.remoteId);
      assert.deepEqual(
        srv.state.feeds().map((f) => f.url),
        ['https://two.example/f'],
      );
    });

    it('re-logs in once when the auth token dies, then reports auth', async () => {
      const srv = await server(flavour);
      srv.state.addFeed({ url: 'https://a.example/feed.xml' });
      const items = srv.state.addItems(1, 2);
      const { client } = clientFor(srv.apiUrl);
      await client.setRead([String(items[0]?.id)], true); // holds an auth and a T token now
      srv.state.revokeAuth();
      assert.equal((await client.subscriptions()).length, 1);
      srv.state.revokeAuth();
      await client.setRead([String(items[1]?.id)], true);
      assert.ok(srv.state.items().every((i) => i.read));
      assert.equal(srv.requests.count('accounts/ClientLogin'), 3);
      srv.faults.unauthorizedNext(2, { path: 'tag/list' });
      await rejects(client.tagNames(), 'auth');
      srv.state.changePassword('changed');
      await rejects(client.subscriptions(), 'auth', /API password/);
    });

    it('costs four requests for a sync that finds nothing new', async () => {
      const srv = await server(flavour);
      const feed = srv.state.addFeed({ url: 'https://a.example/feed.xml', folder: 'Tech' });
      srv.state.addItems(feed, 20, { starred: true });
      const { client } = clientFor(srv.url);
      await client.login();
      srv.requests.reset();
      const before = client.stats.requests;
      await client.unreadIds();
      await client.starredIds();
      await client.subscriptions();
      await client.tagNames();
      assert.equal(srv.requests.count(), 4);
      assert.equal(client.stats.requests - before, 4);
      assert.ok(client.stats.bytesReceived > 0 && client.stats.bytesSent > 0);
    });

    it('waits out 429 and 503 with Retry-After, within its budget', async () => {
      const srv = await server(flavour);
      const { client, waits } = clientFor(srv.apiUrl, { maxRetryWaitMs: 10_000 });
      srv.faults.failNext(1, { status: 429, retryAfter: 2, path: 'tag/list' });
      srv.faults.failNext(1, { status: 503, retryAfter: new Date(Date.now() + 4_000).toUTCString(), path: 'tag/list' });
      assert.ok((await client.tagNames()).length > 0);
      assert.equal(waits.length, 2);
      assert.equal(waits[0], 2_000);
      assert.ok((waits[1] ?? 0) > 2_000 && (waits[1] ?? 0) <= 4_000, String(waits[1]));
      srv.faults.failNext(1, { status: 503, retryAfter: 120, path: 'tag/list' });
      const limited = await rejects(client.tagNames(), 'rate-limited');
      assert.equal(limited.retryAfterMs, 120_000);
      assert.equal(waits.length, 2, 'no wait beyond the budget');
      srv.faults.failNext(1, { status: 503, path: 'tag/list' });
      await rejects(client.tagNames(), 'server', /503/);
    });

    it("reports a cut-off answer and an endless continuation as 'malformed'", async () => {
      const srv = await server(flavour, { maxPageSize: 10 });
      srv.state.addItems(srv.state.addFeed({ url: 'https://a.example/feed.xml' }), 25);
      const { client } = clientFor(srv.apiUrl);
      srv.faults.malformedNext(1, { path: 'subscription/list' });
      await rejects(client.subscriptions(), 'malformed', /not JSON/);
      srv.faults.dropNext(1, { path: 'tag/list' });
      await rejects(client.tagNames(), 'unreachable', /connection was lost/);
      srv.faults.endlessContinuation = true;
      srv.requests.reset();
      await rejects(client.unreadIds(), 'malformed', /pages forever/);
      assert.ok(srv.requests.count('stream/items/ids') <= 6);
    });
  });
}

describe('GReader item ids', () => {
  it('normalises both spellings (and the signed decimal Google used) to one decimal string', () => {
    const id = '1712345678901234'; // 0x0006155e8bec6ff2
    assert.equal(normaliseItemId('tag:google.com,2005:reader/item/0006155e8bec6ff2'), id);
    assert.equal(normaliseItemId(id), id);
    assert.equal(normaliseItemId('0006155e8bec6ff2'), id); // bare hex, as some servers send
    assert.equal(normaliseItemId('tag:google.com,2005:reader/item/000000000000000a'), '10');
    assert.equal(normaliseItemId('-1'), '18446744073709551615');
    assert.equal(normaliseItemId('0000000000abcdef'), String(0xabcdef));
    for (const bad of ['', 'x', 'tag:google.com,2005:reader/item/xyz', '99999999999999999999999', null]) {
      assert.equal(normaliseItemId(bad), null, String(bad));
    }
    assert.equal(longItemId(id), 'tag:google.com,2005:reader/item/0006155e8bec6ff2');
    assert.equal(longItemId('18446744073709551615'), 'tag:google.com,2005:reader/item/ffffffffffffffff');
  });
});

describe('GReader client, FreshRSS only', () => {
  it("reports the API switched off as 'api-disabled'", async () => {
    const srv = await server('freshrss', { apiEnabled: false });
    await rejects(clientFor(srv.url).client.login(), 'api-disabled', /Allow API access/);
  });

  it('fetches a new T once when it goes stale, without logging in again', async () => {
    const srv = await server('freshrss');
    const ids = srv.state.addItems(srv.state.addFeed({ url: 'https://a.example/f' }), 2).map((i) => String(i.id));
    const { client } = clientFor(srv.apiUrl);
    await client.setRead(ids.slice(0, 1), true);
    srv.state.expireEditTokens();
    await client.setStarred(ids.slice(1), true);
    assert.equal(srv.state.item(ids[1] as string)?.starred, true);
    assert.equal(srv.requests.count('token'), 2);
    assert.equal(srv.requests.count('accounts/ClientLogin'), 1);
    assert.equal(srv.requests.count('edit-tag'), 3); // the stale one, its retry, the first
  });
});

describe('GReader client, hosts that are not the API', () => {
  it("calls an HTML site 'not-endpoint', naming the addresses tried", async () => {
    const url = await plainServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<!doctype html><title>Blog</title>');
    });
    const error = await rejects(
      clientFor(url).client.login(),
      'not-endpoint',
      /does not answer as a Google Reader API/,
    );
    assert.ok(error.message.includes(`${url}/api/greader.php`) && error.message.includes('for Miniflux'));
  });

  it("refuses a redirect to another host as 'insecure-redirect', follows one on the same", async () => {
    const target = await server('miniflux');
    const port = new URL(target.url).port;
    const url = await plainServer((req, res) => {
      const local = req.url?.startsWith('/same/') === true;
      const where = local ? req.url?.replace('/same/', '/elsewhere/') : `http://localhost:${port}${req.url}`;
      if (req.url?.startsWith('/elsewhere/')) {
        res.writeHead(200, { 'Content-Type': 'text/plain' });
        return void res.end('SID=x\nAuth=alice/token\n');
      }
      res.writeHead(307, { Location: where });
      res.end();
    });
    await rejects(clientFor(url).client.login(), 'insecure-redirect', /localhost/);
    assert.equal(target.requests.count(), 0, 'nothing was sent to the other host');
    const same = clientFor(`${url}/same/api/greader.php`).client;
    await same.login();
  });

  it('maps refused connections, DNS, TLS and timeouts', async () => {
    const closed = await plainServer(() => undefined);
    await stops.pop()?.(); // closed now: its port refuses
    await rejects(clientFor(closed).client.login(), 'unreachable', /ECONNREFUSED/);
    const failing =
      (code: string): typeof fetch =>
      async () => {
        throw new TypeError('fetch failed', { cause: Object.assign(new Error(code), { code }) });
      };
    await rejects(clientFor('https://x.example', { fetch: failing('ENOTFOUND') }).client.login(), 'unreachable');
    await rejects(clientFor('https://x.example', { fetch: failing('CERT_HAS_EXPIRED') }).client.login(), 'tls');
    const silent = await plainServer(() => undefined); // never answers
    await rejects(clientFor(silent, { timeoutMs: 150 }).client.login(), 'timeout');
  });

  it('keeps the password and tokens out of messages, even when a server echoes them', async () => {
    const url = await plainServer((req, res) => {
      const login = req.url?.endsWith('/accounts/ClientLogin') === true;
      res.writeHead(login ? 200 : 500, { 'Content-Type': 'text/plain' });
      res.end(login ? 'Auth=alice/tok3n\n' : `no: ${req.headers.authorization} ${PASSWORD}`);
    });
    // rejects() checks the message holds neither the password nor the token; the reason is kept.
    await rejects(clientFor(`${url}/api/greader.php`).client.subscriptions(), 'server', /HTTP 500.*no: GoogleLogin/);
  });
});
