/**
 * The ReaderApi contract: every use case the reader offers, and the events the main side
 * pushes. ReaderService implements it (`satisfies ReaderApi`), the Electron IPC door and
 * the browser-mode WebSocket carry it, and the renderer calls it. One contract, so a
 * missing handler is a compile error on every side.
 */
import type {
  Account,
  AccountId,
  Article,
  ArticleCursor,
  ArticleId,
  ArticlePage,
  ArticleQuery,
  BackupInfo,
  Counts,
  DiscoveredFeed,
  Feed,
  FeedId,
  FeedOpenMode,
  OfflineStatus,
  OpmlImportReport,
  RefreshProgress,
  RefreshSummary,
  RetentionReport,
  Settings,
  StorageInfo,
  Tag,
  TagId,
} from './domain.js';
import type { NewArticlesNotice } from './domain.js';
import type { Rule, RuleDraft, RuleId, RulePreview, RuleRunReport, RulesImportReport } from './rules.js';
import type { SavedView, SavedViewDraft, ViewId } from './saved-views.js';

export type StarredExportFormat = 'html' | 'json';

export interface AddFeedRequest {
  /** A feed URL, or a site's address to discover the feed from. */
  url: string;
  /** Tag names to put on the feed; created when missing. */
  tags?: string[];
  title?: string;
  /** Fetch each article's full page (for feeds that publish only a summary). */
  fetchFullText?: boolean;
  /** Which account follows it (default: the local account); a sync account subscribes on its server. */
  accountId?: AccountId;
}

/** What the user types to add a sync account (Settings → Accounts, `syndic account add`). */
export interface AccountLogin {
  kind: 'ttrss' | 'greader';
  /** TT-RSS's base address; for the Google Reader API the server's base or its API address. */
  serverUrl: string;
  username: string;
  password: string;
}

export interface NewAccountRequest extends AccountLogin {
  /** Shown in the sidebar; default: the server's host name. */
  name?: string;
}

export interface AccountPatch {
  name?: string;
  syncMinutes?: number;
  /** A new password (the old one was rejected, or changed on the server). */
  password?: string;
}

/** The answer to "Test connection": it worked, or why not and what to do. */
export type ConnectionTest = { ok: true; warning: string | null } | { ok: false; code: string; message: string };

/** What one sync moved each way. */
export interface SyncSummary {
  accountId: AccountId;
  ok: boolean;
  /** Why it failed, with what to do; null when it worked. */
  error: string | null;
  pushed: number;
  newArticles: number;
  stateChanges: number;
  feedsAdded: number;
  feedsRemoved: number;
  requests: number;
  bytesReceived: number;
  durationMs: number;
}

export interface SyncProgressEvent {
  accountId: AccountId;
  phase: 'login' | 'push' | 'feeds' | 'states' | 'articles' | 'done';
  done: number;
  total: number;
}

export type AddFeedResult =
  | { kind: 'added'; feed: Feed }
  | { kind: 'exists'; feed: Feed }
  /** The address was a web page offering several feeds: ask the user which. */
  | { kind: 'choose'; candidates: DiscoveredFeed[] };

export interface FeedPatch {
  userTitle?: string | null;
  url?: string;
  refreshMinutes?: number | null;
  fetchFullText?: boolean;
  openAs?: FeedOpenMode;
  notify?: boolean;
}

export interface MarkReadResult {
  /** How many articles changed state. */
  count: number;
  /** Hand back to undoMarkRead to restore exactly those articles; null when nothing changed. */
  undoToken: string | null;
}

/** How many articles a view (or a search) holds, counted up to a cap. */
export interface ArticleCount {
  /** The number of articles; the cap itself when there are more. */
  count: number;
  /** There are more than `count`: show "1,000+" rather than "1,000". */
  capped: boolean;
}

export interface ReaderApi {
  // Feeds
  listFeeds(): Promise<Feed[]>;
  discoverFeeds(url: string): Promise<DiscoveredFeed[]>;
  addFeed(request: AddFeedRequest): Promise<AddFeedResult>;
  updateFeed(feedId: FeedId, patch: FeedPatch): Promise<Feed>;
  deleteFeed(feedId: FeedId): Promise<void>;

