/**
 * The Google Reader API client against a real server (FreshRSS, Miniflux, ...), when one is
 * given; skipped otherwise. The suite's own GReader server is written from the servers' source;
 * this file checks the client, and through it that server, against the real thing:
 *
 *   SYNDIC_GREADER_URL=http://127.0.0.1:8731          # site root or API address
 *   SYNDIC_GREADER_USER=alice
 *   SYNDIC_GREADER_PASSWORD=secret                     # the API password (FreshRSS profile)
 *   SYNDIC_GREADER_FEED_URL=http://127.0.0.1:8732/x.xml  # optional: a feed the server can fetch,
 *                                                      # for subscribe/rename/re-tag/unsubscribe
 *   node --import tsx --test tests/unit/engine/sync/greader-real-server.test.ts
 *
 * With dist/ built (npm run build), a last test also runs a whole Syndic sync through the CLI.
 *
 * The account should hold a few feeds with items, some unread and some not (README says how to
 * set up a FreshRSS for it). Every change made is undone, and the last test checks that the
 * subscriptions, tags, unread and starred sets are as they were found.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { type GReaderClient, createGReaderClient } from '../../../../electron/engine/sync/greader/greader-client.js';
import { longItemId } from '../../../../electron/engine/sync/greader/item-ids.js';
import type { RemoteFeed } from '../../../../electron/engine/sync/sync-client.js';
import { SyncError } from '../../../../electron/engine/sync/sync-error.js';

const SERVER_URL = process.env.SYNDIC_GREADER_URL ?? '';
const USER = process.env.SYNDIC_GREADER_USER ?? '';
const PASSWORD = process.env.SYNDIC_GREADER_PASSWORD ?? '';
const FEED_URL = process.env.SYNDIC_GREADER_FEED_URL ?? '';

const CLI = new URL('../../../../dist/electron/cli.js', import.meta.url).pathname;

const SKIP =
  SERVER_URL === '' || USER === '' || PASSWORD === ''
    ? 'no real server given: set SYNDIC_GREADER_URL, SYNDIC_GREADER_USER and SYNDIC_GREADER_PASSWORD ' +
      '(the API password) to run this file against one'
    : false;

/** A marker no real account uses, so the test's own labels and folders are never the user's. */
const MARK = `syndic-test-${process.pid}-${Date.now().toString(36)}`;

interface Logged {
  method: string;
  path: string;
  continuation: boolean;
}

/** A client whose every request is logged (path below reader/api/0/, and whether it continued a stream). */
function clientFor(password = PASSWORD, options: Parameters<typeof createGReaderClient>[1] = {}) {
  const log: Logged[] = [];
  const logging: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    log.push({
      method: init?.method ?? 'GET',
      path: url.pathname.replace(/^.*?\/reader\/api\/0\//, '').replace(/^.*\/accounts\//, 'accounts/'),
      continuation: url.searchParams.has('c'),
    });
    return fetch(input, init);
  };
  const client = createGReaderClient(
    { serverUrl: SERVER_URL, username: USER, password },
    { fetch: logging, ...options },
  );
  return { client, log };
}

/** Calls the client does not make (cleaning up labels it leaves behind), straight on the wire. */
async function rawPost(endpoint: string, path: string, form: [string, string][]): Promise<string> {
  const login = await fetch(`${endpoint}/accounts/ClientLogin`, {
    method: 'POST',
    body: new URLSearchParams({ Email: USER, Passwd: PASSWORD }),
  });
  const auth = /^Auth=(\S+)/m.exec(await login.text())?.[1];
  assert.ok(auth, 'raw login failed');
  const headers = { Authorization: `GoogleLogin auth=${auth}` };
  const token = (await (await fetch(`${endpoint}/reader/api/0/token`, { headers })).text()).trim();
  const response = await fetch(`${endpoint}/reader/api/0/${path}`, {
    method: 'POST',
    headers,
    body: new URLSearchParams([...form, ['T', token]]),
  });
  return `${response.status} ${(await response.text()).trim()}`;
}

