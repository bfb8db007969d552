/**
 * Smoke test of the real TT-RSS server: `npx tsx tests/servers/ttrss/smoke.ts` (as root).
 * Starts it from nothing (timed), serves one RSS file with three items, subscribes through
 * the JSON API, lets TT-RSS fetch it, then runs a client inside the namespace (login,
 * getFeeds, getHeadlines with content, updateArticle), prints what it saw, stops everything
 * and checks that no process, namespace or temp dir is left. Exits non-zero on any failure.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTtrss, ttrssSkip } from './ttrss-server.js';

const here = path.dirname(fileURLToPath(import.meta.url));

const skip = ttrssSkip();
if (skip) {
  console.log(skip);
  process.exit(0);
}

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
  <channel>
    <title>Smoke Feed</title>
    <link>http://198.51.100.7/</link>
    <description>Three items for the TT-RSS smoke test</description>
    ${[1, 2, 3]
      .map(
        (n) => `<item>
      <title>Item ${n}</title>
      <link>http://198.51.100.7/items/${n}.html</link>
      <guid isPermaLink="false">smoke-item-${n}</guid>
      <pubDate>${new Date(Date.UTC(2024, 0, n, 12)).toUTCString()}</pubDate>
      <description><![CDATA[<p>Body of <b>item ${n}</b>.</p>]]></description>
    </item>`,
      )
      .join('\n    ')}
  </channel>
</rss>
`;

function show(label: string, value: unknown): void {
  console.log(`${label}: ${typeof value === 'string' ? value : JSON.stringify(value, null, 2)}`);
}

const server = await startTtrss();
show('start took', `${server.startMs} ms`);
const { netns, dir } = server;
let failed = false;
try {
  const feedUrl = server.feedServer.write('smoke.xml', RSS);
  const sid = await server.login();
  const sub = await server.api({ op: 'subscribeToFeed', sid, feed_url: feedUrl });
  show('subscribeToFeed', sub);
  assert.equal(sub.status, 0);
  assert.equal((sub.content as { status: { code: number } }).status.code, 1, 'feed added');

  const t = Date.now();
  const update = await server.updateFeeds();
  show('updateFeeds', `${Date.now() - t} ms, last lines:\n${update.stdout.trim().split('\n').slice(-4).join('\n')}`);
  const rows = await server.sqlRows(
    'SELECT e.title, f.last_error FROM ttrss_entries e JOIN ttrss_user_entries u ON u.ref_id = e.id JOIN ttrss_feeds f ON f.id = u.feed_id ORDER BY e.title',
  );
  show('articles in the database', rows);
  assert.deepEqual(
    rows.map((r) => r[0]),
    ['Item 1', 'Item 2', 'Item 3'],
  );
  assert.ok(server.feedServer.requests().some((r) => r.path === '/smoke.xml' && r.status === 200));
  show(
    'feed server requests',
    server.feedServer.requests().map((r) => `${r.method} ${r.path} ${r.status} ${r.userAgent}`),
  );

  const uid = await server.createUser('second', 'secret2');
  const sid2 = await server.login('second', 'secret2');
  show('second user', { uid, loggedIn: sid2.length > 0 });

  // The client inside the namespace, as Syndic will run.
  const client = await server.node(path.join(here, 'smoke-client.ts'));
  const seen = JSON.parse(client.stdout) as {
    interfaces: string[];
    login: { status: number; api_level: number };
    feeds: { title: string; unread: number }[];
    headlines: { id: number; title: string; contentChars: number }[];
    firstContent: string;
    updateArticle: { starred: { status: string; updated: number }; read: { status: string; updated: number } };
    starredAfter: { id: number; marked: boolean; unread: boolean }[];
    unread: { unread: string | number };
  };
  show('client (inside the namespace)', seen);
  assert.ok(
    seen.interfaces.some((i) => i.includes('198.51.100.7')),
    'namespace has a non-internal interface',
  );
  assert.equal(seen.login.status, 0);
  assert.equal(seen.feeds.length, 1);
  assert.equal(seen.feeds[0]?.title, 'Smoke Feed');
  assert.deepEqual(
    seen.headlines.map((h) => h.title),
    ['Item 3', 'Item 2', 'Item 1'],
  );
  assert.match(seen.firstContent, /Body of <b>item 3<\/b>/);
  assert.equal(seen.updateArticle.starred.updated, 1);
  assert.equal(seen.updateArticle.read.updated, 1);
  assert.deepEqual(
    seen.starredAfter.map((h) => [h.marked, h.unread]),
    [[true, false]],
  );
  assert.equal(Number(seen.unread.unread), 2);
  if (process.env.SMOKE_SHOW_LOGS === '1') console.log(server.logs());
} catch (error) {
  failed = true;
  console.error(error);
  console.error(server.logs());
} finally {
  await server.stop();
}

// Independent checks that nothing is left.
const namespaces = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout;
assert.ok(!namespaces.includes(netns), `namespace ${netns} left`);
const processes = spawnSync('ps', ['-eo', 'pid,stat,args'], { encoding: 'utf8' })
  .stdout.split('\n')
  .filter((line) => (line.includes(dir) || line.includes(netns)) && !/ Z/.test(line));
assert.deepEqual(processes, [], 'processes left');
assert.ok(!fs.existsSync(dir), `${dir} left`);
const hostAddrs = spawnSync('ip', ['-o', 'addr'], { encoding: 'utf8' }).stdout;
assert.ok(!hostAddrs.includes('198.51.100.7'), 'address leaked to the host');
console.log(failed ? 'SMOKE FAILED' : 'SMOKE OK: nothing left (no namespace, processes or temp dir)');
process.exit(failed ? 1 : 0);
