/**
 * Feed parsing: bytes and the feed's URL in, normalised objects out. Pure: no database, no
 * network, no clock. feedsmith does the format work (RSS 0.9x/2.0, RSS 1.0/RDF, Atom,
 * JSON Feed); this module decodes the bytes first, repairs what real feeds break, and maps
 * every format onto one shape: absolute URLs, dates as epoch ms, stable ids.
 */
import { hash as cryptoHash } from 'node:crypto';
import { parseFeed as feedsmithParse } from 'feedsmith';
import type { Enclosure } from '../../../shared/domain.js';
import { messageOf } from '../../../shared/error-message.js';
import { escapeHtml, plainTextToHtml } from '../../../shared/plain-text-html.js';
import { resolveHttpUrl } from '../../../shared/url.js';
import { absolutizeHtml } from './absolute-links.js';
import { parseFeedDate } from './dates.js';
import { decodeFeedBytes } from './decode.js';
import { plainText } from './html-text.js';
import { first, number, text, type Loose } from './loose.js';
import { mediaDescription, mediaThumbnail, withPlayback } from './media.js';
import { NotAFeedError } from './not-a-feed.js';
import { cleanXml } from './xml-repair.js';

export interface ParsedItem {
  /** Stable across fetches: guid, else link, else a hash of title and content. */
  id: string;
  /** Plain text: entities decoded, tags removed. */
  title: string | null;
  link: string | null;
  author: string | null;
  published: number | null;
  updated: number | null;
  /** HTML. The feed's summary or description. */
  summary: string | null;
  /** HTML. The full body (content:encoded, Atom content, content_html). */
  content: string | null;
  categories: string[];
  enclosures: Enclosure[];
  thumbnailUrl: string | null;
}

export interface ParsedFeed {
  format: 'rss' | 'atom' | 'rdf' | 'json';
  /** Plain text, like item titles. */
  title: string | null;
  /** The site's address. */
  link: string | null;
  description: string | null;
  iconUrl: string | null;
  /** RSS <ttl>, in minutes. */
  ttlMinutes: number | null;
  items: ParsedItem[];
}

export { NotAFeedError };

/** Atom text constructs: type "text" is escaped to HTML, "html" and "xhtml" are HTML. */
function atomHtml(construct: Loose): string | null {
  const value = text(construct);
  if (value == null) return null;
  const type = typeof construct === 'object' ? String(construct?.type ?? 'text').toLowerCase() : 'text';
  return type === 'html' || type === 'xhtml' || type.includes('html') ? value : escapeHtml(value);
}

/** Atom text constructs as plain text: "text" is already plain, "html" and "xhtml" are not. */
function atomTitle(construct: Loose): string | null {
  const value = text(construct);
  if (value == null) return null;
  const type = typeof construct === 'object' ? String(construct?.type ?? 'text').toLowerCase() : 'text';
  return type === 'text' ? value.replace(/\s+/g, ' ') : plainText(value);
}

function hashId(title: string | null, body: string | null): string {
  return 'sha1:' + cryptoHash('sha1', `${title ?? ''}\n${body ?? ''}`, 'hex');
}

function finish(items: ParsedItem[]): ParsedItem[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}

function makeItem(
  raw: {
    guid: string | null;
    title: string | null;
    link: string | null;
    author: string | null;
    published: string | null;
    updated: string | null;
    summary: string | null;
    content: string | null;
    categories: (string | null)[];
    enclosures: Enclosure[];
    thumbnailUrl: string | null;
  },
  base: string | null,
): ParsedItem {
  const link = resolveHttpUrl(raw.link, base);
  const summary = absolutizeHtml(raw.summary, link ?? base);
  const content = absolutizeHtml(raw.content, link ?? base);
  const title = raw.title;
  return {
    id: raw.guid ?? link ?? hashId(title, content ?? summary),
    title,
    link,
    author: plainText(raw.author),
    published: parseFeedDate(raw.published) ?? parseFeedDate(raw.updated),
    updated: parseFeedDate(raw.updated),
    summary,
    content,
    categories: [...new Set(raw.categories.map((c) => plainText(c)).filter((c): c is string => c != null))],
    enclosures: raw.enclosures
      .map(({ imageUrl, ...e }) => {
        const image = resolveHttpUrl(imageUrl, base);
        return { ...e, url: resolveHttpUrl(e.url, base) ?? '', ...(image ? { imageUrl: image } : {}) };
      })
      .filter((e) => e.url !== ''),
    thumbnailUrl: resolveHttpUrl(raw.thumbnailUrl, base),
  };
}

