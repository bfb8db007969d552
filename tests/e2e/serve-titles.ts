/**
 * A feed made in a spec: RSS items with these titles, an hour apart (the first the newest),
 * served on the loopback feed server. Each item's guid and link follow its title, so serving
 * the feed again with more titles adds articles and keeps the others as they were.
 */
import type { Reader } from './fixtures.js';

const HOUR = 3_600_000;

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Serves the feed at `path` and returns its address. */
export function serveTitles(reader: Reader, path: string, title: string, titles: string[]): string {
  const now = Date.now();
  const items = titles
    .map(
      (t, i) =>
        `<item><title>${escapeXml(t)}</title>` +
        `<link>${reader.feeds.url(`${path}/${encodeURIComponent(t)}.html`)}</link>` +
        `<guid>${path}-${escapeXml(t)}</guid><pubDate>${new Date(now - (i + 1) * HOUR).toUTCString()}</pubDate>` +
        `<description>${escapeXml(`<p>About ${t}</p>`)}</description></item>`,
    )
    .join('\n');
  reader.feeds.serve(path, {
    body: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${escapeXml(title)}</title>
<link>${reader.feeds.url('/')}</link><description>${escapeXml(title)}</description>${items}</channel></rss>`,
    contentType: 'application/rss+xml',
  });
  return reader.feeds.url(path);
}
