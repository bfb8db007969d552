/**
 * The web for soak.ts, in a process of its own so the soak measures the engine alone:
 * FEEDS feeds over HOSTS loopback servers, each publishing on its own period (15 minutes
 * to 12 hours) and listing its newest 15 items, so old items fall off as new ones come;
 * some items corrected after publication; a third of them with an image, every host
 * with a favicon. Time is the soak's simulated clock, sent over IPC each round
 * (`{ now }`, answered `{ at }` once every feed reflects it). Some feeds fail for a few
 * simulated hours and then recover: 500s, 503s with Retry-After, requests never
 * answered (the client's timeout ends them), connections reset.
 *
 * Run by soak.ts with `fork`: argv FEEDS HOSTS START_MS.
 */
import { loopbackHosts, startFeedServer, type FeedServer } from '../support/feed-server.js';
import { loadSeedPostsFromFixtures } from '../support/seed-posts.js';

const [feedsArg, hostsArg, startArg] = process.argv.slice(2);
const FEEDS = Number(feedsArg);
const HOSTS = Number(hostsArg);
const START = Number(startArg);
if (!FEEDS || !HOSTS || !START || !process.send) throw new Error('usage: fork soak-server.ts FEEDS HOSTS START_MS');

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const WINDOW = 15;
const PERIODS = [15, 30, 60, 120, 240, 720].map((m) => m * MINUTE);

/** A 1x1 PNG; bytes after IEND (ignored by decoders) make each image its own file in the cache. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);
const png = (tag: string): Buffer => Buffer.concat([PNG, Buffer.from(tag)]);

type Mode = 'ok' | 'error-500' | 'busy-503' | 'hang' | 'reset';

/** Which feeds fail, how, and in which simulated hours (since the start). */
function modeAt(feed: number, hours: number): Mode {
  const slot = feed % 20;
  if (slot === 3 && hours >= 4 && hours < 9) return 'error-500';
  if (slot === 8 && hours >= 12 && hours < 15) return 'hang';
  if (slot === 13 && hours >= 18 && hours < 20) return 'reset';
  if (slot === 18 && hours >= 2 && hours < 5) return 'busy-503';
  return 'ok';
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const posts = loadSeedPostsFromFixtures();
const servers: FeedServer[] = await Promise.all(
  loopbackHosts(HOSTS).map((host) => startFeedServer({ host, latencyMs: 5 })),
);
servers.forEach((server, i) =>
  server.serve('/favicon.ico', { body: png(`icon-${i}`), contentType: 'image/png', compress: false }),
);
const serverOf = (feed: number): FeedServer => servers[feed % servers.length]!;
const period = (feed: number): number => PERIODS[feed % PERIODS.length]!;
const phase = (feed: number): number => ((feed * 7919) % (period(feed) / MINUTE)) * MINUTE;
const published = (feed: number, k: number): number => START + phase(feed) + k * period(feed);
const newestAt = (feed: number, now: number): number => Math.floor((now - START - phase(feed)) / period(feed));
/** Some posts are corrected half a period after they were published. */
const isCorrected = (feed: number, k: number, now: number): boolean =>
  (feed + k) % 7 === 0 && now >= published(feed, k) + period(feed) / 2;
const imageServed = new Set<string>();

function itemXml(feed: number, k: number, now: number): string {
  const origin = serverOf(feed).origin;
  const post = posts[(((feed * 31 + k) % posts.length) + posts.length) % posts.length]!;
  const corrected = isCorrected(feed, k, now);
  let html = post.html.slice(0, 600 + ((feed + k + 1000) % 5) * 400);
  if (k % 3 === 0) {
    const path = `/img/${feed}-${k}.png`;
    if (!imageServed.has(path)) {
      imageServed.add(path);
      serverOf(feed).serve(path, { body: png(path), contentType: 'image/png', compress: false });
    }
    html = `<p><img src="${origin}${path}" alt=""></p>${html}`;
  }
  if (corrected) html += '<p>Update: this post was corrected.</p>';
  return `<item><title>${esc(post.title || 'Untitled')} (#${feed}.${k})${corrected ? ' [corrected]' : ''}</title>
<link>${origin}/posts/${feed}/${k}</link><guid isPermaLink="false">soak:${feed}:${k}</guid>
<pubDate>${new Date(published(feed, k)).toUTCString()}</pubDate>${post.author ? `<author>${esc(post.author)}</author>` : ''}
<description>${esc(html)}</description></item>`;
}

function feedXml(feed: number, now: number): string {
  const newest = newestAt(feed, now);
  const items: string[] = [];
  for (let k = newest; k > newest - WINDOW; k--) items.push(itemXml(feed, k, now));
  const origin = serverOf(feed).origin;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Soak feed ${feed}</title>
<link>${origin}/site/${feed}/</link>
${items.join('\n')}
</channel></rss>`;
}

/** What a feed's body depends on at `now`: building the body only when this changes keeps a round cheap. */
function stateOf(feed: number, now: number, mode: Mode): string {
  if (mode !== 'ok') return mode;
  const newest = newestAt(feed, now);
  let corrections = 0;
  for (let k = newest; k > newest - WINDOW; k--) if (isCorrected(feed, k, now)) corrections++;
  return `${newest}:${corrections}`;
}

const shown: string[] = [];
function update(now: number): void {
  const hours = (now - START) / HOUR;
  for (let f = 0; f < FEEDS; f++) {
    const mode = modeAt(f, hours);
    const state = stateOf(f, now, mode);
    if (shown[f] === state) continue; // unchanged: the server keeps answering 304 to its ETag
    shown[f] = state;
    const server = serverOf(f);
    const path = `/feed-${f}.xml`;
    switch (mode) {
      case 'ok':
        server.serve(path, { body: feedXml(f, now), contentType: 'application/rss+xml; charset=utf-8' });
        break;
      case 'error-500':
        server.serve(path, { body: 'Internal Server Error', status: 500, contentType: 'text/plain' });
        break;
      case 'busy-503':
        server.serve(path, {
          body: 'Busy',
          status: 503,
          contentType: 'text/plain',
          headers: { 'retry-after': '3600' },
        });
        break;
      case 'hang':
        server.handle(path, () => undefined); // never answered: the client gives up
        break;
      case 'reset':
        server.handle(path, (req) => req.socket.destroy());
        break;
    }
  }
}

update(START);
const feedUrls = Array.from({ length: FEEDS }, (_, f) => serverOf(f).url(`/feed-${f}.xml`));
process.on('message', (message: { now?: number; close?: true }) => {
  if (message.now !== undefined) {
    update(message.now);
    process.send!({ at: message.now });
  } else if (message.close) {
    void Promise.all(servers.map((s) => s.close())).then(() => process.exit(0));
  }
});
// The soak ended or died: so does its web.
process.on('disconnect', () => process.exit(0));
process.send({ ready: true, feedUrls });
