/**
 * What the demo's loopback server serves: the fixture feeds (real feeds, captured), the
 * fixture site's blog with pictures, and the podcast fixture with its media. Addresses of
 * real hosts that the demo would otherwise ask for pictures (video thumbnails, the
 * podcast's host) are rewritten to this server, so the pictures show what a reader sees.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedServer } from '../support/feed-server.js';
import { contentTypeOf, fixture, fixturesDir, siteFiles } from '../support/fixtures.js';

/** The demo subscriptions: [feed's path on the server, its folder (a tag in Syndic)]. */
export const SUBSCRIPTIONS: [path: string, folder: string][] = [
  ['/feeds/schneier.atom', 'Security'],
  ['/images.rss', 'Security'],
  ['/feeds/torrentfreak.rss', 'News'],
  ['/feeds/lwn.rdf', 'Linux'],
  ['/feeds/cloudflare.json', 'Engineering'],
  ['/feeds/backblaze.json', 'Engineering'],
  ['/feeds/aws.rss', 'Engineering'],
  ['/feeds/youtube.atom', 'Video'],
  ['/media/loopback-radio.rss', 'Podcasts'],
];

const FEEDS = ['schneier.atom', 'torrentfreak.rss', 'lwn.rdf', 'cloudflare.json', 'backblaze.json', 'aws.rss'];
const PICTURES = ['photo-1.png', 'photo-2.png', 'photo-3.png', 'full-figure.png'];
const MEDIA = join(fixturesDir, 'media');

/** Serves a file with byte ranges, as podcast hosts do: a player seeks with them. */
function serveMedia(feeds: FeedServer, path: string, body: Buffer, type: string): void {
  feeds.handle(path, (req, res) => {
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range?.[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
    const headers = { 'content-type': type, 'accept-ranges': 'bytes', 'content-length': String(end - start + 1) };
    if (range) res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${body.length}` });
    else res.writeHead(200, headers);
    res.end(body.subarray(start, end + 1));
  });
}

/**
 * The fixture site's blog: its posts are Errata Security's (from the captured misc.rss),
 * with a picture each, named after their blog rather than the fixture's "Pictures". The
 * first post carries its whole text in the feed, as many blogs' feeds do (the site's
 * full-article page holds it), so the article shown in the pictures is a full one.
 */
function serveBlog(feeds: FeedServer): void {
  for (const [path, body, contentType] of siteFiles()) feeds.serve(path, { body, contentType });
  const page = readFileSync(join(fixturesDir, 'site', 'articles', 'full.html'), 'utf8');
  const article = page.slice(page.indexOf('<article>'), page.indexOf('</article>'));
  // Its paragraphs, without the byline and the fixture's own closing note.
  const paragraphs = [...article.matchAll(/<p>.*?<\/p>/g)].map((m) => m[0]).slice(0, -1);
  const whole = `<p><img src="/img/photo-1.png" alt="Figure 1" width="320" height="180"></p>${paragraphs.join('')}`;
  const blog = readFileSync(join(fixturesDir, 'site', 'images.rss'), 'utf8')
    .replace('<title>Pictures</title>', '<title>Errata Security</title>')
    .replace(
      /(<guid>img-1<\/guid>[\s\S]*?<description>)[\s\S]*?(<\/description>)/,
      (_all, open: string, close: string) => {
        return open + whole.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;') + close;
      },
    );
  feeds.serve('/images.rss', { body: blog, contentType: 'application/rss+xml' });
}

/**
 * The video channel, its thumbnails (on YouTube's image host) served here from the site's
 * pictures, without the fixture's untitled entry (there to test that edge, not to show).
 */
function serveVideos(feeds: FeedServer): void {
  let n = 0;
  const atom = fixture('feeds', 'youtube.atom')
    .toString('utf8')
    .replace(/<entry>(?:(?!<\/entry>)[\s\S])*?<title><\/title>[\s\S]*?<\/entry>\s*/, '')
    .replace(/https:\/\/i\.ytimg\.com\/vi\/([\w-]+)\/hqdefault\.jpg/g, (_all, id: string) => {
      const picture = PICTURES[n++ % PICTURES.length]!;
      feeds.serve(`/thumbs/${id}.png`, {
        body: readFileSync(join(fixturesDir, 'site', 'img', picture)),
        contentType: 'image/png',
      });
      return feeds.url(`/thumbs/${id}.png`);
    });
  feeds.serve('/feeds/youtube.atom', { body: atom, contentType: 'application/atom+xml' });
}

/** The podcast fixture with its host rewritten to this server, and its media beside it. */
function servePodcast(feeds: FeedServer): void {
  const rss = readFileSync(join(MEDIA, 'loopback-radio.rss'), 'utf8').replaceAll(
    'https://podcast.example',
    feeds.origin,
  );
  feeds.serve('/media/loopback-radio.rss', { body: rss, contentType: 'application/rss+xml' });
  serveMedia(feeds, '/media/episode.opus', readFileSync(join(MEDIA, 'episode.opus')), 'audio/ogg');
  serveMedia(feeds, '/media/clip.webm', readFileSync(join(MEDIA, 'clip.webm')), 'video/webm');
  feeds.serve('/media/cover.png', { body: readFileSync(join(MEDIA, 'cover.png')), contentType: 'image/png' });
}

export function serveDemoSite(feeds: FeedServer): void {
  for (const name of FEEDS)
    feeds.serve(`/feeds/${name}`, { body: fixture('feeds', name), contentType: contentTypeOf(name) });
  serveBlog(feeds);
  serveVideos(feeds);
  servePodcast(feeds);
}
