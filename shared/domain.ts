/**
 * Domain types shared by the main side and the renderer. Pure data: no Node, no DOM.
 * Dates are epoch milliseconds; ids are integers assigned by the store.
 */

export type FeedId = number;
export type ArticleId = number;
export type TagId = number;
export type AccountId = number;

/**
 * The address of a local feed holding the starred articles kept from a removed account:
 * nothing to fetch, and the renderer shows no refresh for it.
 */
export const KEPT_FEED_SCHEME = 'syndic-kept:';

/** The built-in account: feeds Syndic fetches itself. Every other account is a feed server. */
export const LOCAL_ACCOUNT_ID: AccountId = 1;
export type AccountKind = 'local' | 'ttrss' | 'greader';

/** An account: who fetches a set of feeds, and how its sync is doing. */
export interface Account {
  id: AccountId;
  kind: AccountKind;
  name: string;
  /** The address the user gave; null for the local account. */
  serverUrl: string | null;
  username: string | null;
  /** Minutes between scheduled syncs. */
  syncMinutes: number;
  lastSyncAt: number | null;
  lastAttemptAt: number | null;
  /** The last sync's failure, with what to do; null when it worked. */
  lastError: string | null;
  /** Local changes not yet accepted by the server. */
  pendingChanges: number;
  feedCount: number;
}

/** A subscription, as the reader shows it. */
export interface Feed {
  id: FeedId;
  /** Who fetches it: LOCAL_ACCOUNT_ID (Syndic's poller) or a sync account's server. */
  accountId: AccountId;
  /** Where the feed is fetched from (updated by permanent redirects). */
  url: string;
  /** The site the feed belongs to, from the feed itself. */
  siteUrl: string | null;
  /** Title from the feed document. */
  title: string | null;
  /** Title the user chose; wins over `title` when set. */
  userTitle: string | null;
  description: string | null;
  iconUrl: string | null;
  /**
   * The offline image cache's copy of the feed's icon (shared/feed-icon.ts), at its local
   * address on the app's own origin; null until the cache has fetched it.
   */
  cachedIcon: string | null;
  tags: TagId[];
  /** Per-feed refresh interval in minutes; null means the global default. */
  refreshMinutes: number | null;
  /** Fetch the full article page for summary-only feeds. */
  fetchFullText: boolean;
  /** How an article of this feed opens: its feed content, the full article, or the browser. */
  openAs: FeedOpenMode;
  /** A desktop notification when new articles arrive (never for the feed's first refresh). */
  notify: boolean;
  lastFetchAt: number | null;
  nextFetchAt: number | null;
  /** Consecutive failed refreshes; 0 when the last refresh worked. */
  errorCount: number;
  /** What went wrong on the last refresh, for the user; null when it worked. */
  lastError: FeedError | null;
  unreadCount: number;
  articleCount: number;
  createdAt: number;
}

/** The kinds of failure a refresh can report, each with its own advice for the user. */
export type FeedErrorKind =
  | 'dns'
  | 'refused'
  | 'tls'
  | 'timeout'
  | 'http'
  | 'too-big'
  | 'too-many-redirects'
  | 'bad-redirect'
  | 'not-a-feed'
  | 'bad-url'
  | 'offline'
  | 'network';

export interface FeedError {
  kind: FeedErrorKind;
  /** One sentence naming what happened, e.g. "The server answered 404 Not Found". */
  message: string;
  /** What the user can do about it. */
  hint: string;
  /** HTTP status where there was one. */
  status?: number;
  at: number;
}

export interface Enclosure {
  url: string;
  type: string | null;
  length: number | null;
  /** Playing time in seconds, from `itunes:duration` or `media:content duration`, when the feed says. */
  duration?: number | null;
  /** Artwork for this episode (`itunes:image` of the item, else of the feed), when the feed names one. */
  imageUrl?: string | null;
}

export interface Tag {
  id: TagId;
  name: string;
  unreadCount: number;
  feedCount: number;
  /** A desktop notification when new articles arrive in the tag's feeds. */
  notify: boolean;
}

/** A row of the article list: what the middle pane needs, no body. */
export interface ArticleSummary {
  id: ArticleId;
  feedId: FeedId;
  title: string | null;
  author: string | null;
  url: string | null;
  publishedAt: number;
  snippet: string;
  read: boolean;
  starred: boolean;
  /** Tags set on this article itself (feed tags apply too, see Feed.tags). */
  tags: TagId[];
  thumbnailUrl: string | null;
  /**
   * The offline image cache's copy of the thumbnail, at its address on the app's own origin
   * (`/cache/images/<sha256>`); null (or absent) until the cache has fetched it. The list
   * shows only this copy, never `thumbnailUrl` itself (see renderer/src/components/list/Thumbnail.tsx).
   */
  cachedThumbnail?: string | null;
  /** How many other feeds carry the same post (0 when it is unique). */
  duplicateCount: number;
}

