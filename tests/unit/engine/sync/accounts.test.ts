/**
 * Accounts through the ReaderService: adding one (a wrong password stores nothing), where the
 * password is and is not (never in the database, its WAL, an error or `account list --json`;
 * credentials.json mode 0600), removing one with and without its starred articles, and moving
 * local feeds to a server with their articles matched and their states pushed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import { UserError } from '../../../../electron/engine/reader/reader-service.js';
import { fetchStates } from '../../../../electron/engine/store/feeds.js';
import { CREDENTIALS_FILE } from '../../../../electron/engine/sync/file-secret-store.js';
import { startFeedServer } from '../../../support/feed-server.js';
import { count, PASSWORD, rss, syncRig, type SyncRig } from './sync-rig.js';

const CLI = fileURLToPath(new URL('../../../../electron/cli/bin.ts', import.meta.url));
const ACCOUNT_TABLES = ['feeds WHERE account_id <> 1', 'synced_articles', 'sync_outbox', 'accounts WHERE id <> 1'];

function rows(rig: SyncRig, table: string): number {
  return count(rig.app.db, `SELECT count(*) AS n FROM ${table}`);
}

/** Every byte of the database files as they are on disk (the WAL holds recent writes). */
function databaseBytes(dataDir: string): Buffer {
  return Buffer.concat(
    ['syndic.db', 'syndic.db-wal']
      .filter((f) => existsSync(join(dataDir, f)))
      .map((f) => readFileSync(join(dataDir, f))),
  );
}

