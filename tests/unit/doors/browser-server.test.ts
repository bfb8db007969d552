/**
 * Browser mode's bridge, attacked the ways a web page could: it must listen on loopback
 * only, refuse a foreign Host (DNS rebinding) or Origin (cross-site WebSocket), and want
 * the token on every HTTP request and WebSocket.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import WebSocket from 'ws';
import { startBrowserServer, TOKEN_COOKIE, type BrowserServer } from '../../../electron/doors/browser-server.js';
import { ReaderService } from '../../../electron/engine/reader/reader-service.js';
import { tempDatabase } from '../../support/temp.js';

function get(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

function openSocket(url: string, headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function call(
  ws: WebSocket,
  method: string,
  args: unknown[],
): Promise<{ ok: boolean; result?: unknown; error?: { message: string } }> {
  return new Promise((resolve) => {
    const id = Math.floor(Math.random() * 1e9);
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(String(data)) as { id: number };
      if (message.id === id) {
        ws.off('message', onMessage);
        resolve(message as never);
      }
    };
    ws.on('message', onMessage);
    ws.send(JSON.stringify({ id, method, args }));
  });
}

describe('browser mode bridge', () => {
  let server: BrowserServer;
  let t: ReturnType<typeof tempDatabase>;
  let service: ReaderService;
  let rendererDir: string;
  const token = 'test-token-0123456789abcdef';

  before(async () => {
    rendererDir = mkdtempSync(join(tmpdir(), 'syndic-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Syndic</title>');
    writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)');
    t = tempDatabase();
    service = new ReaderService({ db: t.db });
    server = await startBrowserServer({ api: service, rendererDir, token });
  });
  after(async () => {
    await server.close();
    await service.shutdown();
    t.done();
    rmSync(rendererDir, { recursive: true, force: true });
  });

  const host = () => new URL(server.origin).host;
  const cookie = `${TOKEN_COOKIE}=${token}`;

  it('listens on the loopback address only', () => {
    assert.match(server.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('wants the token on every HTTP request', async () => {
    for (const path of ['/', '/index.html', '/app.js', '/missing']) {
      const res = await get(server.origin + path);
      assert.equal(res.status, 401, path);
    }
    assert.equal((await get(`${server.origin}/app.js?token=wrong`)).status, 401);
    assert.equal((await get(server.origin + '/app.js', { cookie: `${TOKEN_COOKIE}=wrong` })).status, 401);
    const ok = await get(server.origin + '/app.js', { cookie });
    assert.equal(ok.status, 200);
  });

  it('trades the token in the address for an HttpOnly cookie, and sends a strict CSP', async () => {
    const first = await get(`${server.origin}/?token=${token}`);
    assert.equal(first.status, 303);
    assert.match(String(first.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
    const page = await get(server.origin + '/', { cookie });
    assert.equal(page.status, 200);
    const csp = String(page.headers['content-security-policy']);
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const res = await get(server.origin + '/', { cookie, host: 'evil.example' });
    assert.equal(res.status, 403);
  });

  it('refuses a cross-site request on every path, with the cookie or the token (issue 19, item 4)', async () => {
    const crossSite: Record<string, string>[] = [
      { origin: 'http://evil.example', 'sec-fetch-site': 'cross-site' },
      { origin: 'http://evil.example' },
      { origin: 'null' },
      { 'sec-fetch-site': 'cross-site' },
      // Another program's page on 127.0.0.1 is the same site as ours: not our origin.
      { 'sec-fetch-site': 'same-site' },
      { origin: `http://127.0.0.1:${Number(new URL(server.origin).port) + 1}` },
    ];
    for (const path of ['/', '/index.html', '/app.js', '/cache/images/ab/abcd', '/missing']) {
      for (const headers of crossSite) {
        const res = await get(server.origin + path, { cookie, ...headers });
        assert.equal(res.status, 403, `${path} ${JSON.stringify(headers)}`);
      }
    }
    const exchange = await get(`${server.origin}/?token=${token}`, { 'sec-fetch-site': 'cross-site' });
    assert.equal(exchange.status, 403, 'no cookie is handed to another site');
    assert.equal(exchange.headers['set-cookie'], undefined);
  });

  it('serves its own page and what the user opens themselves', async () => {
    const own: Record<string, string>[] = [
      { origin: server.origin, 'sec-fetch-site': 'same-origin' },
      { origin: `http://localhost:${new URL(server.origin).port}`, 'sec-fetch-site': 'same-origin' },
      // A typed address or a bookmark.
      { 'sec-fetch-site': 'none' },
      // Not a browser: neither header, and still the token.
      {},
    ];
    for (const headers of own) assert.equal((await get(server.origin + '/', { cookie, ...headers })).status, 200);
  });

  it('does not serve files outside the renderer', async () => {
    const res = await get(server.origin + '/..%2f..%2f..%2fetc%2fpasswd', { cookie });
    assert.equal(res.status, 404);
  });

  it('opens the API socket only with the token, our Host and our Origin', async () => {
    const url = `ws://${host()}/api`;
    await assert.rejects(openSocket(url, { origin: server.origin }), /403/, 'no token');
    await assert.rejects(openSocket(url, { origin: 'http://evil.example', cookie }), /403/, 'foreign origin');
    await assert.rejects(openSocket(url, { cookie }), /403/, 'no origin');
    await assert.rejects(
      openSocket(url, { origin: server.origin, cookie, host: 'evil.example' }),
      /403/,
      'foreign host',
    );
    await assert.rejects(openSocket(`${url}?token=nope`, { origin: server.origin }), /403/, 'wrong token');
    const ws = await openSocket(url, { origin: server.origin, cookie });
    try {
      const reply = await call(ws, 'getSettings', []);
      assert.equal(reply.ok, true);
      const unknown = await call(ws, 'dropAllTables', []);
      assert.equal(unknown.ok, false);
      assert.match(unknown.error!.message, /Unknown method/);
      const invalid = await call(ws, 'getArticle', ['1; DROP TABLE articles']);
      assert.equal(invalid.ok, false);
      assert.match(invalid.error!.message, /Invalid arguments for getArticle/);
      const extra = await call(ws, 'listArticles', [{ view: 'all', sql: 'x' }, null, 10]);
      assert.equal(extra.ok, false, 'unknown fields are refused');
    } finally {
      ws.close();
    }
  });

  it('pushes events to connected windows', async () => {
    const ws = await openSocket(`ws://${host()}/api?token=${token}`, { origin: server.origin });
    try {
      const received = new Promise<string>((resolve) => ws.once('message', (d) => resolve(String(d))));
      server.broadcast('feeds-changed', { feedIds: [1] });
      assert.deepEqual(JSON.parse(await received), { event: 'feeds-changed', payload: { feedIds: [1] } });
    } finally {
      ws.close();
    }
  });
});