  // Tags
  listTags(): Promise<Tag[]>;
  createTag(name: string): Promise<Tag>;
  renameTag(tagId: TagId, name: string): Promise<Tag>;
  /** Moves every use of `from` onto `into`, then deletes `from`. */
  mergeTags(from: TagId, into: TagId): Promise<Tag>;
  deleteTag(tagId: TagId): Promise<void>;
  setFeedTags(feedId: FeedId, tagNames: string[]): Promise<Feed>;
  tagArticle(articleId: ArticleId, tagName: string): Promise<void>;
  untagArticle(articleId: ArticleId, tagId: TagId): Promise<void>;

  // Articles
  listArticles(query: ArticleQuery, after: ArticleCursor | null, limit: number): Promise<ArticlePage>;
  /** How many articles listArticles would list for the query (a search's "N results"), up to a cap. */
  countArticles(query: ArticleQuery): Promise<ArticleCount>;
  getArticle(articleId: ArticleId): Promise<Article | null>;
  /** Marks articles (and their copies in other feeds) read or unread. */
  markRead(articleIds: ArticleId[], read: boolean): Promise<MarkReadResult>;
  /** Marks every unread article of a view read; `before` limits it to older articles. */
  markViewRead(query: ArticleQuery, before: number | null): Promise<MarkReadResult>;
  undoMarkRead(undoToken: string): Promise<number>;
  setStarred(articleId: ArticleId, starred: boolean): Promise<void>;
  getCounts(): Promise<Counts>;

  // Refresh
  refresh(feedIds: FeedId[] | null): Promise<RefreshSummary>;
  cancelRefresh(): Promise<void>;

  // OPML and settings
  importOpml(text: string): Promise<OpmlImportReport>;
  exportOpml(): Promise<string>;
  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;

  // Offline reading and data safety
  /** Fetches the article's page, extracts the article (readability) and keeps it offline. */
  fetchFullArticle(articleId: ArticleId): Promise<Article>;
  getStorageInfo(): Promise<StorageInfo>;
  createBackup(): Promise<BackupInfo>;
  /** Replaces all data with a backup's (the current state is backed up first). */
  restoreBackup(name: string): Promise<void>;
  exportStarred(format: StarredExportFormat): Promise<string>;
  /** Applies retention and optimises the database now (it also runs on a schedule). */
  runMaintenance(): Promise<RetentionReport>;

  // Sync accounts
  listAccounts(): Promise<Account[]>;
  /** Logs in without saving anything: the precise reason when it fails. */
  testAccount(login: AccountLogin): Promise<ConnectionTest>;
  /** Tests, saves (the password in the secret store, never the database) and starts a first sync. */
  addAccount(request: NewAccountRequest): Promise<Account>;
  updateAccount(accountId: AccountId, patch: AccountPatch): Promise<Account>;
  /** Removes the account with its feeds and articles; `keepStarred` moves its starred articles to the local account. */
  removeAccount(accountId: AccountId, keepStarred: boolean): Promise<void>;
  /** Syncs one account, or every one (null), now. */
  syncNow(accountId: AccountId | null): Promise<SyncSummary[]>;
  /** Subscribes the account's server to these local feeds (all when null), keeping tags and articles. */
  moveLocalFeeds(accountId: AccountId, feedIds: FeedId[] | null): Promise<number>;

  // Saved views
  listViews(): Promise<SavedView[]>;
  createView(draft: SavedViewDraft): Promise<SavedView>;
  updateView(viewId: ViewId, draft: SavedViewDraft): Promise<SavedView>;
  deleteView(viewId: ViewId): Promise<void>;
  /** Puts the views in this order (every view's id, once). */
  reorderViews(viewIds: ViewId[]): Promise<SavedView[]>;