function rssLike(feed: Loose, format: 'rss' | 'rdf', feedUrl: string): ParsedFeed {
  const base = feedUrl;
  const feedAuthor = text(first(feed.dc?.creators)) ?? text(feed.itunes?.author) ?? text(feed.managingEditor) ?? null;
  const showImage = text(feed.itunes?.image);
  const items = ((feed.items ?? []) as Loose[]).map((item) => {
    const guid = text(item.guid);
    // A guid is the item's address only when it says so, or when it is plainly a URL.
    const permaLink = item.guid?.isPermaLink;
    const guidLink = guid && (permaLink === true || (permaLink !== false && resolveHttpUrl(guid, null))) ? guid : null;
    const link = text(item.link) ?? guidLink ?? text(item.rdf?.about);
    return makeItem(
      {
        guid: guid ?? text(item.rdf?.about),
        title: plainText(text(item.title)),
        link,
        author: text(item.author) ?? text(first(item.dc?.creators)) ?? text(item.itunes?.author) ?? feedAuthor,
        published: text(item.pubDate) ?? text(first(item.dc?.dates)) ?? text(first(item.dcterms?.issueds)),
        updated: text(first(item.dcterms?.modifieds)) ?? text(item.atom?.updated),
        summary: text(item.description) ?? text(item.itunes?.summary) ?? mediaDescription(item),
        content: text(item.content?.encoded),
        categories: ((item.categories ?? []) as Loose[]).map((c) => text(c?.name ?? c)),
        enclosures: withPlayback(
          ((item.enclosures ?? (item.enclosure ? [item.enclosure] : [])) as Loose[]).map((e) => ({
            url: text(e?.url) ?? '',
            type: text(e?.type),
            length: number(e?.length),
          })),
          item,
          showImage,
        ),
        thumbnailUrl: mediaThumbnail(item) ?? text(item.itunes?.image),
      },
      base,
    );
  });
  return {
    format,
    title: plainText(text(feed.title)),
    link: resolveHttpUrl(text(feed.link), feedUrl),
    description: plainText(text(feed.description)),
    iconUrl: resolveHttpUrl(text(feed.image?.url) ?? showImage, feedUrl),
    ttlMinutes: number(feed.ttl),
    items: finish(items),
  };
}

function atomLink(links: Loose[] | undefined, rel: string): string | null {
  const list = (links ?? []).filter((l) => (text(l?.rel) ?? 'alternate') === rel);
  const html = list.find((l) => !l?.type || String(l.type).includes('html'));
  return text((html ?? list[0])?.href);
}

function atom(feed: Loose, feedUrl: string): ParsedFeed {
  const feedBase = resolveHttpUrl(text(feed.xml?.base), feedUrl) ?? feedUrl;
  const feedAuthor = text(first(feed.authors as Loose[])?.name);
  const showImage = text(feed.itunes?.image);
  const items = ((feed.entries ?? []) as Loose[]).map((entry) => {
    const base = resolveHttpUrl(text(entry.xml?.base), feedBase) ?? feedBase;
    const videoId = text(entry.yt?.videoId);
    const group = first(entry.media?.groups as Loose[]);
    return makeItem(
      {
        guid: text(entry.id),
        title: atomTitle(entry.title) ?? text(group?.title),
        link: atomLink(entry.links, 'alternate') ?? (videoId ? `https://www.youtube.com/watch?v=${videoId}` : null),
        author: text(first(entry.authors as Loose[])?.name) ?? text(first(entry.dc?.creators)) ?? feedAuthor,
        published: text(entry.published) ?? text(entry.issued),
        updated: text(entry.updated) ?? text(entry.modified),
        // A YouTube entry has no summary: its description is in its media:group.
        summary: atomHtml(entry.summary) ?? mediaDescription(entry),
        content: atomHtml(entry.content),
        categories: ((entry.categories ?? []) as Loose[]).map((c) => text(c?.label) ?? text(c?.term)),
        enclosures: withPlayback(
          ((entry.links ?? []) as Loose[])
            .filter((l) => text(l?.rel) === 'enclosure')
            .map((l) => ({ url: text(l.href) ?? '', type: text(l.type), length: number(l.length) })),
          entry,
          showImage,
        ),
        thumbnailUrl: mediaThumbnail(entry),
      },
      base,
    );
  });
  return {
    format: 'atom',
    title: atomTitle(feed.title),
    link: resolveHttpUrl(atomLink(feed.links, 'alternate'), feedBase),
    description: atomTitle(feed.subtitle),
    iconUrl: resolveHttpUrl(text(feed.icon) ?? text(feed.logo), feedBase),
    ttlMinutes: null,
    items: finish(items),
  };
}

