/**
 * Autodiscovery: from a site's address to its feeds. A page's <link rel="alternate">
 * elements first; failing those, the paths feeds usually live at. An address typed
 * without a scheme is tried over https, then over http if https cannot connect.
 */
import { decodeHTML } from 'entities';
import type { DiscoveredFeed } from '../../../shared/domain.js';
import { resolveHttpUrl } from '../../../shared/url.js';
import { fetchFeed, FetchError, type FetchOptions, type FetchResult, DEFAULT_FETCH_OPTIONS } from './fetch.js';
import { NotAFeedError } from './not-a-feed.js';
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

const PAGE_ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, */*;q=0.8';

/**
 * Failures that mean https could not be spoken with the host at all: nothing listening on
 * 443, a firewall dropping it (the connect deadline), a server that speaks only http (the
 * handshake fails). Not a DNS failure (http asks the same name), not an HTTP error: an
 * https server that answers 404 has answered.
 */
const NO_HTTPS = new Set(['refused', 'timeout', 'tls', 'network']);

/**
 * A format named at the end of a link's title, "Blog (RSS)", "Comments [Atom 1.0]": the
 * dialog names the format beside the title already ("Blog (RSS) (RSS)" otherwise).
 */
const FORMAT_SUFFIX = /\s*[([]\s*(?:rss|atom|rdf|json(?:\s*feed)?)(?:\s*\d+(?:\.\d+)*)?\s*[)\]]\s*$/i;

function titleWithoutFormat(title: string | undefined): string | null {
  const bare = (title ?? '').replace(FORMAT_SUFFIX, '').trim();
  return bare || null;
}

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
    found.push({ url, title: titleWithoutFormat(attrs.title), type: FEED_TYPES[type]! });
  }
  return found;
}

/**
 * The page at an address as typed. "example.com" is tried over https, and over http when
 * https cannot connect; when both fail, the https failure is the one shown, unless http
 * reached a server that answered with an error.
 */
async function fetchPage(address: string, options: FetchOptions): Promise<FetchResult> {
  const fetchPageAt = (url: string) => fetchFeed({ url, accept: PAGE_ACCEPT }, options);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(address)) return fetchPageAt(address);
  try {
    return await fetchPageAt(`https://${address}`);
  } catch (error) {
    if (!(error instanceof FetchError) || !NO_HTTPS.has(error.kind)) throw error;
    try {
      return await fetchPageAt(`http://${address}`);
    } catch (second) {
      throw second instanceof FetchError && second.kind === 'http' ? second : error;
    }
  }
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
  const page = await fetchPage(address.trim(), options);
  if (page.kind !== 'ok') return [];
  // Loaded when a feed is looked for, not with every command (see not-a-feed.ts).
  const [{ parseFeed }, { decodeFeedBytes }] = await Promise.all([import('./parse.js'), import('./decode.js')]);
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
