import assert from 'node:assert/strict';
import { createServer } from 'node:net';
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
import { runParseJob } from '../../../../electron/engine/feeds/parse-job.js';
import { fixture } from '../../../support/fixtures.js';
import { startFeedServer, type FeedServer } from '../../../support/feed-server.js';

const fast: FetchOptions = { ...DEFAULT_FETCH_OPTIONS, connectTimeoutMs: 2_000, totalTimeoutMs: 1_500 };

async function expectFetchError(promise: Promise<unknown>, kind: string, pattern?: RegExp): Promise<FetchError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof FetchError, `expected FetchError, got ${String(error)}`);
    assert.equal(error.kind, kind, error.message);
    if (pattern) assert.match(error.message, pattern);
    return error;
  }
  assert.fail(`expected a ${kind} error`);
}

describe('fetchFeed', () => {
  let server: FeedServer;
  const aws = fixture('feeds', 'aws.rss');

  before(async () => {
    server = await startFeedServer();
    server.serve('/aws.rss', {
      body: aws,
      contentType: 'application/rss+xml',
      headers: { 'cache-control': 'max-age=1800' },
    });
  });
  after(async () => {
    closeIdleConnections();
    await server.close();
  });

  it('fetches, decompresses brotli and gzip, and reports validators', async () => {
    const result = await fetchFeed({ url: server.url('/aws.rss') }, fast);
    assert.equal(result.kind, 'ok');
    if (result.kind !== 'ok') return;
    assert.deepEqual(result.body, aws);
    assert.ok(result.etag);
    assert.equal(result.lastModified, 'Mon, 01 Jan 2024 00:00:00 GMT');
    assert.equal(result.maxAgeSeconds, 1800);
    const log = server.requests.at(-1)!;
    assert.match(String(log.headers['accept-encoding']), /br/);

    server.handle('/gzip.rss', (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' });
      res.end(zlib.gzipSync(aws));
    });
    const gz = await fetchFeed({ url: server.url('/gzip.rss') }, fast);
    assert.ok(gz.kind === 'ok' && gz.body.equals(aws));

    for (const [name, deflate] of [
      ['zlib', zlib.deflateSync],
      ['raw', zlib.deflateRawSync],
    ] as const) {
      server.handle(`/deflate-${name}.rss`, (_req, res) => {
        res.writeHead(200, { 'content-encoding': 'deflate' });
        res.end(deflate(aws));
      });
      const d = await fetchFeed({ url: server.url(`/deflate-${name}.rss`) }, fast);
      assert.ok(d.kind === 'ok' && d.body.equals(aws), `deflate (${name})`);
    }
  });

  it('sends ETag and Last-Modified back exactly and takes a 304', async () => {
    const first = await fetchFeed({ url: server.url('/aws.rss') }, fast);
    assert.equal(first.kind, 'ok');
    const second = await fetchFeed(
      { url: server.url('/aws.rss'), etag: first.etag, lastModified: first.lastModified },
      fast,
    );
    assert.equal(second.kind, 'not-modified');
    const log = server.requests.at(-1)!;
    assert.equal(log.headers['if-none-match'], first.etag);
    assert.equal(log.headers['if-modified-since'], first.lastModified);
  });

  it('reports an unchanged body by its hash', async () => {
    // As a refresh does it: the body as sent, then the parse job hashes it.
    server.serve('/no-validators.rss', { body: aws, validators: false });
    const fetchAndParse = async (previousHash: string | null) => {
      const fetched = await fetchFeedAsSent({ url: server.url('/no-validators.rss') }, fast);
      assert.equal(fetched.kind, 'ok');
      if (fetched.kind !== 'ok') throw new Error('not ok');
      const { body, encoding, finalUrl: url, contentType } = fetched;
      return runParseJob({ body, encoding, url, contentType, previousHash, maxBytes: fast.maxBytes });
    };
    const first = await fetchAndParse(null);
    assert.ok(first.feed !== null);
    const second = await fetchAndParse(first.hash);
    assert.ok(second.feed === null && second.hash === first.hash);
  });

  it('follows redirects; only an all-permanent chain moves the feed', async () => {
    server.redirect('/moved', '/aws.rss', 301);
    server.redirect('/moved-twice', '/moved', 308);
    server.redirect('/temporary', '/moved', 302);
    const moved = await fetchFeed({ url: server.url('/moved-twice') }, fast);
    assert.equal(moved.movedTo, server.url('/aws.rss'));
    const temporary = await fetchFeed({ url: server.url('/temporary') }, fast);
    assert.equal(temporary.movedTo, null);
    assert.equal(temporary.finalUrl, server.url('/aws.rss'));
  });

  it('stops after five redirects and refuses a redirect to another scheme', async () => {
    for (let i = 0; i < 7; i++) server.redirect(`/loop${i}`, `/loop${i + 1}`, 302);
    await expectFetchError(fetchFeed({ url: server.url('/loop0') }, fast), 'too-many-redirects');
    server.redirect('/to-file', 'file:///etc/passwd', 301);
    await expectFetchError(fetchFeed({ url: server.url('/to-file') }, fast), 'bad-redirect', /file:/);
    server.redirect('/to-ftp', 'ftp://example.com/feed', 302);
    await expectFetchError(fetchFeed({ url: server.url('/to-ftp') }, fast), 'bad-redirect');
  });

  it('names HTTP errors and reads Retry-After', async () => {
    const notFound = await expectFetchError(fetchFeed({ url: server.url('/missing') }, fast), 'http', /404 Not Found/);
    assert.equal(notFound.status, 404);
    server.serve('/busy', { body: 'slow down', status: 429, headers: { 'retry-after': '120' }, validators: false });
    const busy = await expectFetchError(fetchFeed({ url: server.url('/busy') }, fast), 'http', /429/);
    assert.equal(busy.retryAfterMs, 120_000);
    server.serve('/down', { body: 'oops', status: 503, validators: false });
    await expectFetchError(fetchFeed({ url: server.url('/down') }, fast), 'http', /503 Service Unavailable/);
  });

  it('ends a slow-loris trickle at the total deadline', async () => {
    server.handle('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const timer = setInterval(() => res.write('<'), 50);
      res.on('close', () => clearInterval(timer));
    });
    await expectFetchError(fetchFeed({ url: server.url('/trickle') }, fast), 'timeout', /did not send the whole feed/);
  });

  it('caps the size after decompression: a gzip bomb ends early', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20));
    server.handle('/bomb', (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
      res.end(bomb);
    });
    const before = process.memoryUsage().rss;
    await expectFetchError(fetchFeed({ url: server.url('/bomb') }, { ...fast, maxBytes: 1024 * 1024 }), 'too-big');
    const grown = process.memoryUsage().rss - before;
    assert.ok(grown < 48 * 1024 * 1024, `memory grew by ${Math.round(grown / 1e6)} MB for a 64 MB bomb`);

    const brBomb = zlib.brotliCompressSync(Buffer.alloc(32 * 1024 * 1024, 0x20));
    server.handle('/br-bomb', (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'br' });
      res.end(brBomb);
    });
    await expectFetchError(fetchFeed({ url: server.url('/br-bomb') }, { ...fast, maxBytes: 1024 * 1024 }), 'too-big');

    server.handle('/endless', (_req, res) => {
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      const pump = (): void => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    });
    await expectFetchError(
      fetchFeed({ url: server.url('/endless') }, { ...fast, maxBytes: 2 * 1024 * 1024 }),
      'too-big',
    );
  });

  it('leaves a body as sent for the parse worker, capped by its size as sent', async () => {
    const gzipped = zlib.gzipSync(aws);
    server.handle('/as-sent.rss', (_req, res) => {
      res.writeHead(200, { 'content-encoding': 'x-gzip', 'content-type': 'application/rss+xml', etag: '"v1"' });
      res.end(gzipped);
    });
    const result = await fetchFeedAsSent({ url: server.url('/as-sent.rss') }, fast);
    assert.equal(result.kind, 'ok');
    if (result.kind !== 'ok') return;
    assert.deepEqual(result.body, gzipped);
    assert.equal(result.encoding, 'gzip');
    assert.equal(result.etag, '"v1"');
    assert.equal(result.contentType, 'application/rss+xml');
    server.handle('/plain.rss', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      res.end(aws);
    });
    const plain = await fetchFeedAsSent({ url: server.url('/plain.rss') }, fast);
    assert.ok(plain.kind === 'ok' && plain.encoding === null && plain.body.equals(aws));
    // The cap holds for the bytes on the wire too: an endless body ends.
    await expectFetchError(
      fetchFeedAsSent({ url: server.url('/endless') }, { ...fast, maxBytes: 2 * 1024 * 1024 }),
      'too-big',
    );
  });

  it('refuses other schemes and bad addresses', async () => {
    await expectFetchError(fetchFeed({ url: 'file:///etc/passwd' }, fast), 'bad-url');
    await expectFetchError(fetchFeed({ url: 'not a url' }, fast), 'bad-url');
  });

  it('names a refused connection, a failed DNS lookup and a TLS failure', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await expectFetchError(fetchFeed({ url: `http://127.0.0.1:${port}/feed` }, fast), 'refused', /refused/);
    // .invalid never resolves (RFC 6761); without a network the lookup fails as well.
    await expectFetchError(fetchFeed({ url: 'http://no-such-host.invalid/feed' }, fast), 'dns', /could not be found/);
    // TLS spoken to a plain-HTTP server fails the handshake.
    await expectFetchError(fetchFeed({ url: `https://127.0.0.1:${server.port}/aws.rss` }, fast), 'tls');
  });
});