/** Removes labels/folders the test made (the Google Reader API keeps an emptied label). */
async function dropLabels(endpoint: string, names: readonly string[], client: GReaderClient): Promise<void> {
  const present = new Set(await client.tagNames());
  for (const name of names) {
    if (present.has(name)) await rawPost(endpoint, 'disable-tag', [['s', `user/-/label/${name}`]]);
  }
}

interface Snapshot {
  feeds: RemoteFeed[];
  tags: string[];
  unread: string[];
  starred: string[];
}

async function snapshot(client: GReaderClient): Promise<Snapshot> {
  const byId = (a: RemoteFeed, b: RemoteFeed) => a.remoteId.localeCompare(b.remoteId);
  return {
    feeds: (await client.subscriptions()).sort(byId),
    tags: (await client.tagNames()).sort(),
    unread: (await client.unreadIds()).sort(),
    starred: (await client.starredIds()).sort(),
  };
}

async function rejectsWith(promise: Promise<unknown>, code: string): Promise<SyncError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SyncError, `expected a SyncError, got ${String(error)}`);
    assert.equal(error.code, code, error.message);
    assert.ok(!error.message.includes(PASSWORD), `password in: ${error.message}`);
    return error;
  }
  assert.fail(`expected SyncError '${code}'`);
}

const sorted = (ids: Iterable<string>): string[] => [...ids].sort();

