/**
 * Items from stream/items/contents (or stream/contents) as RemoteItems. The servers agree on
 * the outline and differ in the details: FreshRSS sends the body as `summary` and no `updated`,
 * Miniflux both `summary` and `content`; both list the item's states and labels in
 * `categories`, and both also list the item's feed's folder there as a label, which is not the
 * item's tag: the caller says which folders each feed is in, and those are left out.
 */
import type { Enclosure } from '../../../../shared/domain.js';
import type { RemoteItem } from '../sync-client.js';
import { type JsonRecord, isRecord, labelName, numeric, records, stateName, strings, text } from './greader-json.js';
import { normaliseItemId } from './item-ids.js';
import { plainTitle } from './freshrss-text.js';

type Malformed = (detail: string) => Error;
/** The folders a feed (by stream id) is in, or undefined when the feed is unknown. */
export type FoldersOf = (feedRemoteId: string) => readonly string[] | undefined;

/** The `items` of a contents answer. */
export function itemRecords(json: unknown, malformed: Malformed): JsonRecord[] {
  if (!isRecord(json) || !Array.isArray(json.items)) throw malformed('no items list');
  return records(json, 'items');
}

/** The feed stream ids the items come from, to learn their folders before mapping. */
export function feedIdsOf(items: readonly JsonRecord[]): Set<string> {
  const ids = new Set<string>();
  for (const item of items) {
    const origin = item.origin;
    const id = isRecord(origin) ? text(origin, 'streamId') : null;
    if (id !== null) ids.add(id);
  }
  return ids;
}

/** One item; null when it lacks an id or a feed, which no server sends on purpose. */
export function toRemoteItem(item: JsonRecord, foldersOf: FoldersOf): RemoteItem | null {
  const remoteId = normaliseItemId(item.id);
  const origin = isRecord(item.origin) ? item.origin : {};
  const feedRemoteId = text(origin, 'streamId');
  if (remoteId === null || feedRemoteId === null) return null;
  const folders = foldersOf(feedRemoteId) ?? [];
  let read = false;
  let starred = false;
  const tags: string[] = [];
  for (const category of strings(item, 'categories')) {
    const state = stateName(category);
    if (state === 'read') read = true;
    else if (state === 'starred') starred = true;
    const label = labelName(category);
    if (label !== null && !folders.includes(label) && !tags.includes(label)) tags.push(label);
  }
  return {
    remoteId,
    feedRemoteId,
    // Neither FreshRSS (compat mode) nor Miniflux sends the feed's guid; a server that does may.
    guid: text(item, 'guid'),
    url: firstHref(item, 'canonical') ?? firstHref(item, 'alternate'),
    title: plainTitle(text(item, 'title')),
    author: plainTitle(text(item, 'author')),
    contentHtml: body(item, 'content') ?? body(item, 'summary'),
    publishedAt: seconds(item, 'published'),
    updatedAt: seconds(item, 'updated'),
    read,
    starred,
    tags,
    enclosures: enclosures(item),
  };
}

function firstHref(item: JsonRecord, key: string): string | null {
  for (const link of records(item, key)) {
    const href = text(link, 'href');
    if (href !== null) return href;
  }
  return null;
}

function body(item: JsonRecord, key: string): string | null {
  const value = item[key];
  return isRecord(value) ? text(value, 'content') : null;
}

function seconds(item: JsonRecord, key: string): number | null {
  const value = numeric(item, key);
  return value === null || value <= 0 ? null : Math.round(value * 1000);
}

function enclosures(item: JsonRecord): Enclosure[] {
  const out: Enclosure[] = [];
  for (const entry of records(item, 'enclosure')) {
    const url = text(entry, 'href');
    if (url === null) continue;
    const length = numeric(entry, 'length');
    out.push({ url, type: text(entry, 'type'), length: length !== null && length >= 0 ? length : null });
  }
  return out;
}
