/**
 * Subscriptions and tag names from subscription/list and tag/list. A feed's tags are its
 * folders (FreshRSS and Miniflux allow one, Inoreader several); states such as starred are
 * not tags.
 */
import type { RemoteFeed } from '../sync-client.js';
import { plainTitle } from './freshrss-text.js';
import { type JsonRecord, isRecord, labelName, records, text } from './greader-json.js';

type Malformed = (detail: string) => Error;

export function parseSubscriptions(json: unknown, malformed: Malformed): RemoteFeed[] {
  if (!isRecord(json) || !Array.isArray(json.subscriptions)) throw malformed('no subscriptions list');
  const feeds: RemoteFeed[] = [];
  for (const entry of records(json, 'subscriptions')) {
    const remoteId = text(entry, 'id');
    // Google's own server omitted url; the stream id then carries it (feed/<url>).
    const url = text(entry, 'url') ?? (remoteId?.startsWith('feed/http') ? remoteId.slice('feed/'.length) : null);
    if (remoteId === null || url === null) continue;
    feeds.push({
      remoteId,
      url,
      title: plainTitle(text(entry, 'title')) ?? url,
      siteUrl: text(entry, 'htmlUrl'),
      tags: categoryLabels(entry),
    });
  }
  return feeds;
}

function categoryLabels(entry: JsonRecord): string[] {
  const tags: string[] = [];
  for (const category of records(entry, 'categories')) {
    const id = text(category, 'id');
    // A category without an id is a bare label; one with an id is a label only by its prefix.
    const name = id !== null ? labelName(id) : text(category, 'label');
    if (name !== null && !tags.includes(name)) tags.push(name);
  }
  return tags;
}

export function parseTagNames(json: unknown, malformed: Malformed): string[] {
  if (!isRecord(json) || !Array.isArray(json.tags)) throw malformed('no tags list');
  const names: string[] = [];
  for (const tag of records(json, 'tags')) {
    const id = text(tag, 'id');
    const name = id === null ? null : labelName(id);
    if (name !== null && !names.includes(name)) names.push(name);
  }
  return names;
}