describe(`GReader client against a real server (${SERVER_URL || 'none'})`, { skip: SKIP }, () => {
  let client: GReaderClient;
  let endpoint: string;
  let found: Snapshot;

  before(async () => {
    client = clientFor().client;
    await client.login();
    endpoint = client.endpoint ?? '';
    found = await snapshot(client);
  });

  after(async () => {
    if (!endpoint) return;
    // Whatever a failed test left: the test's labels go, so the next run starts clean.
    await dropLabels(endpoint, [`${MARK}-label`, `${MARK}-folder-a`, `${MARK}-folder-b`], clientFor().client);
  });

  it('logs in, finding the API under the address given, and refuses a wrong password as auth', async () => {
    assert.match(endpoint, /^https?:\/\//);
    const again = clientFor();
    await again.client.login();
    assert.equal(again.client.endpoint, endpoint);
    const wrong = clientFor(`${PASSWORD}-wrong`);
    await rejectsWith(wrong.client.login(), 'auth');
    // Given the API address itself, the client finds the same endpoint with one login.
    const direct = createGReaderClient({ serverUrl: endpoint, username: USER, password: PASSWORD });
    await direct.login();
    assert.equal(direct.endpoint, endpoint);
  });

  it('lists subscriptions and tag names; every folder is a tag name and no state is', async () => {
    const { feeds, tags } = found;
    assert.ok(feeds.length > 0, 'the account should hold at least one feed');
    for (const feed of feeds) {
      assert.match(feed.remoteId, /^feed\//, JSON.stringify(feed));
      assert.doesNotThrow(() => new URL(feed.url), feed.url);
      assert.ok(feed.title.length > 0, JSON.stringify(feed));
      for (const tag of feed.tags) assert.ok(tags.includes(tag), `folder ${tag} not in tag/list: ${tags.join()}`);
    }
    assert.ok(!tags.some((t) => /^user\/|state\/com\.google|^starred$/.test(t)), tags.join());
  });

  it('lists unread and starred ids as decimal strings, the same in small pages as in one', async () => {
    const { unread, starred } = found;
    assert.ok(unread.length > 0, 'the account should hold unread items');
    for (const id of [...unread, ...starred]) assert.match(id, /^[0-9]+$/);
    assert.equal(new Set(unread).size, unread.length);
    const paged = clientFor(PASSWORD, { pageSize: 7 });
    assert.deepEqual(sorted(await paged.client.unreadIds()), unread);
    assert.deepEqual(sorted(await paged.client.starredIds()), starred);
    const pages = paged.log.filter((r) => r.path === 'stream/items/ids').length;
    assert.ok(pages >= Math.ceil(unread.length / 7) + Math.ceil(starred.length / 7), `only ${pages} pages`);
  });

  it('answers items with the ids the id lists gave, in either spelling, with states and feeds', async () => {
    const unread = found.unread.slice(0, 40);
    const starred = found.starred.slice(0, 40);
    const ids = [...new Set([...unread, ...starred])];
    const items = await client.items(ids);
    assert.deepEqual(sorted(items.map((i) => i.remoteId)), sorted(ids));
    const again = await client.items(ids.map(longItemId));
    assert.deepEqual(sorted(again.map((i) => i.remoteId)), sorted(ids), 'the long spelling asks the same items');
    const feedIds = new Set(found.feeds.map((f) => f.remoteId));
    for (const item of items) {
      assert.ok(feedIds.has(item.feedRemoteId), `item ${item.remoteId} from unknown ${item.feedRemoteId}`);
      assert.equal(item.read, !found.unread.includes(item.remoteId), `read state of ${item.remoteId}`);
      assert.equal(item.starred, found.starred.includes(item.remoteId), `starred state of ${item.remoteId}`);
      assert.ok(item.title !== null || item.contentHtml !== null, `item ${item.remoteId} has neither title nor body`);
      assert.ok(item.publishedAt === null || item.publishedAt > Date.UTC(1995, 0, 1), String(item.publishedAt));
      const folders = found.feeds.find((f) => f.remoteId === item.feedRemoteId)?.tags ?? [];
      for (const folder of folders) assert.ok(!item.tags.includes(folder), `folder ${folder} taken for a label`);
    }
  });

  it('marks read and unread, starred and unstarred, and the id lists follow', async () => {
    const target = found.unread[0] as string;
    const plain = found.unread.find((id) => !found.starred.includes(id)) ?? target;
    try {
      await client.setRead([target], true);
      assert.ok(!(await client.unreadIds()).includes(target), 'still unread after setRead(true)');
      assert.equal((await client.items([target]))[0]?.read, true);
      await client.setRead([target], false);
      assert.ok((await client.unreadIds()).includes(target), 'not unread after setRead(false)');
      await client.setStarred([plain], true);
      assert.ok((await client.starredIds()).includes(plain), 'not starred after setStarred(true)');
      assert.equal((await client.items([plain]))[0]?.starred, true);
      await client.setStarred([plain], false);
      assert.ok(!(await client.starredIds()).includes(plain), 'still starred after setStarred(false)');
    } finally {
      await client.setRead([target], false);
      await client.setStarred([plain], found.starred.includes(plain));
    }
  });

  it('adds and removes an item label', async () => {
    const label = `${MARK}-label`;
    const [one, two] = found.unread;
    assert.ok(one && two, 'needs two unread items');
    try {
      await client.setItemTag([one, two], label, true);
      const tagged = await client.items([one, two]);
      for (const item of tagged) assert.ok(item.tags.includes(label), `${item.remoteId}: ${item.tags.join()}`);
      assert.ok((await client.tagNames()).includes(label), 'the new label is not in tag/list');
      await client.setItemTag([one], label, false);
      const after = await client.items([one, two]);
      assert.deepEqual(after.find((i) => i.remoteId === one)?.tags.includes(label), false);
      assert.deepEqual(after.find((i) => i.remoteId === two)?.tags.includes(label), true);
    } finally {
      await client.setItemTag([one, two], label, false);
      await dropLabels(endpoint, [label], client);
    }
    assert.ok(!(await client.tagNames()).includes(label));
  });

  it(
    'subscribes, renames, re-tags and unsubscribes a feed',
    { skip: FEED_URL === '' ? 'SYNDIC_GREADER_FEED_URL not set' : false },
    async () => {
      assert.ok(!found.feeds.some((f) => f.url === FEED_URL), `${FEED_URL} is already subscribed: give another`);
      const folderA = `${MARK}-folder-a`;
      const folderB = `${MARK}-folder-b`;
      let remoteId: string | null = null;
      try {
        const feed = await client.subscribe(FEED_URL, 'Syndic test feed', [folderA]);
        remoteId = feed.remoteId;
        assert.deepEqual([feed.url, feed.title, feed.tags], [FEED_URL, 'Syndic test feed', [folderA]]);
        assert.deepEqual(await client.subscribe(FEED_URL, null, []), feed, 'already subscribed: the same feed');
        await client.renameFeed(feed.remoteId, 'Renamed');
        await client.setFeedTags(feed.remoteId, [folderB]);
        const moved = (await client.subscriptions()).find((f) => f.remoteId === feed.remoteId);
        assert.deepEqual([moved?.title, moved?.tags], ['Renamed', [folderB]]);
        await client.unsubscribe(feed.remoteId);
        remoteId = null;
        assert.ok(!(await client.subscriptions()).some((f) => f.url === FEED_URL), 'still subscribed');
      } finally {
        if (remoteId !== null) await client.unsubscribe(remoteId);
        await dropLabels(endpoint, [folderA, folderB], client);
      }
    },
  );

  it('costs four requests, plus continuations, for a sync round that finds nothing new', async () => {
    const { client: round, log } = clientFor();
    await round.login();
    log.length = 0;
    const before = round.stats.requests;
    await round.unreadIds();
    await round.starredIds();
    await round.subscriptions();
    await round.tagNames();
    const continuations = log.filter((r) => r.path === 'stream/items/ids' && r.continuation).length;
    assert.deepEqual(
      log.filter((r) => !r.continuation).map((r) => r.path),
      ['stream/items/ids', 'stream/items/ids', 'subscription/list', 'tag/list'],
    );
    assert.equal(log.length, 4 + continuations);
    assert.equal(round.stats.requests - before, log.length);
  });

  it(
    'keeps a feed title with & < > , / as typed',
    {
      skip: FEED_URL === '' ? 'SYNDIC_GREADER_FEED_URL not set' : false,
      todo: 'FreshRSS answers such titles with fullwidth stand-ins (＆ ＜ ＞ ， ／ ； ？): the lead decides',
    },
    async () => {
      const title = 'Q&A <x>, a/b; why?';
      const feed = await client.subscribe(FEED_URL, title, []);
      try {
        const listed = (await client.subscriptions()).find((f) => f.remoteId === feed.remoteId);
        assert.equal(listed?.title, title);
      } finally {
        await client.unsubscribe(feed.remoteId);
      }
    },
  );

  it(
    'syncs a Syndic database through the CLI: down, a mark up, and back',
    { skip: !existsSync(CLI) && 'dist/ not built (npm run build)' },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'syndic-greader-'));
      const cli = (args: string[], input?: string) => {
        const run = spawnSync(process.execPath, [CLI, '--data-dir', dir, ...args], {
          input,
          encoding: 'utf8',
          timeout: 120_000,
        });
        assert.equal(run.status, 0, `syndic ${args.join(' ')}: ${run.stderr}`);
        return run.stdout;
      };
      const sync = () =>
        JSON.parse(cli(['sync', '--jsonl']).trim().split('\n').at(-1) ?? '') as Record<string, unknown>;
      try {
        cli(
          ['account', 'add', '--type', 'greader', '--url', SERVER_URL, '--user', USER, '--password-stdin'],
          `${PASSWORD}\n`,
        );
        const first = sync();
        assert.equal(first.ok, true, String(first.error));
        assert.equal(first.feedsAdded, found.feeds.length);
        assert.equal(first.newArticles, new Set([...found.unread, ...found.starred]).size);
        const stats = JSON.parse(cli(['stats'])) as { unread: number; starred: number };
        assert.deepEqual([stats.unread, stats.starred], [found.unread.length, found.starred.length]);
        const [article] = JSON.parse(cli(['articles', '--unread', '--json', '--limit', '1'])) as { id: number }[];
        assert.ok(article, 'no unread article');
        cli(['mark', String(article.id), '--read']);
        assert.equal(sync().pushed, 1);
        assert.equal((await client.unreadIds()).length, found.unread.length - 1, 'the mark did not reach the server');
        cli(['mark', String(article.id), '--unread']);
        assert.equal(sync().pushed, 1);
        assert.deepEqual(sorted(await client.unreadIds()), found.unread);
        const quiet = sync();
        assert.deepEqual([quiet.pushed, quiet.newArticles, quiet.stateChanges], [0, 0, 0]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('leaves the server as it found it', async () => {
    assert.deepEqual(await snapshot(clientFor().client), found);
  });
});
