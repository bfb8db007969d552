import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import zlib from 'node:zlib';
import { FetchError } from '../../../../electron/engine/feeds/fetch-error.js';
import { inThreadParser } from '../../../../electron/engine/feeds/in-thread-parser.js';
import { createParsePool, type ParseJob } from '../../../../electron/engine/feeds/parse-pool.js';
import { NotAFeedError } from '../../../../electron/engine/feeds/parse.js';
import { contentTypeOf, fixture, seedFeedNames } from '../../../support/fixtures.js';

const MB = 1024 * 1024;

function job(body: Uint8Array, url: string, contentType: string | null, extra: Partial<ParseJob> = {}): ParseJob {
  return { body, url, contentType, encoding: null, previousHash: null, maxBytes: 16 * MB, ...extra };
}

/** The built worker (npm test builds first); from sources the pool would parse in-thread. */
function builtWorker(): string {
  const script = join(
    import.meta.dirname ?? new URL('.', import.meta.url).pathname,
    '..',
    '..',
    '..',
    '..',
    'dist',
    'electron',
    'parse-worker.js',
  );
  assert.ok(existsSync(script), `${script} is missing: run "npm run build" first (npm test does)`);
  return script;
}

describe('parse pool', () => {
  it('parses in worker threads exactly as in-thread, and reports a non-feed as NotAFeedError', async () => {
    const script = builtWorker();
    const pool = createParsePool(2, pathToFileURL(script));
    try {
      const inputs = seedFeedNames().map((name) =>
        job(fixture('feeds', name), `https://x.example/${name}`, contentTypeOf(name)),
      );
      const [viaWorkers, inThread] = await Promise.all([
        Promise.all(inputs.map((input) => pool.parse(input))),
        Promise.all(inputs.map((input) => inThreadParser.parse(input))),
      ]);
      assert.deepEqual(viaWorkers, inThread);
      assert.ok(
        viaWorkers.every((outcome) =>
          outcome.feed?.items.every((item) => item.hash && typeof item.snippet === 'string'),
        ),
      );
      // The caller keeps its bytes (a copy is transferred).
      assert.ok(inputs[0]!.body.length > 0);
      // A worker that cannot start leaves the work to the calling thread.
      const broken = createParsePool(1, pathToFileURL(join(script, '..', 'no-such-worker.js')));
      const rescued = await broken.parse(inputs[0]!);
      assert.deepEqual(rescued, inThread[0]);
      await broken.close();
      await assert.rejects(
        pool.parse(job(fixture('edge', 'not-a-feed.html'), 'https://x.example/', 'text/html')),
        (error: unknown) => error instanceof NotAFeedError && /web page/.test(error.message),
      );
    } finally {
      await pool.close();
    }
  });

  it('inflates gzip, deflate (wrapped or raw) and brotli bodies in the worker, and skips a body it has seen', async () => {
    const pool = createParsePool(1, pathToFileURL(builtWorker()));
    try {
      const name = seedFeedNames()[0]!;
      const plain = fixture('feeds', name);
      const url = `https://x.example/${name}`;
      const expected = await inThreadParser.parse(job(plain, url, contentTypeOf(name)));
      assert.ok(expected.feed && expected.feed.items.length > 0);
      const encoded = [
        ['gzip', zlib.gzipSync(plain)],
        ['deflate', zlib.deflateSync(plain)],
        ['deflate', zlib.deflateRawSync(plain)],
        ['br', zlib.brotliCompressSync(plain)],
      ] as const;
      for (const [encoding, body] of encoded) {
        assert.deepEqual(await pool.parse(job(body, url, contentTypeOf(name), { encoding })), expected, encoding);
      }
      // The same bytes as last time: hashed, not parsed.
      const again = await pool.parse(
        job(zlib.gzipSync(plain), url, contentTypeOf(name), { encoding: 'gzip', previousHash: expected.hash }),
      );
      assert.deepEqual(again, { hash: expected.hash, feed: null });
    } finally {
      await pool.close();
    }
  });

  it('stops a compression bomb at the size cap and reports a corrupt body, naming the host', async () => {
    const pool = createParsePool(1, pathToFileURL(builtWorker()));
    try {
      const bomb = zlib.gzipSync(Buffer.alloc(64 * MB, 0x20));
      await assert.rejects(
        pool.parse(job(bomb, 'https://bomb.example/feed', null, { encoding: 'gzip', maxBytes: MB })),
        (error: unknown) =>
          error instanceof FetchError &&
          error.kind === 'too-big' &&
          /bomb\.example.*larger than 1 MB/.test(error.message),
      );
      const brBomb = zlib.brotliCompressSync(Buffer.alloc(32 * MB, 0x20));
      await assert.rejects(
        pool.parse(job(brBomb, 'https://bomb.example/feed', null, { encoding: 'br', maxBytes: MB })),
        (error: unknown) => error instanceof FetchError && error.kind === 'too-big',
      );
      await assert.rejects(
        pool.parse(job(Buffer.from('not gzip at all'), 'https://broken.example/feed', null, { encoding: 'gzip' })),
        (error: unknown) =>
          error instanceof FetchError && error.kind === 'network' && /broken\.example is corrupt/.test(error.message),
      );
    } finally {
      await pool.close();
    }
  });
});
