/**
 * TT-RSS articles (getHeadlines rows with show_content, getArticle rows) as RemoteItems.
 * Both carry the same fields for what Syndic needs; the differences are handled here:
 *
 * - `updated` (seconds) is the one date TT-RSS keeps per article: the feed's own date
 *   (atom:updated, else published; RSS pubDate), rewritten when the feed changes the
 *   article. It is both publishedAt and updatedAt. (`published` is a boolean: TT-RSS's
 *   "published" flag, not a date.)
 * - `guid` is not the feed's guid: TT-RSS stores a hash of it
 *   (`{"ver":2,"uid":"1","hash":"SHA1:…"}` or `SHA1:…`), so those answer guid null and the
 *   engine matches by url; a plain string is passed on.
 * - `labels` are [feedStyleId, caption, fg, bg] tuples: the captions are the item's tags.
 * - `attachments` are ttrss_enclosures rows; TT-RSS does not keep an enclosure's length.
 */
import type { Enclosure } from '../../../../shared/domain.js';
import type { RemoteItem } from '../sync-client.js';
import { asArray, asBool, asInt, asString, asText, isObject } from './ttrss-json.js';

/** The feed's guid when TT-RSS kept it as given; null for its hashed forms. */
export function guidOf(value: unknown): string | null {
  const guid = asText(value);
  if (guid === null) return null;
  if (/^SHA1:[0-9a-f]{40}$/i.test(guid)) return null;
  if (guid.startsWith('{')) {
    try {
      const parsed: unknown = JSON.parse(guid);
      if (isObject(parsed) && 'hash' in parsed) return null;
    } catch {
      /* not JSON: a guid that happens to start with a brace */
    }
  }
  return guid;
}

function labelsOf(value: unknown): string[] {
  const tags: string[] = [];
  for (const label of asArray(value)) {
    const caption = Array.isArray(label) ? asText(label[1]) : null;
    if (caption !== null && !tags.includes(caption)) tags.push(caption);
  }
  return tags;
}

function enclosuresOf(value: unknown): Enclosure[] {
  const enclosures: Enclosure[] = [];
  for (const row of asArray(value)) {
    if (!isObject(row)) continue;
    const url = asText(row.content_url);
    if (url === null) continue;
    enclosures.push({ url, type: asText(row.content_type), length: null });
  }
  return enclosures;
}

/** One article row as a RemoteItem; null when it has no usable id or feed. */
export function itemFromJson(row: unknown): RemoteItem | null {
  if (!isObject(row)) return null;
  const id = asInt(row.id);
  const feedId = asInt(row.feed_id);
  // Archived articles (starred ones TT-RSS keeps after an unsubscribe) have no feed: getArticle
  // says null, getHeadlines 0. Without a feed they cannot be a RemoteItem.
  if (id === null || id <= 0 || feedId === null || feedId <= 0) return null;
  const updated = asInt(row.updated);
  // strtotime() of an empty date gives 0 in TT-RSS: that means "no date", not 1970.
  const at = updated !== null && updated > 0 ? updated * 1000 : null;
  return {
    remoteId: String(id),
    feedRemoteId: String(feedId),
    guid: guidOf(row.guid),
    url: asText(row.link),
    title: asString(row.title),
    author: asText(row.author),
    contentHtml: asString(row.content),
    publishedAt: at,
    updatedAt: at,
    read: !asBool(row.unread),
    starred: asBool(row.marked),
    tags: labelsOf(row.labels),
    enclosures: enclosuresOf(row.attachments),
  };
}

/** Article ids as TT-RSS wants them (integers); anything else is not one of its ids and is dropped. */
export function articleIds(ids: readonly string[]): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const n = asInt(id);
    if (n !== null && n > 0) out.push(n);
  }
  return out;
}

/** Splits a list into batches of at most `size`. */
export function batches<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