/** An article with its body, for the reading pane. */
export interface Article extends ArticleSummary {
  guid: string;
  canonicalUrl: string | null;
  summary: string | null;
  /** HTML as the feed sent it; the renderer sanitises it before display. */
  content: string | null;
  /** Extracted full article (readability), when fetched. */
  fullContent: string | null;
  /**
   * Images of this article kept in the offline cache: original address to the local path
   * that serves the copy (`/cache/images/<sha256>`, on the app's own origin). The reader
   * shows the copy and never asks the original host for an image listed here.
   */
  cachedImages: Record<string, string>;
  categories: string[];
  enclosures: Enclosure[];
  updatedAt: number | null;
  fetchedAt: number;
}

/** The smart views of the left pane. */
export type SmartView = 'all' | 'unread' | 'starred' | 'today';

/**
 * What the article list shows. A view is a query, never a copy: `feed`, `tags` and
 * `search` narrow a smart view.
 */
/** How a feed's articles open (the feed's Edit dialog). */
export type FeedOpenMode = 'feed' | 'full' | 'browser';
export const FEED_OPEN_MODES: readonly FeedOpenMode[] = ['feed', 'full', 'browser'];

/** How the article list draws its rows: titles only, cards with thumbnails, or a magazine grid. */
export type ListLayout = 'compact' | 'cards' | 'magazine';
export const LIST_LAYOUTS: readonly ListLayout[] = ['compact', 'cards', 'magazine'];

export type ListOrder = 'newest' | 'oldest';
export type ReaderFont = 'system' | 'sans' | 'serif';
export const READER_FONTS: readonly ReaderFont[] = ['system', 'sans', 'serif'];

export interface ArticleQuery {
  view: SmartView;
  feedId?: FeedId;
  /** Articles carrying these tags (through their feed or on themselves). */
  tags?: TagId[];
  /** With several tags: any of them, or all of them. Default 'any'. */
  tagMode?: 'any' | 'all';
  /** Full-text search over title, author and text. */
  search?: string;
  /** Show a post carried by several feeds once. Default true. */
  dedupe?: boolean;
  /** Newest first (the default) or oldest first; the page cursor follows the order. */
  order?: ListOrder;
  /**
   * Only the articles listed below this one in `order` (older ones when newest first,
   * newer ones when oldest first): "mark below as read" reaches rows not loaded yet.
   */
  below?: ArticleId;
  /** Only these feeds' articles (a saved view's feed list); with `feedId`, both must hold. */
  feedIds?: FeedId[];
  /** Only articles with an attachment (a podcast episode, a video), or only without. */
  hasEnclosure?: boolean;
  /** Only articles published in the last this many days ("last 3 days"). */
  sinceDays?: number;
  /** Only articles whose author holds these words, in order: whole words, case and accents ignored (as `author:` in a search). */
  author?: string;
}

/**
 * Keyset cursor: where the last row of a page stands in the list's order (its sort key, not
 * its id; the engine's to interpret). The next page goes on from there in the query's order.
 */
export type ArticleCursor = number;

export interface ArticlePage {
  articles: ArticleSummary[];
  /** Pass back as `after` to get the next page; null at the end. */
  next: ArticleCursor | null;
  /**
   * A search only: how many new or changed articles the full-text index had not taken in
   * yet (it catches up behind refreshes); absent when it had them all.
   */
  indexing?: number;
}

export interface Counts {
  all: number;
  unread: number;
  starred: number;
  today: number;
  feeds: Record<FeedId, number>;
  tags: Record<TagId, number>;
  /** Unread articles of each saved view (shared/saved-views.ts), by its id, counted up to a cap. */
  views: Record<number, number>;
  /** The saved views whose count stopped at the cap (99, store/counts.ts): show "99+". */
  viewsCapped?: number[];
}

export interface Settings {
  /** Default refresh interval in minutes. */
  refreshMinutes: number;
  markReadOnOpen: boolean;
  theme: 'system' | 'light' | 'dark';
  closeToTray: boolean;
  /** Hide a post already shown from another feed. */
  dedupe: boolean;
  /** Size cap of the offline image cache, in megabytes. */
  imageCacheMB: number;
  /** Read articles older than this many days are removed; 0 keeps them forever. */
  keepReadDays: number;
  /** Read articles beyond this many per feed (newest kept) are removed; 0 keeps all. */
  keepPerFeed: number;
  /** Hours between automatic backups; 0 turns them off. */
  backupEveryHours: number;
  /** How many backups are kept (the oldest is deleted first). */
  backupsKept: number;
  /** The installed desktop app checks GitHub Releases for updates (never in browser mode). */
  autoUpdate: boolean;
  /** The list layout of views that have none of their own. */
  listLayout: ListLayout;
  /** Layouts chosen for single views, by the renderer's view key (state/view-key.ts). */
  viewLayouts: Record<string, ListLayout>;
  listOrder: ListOrder;
  /** Day headings ("Today", "Yesterday", "Monday 30 November") between the list's rows. */
  groupByDay: boolean;
  /** Articles scrolled past the top of the list are marked read. */
  markReadOnScroll: boolean;
  readerFont: ReaderFont;
  /** Article text size in CSS pixels. */
  readerFontSize: number;
  /** Longest line of article text, in characters (CSS ch). */
  readerLineWidth: number;
  /** Article line height, as a multiple of the text size. */
  readerLineHeight: number;
  /** Sidebar groups the user folded: 'tag:<id>', 'untagged', or 'account:<id>' (an account's untagged feeds, when there are several). */
  collapsedGroups: string[];
  /** No desktop notifications at all, whatever feeds, tags, views and rules ask for. */
  doNotDisturb: boolean;
}

