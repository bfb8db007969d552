/**
 * What the sync engine needs from a feed server, whatever protocol it speaks. One folder
 * per protocol (ttrss/, greader/) implements it; the engine (sync-account.ts) only knows
 * this interface, so it is tested once against both, and a third protocol is one folder.
 *
 * Every id here is the server's own, as an opaque string. Google Reader item ids arrive in
 * two forms (long hex and decimal); clients normalise them before they get here, so the
 * same item always has the same string.
 */
import type { Enclosure } from '../../../shared/domain.js';

export type SyncProtocol = 'ttrss' | 'greader';

/** A subscription as the server has it. */
export interface RemoteFeed {
  remoteId: string;
  /** The feed's own address (what a local feed's url is). */
  url: string;
  title: string;
  siteUrl: string | null;
  /** TT-RSS: its category (zero or one). Google Reader: its folders/labels. */
  tags: string[];
}

/** An article as the server has it, with its state there. */
export interface RemoteItem {
  remoteId: string;
  feedRemoteId: string;
  /** The guid the feed gave, when the server says; used to match local copies. */
  guid: string | null;
  url: string | null;
  title: string | null;
  author: string | null;
  /** HTML, unsanitised: the store treats it like any feed content. */
  contentHtml: string | null;
  /** Milliseconds since the epoch. */
  publishedAt: number | null;
  updatedAt: number | null;
  read: boolean;
  starred: boolean;
  /** Article tags: TT-RSS labels, Google Reader user labels on the item. */
  tags: string[];
  enclosures: Enclosure[];
}

/** The counts a client keeps, for tests and for `syndic sync --jsonl`. */
export interface TransferStats {
  requests: number;
  bytesReceived: number;
  bytesSent: number;
}

export interface SyncClient {
  readonly protocol: SyncProtocol;
  /**
   * Logs in (or checks the session still holds). Throws SyncError: 'auth' for a rejected
   * password, 'api-disabled', 'not-endpoint', 'unreachable', 'tls', 'timeout'.
   */
  login(): Promise<void>;
  subscriptions(): Promise<RemoteFeed[]>;
  /** Every tag name the server knows (categories, folders, labels), empty ones included. */
  tagNames(): Promise<string[]>;
  /** Every unread item id on the server (all pages). */
  unreadIds(): Promise<string[]>;
  /** Every starred item id on the server (all pages). */
  starredIds(): Promise<string[]>;
  /**
   * Items that arrived on the server after `cursor` (null on the first sync), with bodies,
   * at most `limit` of them (the newest), and the cursor to pass next time. Lets a sync
   * find read items that arrived since the last one. Optional: where a protocol has no
   * cheap "newer than" (Google Reader), sync relies on the unread and starred id sets.
   */
  newItems?(cursor: string | null, limit: number): Promise<{ items: RemoteItem[]; cursor: string | null }>;
  /** Bodies and state of the given items (the client batches as its server allows). */
  items(ids: readonly string[]): Promise<RemoteItem[]>;

  setRead(ids: readonly string[], read: boolean): Promise<void>;
  setStarred(ids: readonly string[], starred: boolean): Promise<void>;
  /** Adds or removes an article tag (TT-RSS label, Google Reader user label). */
  setItemTag(ids: readonly string[], tag: string, on: boolean): Promise<void>;

  /** Subscribes; answers the server's feed (existing one if already subscribed). */
  subscribe(url: string, title: string | null, tags: readonly string[]): Promise<RemoteFeed>;
  unsubscribe(feedRemoteId: string): Promise<void>;
  renameFeed(feedRemoteId: string, title: string): Promise<void>;
  /** Sets the feed's tags. TT-RSS keeps only the first (its one category). */
  setFeedTags(feedRemoteId: string, tags: readonly string[]): Promise<void>;

  readonly stats: TransferStats;
  /** Ends the session where the protocol has one; never throws. */
  close(): Promise<void>;
}

export interface SyncCredentials {
  /** What the user typed; the client finds the API under it by probing. */
  serverUrl: string;
  username: string;
  password: string;
}
