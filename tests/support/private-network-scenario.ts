/**
 * Run inside a private network namespace (see
 * tests/unit/engine/offline/private-network-namespace.test.ts), where loopback also holds
 * a public address (203.0.113.7) and a private one (10.9.8.7): a public feed and a feed on
 * a private network, each naming images in every kind of network, through a real
 * ReaderService and the system's own resolver. Prints what was cached, what was refused
 * and which servers were asked, as JSON, for the test to judge.
 */
import { closeIdleConnections, DEFAULT_FETCH_OPTIONS } from '../../electron/engine/feeds/fetch.js';
import { ReaderService } from '../../electron/engine/reader/reader-service.js';
import { feedNetworkRow } from '../../electron/engine/store/feed-network.js';
import { imageState } from '../../electron/engine/store/images.js';
import { startFeedServer, type FeedServer } from './feed-server.js';
import { tempDatabase } from './temp.js';

export const PUBLIC_ADDRESS = '203.0.113.7';
export const PRIVATE_ADDRESS = '10.9.8.7';

const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000a49444154789c63000100000500010d0a2db40000000049454e44ae426082',
  'hex',
);

function feed(server: FeedServer, images: string[]): string {
  const tags = images.map((src) => `<img src="${src}">`).join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title><link>${server.origin}/</link>
    <item><title>Post</title><link>${server.origin}/post</link><guid>${server.origin}/post</guid>
    <description><![CDATA[${tags}]]></description></item></channel></rss>`;
}

async function main(): Promise<void> {
  const lan = await startFeedServer({ host: PRIVATE_ADDRESS });
  const pub = await startFeedServer({ host: PUBLIC_ADDRESS });
  const local = await startFeedServer();
  // Each feed names images of its own, so one feed's refusals say nothing of the other's.
  const images = (server: FeedServer) => {
    const of = server === pub ? 'p' : 'l';
    return [
      server.url(`/own-${of}.png`),
      `http://2130706433:${local.port}/local-${of}.png`,
      `http://[::ffff:${PRIVATE_ADDRESS}]:${lan.port}/mapped-${of}.png`,
      lan.url(`/lan-${of}.png`),
      pub.url(`/public-${of}.png`),
      pub.url(`/to-lan-${of}.png`),
    ];
  };
  for (const server of [lan, pub, local])
    for (const of of ['p', 'l']) {
      for (const name of ['own', 'local', 'mapped', 'lan', 'public'])
        server.serve(`/${name}-${of}.png`, { body: PNG, contentType: 'image/png' });
      server.serve('/favicon.ico', { body: PNG, contentType: 'image/png' });
    }
  for (const of of ['p', 'l']) pub.redirect(`/to-lan-${of}.png`, lan.url(`/lan-${of}.png`));
  pub.serve('/feed.rss', { body: feed(pub, images(pub)), contentType: 'application/rss+xml' });
  lan.serve('/feed.rss', { body: feed(lan, images(lan)), contentType: 'application/rss+xml' });

  const data = tempDatabase();
  // Only loopback has addresses here, which plain Node would take for "offline".
  const reader = new ReaderService({
    db: data.db,
    fetchOptions: { ...DEFAULT_FETCH_OPTIONS, totalTimeoutMs: 3_000 },
    isOnline: () => true,
  });
  const report: Record<string, unknown> = {};
  try {
    for (const [name, server] of [
      ['public', pub],
      ['lan', lan],
    ] as const) {
      const before = { lan: lan.requests.length, local: local.requests.length, pub: pub.requests.length };
      const added = await reader.addFeed({ url: server.url('/feed.rss') });
      if (added.kind !== 'added') throw new Error(`could not add the ${name} feed`);
      await reader.offline.whenIdle();
      const [article] = (await reader.listArticles({ view: 'all', feedId: added.feed.id }, null, 1)).articles;
      const cached = Object.keys((await reader.getArticle(article!.id))!.cachedImages).sort();
      const refused = Object.fromEntries(
        images(server).map((url) => [url, imageState(reader.db, new URL(url).href)?.error ?? null]),
      );
      const asked = (s: FeedServer, from: number) => s.requests.slice(from).map((r) => r.path);
      report[name] = {
        network: feedNetworkRow(reader.db, added.feed.id)?.network,
        cached,
        refused,
        asked: { lan: asked(lan, before.lan), local: asked(local, before.local), public: asked(pub, before.pub) },
      };
    }
  } finally {
    await reader.shutdown();
    data.done();
    closeIdleConnections();
    await Promise.all([lan.close(), pub.close(), local.close()]);
  }
  process.stdout.write(JSON.stringify({ ports: { lan: lan.port, local: local.port, public: pub.port }, ...report }));
}

await main();
