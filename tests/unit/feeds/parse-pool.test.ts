import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { createParsePool, inThreadParser } from '../../../electron/feeds/parse-pool.js';
import { NotAFeedError } from '../../../electron/feeds/parse.js';
import { contentTypeOf, fixture, seedFeedNames } from '../../support/fixtures.js';

describe('parse pool', () => {
  it('parses in worker threads exactly as in-thread, and reports a non-feed as NotAFeedError', async () => {
    // The built worker (npm test builds first); from sources the pool would parse in-thread.
    const script = join(
      import.meta.dirname ?? new URL('.', import.meta.url).pathname,
      '..',
      '..',
      '..',
      'dist',
      'electron',
      'parse-worker.js',
    );
    assert.ok(existsSync(script), `${script} is missing: run "npm run build" first (npm test does)`);
    const pool = createParsePool(2, pathToFileURL(script));
    try {
      const inputs = seedFeedNames().map((name) => ({
        body: fixture('feeds', name),
        url: `https://x.example/${name}`,
        contentType: contentTypeOf(name),
      }));
      const [viaWorkers, inThread] = await Promise.all([
        Promise.all(inputs.map((input) => pool.parse(input))),
        Promise.all(inputs.map((input) => inThreadParser.parse(input))),
      ]);
      assert.deepEqual(viaWorkers, inThread);
      assert.ok(viaWorkers.every((feed) => feed.items.every((item) => item.hash && typeof item.text === 'string')));
      // The caller keeps its bytes (a copy is transferred).
      assert.ok(inputs[0]!.body.length > 0);
      // A worker that cannot start leaves the work to the calling thread.
      const broken = createParsePool(1, pathToFileURL(join(script, '..', 'no-such-worker.js')));
      const rescued = await broken.parse(inputs[0]!);
      assert.deepEqual(rescued, inThread[0]);
      await broken.close();
      await assert.rejects(
        pool.parse({ body: fixture('edge', 'not-a-feed.html'), url: 'https://x.example/', contentType: 'text/html' }),
        (error: unknown) => error instanceof NotAFeedError && /web page/.test(error.message),
      );
    } finally {
      await pool.close();
    }
  });
});
