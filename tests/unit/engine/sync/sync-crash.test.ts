/**
 * kill -9 of Syndic with changes pending and in the middle of a sync (a child process,
 * crash-child.ts, killed by SIGKILL at a known point): the database is whole, no pending
 * change is lost, and the next sync completes.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { recountFeeds } from '../../../../electron/engine/store/feed-counts.js';
import { syncedArticleCount, syncRig, type SyncRig } from './sync-rig.js';

const CHILD = fileURLToPath(new URL('./crash-child.ts', import.meta.url));

/** Runs crash-child.ts until it prints `expected`, then kills it with SIGKILL. */
async function runAndKill(rig: SyncRig, args: string[], expected: RegExp): Promise<string> {
  await rig.closeApp();
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, rig.dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d));
  const exited = once(child, 'exit');
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      stdout += d;
      const first = stdout.split('\n')[0];
      if (stdout.includes('\n') && first !== undefined) resolve(first);
    });
    child.on('exit', (code) => reject(new Error(`the child exited (${code}) before being killed: ${stderr}`)));
  });
  child.kill('SIGKILL');
  const [, signal] = (await exited) as [number | null, NodeJS.Signals | null];
  assert.equal(signal, 'SIGKILL');
  assert.match(line, expected);
  return line;
}

function integrity(rig: SyncRig): string {
  return rig.app.db.pragma('integrity_check', { simple: true }) as string;
}

describe('kill -9', () => {
  it('with 500 changes pending: all 500 are in the outbox after the restart, and a sync pushes them', async (t) => {
    const rig = await syncRig(t);
    const feed = rig.server.state.addFeed({ url: 'https://many.example/feed' });
    rig.server.state.addItems(feed, 520);
    await rig.sync();

    await runAndKill(rig, ['mark', String(rig.account.id), '500'], /^committed 500$/);
    await rig.reopen();
    assert.equal(integrity(rig), 'ok');
    const entries = rig.outbox();
    assert.equal(entries.length, 500);
    assert.ok(entries.every((e) => e.action === 'read'));
    assert.equal((await rig.app.service.getCounts()).unread, 20);
    assert.equal(rig.server.state.items().filter((i) => i.read).length, 0, 'nothing reached the server yet');

    const summary = await rig.sync();
    assert.equal(summary.pushed, 500);
    assert.equal(rig.server.state.items().filter((i) => i.read).length, 500);
    assert.deepEqual(rig.outbox(), []);
    assert.equal((await rig.app.service.getCounts()).unread, 20);
  });

  it('in the middle of a sync, pushing then fetching bodies: the database is whole, pending changes kept, the next sync completes', async (t) => {
    const rig = await syncRig(t);
    const { state } = rig.server;
    const feed = state.addFeed({ url: 'https://big.example/feed', folder: 'Big' });
    const early = state.addItems(feed, 100).map((i) => i.id);
    await rig.sync();
    state.addItems(feed, 1100);
    await rig.app.service.markRead(
      early.slice(0, 50).map((id) => rig.localId(id)),
      true,
    );
    for (const id of early.slice(50, 60)) await rig.app.service.setStarred(rig.localId(id), true);

    // Killed during the push, after the read batch was accepted, before the stars went.
    await runAndKill(rig, ['sync', String(rig.account.id), 'push'], /^frozen$/);
    await rig.reopen();
    assert.equal(integrity(rig), 'ok');
    const left = rig.outbox();
    assert.equal(left.length, 10, 'the stars the server had not taken are still pending');
    assert.ok(left.every((e) => e.action === 'star'));
    assert.equal(state.items().filter((i) => i.read).length, 50);
    assert.equal((await rig.local(early[55]!)).starred, true);

    // Killed while storing bodies: 500 of the 1,100 new items stored, the rest not yet.
    await runAndKill(rig, ['sync', String(rig.account.id), 'articles'], /^frozen$/);
    await rig.reopen();
    assert.equal(integrity(rig), 'ok');
    assert.deepEqual(rig.outbox(), []);
    assert.equal(state.items().filter((i) => i.starred).length, 10);
    const partial = syncedArticleCount(rig.app.db, rig.account.id);
    assert.ok(partial > 100 && partial < 1200, `partly stored: ${partial}`);

    const summary = await rig.sync();
    assert.equal(summary.newArticles, 1200 - partial);
    const counts = await rig.app.service.getCounts();
    assert.equal(counts.all, 1200);
    assert.equal(counts.unread, 1150);
    assert.equal(counts.starred, 10);
    const before = (await rig.app.service.listFeeds()).map((f) => [f.id, f.unreadCount, f.articleCount]);
    recountFeeds(rig.app.db, null);
    assert.deepEqual(
      (await rig.app.service.listFeeds()).map((f) => [f.id, f.unreadCount, f.articleCount]),
      before,
    );
  });
});
