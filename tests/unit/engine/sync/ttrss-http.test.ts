/**
 * The TT-RSS SyncClient against small node:http servers on 127.0.0.1 that misbehave as a
 * healthy TT-RSS never does: HTML instead of the API, 429/503 with Retry-After, 5xx, garbage
 * after login, redirects (same origin and away), silence, closed ports, certificate and DNS
 * failures (an injected fetch), sessions that expire, pages that never end.
 */
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { createTtrssClient, type TtrssClientOptions } from '../../../../electron/engine/sync/ttrss/ttrss-client.js';
import { rejectsWith } from './ttrss-test-helpers.js';

interface FakeRequest {
  path: string;
  body: Record<string, unknown>;
}
type FakeAnswer = { status?: number; headers?: Record<string, string>; body?: string } | 'hang';

async function fakeServer(answer: (request: FakeRequest, index: number) => FakeAnswer) {
  const requests: FakeRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
      } catch {
        /* not JSON: recorded as {} */
      }
      const request = { path: req.url ?? '/', body };
      requests.push(request);
      const a = answer(request, requests.length - 1);
      if (a === 'hang') return; // never answers
      res.writeHead(a.status ?? 200, { 'content-type': 'text/json', ...a.headers }).end(a.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/tt-rss/`,
    host: `127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const SID = 'SESSION-abc123';
const PASSWORD = 'hunter2-secret';
const ok = (content: unknown) => ({ body: JSON.stringify({ seq: 0, status: 0, content }) });
const loginOk = ok({ session_id: SID, api_level: 15 });

function recorder() {
  const waits: number[] = [];
  return {
    waits,
    sleep: async (ms: number) => {
      // A client that never gives up must fail here, not hang the suite.
      if (waits.length >= 10) throw new Error('waited 10 times: no end to the retries');
      waits.push(ms);
    },
  };
}

function clientFor(url: string, options: TtrssClientOptions = {}) {
  return createTtrssClient({ serverUrl: url, username: 'me', password: PASSWORD }, options);
}

describe('TT-RSS client against misbehaving servers', { timeout: 60_000 }, () => {
  test('an address that answers HTML is not a TT-RSS endpoint', async () => {
    const s = await fakeServer(() => ({ headers: { 'content-type': 'text/html' }, body: '<html>hello</html>' }));
    try {
      const error = await rejectsWith(clientFor(s.url).login(), 'not-endpoint', s.host, [PASSWORD]);
      assert.match(error.message, /not a Tiny Tiny RSS server \(no API at http:\/\/127\.0\.0\.1:\d+\/tt-rss\/api\/\)/);
      assert.equal(s.requests[0]?.path, '/tt-rss/api/');
    } finally {
      await s.close();
    }
  });

  test('429 and 503 with Retry-After (seconds, HTTP date) are waited out; beyond the budget: rate-limited', async () => {
    const s = await fakeServer((_r, i) => {
      if (i === 0) return { status: 429, headers: { 'retry-after': '2' } };
      if (i === 1) return { status: 503, headers: { 'retry-after': new Date(Date.now() + 30_000).toUTCString() } };
      if (i === 2) return loginOk;
      return { status: 429, headers: { 'retry-after': '120' } };
    });
    try {
      const { waits, sleep } = recorder();
      const client = clientFor(s.url, { sleep });
      await client.login();
      assert.equal(waits.length, 2);
      assert.equal(waits[0], 2000);
      assert.ok(waits[1]! > 25_000 && waits[1]! <= 30_000, String(waits[1]));
      const error = await rejectsWith(client.unreadIds(), 'rate-limited', s.host, [PASSWORD, SID]);
      assert.equal(error.retryAfterMs, 120_000);
      assert.equal(waits.length, 2, 'no wait beyond the 60 s budget');
      assert.equal(client.stats.requests, 4);
    } finally {
      await s.close();
    }
  });

  test('5xx is server, a 503 without Retry-After too; garbage after login is malformed', async () => {
    const s = await fakeServer((r) => {
      if (r.body.op === 'login') return loginOk;
      if (r.body.op !== 'getHeadlines') return { status: 500, body: 'boom' };
      if (r.body.feed_id === -1) return { status: 503 };
      return { headers: { 'content-type': 'text/html' }, body: '<b>Fatal error</b>' };
    });
    try {
      const { waits, sleep } = recorder();
      const client = clientFor(s.url, { sleep });
      await client.login();
      await rejectsWith(client.subscriptions(), 'server', s.host, [PASSWORD, SID]);
      await rejectsWith(client.starredIds(), 'server', s.host);
      await rejectsWith(client.unreadIds(), 'malformed', s.host, [PASSWORD, SID]);
      assert.deepEqual(waits, []);
    } finally {
      await s.close();
    }
  });

  test('a redirect to another host is refused before the password goes there; same-origin ones are followed', async () => {
    const elsewhere = await fakeServer(() => loginOk);
    const s = await fakeServer((r) =>
      r.path === '/tt-rss/api/'
        ? { status: 308, headers: { location: '/moved/api/' } }
        : r.path === '/moved/api/'
          ? r.body.op === 'login'
            ? loginOk
            : ok([])
          : { status: 307, headers: { location: elsewhere.url.replace('127.0.0.1', 'localhost') + 'api/' } },
    );
    try {
      const client = clientFor(s.url);
      await client.login();
      assert.deepEqual(await client.unreadIds(), []);
      assert.deepEqual(
        s.requests.map((r) => r.path),
        ['/tt-rss/api/', '/moved/api/', '/moved/api/'],
        'later calls go straight to where the redirect led',
      );
      const away = clientFor(`${s.url.replace('/tt-rss/', '/away/')}`);
      const error = await rejectsWith(away.login(), 'insecure-redirect', s.host, [PASSWORD]);
      assert.match(error.message, /localhost/);
      assert.equal(elsewhere.requests.length, 0, 'nothing reached the other host');
    } finally {
      await s.close();
      await elsewhere.close();
    }
  });

  test('silence is a timeout; a closed port is unreachable; certificate errors are tls', async () => {
    const s = await fakeServer(() => 'hang');
    // Port 1 (tcpmux) is never served here; a port freed by a closed test server could be
    // taken at once by another test file running alongside (its loopback listener, say).
    const closed = { url: 'http://127.0.0.1:1/', host: '127.0.0.1:1' };
    try {
      await rejectsWith(clientFor(s.url, { timeoutMs: 200 }).login(), 'timeout', s.host);
      await rejectsWith(clientFor(closed.url).login(), 'unreachable', closed.host);
      const certFailure: typeof fetch = () =>
        Promise.reject(
          new TypeError('fetch failed', {
            cause: Object.assign(new Error('self-signed'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }),
          }),
        );
      await rejectsWith(clientFor('https://tt.example.org/', { fetch: certFailure }).login(), 'tls', 'tt.example.org');
      const dnsFailure: typeof fetch = () =>
        Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('no'), { code: 'ENOTFOUND' }) }));
      await rejectsWith(
        clientFor('tt.example.org/rss', { fetch: dnsFailure }).login(),
        'unreachable',
        'tt.example.org',
      );
    } finally {
      await s.close();
    }
  });

  test('NOT_LOGGED_IN logs in again once; a server that pages forever is stopped', async () => {
    let logins = 0;
    const s = await fakeServer((r) => {
      if (r.body.op === 'login') return ok({ session_id: `${SID}-${++logins}`, api_level: 15 });
      if (r.body.sid === `${SID}-1`)
        return { body: JSON.stringify({ seq: -1, status: 1, content: { error: 'NOT_LOGGED_IN' } }) };
      return ok(Array.from({ length: 200 }, (_, k) => ({ id: k + 1 })));
    });
    try {
      const client = clientFor(s.url);
      await rejectsWith(client.unreadIds(), 'malformed', s.host);
      assert.equal(logins, 2);
      // login, NOT_LOGGED_IN, login, then 2,000 full pages.
      assert.equal(client.stats.requests, 3 + 2000);
    } finally {
      await s.close();
    }
  });
});
