/**
 * TT-RSS subscriptions, categories and labels as Syndic sees them.
 *
 * Why getFeeds and getCategories rather than getFeedTree: in API level 15 getFeedTree's feed
 * nodes carry no feed_url (only id, name, icon, error), so it cannot say what a subscription
 * is. getFeeds with cat_id -4 lists every real feed with feed_url and cat_id, and also each
 * label (cat_id -2, id below -1024, title = caption) and the virtual feeds (cat_id -1), in one
 * call; getCategories (include_empty) names the categories, empty and nested ones included.
 * No API call answers a feed's site URL, so siteUrl is null.
 */
import type { RemoteFeed } from '../sync-client.js';
import { asArray, asInt, asString, asText, isObject } from './ttrss-json.js';

/** getFeeds' pseudo categories: -4 everything (labels, virtual feeds, real feeds), -3 real feeds only. */
export const ALL_FEEDS_AND_LABELS = -4;
export const REAL_FEEDS = -3;
/** Labels are listed as feeds with ids at or below this (LABEL_BASE_INDEX - 1 in functions.php). */
const LABEL_FEED_MAX = -1025;

export interface TtrssFeed {
  id: number;
  url: string;
  title: string;
  /** 0: Uncategorized. */
  categoryId: number;
}

export interface TtrssLabel {
  /** In the feed-style form (≤ -1025) that setArticleLabel's label_id takes. */
  id: number;
  caption: string;
}

/** A getFeeds answer: real feeds, and labels when cat_id was -4. */
export function parseFeeds(content: unknown): { feeds: TtrssFeed[]; labels: TtrssLabel[] } {
  const feeds: TtrssFeed[] = [];
  const labels: TtrssLabel[] = [];
  for (const row of asArray(content)) {
    if (!isObject(row)) continue;
    const id = asInt(row.id);
    if (id === null) continue;
    const url = asText(row.feed_url);
    if (id > 0 && url !== null) {
      feeds.push({ id, url, title: asString(row.title) ?? '', categoryId: Math.max(0, asInt(row.cat_id) ?? 0) });
    } else if (id <= LABEL_FEED_MAX) {
      const caption = asText(row.title);
      if (caption !== null) labels.push({ id, caption });
    }
    // Anything else is a virtual feed (-1 starred, -4 all, 0 archived, …) or a plugin's.
  }
  return { feeds, labels };
}

/** A getCategories answer as id → title, real categories only (not -2 Labels, -1 Special, 0 Uncategorized). */
export function parseCategories(content: unknown): Map<number, string> {
  const categories = new Map<number, string>();
  for (const row of asArray(content)) {
    if (!isObject(row)) continue;
    const id = asInt(row.id);
    const title = asText(row.title);
    if (id !== null && id > 0 && title !== null) categories.set(id, title);
  }
  return categories;
}

/** A getLabels answer. */
export function parseLabels(content: unknown): TtrssLabel[] {
  const labels: TtrssLabel[] = [];
  for (const row of asArray(content)) {
    if (!isObject(row)) continue;
    const id = asInt(row.id);
    const caption = asText(row.caption);
    if (id !== null && caption !== null) labels.push({ id, caption });
  }
  return labels;
}

/** The category id for a tag name, or null when TT-RSS has no such category. */
export function categoryIdOf(categories: Map<number, string>, name: string): number | null {
  for (const [id, title] of categories) if (title === name) return id;
  // A user who typed the tag in Syndic may not have matched TT-RSS's case.
  const lower = name.toLocaleLowerCase();
  for (const [id, title] of categories) if (title.toLocaleLowerCase() === lower) return id;
  return null;
}

export function remoteFeed(feed: TtrssFeed, categories: Map<number, string>): RemoteFeed {
  const category = categories.get(feed.categoryId);
  return {
    remoteId: String(feed.id),
    url: feed.url,
    title: feed.title,
    siteUrl: null,
    tags: category === undefined ? [] : [category],
  };
}

/** Names, de-duplicated, in first-seen order. */
export function uniqueNames(names: Iterable<string>): string[] {
  return [...new Set(names)];
}