export const DEFAULT_SETTINGS: Settings = {
  refreshMinutes: 60,
  markReadOnOpen: true,
  theme: 'system',
  closeToTray: false,
  dedupe: true,
  imageCacheMB: 1024,
  keepReadDays: 0,
  keepPerFeed: 0,
  backupEveryHours: 24,
  backupsKept: 5,
  autoUpdate: true,
  listLayout: 'compact',
  viewLayouts: {},
  listOrder: 'newest',
  groupByDay: false,
  markReadOnScroll: false,
  readerFont: 'system',
  readerFontSize: 17,
  readerLineWidth: 70,
  readerLineHeight: 1.6,
  collapsedGroups: [],
  doNotDisturb: false,
};

/** What the reader settings accept (validated where they cross into the engine). */
export const READER_LIMITS = {
  fontSize: { min: 12, max: 28 },
  lineWidth: { min: 40, max: 100 },
  lineHeight: { min: 1.2, max: 2.2 },
} as const;

/** The outcome of refreshing one feed. */
export type FeedRefreshStatus = 'ok' | 'not-modified' | 'failed';

export interface FeedRefreshResult {
  feedId: FeedId;
  url: string;
  status: FeedRefreshStatus;
  newArticles: number;
  updatedArticles: number;
  error: FeedError | null;
  /** Ids of the articles this refresh wrote (inserted or updated), after commit. */
  stored: ArticleId[];
}

export interface RefreshProgress {
  /** Feeds finished so far and in all, for a progress bar. */
  done: number;
  total: number;
  /** The feed that just finished. */
  last: FeedRefreshResult | null;
  running: boolean;
  /** Set on the last event of a refresh that found no network. */
  offline?: boolean;
  /** Set on the last event of a refresh stopped by a full disk. */
  diskFull?: boolean;
}

export interface RefreshSummary {
  ok: number;
  failed: number;
  notModified: number;
  newArticles: number;
  updatedArticles: number;
  cancelled: boolean;
  /** Nothing was fetched because the machine has no network; Syndic retries when it returns. */
  offline: boolean;
  /** The disk is full: the refresh stopped, what was stored is intact. */
  diskFull: boolean;
  durationMs: number;
}

/** A feed found on a web page by autodiscovery. */
export interface DiscoveredFeed {
  url: string;
  title: string | null;
  type: 'rss' | 'atom' | 'json' | 'unknown';
}

export interface OpmlImportReport {
  added: number;
  skipped: number;
  tagsCreated: number;
  /** Lines that could not be imported, with why. */
  problems: { line: number; message: string }[];
}

/** The offline cache: what is kept and what is still to fetch. */
export interface OfflineStatus {
  /** Articles whose images (or full text) are still to fetch. */
  queued: number;
  working: boolean;
  imageFiles: number;
  imageBytes: number;
  maxImageBytes: number;
}

/** A consistent copy of the database, made by SQLite's online backup. */
export interface BackupInfo {
  /** File name inside the backups folder; the only thing restore accepts. */
  name: string;
  createdAt: number;
  bytes: number;
}

/** Where the data lives and how big it is, for the settings' storage section. */
export interface StorageInfo {
  dataDir: string;
  databaseBytes: number;
  articleCount: number;
  offline: OfflineStatus;
  backups: BackupInfo[];
  lastMaintenanceAt: number | null;
}

export interface RetentionReport {
  removed: number;
}

/**
 * New articles worth a desktop notification, grouped: one notice per feed, tag, saved view
 * or rule that asked for it ("5 new in Security"), never one per article.
 */
export interface NewArticlesNotice {
  /** "5 new in Security" (the shell shows it as is; the renderer words it from `source` and `count`). */
  title: string;
  /** The feed, tag, saved view or rule that asked for it; several when grouped ("Security, Releases"). */
  source: string;
  /** The newest article's title. */
  body: string;
  /** What clicking the notice opens: the newest of them. */
  articleId: ArticleId;
  count: number;
}