function jsonFeed(feed: Loose, feedUrl: string): ParsedFeed {
  const authorName = (node: Loose): string | null =>
    text(first(node?.authors as Loose[])?.name) ?? text(node?.author?.name) ?? null;
  const feedAuthor = authorName(feed);
  const items = ((feed.items ?? []) as Loose[]).map((item) => {
    const contentText = text(item.content_text);
    return makeItem(
      {
        guid: text(item.id),
        title: plainText(text(item.title)),
        link: text(item.url) ?? text(item.external_url),
        author: authorName(item) ?? feedAuthor,
        published: text(item.date_published),
        updated: text(item.date_modified),
        summary: text(item.summary) ? escapeHtml(text(item.summary)!) : null,
        content: text(item.content_html) ?? (contentText ? plainTextToHtml(escapeHtml(contentText)) : null),
        categories: ((item.tags ?? []) as Loose[]).map((t) => text(t)),
        enclosures: ((item.attachments ?? []) as Loose[]).map((a) => {
          const duration = number(a?.duration_in_seconds);
          return {
            url: text(a?.url) ?? '',
            type: text(a?.mime_type),
            length: number(a?.size_in_bytes),
            ...(duration ? { duration } : {}),
          };
        }),
        thumbnailUrl: text(item.image) ?? text(item.banner_image),
      },
      feedUrl,
    );
  });
  return {
    format: 'json',
    title: plainText(text(feed.title)),
    link: resolveHttpUrl(text(feed.home_page_url), feedUrl),
    description: plainText(text(feed.description)),
    iconUrl: resolveHttpUrl(text(feed.icon) ?? text(feed.favicon), feedUrl),
    ttlMinutes: null,
    items: finish(items),
  };
}

export interface ParseInput {
  /** The body as fetched, or already-decoded text. */
  body: Uint8Array | string;
  /** The URL the body came from: the base for relative links. */
  url: string;
  /** The HTTP Content-Type, for its charset. */
  contentType?: string | null;
}

/** Parses a feed. Throws NotAFeedError when the body is not a feed it can read. */
export function parseFeed({ body, url, contentType }: ParseInput): ParsedFeed {
  const decoded = typeof body === 'string' ? body : decodeFeedBytes(body, contentType).text;
  const trimmed = decoded.replace(/^\uFEFF/, '').trimStart();
  if (trimmed === '') throw new NotAFeedError('the response is empty');

  let input: unknown;
  if (trimmed.startsWith('{')) {
    try {
      input = JSON.parse(trimmed);
    } catch {
      throw new NotAFeedError('the JSON is malformed');
    }
  } else {
    input = cleanXml(trimmed);
    if (/^<(!doctype\s+html|html)[\s>]/i.test(input as string)) throw new NotAFeedError('it is a web page');
  }

  let parsed: ReturnType<typeof feedsmithParse>;
  try {
    parsed = feedsmithParse(input);
  } catch (error) {
    const message = messageOf(error);
    throw new NotAFeedError(
      /unrecognized/i.test(message) ? 'no rss, feed or RDF root element' : 'the XML is malformed',
    );
  }
  switch (parsed.format) {
    case 'rss':
      return rssLike(parsed.feed, 'rss', url);
    case 'rdf':
      return rssLike(parsed.feed, 'rdf', url);
    case 'atom':
      return atom(parsed.feed, url);
    case 'json':
      return jsonFeed(parsed.feed, url);
  }
}