describe('adding an account', () => {
  it('a wrong password is refused with a clear message, and nothing is stored', async (t) => {
    const rig = await syncRig(t, { account: false });
    await assert.rejects(
      rig.app.service.addAccount({
        kind: 'greader',
        serverUrl: rig.server.apiUrl,
        username: 'alice',
        password: 'pw-Wrong-Guess-404',
      }),
      (error: unknown) => {
        assert.ok(error instanceof UserError);
        assert.match(error.message, /rejected the user name or API password/);
        assert.doesNotMatch(error.message, /Wrong-Guess/);
        return true;
      },
    );
    for (const table of ACCOUNT_TABLES) assert.equal(rows(rig, table), 0, table);
    assert.equal(existsSync(join(rig.dataDir, CREDENTIALS_FILE)), false);
    assert.equal((await rig.app.service.listAccounts()).length, 1, 'only the local account');
  });

  it('the password is in credentials.json (mode 0600) and nowhere else: not the database, its WAL, errors or `account list --json`', async (t) => {
    const rig = await syncRig(t);
    rig.server.state.addItems(rig.server.state.addFeed({ url: 'https://secret.example/feed' }), 3);
    await rig.sync();
    rig.server.faults.unauthorizedNext(10);
    const failed = await rig.trySync();
    const secret = Buffer.from(PASSWORD);

    const credentials = join(rig.dataDir, CREDENTIALS_FILE);
    assert.equal(statSync(credentials).mode & 0o777, 0o600);
    assert.ok(readFileSync(credentials).includes(secret), 'kept where it belongs');
    assert.equal(databaseBytes(rig.dataDir).includes(secret), false, 'not in syndic.db or its WAL (app open)');
    assert.doesNotMatch(failed.error ?? '', /Correct-Horse/);
    for (const account of await rig.app.service.listAccounts()) {
      assert.doesNotMatch(JSON.stringify(account), /Correct-Horse/);
    }

    await rig.closeApp();
    assert.equal(databaseBytes(rig.dataDir).includes(secret), false, 'not in syndic.db after closing');
    const list = spawnSync(
      process.execPath,
      ['--import', 'tsx', CLI, '--data-dir', rig.dataDir, 'account', 'list', '--json'],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(list.status, 0, list.stderr);
    const listed = JSON.parse(list.stdout) as { name: string; lastError: string | null }[];
    assert.ok(listed.some((a) => a.name === 'Home server' && /rejected/.test(a.lastError ?? '')));
    assert.doesNotMatch(list.stdout + list.stderr, /Correct-Horse/);
    await rig.reopen();
  });
});

describe('removing an account', () => {
  it('with keepStarred: a local feed "Starred from NAME" holds the starred articles and is never fetched', async (t) => {
    const rig = await syncRig(t);
    const { state } = rig.server;
    const feed = state.addFeed({ url: 'https://keep.example/feed', folder: 'Keep' });
    const items = state.addItems(feed, 8).map((i) => i.id);
    state.markStarred(items.slice(0, 3));
    state.markRead(items[0]!);
    await rig.sync();
    await rig.app.service.removeAccount(rig.account.id, true);

    const feeds = await rig.app.service.listFeeds();
    assert.equal(feeds.length, 1);
    const kept = feeds[0]!;
    assert.equal(kept.title, 'Starred from Home server');
    assert.equal(kept.accountId, 1);
    assert.equal(kept.articleCount, 3);
    assert.equal(kept.unreadCount, 2);
    const page = await rig.app.service.listArticles({ view: 'starred' }, null, 10);
    assert.equal(page.articles.length, 3);
    assert.ok(page.articles.every((a) => a.feedId === kept.id));
    assert.deepEqual(fetchStates(rig.app.db, null), [], 'the poller has nothing to fetch');
    assert.deepEqual(fetchStates(rig.app.db, [kept.id]), []);
    for (const table of ACCOUNT_TABLES) assert.equal(rows(rig, table), 0, table);
    assert.equal((await rig.app.service.getCounts()).all, 3);
  });

  it('without keepStarred: every feed, article, mapping, pending change and the password go', async (t) => {
    const rig = await syncRig(t);
    const feed = rig.server.state.addFeed({ url: 'https://drop.example/feed' });
    const items = rig.server.state.addItems(feed, 5).map((i) => i.id);
    rig.server.state.markStarred(items[0]!);
    await rig.sync();
    await rig.app.service.markRead([rig.localId(items[1]!)], true);
    await rig.app.service.removeAccount(rig.account.id, false);
    for (const table of ACCOUNT_TABLES) assert.equal(rows(rig, table), 0, table);
    assert.equal(rows(rig, 'articles'), 0);
    const credentials = JSON.parse(readFileSync(join(rig.dataDir, CREDENTIALS_FILE), 'utf8')) as {
      passwords: Record<string, string>;
    };
    assert.deepEqual(credentials.passwords, {});
    assert.equal(rig.server.state.feeds().length, 1, 'nothing is unsubscribed on the server');
  });
});

describe('moving local feeds to a server', () => {
  it('the server gets the feeds; local articles are matched to its copies, not duplicated; their states are pushed', async (t) => {
    const rig = await syncRig(t);
    const site = await startFeedServer();
    t.after(() => site.close());
    const base = site.url('/posts');
    site.serve('/blog.xml', { body: rss('Blog', base, 4), contentType: 'application/rss+xml' });
    const added = await rig.app.service.addFeed({ url: site.url('/blog.xml'), tags: ['Reading'] });
    assert.ok(added.kind === 'added');
    const localFeed = added.kind === 'added' ? added.feed.id : -1;
    const local = (await rig.app.service.listArticles({ view: 'all', feedId: localFeed }, null, 10)).articles;
    assert.equal(local.length, 4);
    const byUrl = new Map(local.map((a) => [a.url, a.id]));
    await rig.app.service.markRead([byUrl.get(`${base}/1.html`)!], true);
    await rig.app.service.setStarred(byUrl.get(`${base}/2.html`)!, true);
    await rig.app.service.tagArticle(byUrl.get(`${base}/3.html`)!, 'Quote');
    // What the server finds at the address: the same posts (one of them already read there).
    rig.server.state.addFeedSource(site.url('/blog.xml'), {
      title: 'Blog',
      items: [1, 2, 3, 4].map((n) => ({ url: `${base}/${n}.html`, title: `Blog ${n}`, read: n === 4 })),
    });

    assert.equal(await rig.app.service.moveLocalFeeds(rig.account.id, null), 1);
    const summary = await rig.sync();

    assert.equal(rig.server.requests.count('subscription/quickadd'), 1);
    const onServer = rig.server.state.feeds();
    assert.equal(onServer.length, 1);
    assert.equal(onServer[0]!.folder, 'Reading', 'its tag became the folder');
    const feeds = await rig.app.service.listFeeds();
    assert.equal(feeds.length, 1);
    assert.equal(feeds[0]!.id, localFeed);
    assert.equal(feeds[0]!.accountId, rig.account.id);
    assert.equal(rows(rig, 'articles'), 4, 'no duplicates');
    assert.equal(count(rig.app.db, 'SELECT count(*) AS n FROM synced_articles'), 3, 'the unread ones are matched');
    assert.equal(summary.newArticles, 0);

    const serverItem = (n: number) => rig.server.state.items().find((i) => i.title === `Blog ${n}`)!;
    assert.equal(serverItem(1).read, true, 'read in Syndic: pushed');
    assert.equal(serverItem(2).starred, true, 'starred in Syndic: pushed');
    assert.deepEqual(serverItem(3).labels, ['Quote'], 'its tag too');
    assert.equal((await rig.app.service.getArticle(byUrl.get(`${base}/1.html`)!))?.read, true);
    assert.equal((await rig.app.service.getArticle(byUrl.get(`${base}/2.html`)!))?.starred, true);
    assert.deepEqual(rig.outbox(), []);

    await rig.sync();
    assert.equal(rows(rig, 'articles'), 4, 'still no duplicates');
    // Post 4, read on the server, is in neither id set: Google Reader offers no cheap way to
    // list it, so it stays as it was locally (unread), unmatched but not duplicated.
    assert.equal((await rig.app.service.getCounts()).unread, 3);
  });
});
