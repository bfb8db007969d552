/**
 * Autodiscovery: from a site's address to its feeds. A page's <link rel="alternate">
 * elements first; failing those, the paths feeds usually live at.
 */
import { decodeHTML } from 'entities';
import type { DiscoveredFeed } from '../../../shared/domain.js';
import { resolveHttpUrl } from '../../../shared/url.js';
import { decodeFeedBytes } from './decode.js';
import { fetchFeed, FetchError, type FetchOptions, DEFAULT_FETCH_OPTIONS } from './fetch.js';
import { NotAFeedError, parseFeed } from './parse.js';
import { tagAttributes } from './tag-attributes.js';

const FEED_TYPES: Record<string, DiscoveredFeed['type']> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'json',
  'application/json': 'json',
  'application/xml': 'unknown',
  'text/xml': 'unknown',
};

const COMMON_PATHS = [
  '/feed',
  '/rss',
  '/feed.xml',
  '/rss.xml',
  '/atom.xml',
  '/index.xml',
  '/feed.json',
  '/feeds/posts/default',
];

/** Feed links declared in a page's <head>, resolved against the page (and its <base>). */
export function findFeedLinks(html: string, pageUrl: string): DiscoveredFeed[] {
  const head = html.slice(0, 512 * 1024);
  const baseHref = /<base\s[^>]*href\s*=\s*["']([^"']+)["']/i.exec(head)?.[1];
  const base = resolveHttpUrl(baseHref ?? null, pageUrl) ?? pageUrl;
  const found: DiscoveredFeed[] = [];
  const seen = new Set<string>();
  for (const m of head.matchAll(/<link\b[^>]*>/gi)) {
    const attrs = tagAttributes(m[0], decodeHTML);
    const rels = (attrs.rel ?? '').toLowerCase().split(/\s+/);
    const type = (attrs.type ?? '').toLowerCase().split(';')[0]!.trim();
    if (!rels.includes('alternate') || !(type in FEED_TYPES) || !attrs.href) continue;
    if (type === 'application/json' && !/feed/i.test(attrs.href + (attrs.title ?? ''))) continue;
    const url = resolveHttpUrl(attrs.href, base);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    found.push({ url, title: attrs.title || null, type: FEED_TYPES[type]! });
  }
  return found;
}

function feedType(format: string): DiscoveredFeed['type'] {
  return format === 'json' ? 'json' : format === 'atom' ? 'atom' : 'rss';
}

/**
 * The feeds at an address: the address itself when it is a feed, else the page's declared
 * feeds, else feeds found at common paths. Throws FetchError when the address cannot be
 * fetched at all.
 */
export async function discoverFeeds(
  address: string,
  options: FetchOptions = DEFAULT_FETCH_OPTIONS,
): Promise<DiscoveredFeed[]> {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(address.trim()) ? address.trim() : `https://${address.trim()}`;
  const page = await fetchFeed(
    {
      url: withScheme,
      accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, */*;q=0.8',
    },
    options,
  );
  if (page.kind !== 'ok') return [];
  try {
    const feed = parseFeed({ body: page.body, url: page.finalUrl, contentType: page.contentType });
    return [{ url: page.finalUrl, title: feed.title, type: feedType(feed.format) }];
  } catch (error) {
    if (!(error instanceof NotAFeedError)) throw error;
  }
  const declared = findFeedLinks(decodeFeedBytes(page.body, page.contentType).text, page.finalUrl);
  if (declared.length) return declared;

  const origin = new URL(page.finalUrl).origin;
  for (const path of COMMON_PATHS) {
    try {
      const candidate = await fetchFeed({ url: origin + path }, options);
      if (candidate.kind !== 'ok') continue;
      const feed = parseFeed({ body: candidate.body, url: candidate.finalUrl, contentType: candidate.contentType });
      return [{ url: candidate.finalUrl, title: feed.title, type: feedType(feed.format) }];
    } catch (error) {
      if (!(error instanceof FetchError) && !(error instanceof NotAFeedError)) throw error;
    }
  }
  return [];
}
