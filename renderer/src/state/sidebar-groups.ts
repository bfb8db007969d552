/**
 * The sidebar's feeds as groups: one per tag holding its feeds (a feed with two tags is in
 * both), then the untagged feeds in a group of their own (one per account when there are
 * several), narrowed by the filter box. Pure: feeds, tags, accounts, counts, the folded
 * groups and the filter go in; what to draw comes out. Built for a thousand feeds: one pass
 * over the feeds, and each feed's searchable text normalised once.
 */
import type { Account, Counts, Feed, Tag } from '../../../shared/domain.js';
import { feedTitle } from './selectors.js';
import type { Scope } from './store.js';
import { orderAccounts } from './sync-status.js';

/** The key a group's fold is saved under (Settings.collapsedGroups). */
export const tagGroupKey = (tagId: number): string => `tag:${tagId}`;
export const UNTAGGED_KEY = 'untagged';
/** An account's untagged feeds, when the sidebar groups by account. */
export const accountGroupKey = (accountId: number): string => `account:${accountId}`;

export interface SidebarGroup {
  key: string;
  /** The tag this group is, or null for the untagged feeds. */
  tag: Tag | null;
  /** The account whose untagged feeds these are, when the sidebar groups by account. */
  account: Account | null;
  /** The feeds to draw: all of the group's, or those the filter keeps. */
  feeds: Feed[];
  /** How many feeds the group holds, filter aside. */
  size: number;
  /** Unread articles in the group (a tag's own count, which counts an article once). */
  unread: number;
  /** Drawn open, its feeds under it. */
  open: boolean;
}

export interface SidebarLayout {
  /** The tag groups in the tags' order, then the untagged group(s). */
  groups: SidebarGroup[];
  /** No tags and a single account: the feeds as one list, without a group row. */
  flat: boolean;
  filtering: boolean;
  /** Distinct feeds the filter keeps (every feed when there is no filter). */
  matches: number;
}

export interface SidebarInput {
  feeds: Feed[];
  tags: Tag[];
  accounts: Account[];
  counts: Counts | null;
  /** The folds the user saved: Settings.collapsedGroups. */
  collapsed: readonly string[];
  /**
   * Folds made while a filter is on. Filtering opens every group with a match, whatever
   * was saved; folding one then is for this search only, so it is kept apart.
   */
  foldedWhileFiltering?: readonly string[];
  filter: string;
}

// Letters that no Unicode decomposition takes apart, written as people type them.
const FOLDS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };

/** Lower case, accents and compatibility forms gone: "Crème Brûlée" and "creme brulee" meet. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => FOLDS[c] ?? c);
}

/** The words of a filter, folded; empty when the filter is blank. */
export function filterWords(filter: string): string[] {
  return foldText(filter).split(/\s+/).filter(Boolean);
}

// A feed's folded title and address, computed once per feed object (the store replaces
// the object when the feed changes, so the cache never goes stale).
const searchText = new WeakMap<Feed, string>();
function textOf(feed: Feed): string {
  let text = searchText.get(feed);
  if (text === undefined) searchText.set(feed, (text = foldText(`${feedTitle(feed)} ${feed.url}`)));
  return text;
}

/**
 * Whether a feed is kept by the filter's words, each found in its title, its address or the
 * name of the group it is shown in (so "security" keeps all of the Security tag's feeds,
 * and "security lwn" the LWN feed under it).
 */
export function feedMatches(feed: Feed, words: readonly string[], groupName = ''): boolean {
  if (words.length === 0) return true;
  const text = textOf(feed);
  return words.every((w) => text.includes(w) || groupName.includes(w));
}

export function unreadOf(feed: Feed, counts: Counts | null): number {
  return counts?.feeds[feed.id] ?? feed.unreadCount;
}

