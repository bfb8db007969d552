/**
 * The JSON shapes of items and subscriptions, one function per flavour, with the fields and
 * their order as FreshRSS (Entry::toGReader in 'compat' mode, greader.php) and Miniflux
 * (googlereader/response.go, handler.go) write them. The differences matter to a client:
 * FreshRSS says `user/-/...` and has no `updated`, no `content`, and `author` only when known;
 * Miniflux says `user/<numeric id>/...`, and always sends `updated`, `content` and `author`.
 */
import { createHash } from 'node:crypto';
import { toLongId } from './ids.js';
import type { Feed, Item, UserData } from './state.js';

const STATE = 'state/com.google/';

export function feedStreamId(feed: Feed, byUrl: boolean): string {
  return byUrl ? `feed/${feed.url}` : `feed/${feed.id}`;
}

/** FreshRSS's item, from Entry::toGReader('compat'). */
export function freshRssItem(user: UserData, item: Item, byUrl: boolean): Record<string, unknown> {
  const feed = user.feeds.get(item.feedId);
  const categories = [`user/-/${STATE}reading-list`];
  if (feed) categories.push(`user/-/label/${feed.folder}`);
  const origin: Record<string, string> = { streamId: feed ? feedStreamId(feed, byUrl) : `feed/${item.feedId}` };
  if (feed) {
    origin.htmlUrl = feed.htmlUrl;
    origin.title = feed.title;
  }
  const usec = item.crawledUsec.toString();
  const out: Record<string, unknown> = {
    id: toLongId(item.id),
    // Both are the id (the arrival time in µs); the milliseconds are its string cut short.
    crawlTimeMsec: usec.slice(0, -3) || '0',
    timestampUsec: usec,
    published: Math.floor(item.published / 1000),
    title: item.title,
    canonical: [{ href: item.url }],
    alternate: [{ href: item.url }],
    categories,
    origin,
    summary: { content: item.content },
  };
  if (item.author !== '') out.author = item.author;
  if (item.read) categories.push(`user/-/${STATE}read`);
  if (item.starred) categories.push(`user/-/${STATE}starred`);
  for (const label of item.labels) categories.push(`user/-/label/${label}`);
  categories.push(...item.tags);
  return out;
}

/** Miniflux's contentItem. */
export function minifluxItem(user: UserData, item: Item, byUrl: boolean): Record<string, unknown> {
  const feed = user.feeds.get(item.feedId);
  const prefix = `user/${user.numericId}/`;
  const categories = [`${prefix}${STATE}reading-list`];
  if (feed && feed.folder !== '') categories.push(`${prefix}label/${feed.folder}`);
  if (item.read) categories.push(`${prefix}${STATE}read`);
  if (item.starred) categories.push(`${prefix}${STATE}starred`);
  return {
    id: toLongId(item.id),
    categories,
    title: item.title,
    crawlTimeMsec: (item.crawledUsec / 1000n).toString(),
    // Miniflux's timestampUsec is the publication date, not the arrival.
    timestampUsec: (BigInt(Math.round(item.published)) * 1000n).toString(),
    published: Math.floor(item.published / 1000),
    // changed_at: moves when the item is marked read or starred, not when its text changes.
    updated: Math.floor(item.changed / 1000),
    author: item.author,
    alternate: [{ href: item.url, type: 'text/html' }],
    summary: { direction: 'ltr', content: item.content },
    content: { direction: 'ltr', content: item.content },
    origin: {
      streamId: feed ? feedStreamId(feed, byUrl) : `feed/${item.feedId}`,
      title: feed?.title ?? '',
      htmlUrl: feed?.htmlUrl ?? '',
    },
    enclosure: [],
    canonical: [{ href: item.url }],
  };
}

/** FreshRSS's subscription: one folder, no `type`, a favicon URL under its own root. */
export function freshRssSubscription(feed: Feed, byUrl: boolean, siteUrl: string): Record<string, unknown> {
  const icon = createHash('sha1').update(feed.url).digest('hex').slice(0, 8);
  return {
    id: feedStreamId(feed, byUrl),
    title: feed.title,
    categories: [{ id: `user/-/label/${feed.folder}`, label: feed.folder }],
    url: feed.url,
    htmlUrl: feed.htmlUrl,
    iconUrl: `${siteUrl}/f.php?${icon}`,
  };
}

/** Miniflux's subscription: the folder with `type: folder`, ids under the numeric user. */
export function minifluxSubscription(user: UserData, feed: Feed, byUrl: boolean): Record<string, unknown> {
  return {
    id: feedStreamId(feed, byUrl),
    title: feed.title,
    categories: [{ id: `user/${user.numericId}/label/${feed.folder}`, label: feed.folder, type: 'folder' }],
    url: feed.url,
    htmlUrl: feed.htmlUrl,
    iconUrl: '',
  };
}
