/**
 * `syndic parse FEED | head` and `syndic list | head`: the reader of the pipe goes away
 * after a few lines, and syndic ends quietly with status 0, as `cat` does, rather than
 * with an EPIPE stack trace. The real CLI in a child process, its output more than a pipe
 * holds, and a reader that stops after ten lines and closes its end, as `head` does.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it, type TestContext } from 'node:test';
import { DATABASE_FILE } from '../../../electron/engine/data-dir.js';
import { closeDatabase, openDatabase } from '../../../electron/engine/store/db.js';
import { insertFeed } from '../../../electron/engine/store/feeds.js';
import { assertBuilt, startCli } from '../../support/cli.js';
import { tempDir } from '../../support/temp.js';

/** Runs `syndic ARGS | head -n LINES`: what head saw, and how syndic ended. */
function head(args: string[], lines: number): Promise<{ code: number | null; shown: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = startCli(args);
    let shown = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      if (child.stdout!.destroyed) return;
      shown += chunk;
      if (shown.split('\n').length > lines) child.stdout!.destroy();
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, shown, stderr }));
  });
}

function dataDir(t: TestContext): string {
  const dir = tempDir();
  t.after(() => dir.remove());
  return dir.path;
}

describe('syndic into a pipe closed early', () => {
  before(assertBuilt);

  it('parse | head ends quietly with status 0', async (t) => {
    // A feed whose JSON is far more than a pipe's 64 KB.
    const items = Array.from(
      { length: 2_000 },
      (_, i) =>
        `<item><title>Post ${i}</title><link>https://example.com/${i}</link><guid>${i}</guid>` +
        `<description>${'A sentence of the post. '.repeat(10)}</description></item>`,
    ).join('');
    const file = join(dataDir(t), 'big.rss');
    writeFileSync(file, `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items}</channel></rss>`);

    const result = await head(['parse', file], 10);
    assert.match(result.shown, /^\{\n {2}"title": "Big"/);
    assert.equal(result.stderr, '', 'nothing on stderr, no stack trace');
    assert.equal(result.code, 0);
  });

  it('list | head with many feeds ends quietly with status 0', async (t) => {
    const dir = dataDir(t);
    const db = openDatabase(join(dir, DATABASE_FILE));
    db.transaction(() => {
      for (let i = 0; i < 3_000; i++)
        insertFeed(db, { url: `https://feeds.example.com/${i}.xml`, title: `Feed number ${i}` }, Date.now());
    })();
    closeDatabase(db);

    const result = await head(['list', '--data-dir', dir], 10);
    assert.match(result.shown, /^\d+\t0\/0\tFeed number 0\t/);
    assert.equal(result.stderr, '', 'nothing on stderr, no stack trace');
    assert.equal(result.code, 0);
  });
});