/** The groups to draw. */
export function sidebarLayout(input: SidebarInput): SidebarLayout {
  const { feeds, tags, accounts, counts } = input;
  const words = filterWords(input.filter);
  const filtering = words.length > 0;
  const folded = new Set(filtering ? (input.foldedWhileFiltering ?? []) : input.collapsed);
  const byAccount = accounts.length > 1;

  // 1. One pass over the feeds: each tag's feeds, and the feeds with no tag we know.
  const tagFeeds = new Map<number, Feed[]>(tags.map((t) => [t.id, []]));
  const untagged: Feed[] = [];
  for (const feed of feeds) {
    let tagged = false;
    for (const id of feed.tags) {
      const list = tagFeeds.get(id);
      if (list) {
        list.push(feed);
        tagged = true;
      }
    }
    if (!tagged) untagged.push(feed);
  }

  const seen = new Set<number>();
  const make = (key: string, tag: Tag | null, account: Account | null, members: Feed[], unread: number) => {
    const groupName = tag ? foldText(tag.name) : '';
    const shown = filtering ? members.filter((f) => feedMatches(f, words, groupName)) : members;
    for (const f of shown) seen.add(f.id);
    return { key, tag, account, feeds: shown, size: members.length, unread, open: !folded.has(key) };
  };

  // 2. The tag groups, then the untagged feeds: one group, or one per account.
  const groups: SidebarGroup[] = tags.map((tag) =>
    make(tagGroupKey(tag.id), tag, null, tagFeeds.get(tag.id)!, counts?.tags[tag.id] ?? tag.unreadCount),
  );
  const sum = (list: Feed[]) => list.reduce((n, f) => n + unreadOf(f, counts), 0);
  if (byAccount) {
    for (const account of orderAccounts(accounts)) {
      const members = untagged.filter((f) => f.accountId === account.id);
      groups.push(make(accountGroupKey(account.id), null, account, members, sum(members)));
    }
  } else {
    groups.push(make(UNTAGGED_KEY, null, null, untagged, sum(untagged)));
  }

  // 3. What is drawn: with a filter, the groups it keeps a feed of; without, every tag
  // (an empty one can still be chosen), every account, and "Untagged" when it holds any.
  const drawn = groups.filter((g) =>
    filtering ? g.feeds.length > 0 : g.tag !== null || g.account !== null || g.size > 0,
  );
  return {
    groups: drawn,
    flat: tags.length === 0 && !byAccount,
    filtering,
    matches: filtering ? seen.size : feeds.length,
  };
}

/** The fold keys after folding or unfolding `key`, dropping those of groups gone since (a deleted tag). */
export function toggledFolds(
  collapsed: readonly string[],
  key: string,
  live: { tags: readonly Tag[]; accounts: readonly Account[] },
): string[] {
  const keys = new Set([
    UNTAGGED_KEY,
    ...live.tags.map((t) => tagGroupKey(t.id)),
    ...live.accounts.map((a) => accountGroupKey(a.id)),
  ]);
  const kept = collapsed.filter((k) => keys.has(k) && k !== key);
  return collapsed.includes(key) ? kept : [...kept, key];
}

/**
 * Where the scope's one Tab stop is drawn: the group whose row or feed is the current
 * scope (the first, for a feed shown under two tags), or null when it is not drawn (a
 * folded group, filtered away; "All" then takes the stop).
 */
export function tabStopGroup(layout: SidebarLayout, scope: Scope): string | null {
  for (const g of layout.groups) {
    if (scope.kind === 'tags' && g.tag?.id === scope.tagIds[0]) return g.key;
    if (scope.kind === 'feed' && (g.open || layout.flat) && g.feeds.some((f) => f.id === scope.feedId)) return g.key;
  }
  return null;
}

/** What Left or Right does in the feed tree, as a WAI-ARIA tree does; null leaves the key to the app (to move between panes). */
export type TreeArrow = 'expand' | 'collapse' | 'to-group-row' | null;

export function treeArrow(
  key: 'ArrowLeft' | 'ArrowRight',
  at: { onGroupRow: boolean; open: boolean; foldable: boolean },
): TreeArrow {
  if (!at.onGroupRow) return key === 'ArrowLeft' ? 'to-group-row' : null;
  if (!at.foldable) return null;
  if (key === 'ArrowRight') return at.open ? null : 'expand';
  return at.open ? 'collapse' : null;
}
