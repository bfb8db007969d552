/**
 * The request deadline of electron/engine/feeds/fetch.ts is one deadline for the whole
 * exchange (connect, headers, every redirect, the body), not an idle timeout: a server
 * that holds the connection, stops after its headers or halfway through its body, or
 * trickles a byte at a time, is cut when it passes, and the error says so (issue 19).
 * Against a real loopback server; the deadline is short (300 ms), the messages name it.
 */
import assert from 'node:assert/strict';
import type http from 'node:http';
import { after, before, describe, it } from 'node:test';
import zlib from 'node:zlib';
import {
  closeIdleConnections,
  DEFAULT_FETCH_OPTIONS,
  fetchFeed,
  fetchFeedAsSent,
  FetchError,
  type FetchOptions,
} from '../../../../electron/engine/feeds/fetch.js';
import { startFeedServer, type FeedServer } from '../../../support/feed-server.js';

const DEADLINE_MS = 300;
const options: FetchOptions = { ...DEFAULT_FETCH_OPTIONS, connectTimeoutMs: 2_000, totalTimeoutMs: DEADLINE_MS };
const TIMED_OUT = /did not send the whole feed within 0\.3 s/;

async function expectTimeout(promise: Promise<unknown>): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(error instanceof FetchError, `expected a FetchError, got ${String(error)}`);
    assert.equal(error.kind, 'timeout', error.message);
    assert.match(error.message, TIMED_OUT);
    return true;
  });
}

/** Writes `chunk` every `everyMs` until the client goes; counts what was written. */
function trickle(res: http.ServerResponse, chunk: () => Buffer | string, everyMs: number, sent: { n: number }): void {
  const timer = setInterval(() => {
    res.write(chunk());
    sent.n++;
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

describe('fetch: the request deadline covers the whole exchange', () => {
  let server: FeedServer;

  before(async () => {
    server = await startFeedServer();
  });
  after(async () => {
    closeIdleConnections();
    await server.close();
  });

  it('ends a server that accepts the connection and never answers', async () => {
    server.handle('/silent', () => undefined);
    await expectTimeout(fetchFeedAsSent({ url: server.url('/silent') }, options));
  });

  it('ends a server that sends its headers and then nothing', async () => {
    server.handle('/headers-only', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.flushHeaders();
    });
    await expectTimeout(fetchFeedAsSent({ url: server.url('/headers-only') }, options));
    await expectTimeout(fetchFeed({ url: server.url('/headers-only') }, options));
  });

  it('ends a server that stops halfway through its body', async () => {
    server.handle('/half', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '10000' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>half');
    });
    await expectTimeout(fetchFeedAsSent({ url: server.url('/half') }, options));
    await expectTimeout(fetchFeed({ url: server.url('/half') }, options));
  });

  it('is not reset by a trickle: bytes keep coming and the deadline still ends it', async () => {
    const sent = { n: 0 };
    server.handle('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      trickle(res, () => '<', 20, sent);
    });
    await expectTimeout(fetchFeedAsSent({ url: server.url('/trickle') }, options));
    // An idle timeout of any length above 20 ms would never have fired.
    assert.ok(sent.n >= 3, `the server wrote ${sent.n} times before the deadline`);
  });

  it('reports a trickling compressed body as a timeout, not as a corrupt body', async () => {
    // A real gzip stream, flushed a piece at a time: valid as far as it goes.
    const gzip = zlib.createGzip();
    // Long enough that, a piece every 20 ms, it would take far longer than the deadline.
    const body = Buffer.from(
      `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>${'<item/>'.repeat(100)}`,
    );
    const compressed: Buffer[] = [];
    gzip.on('data', (d: Buffer) => compressed.push(d));
    for (let i = 0; i < body.length; i += 16) {
      gzip.write(body.subarray(i, i + 16));
      await new Promise<void>((resolve) => gzip.flush(zlib.constants.Z_SYNC_FLUSH, () => resolve()));
    }
    const pieces = [...compressed];
    const sent = { n: 0 };
    server.handle('/gzip-trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-encoding': 'gzip' });
      let next = 0;
      trickle(res, () => pieces[next++] ?? Buffer.alloc(0), 20, sent);
    });
    await expectTimeout(fetchFeed({ url: server.url('/gzip-trickle') }, options));
    assert.ok(sent.n >= 3);
  });

  it('spans redirects: each hop is quick, together they pass the deadline', async () => {
    for (let i = 0; i < 4; i++)
      server.handle(`/hop${i}`, (_req, res) => {
        setTimeout(() => res.writeHead(302, { location: `/hop${i + 1}` }).end(), DEADLINE_MS / 2);
      });
    server.serve('/hop4', '<rss version="2.0"><channel><title>end</title></channel></rss>');
    await expectTimeout(fetchFeedAsSent({ url: server.url('/hop0') }, options));
    assert.ok(
      server.requests.filter((r) => r.path.startsWith('/hop')).length < 4,
      'the deadline is not restarted at each hop',
    );
  });

  it('ends an exchange at once when the refresh is cancelled, before its deadline, and says so', async () => {
    const long: FetchOptions = { ...options, totalTimeoutMs: 20_000 };
    let closed = false;
    let answering = (): void => undefined;
    const reached = new Promise<void>((resolve) => (answering = resolve));
    server.handle('/held', (req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.write('<?xml version="1.0"?><rss version="2.0"><channel>');
      req.socket.on('close', () => (closed = true));
      answering();
    });
    const cancel = new AbortController();
    const started = performance.now();
    const fetching = fetchFeedAsSent({ url: server.url('/held'), signal: cancel.signal }, long);
    await reached;
    cancel.abort();
    await assert.rejects(fetching, (error: unknown) => {
      assert.ok(error instanceof FetchError, String(error));
      assert.match(error.message, /cancelled/);
      return true;
    });
    assert.ok(performance.now() - started < 10_000, 'ended by the cancel, not by the 20 s deadline');
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(closed, 'the connection was closed');
    // Already cancelled: nothing is fetched.
    const before = server.requests.length;
    await assert.rejects(fetchFeedAsSent({ url: server.url('/held'), signal: cancel.signal }, long), /cancelled/);
    assert.equal(server.requests.length, before);
  });
});