  // Rules
  listRules(): Promise<Rule[]>;
  createRule(draft: RuleDraft): Promise<Rule>;
  updateRule(ruleId: RuleId, draft: RuleDraft): Promise<Rule>;
  deleteRule(ruleId: RuleId): Promise<void>;
  /** Puts the rules in this order (every rule's id, once); they run in it. */
  reorderRules(ruleIds: RuleId[]): Promise<Rule[]>;
  /** What a draft's conditions match among stored articles (the editor's live preview). */
  previewRule(draft: RuleDraft): Promise<RulePreview>;
  /** Runs one rule's actions on every stored article it matches ("Run on existing articles"). */
  applyRule(ruleId: RuleId): Promise<RuleRunReport>;
  /** Every rule, as the JSON file `syndic rules export` writes. */
  exportRules(): Promise<string>;
  /** Adds the rules of such a file after the existing ones; a bad file is refused whole. */
  importRules(text: string): Promise<RulesImportReport>;

  // Notifications
  setTagNotify(tagId: TagId, notify: boolean): Promise<Tag>;
}

export type ReaderMethod = keyof ReaderApi;

/** Events the main side pushes to every window. */
export interface ReaderEvents {
  'refresh-progress': RefreshProgress;
  /** Articles were added or changed in these feeds; lists showing them should reload. */
  'articles-changed': { feedIds: FeedId[] };
  'counts-changed': Counts;
  'feeds-changed': { feedIds: FeedId[] };
  /** The offline cache moved on (images fetched, queue shorter). */
  'offline-status': OfflineStatus;
  /**
   * The integrity check found the database damaged. Nothing was changed; the user chooses:
   * restore the latest backup now, or quit (the next start offers to start fresh).
   */
  'database-damaged': { problem: string; latestBackup: string | null };
  /** The OS handed the app a feed: link: open Add Feed with this address. */
  'open-add-feed': { url: string };
  /** The OS handed the app an .opml file, which was imported: show the report. */
  'opml-imported': OpmlImportReport;
  /** Everything changed (a backup was restored): reload every view. */
  'data-replaced': Record<string, never>;
  'sync-progress': SyncProgressEvent;
  /** An account's status changed (a sync ended, pending changes moved). */
  'accounts-changed': Account[];
  /** New articles a feed, tag, saved view or rule asked to hear about (not sent while Do not disturb is on). */
  'new-articles-notice': NewArticlesNotice;
  /** A desktop notification was clicked (Electron): show this article. */
  'open-article': { articleId: ArticleId };
  'views-changed': SavedView[];
  'rules-changed': Rule[];
}

export type ReaderEventName = keyof ReaderEvents;

/** Every method name, for transports that must refuse unknown ones. */
export const READER_METHODS = [
  'listFeeds',
  'discoverFeeds',
  'addFeed',
  'updateFeed',
  'deleteFeed',
  'listTags',
  'createTag',
  'renameTag',
  'mergeTags',
  'deleteTag',
  'setFeedTags',
  'tagArticle',
  'untagArticle',
  'listArticles',
  'countArticles',
  'getArticle',
  'markRead',
  'markViewRead',
  'undoMarkRead',
  'setStarred',
  'getCounts',
  'refresh',
  'cancelRefresh',
  'importOpml',
  'exportOpml',
  'getSettings',
  'updateSettings',
  'fetchFullArticle',
  'getStorageInfo',
  'createBackup',
  'restoreBackup',
  'exportStarred',
  'runMaintenance',
  'listAccounts',
  'testAccount',
  'addAccount',
  'updateAccount',
  'removeAccount',
  'syncNow',
  'moveLocalFeeds',
  'listViews',
  'createView',
  'updateView',
  'deleteView',
  'reorderViews',
  'listRules',
  'createRule',
  'updateRule',
  'deleteRule',
  'reorderRules',
  'previewRule',
  'applyRule',
  'exportRules',
  'importRules',
  'setTagNotify',
] as const satisfies readonly ReaderMethod[];

// Compile-time check that READER_METHODS lists every method exactly.
type MissingMethods = Exclude<ReaderMethod, (typeof READER_METHODS)[number]>;
const allMethodsListed: MissingMethods extends never ? true : MissingMethods = true;
void allMethodsListed;
