/**
 * A damaged database, as a user meets it: every command refuses it with the two ways out,
 * the app (browser mode) does not start on it, and `syndic recover` restores the latest
 * backup or starts fresh, keeping the damaged file aside either way.
 */
import assert from 'node:assert/strict';
import { closeSync, openSync, readdirSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assertBuilt, runCli } from '../../support/cli.js';
import { contentTypeOf, fixture } from '../../support/fixtures.js';
import { startFeedServer, type FeedServer } from '../../support/feed-server.js';
import { tempDir } from '../../support/temp.js';

/** Overwrites a few pages in the middle of the file with noise, as a failing disk would. */
function damage(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    const noise = Buffer.alloc(3 * 4096, 0xa5);
    writeSync(fd, noise, 0, noise.length, 4096);
  } finally {
    closeSync(fd);
  }
}

describe('a damaged database', () => {
  let server: FeedServer;
  let dir: ReturnType<typeof tempDir>;
  let data: string;
  const db = () => join(data, 'syndic.db');
  const asideFiles = () => readdirSync(data).filter((n) => /^syndic\.db\.damaged-/.test(n) && !/-(wal|shm)$/.test(n));

  before(async () => {
    assertBuilt();
    server = await startFeedServer();
    server.serve('/aws.rss', { body: fixture('feeds', 'aws.rss'), contentType: contentTypeOf('aws.rss') });
    dir = tempDir();
    data = join(dir.path, 'data');
    assert.equal((await runCli(['add', server.url('/aws.rss'), '--data-dir', data])).code, 0);
    const backup = await runCli(['backup', '--data-dir', data]);
    assert.equal(backup.code, 0, backup.stderr);
    assert.match(backup.stdout, /Backed up to .*backups.syndic-\d{8}-\d{6}-\d{3}\.db/);
  });
  after(async () => {
    dir.remove();
    await server.close();
  });

  it('is refused by every command, and by the app, with the two ways out', async () => {
    damage(db());
    const list = await runCli(['list', '--data-dir', data]);
    assert.equal(list.code, 5);
    assert.match(list.stderr, /damaged/);
    assert.match(list.stderr, /syndic recover --restore-latest/);
    assert.match(list.stderr, /syndic recover --start-fresh/);
    assert.match(list.stderr, /Nothing has been deleted/);
    const serve = await runCli(['serve', '--port', '0', '--no-poll', '--data-dir', data]);
    assert.equal(serve.code, 5, 'browser mode does not start on a damaged database');
    assert.match(serve.stderr, /Restore the latest backup \(syndic-\d{8}/);
    assert.deepEqual(asideFiles(), [], 'nothing was moved without being asked');
  });

  it('restores the latest backup, keeping the damaged file aside', async () => {
    const recover = await runCli(['recover', '--restore-latest', '--data-dir', data]);
    assert.equal(recover.code, 0, recover.stderr);
    assert.match(recover.stdout, /Restored syndic-.*kept as .*syndic\.db\.damaged-/);
    assert.equal(asideFiles().length, 1);
    const list = await runCli(['list', '--data-dir', data]);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /aws\.rss/);
  });

  it('starts fresh on request, keeping the damaged file aside too', async () => {
    damage(db());
    const recover = await runCli(['recover', '--start-fresh', '--data-dir', data]);
    assert.equal(recover.code, 0, recover.stderr);
    assert.equal(asideFiles().length, 2);
    const list = await runCli(['list', '--data-dir', data]);
    assert.deepEqual([list.code, list.stdout], [0, '']);
  });

  it('moves nothing when asked to restore and no backup is whole', async () => {
    const bare = join(dir.path, 'bare');
    assert.equal((await runCli(['add', server.url('/aws.rss'), '--data-dir', bare])).code, 0);
    damage(join(bare, 'syndic.db'));
    const recover = await runCli(['recover', '--restore-latest', '--data-dir', bare]);
    assert.equal(recover.code, 1);
    assert.match(recover.stderr, /No whole backup was found .*nothing was moved/);
    assert.deepEqual(
      readdirSync(bare).filter((n) => n.includes('damaged-')),
      [],
    );
  });

  it('says so when there is nothing to recover, and asks for exactly one choice', async () => {
    const whole = await runCli(['recover', '--restore-latest', '--data-dir', data]);
    assert.equal(whole.code, 0);
    assert.match(whole.stdout, /whole: nothing to recover/);
    assert.equal((await runCli(['recover', '--data-dir', data])).code, 2);
  });
});
