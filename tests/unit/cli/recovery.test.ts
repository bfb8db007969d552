/**
 * A damaged database, as a user meets it: every command refuses it with the two ways out,
 * the app (browser mode) does not start on it, and `syndic recover` restores the latest
 * backup or starts fresh, keeping the damaged file aside either way.
 */
import assert from 'node:assert/strict';
import { closeSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import { assertBuilt, runCli } from '../../support/cli.js';
import { contentTypeOf, fixture } from '../../support/fixtures.js';
import { startFeedServer, type FeedServer } from '../../support/feed-server.js';
import { tempDir } from '../../support/temp.js';

/**
 * Overwrites pages with noise, as a failing disk would: the feeds table's first pages,
 * which every command and the start check read (where that table sits in the file moves
 * with the schema: schema 6 rebuilt it, so a fixed offset no longer hit it).
 */
function damage(path: string): void {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  const root = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'feeds'").pluck().get() as number;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(path, 'r+');
  try {
    const noise = Buffer.alloc(3 * pageSize, 0xa5);
    writeSync(fd, noise, 0, noise.length, (root - 1) * pageSize);
  } finally {
    closeSync(fd);
  }
}

/** Files the damaged database was moved aside to, in a data directory. */
const asideFiles = (data: string): string[] =>
  readdirSync(data).filter((n) => /^syndic\.db\.damaged-/.test(n) && !/-(wal|shm)$/.test(n));

describe('a damaged database', () => {
  let server: FeedServer;

  before(async () => {
    assertBuilt();
    server = await startFeedServer();
    server.serve('/aws.rss', { body: fixture('feeds', 'aws.rss'), contentType: contentTypeOf('aws.rss') });
  });
  after(() => server.close());

  /** A data directory of this test's own, subscribed to a feed, and with a backup unless told not to. */
  async function dataDir(t: TestContext, backup = true): Promise<string> {
    const dir = tempDir();
    t.after(() => dir.remove());
    const data = join(dir.path, 'data');
    assert.equal((await runCli(['add', server.url('/aws.rss'), '--data-dir', data])).code, 0);
    if (backup) {
      const made = await runCli(['backup', '--data-dir', data]);
      assert.equal(made.code, 0, made.stderr);
      assert.match(made.stdout, /Backed up to .*backups.syndic-\d{8}-\d{6}-\d{3}\.db/);
    }
    return data;
  }

  it('is refused by every command, and by the app, with the two ways out', async (t) => {
    const data = await dataDir(t);
    damage(join(data, 'syndic.db'));
    const list = await runCli(['list', '--data-dir', data]);
    assert.equal(list.code, 5);
    assert.match(list.stderr, /damaged/);
    assert.match(list.stderr, /syndic recover --restore-latest/);
    assert.match(list.stderr, /syndic recover --start-fresh/);
    assert.match(list.stderr, /Nothing has been deleted/);
    const serve = await runCli(['serve', '--port', '0', '--no-poll', '--data-dir', data]);
    assert.equal(serve.code, 5, 'browser mode does not start on a damaged database');
    assert.match(serve.stderr, /Restore the latest backup \(syndic-\d{8}/);
    assert.deepEqual(asideFiles(data), [], 'nothing was moved without being asked');
  });

  it('restores the latest backup, keeping the damaged file aside', async (t) => {
    const data = await dataDir(t);
    damage(join(data, 'syndic.db'));
    const recover = await runCli(['recover', '--restore-latest', '--data-dir', data]);
    assert.equal(recover.code, 0, recover.stderr);
    assert.match(recover.stdout, /Restored syndic-.*kept as .*syndic\.db\.damaged-/);
    assert.equal(asideFiles(data).length, 1);
    const list = await runCli(['list', '--data-dir', data]);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /aws\.rss/);
  });

  it('starts fresh on request, keeping the damaged file aside too', async (t) => {
    const data = await dataDir(t);
    damage(join(data, 'syndic.db'));
    const recover = await runCli(['recover', '--start-fresh', '--data-dir', data]);
    assert.equal(recover.code, 0, recover.stderr);
    assert.equal(asideFiles(data).length, 1);
    const list = await runCli(['list', '--data-dir', data]);
    assert.deepEqual([list.code, list.stdout], [0, '']);
  });

  it('moves nothing when asked to restore and no backup is whole', async (t) => {
    const bare = await dataDir(t, false);
    damage(join(bare, 'syndic.db'));
    const recover = await runCli(['recover', '--restore-latest', '--data-dir', bare]);
    assert.equal(recover.code, 1);
    assert.match(recover.stderr, /No whole backup was found .*nothing was moved/);
    assert.deepEqual(asideFiles(bare), []);
  });

  it('says so when there is nothing to recover, and asks for exactly one choice', async (t) => {
    const data = await dataDir(t);
    const whole = await runCli(['recover', '--restore-latest', '--data-dir', data]);
    assert.equal(whole.code, 0);
    assert.match(whole.stdout, /whole: nothing to recover/);
    assert.equal((await runCli(['recover', '--data-dir', data])).code, 2);
  });
});
