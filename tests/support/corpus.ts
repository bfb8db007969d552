/**
 * A generated corpus of many feeds over many loopback hosts, built from the seed posts so
 * the text is real: for the CLI tests, the kill test and the refresh benchmark.
 */
import { loadSeedPostsFromFixtures, type CorpusPost } from './seed-posts.js';
import { loopbackHosts, startFeedServer, type FeedServer } from './feed-server.js';

export interface Corpus {
  servers: FeedServer[];
  feedUrls: string[];
  opml: string;
  /** Replaces one feed's body (to simulate a feed that changed). */
  setFeed(index: number, xml: string): void;
  feedXml(index: number): string;
  close(): Promise<void>;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function feedXml(feedIndex: number, items: number, posts: CorpusPost[], base = Date.UTC(2024, 0, 15)): string {
  const entries: string[] = [];
  for (let i = 0; i < items; i++) {
    const post = posts[(feedIndex * items + i) % posts.length]!;
    const date = new Date(base - (feedIndex * items + i) * 600_000);
    entries.push(`<item><title>${esc(post.title || 'Untitled video')} (#${feedIndex}.${i})</title>
<link>https://site${feedIndex}.example/posts/${i}</link><guid>https://site${feedIndex}.example/posts/${i}</guid>
<pubDate>${date.toUTCString()}</pubDate>${post.author ? `<author>${esc(post.author)}</author>` : ''}
<description>${esc(post.html.slice(0, 2000))}</description></item>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed ${feedIndex}</title><link>https://site${feedIndex}.example/</link>
${entries.join('\n')}
</channel></rss>`;
}

export async function startCorpus(options: {
  feeds: number;
  items: number;
  hosts: number;
  latencyMs?: number;
  /** The date of the newest item (the first feed's first); the rest go back from it. */
  newest?: number;
}): Promise<Corpus> {
  const posts = loadSeedPostsFromFixtures();
  const servers = await Promise.all(
    loopbackHosts(options.hosts).map((host) => startFeedServer({ host, latencyMs: options.latencyMs })),
  );
  const feedUrls: string[] = [];
  const bodies: string[] = [];
  for (let f = 0; f < options.feeds; f++) {
    const server = servers[f % servers.length]!;
    const path = `/feed-${f}.xml`;
    bodies[f] = feedXml(f, options.items, posts, options.newest);
    server.serve(path, { body: bodies[f]!, contentType: 'application/rss+xml; charset=utf-8' });
    feedUrls.push(server.url(path));
  }
  const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Corpus</title></head><body>
${feedUrls.map((url, i) => `<outline text="Group ${i % 10}"><outline type="rss" text="Feed ${i}" xmlUrl="${url}"/></outline>`).join('\n')}
</body></opml>`;
  return {
    servers,
    feedUrls,
    opml,
    feedXml: (index) => bodies[index]!,
    setFeed(index, xml) {
      bodies[index] = xml;
      const url = new URL(feedUrls[index]!);
      servers[index % servers.length]!.serve(url.pathname, {
        body: xml,
        contentType: 'application/rss+xml; charset=utf-8',
      });
    },
    close: async () => {
      await Promise.all(servers.map((s) => s.close()));
    },
  };
}
