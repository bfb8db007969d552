/**
 * The private-network rule in the HTTP client (electron/engine/feeds/address-guard.ts),
 * against a real server on 127.0.0.1. Where the feed lives is an input of the guard, and
 * names are resolved by an injected resolver, so a test can say "this feed is public" and
 * "this name is 192.168.1.1" while every connection that is allowed still goes to
 * loopback. A refused request must never reach the server.
 */
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  AddressRefusedError,
  type AddressGuard,
  type Resolve,
} from '../../../../electron/engine/feeds/address-guard.js';
import {
  closeIdleConnections,
  DEFAULT_FETCH_OPTIONS,
  fetchFeed,
  type FetchOptions,
} from '../../../../electron/engine/feeds/fetch.js';
import type { NetworkKind } from '../../../../shared/network-kind.js';
import { startFeedServer, type FeedServer } from '../../../support/feed-server.js';

const fast: FetchOptions = { ...DEFAULT_FETCH_OPTIONS, connectTimeoutMs: 2_000, totalTimeoutMs: 2_000 };

/** A resolver that knows only the names it is given (anything else: not found). */
function resolverOf(names: Record<string, string[]>, calls: string[] = []): Resolve {
  return async (hostname) => {
    calls.push(hostname);
    const addresses = names[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

const guard = (feedNetwork: NetworkKind, resolve?: Resolve): AddressGuard => ({ what: 'image', feedNetwork, resolve });

async function refusal(promise: Promise<unknown>): Promise<AddressRefusedError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof AddressRefusedError, `expected a refusal, got ${String(error)}`);
    assert.equal(error.kind, 'bad-url', 'a refusal is final, not a network failure to retry');
    return error;
  }
  assert.fail('expected the request to be refused');
}

describe('the private-network rule in the HTTP client', () => {
  let server: FeedServer;
  let port: number;

  before(async () => {
    server = await startFeedServer();
    port = server.port;
    server.serve('/img.png', { body: 'png', contentType: 'image/png' });
    server.redirect('/to-private', 'http://10.0.0.1/x.png');
    server.handle('/to-intranet', (_req, res) => {
      res.writeHead(302, { location: `http://intranet.example:${port}/img.png?token=secret` });
      res.end();
    });
  });
  after(async () => {
    closeIdleConnections();
    await server.close();
  });
  beforeEach(() => {
    // Each test starts without kept-alive sockets and with an empty request log.
    closeIdleConnections();
    server.requests.length = 0;
  });

  it('refuses a loopback address to a public feed however it is written, before asking it', async () => {
    const forms = [
      `http://127.0.0.1:${port}/img.png`,
      `http://2130706433:${port}/img.png`,
      `http://0x7f000001:${port}/img.png`,
      `http://0x7f.0.0.1:${port}/img.png`,
      `http://0177.0.0.1:${port}/img.png`,
      `http://127.1:${port}/img.png`,
      `http://[::1]:${port}/img.png`,
      `http://[::ffff:127.0.0.1]:${port}/img.png`,
      `http://[::ffff:7f00:1]:${port}/img.png`,
      `http://0.0.0.0:${port}/img.png`,
    ];
    for (const url of forms) {
      const error = await refusal(fetchFeed({ url, guard: guard('public') }, fast));
      assert.match(
        error.message,
        /^image skipped: \S+ is an? (loopback|unspecified) address and the feed is public$/,
        url,
      );
    }
    const first = await refusal(fetchFeed({ url: forms[1]!, guard: guard('public') }, fast));
    assert.equal(first.message, 'image skipped: 127.0.0.1 is a loopback address and the feed is public');
    assert.equal(server.requests.length, 0, 'no refused request reached the server');
  });

  it('fetches the same address for a feed that lives on this computer too', async () => {
    const result = await fetchFeed({ url: `http://2130706433:${port}/img.png`, guard: guard('loopback') }, fast);
    assert.equal(result.kind, 'ok');
    assert.equal(result.remoteAddress, '127.0.0.1');
  });

  it('refuses a private address to a feed on this computer: the same kind of network only', async () => {
    await refusal(fetchFeed({ url: 'http://192.168.1.1/router.cgi', guard: guard('loopback') }, fast));
    await refusal(fetchFeed({ url: 'http://[fd00::1]/', guard: guard('loopback') }, fast));
    await refusal(fetchFeed({ url: 'http://169.254.169.254/latest/meta-data/', guard: guard('private') }, fast));
    await refusal(fetchFeed({ url: 'http://100.64.0.1/', guard: guard('private') }, fast));
  });

  it('checks a name after resolving it, and names both in the message', async () => {
    const resolve = resolverOf({ 'public.example': ['127.0.0.1'] });
    const error = await refusal(
      fetchFeed({ url: `http://public.example:${port}/img.png?token=secret`, guard: guard('public', resolve) }, fast),
    );
    assert.equal(
      error.message,
      'image skipped: public.example resolves to 127.0.0.1, a loopback address, and the feed is public',
    );
    assert.equal(server.requests.length, 0);
  });

  it('connects to the address it checked, never to one resolved again (no rebinding)', async () => {
    // The system resolver knows no rebind.example: the connection can only have used the
    // checked answer. A private address offered beside it is never tried.
    const calls: string[] = [];
    const resolve = resolverOf({ 'rebind.example': ['10.0.0.9', '127.0.0.1'] }, calls);
    const result = await fetchFeed(
      { url: `http://rebind.example:${port}/img.png`, guard: guard('loopback', resolve) },
      fast,
    );
    assert.equal(result.kind, 'ok');
    assert.equal(result.remoteAddress, '127.0.0.1');
    assert.deepEqual(calls, ['rebind.example'], 'one resolution, the one checked');
    assert.equal(server.requests[0]?.headers.host, `rebind.example:${port}`);
  });

  it('checks every redirect: a literal and a name', async () => {
    const toPrivate = await refusal(fetchFeed({ url: server.url('/to-private'), guard: guard('loopback') }, fast));
    assert.equal(
      toPrivate.message,
      'image skipped: 10.0.0.1 is a private address and the feed is on this computer (127.0.0.1 redirected there)',
    );
    const resolve = resolverOf({ 'intranet.example': ['192.168.1.1'] });
    const toName = await refusal(
      fetchFeed({ url: server.url('/to-intranet'), guard: guard('loopback', resolve) }, fast),
    );
    assert.match(toName.message, /intranet\.example resolves to 192\.168\.1\.1, a private address, and the feed/);
    assert.doesNotMatch(toName.message, /secret/, 'no query string (it may hold a token) in the message');
  });

  it('never lends a socket kept alive for one kind of feed to another', async () => {
    const resolve = resolverOf({ 'shared.example': ['127.0.0.1'] });
    const url = `http://shared.example:${port}/img.png`;
    // A feed on this computer fetches from the name; its socket stays open...
    assert.equal((await fetchFeed({ url, guard: guard('loopback', resolve) }, fast)).kind, 'ok');
    // ...and a public feed's request to the same host must be checked, not carried on it.
    await refusal(fetchFeed({ url, guard: guard('public', resolve) }, fast));
    assert.equal(server.requests.length, 1);
  });

  it('leaves feeds themselves alone: the user chose to follow them', async () => {
    assert.equal((await fetchFeed({ url: `http://2130706433:${port}/img.png` }, fast)).kind, 'ok');
  });
});
