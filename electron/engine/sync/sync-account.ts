/**
 * One sync of one account, in the order that loses nothing: push the outbox, then pull
 * subscriptions and tags, then the unread and starred id sets, then the bodies Syndic
 * lacks. Local state wins for any article with a change still pending; otherwise the
 * server's wins. Each store step is its own short transaction, so a sync cut off at any
 * point (a crash, a dead network) leaves a whole database and the outbox intact.
 */
import type { AccountId, ArticleId, FeedId } from '../../../shared/domain.js';
import { accountState, setAccountState } from '../store/accounts.js';
import type { Db } from '../store/db.js';
import { ensureTag } from '../store/tags.js';
import { articlesWithPendingState, pendingCount, pendingEntries } from '../store/outbox.js';
import { applyRemoteStates, knownRemoteIds, reconcileFeeds, storeRemoteItems } from '../store/synced-items.js';
import type { InsertedArticles, NewArticleHooks } from '../rules/new-article-hooks.js';
import { pushOutbox } from './push-outbox.js';
import type { SyncClient } from './sync-client.js';

/** Bodies fetched per request round (the client splits further as its server needs). */
const ITEM_BATCH = 500;
/** Newest read items taken on a first sync (unread and starred ones come whatever their number). */
const FIRST_SYNC_READ_ITEMS = 500;
/** Most new items taken per incremental sync (the unread and starred sets fill any gap). */
const INCREMENTAL_ITEMS = 5_000;

export type SyncPhase = 'login' | 'push' | 'feeds' | 'states' | 'articles';

export interface SyncProgress {
  accountId: AccountId;
  phase: SyncPhase;
  done: number;
  total: number;
}

export interface SyncReport {
  accountId: AccountId;
  /** Local changes the server accepted. */
  pushed: number;
  /** Feed changes the server refused (each says why). */
  refused: string[];
  feedsAdded: FeedId[];
  feedsRemoved: FeedId[];
  newArticles: ArticleId[];
  /** Articles whose read or star state the server changed. */
  stateChanges: number;
  requests: number;
  bytesReceived: number;
  bytesSent: number;
  durationMs: number;
}

interface ProtocolState {
  /** The client's newItems cursor (TT-RSS: the last article id seen). */
  cursor: string | null;
}

export interface SyncAccountOptions {
  db: Db;
  accountId: AccountId;
  client: SyncClient;
  now: () => number;
  onProgress?: (progress: SyncProgress) => void;
  /** Called after each step that changed what the windows show. */
  onChanged?: (feedIds: FeedId[]) => void;
  /** The rules and notifications, for new articles (see rules/new-article-hooks.ts). */
  hooks?: NewArticleHooks;
}

export async function syncAccount(options: SyncAccountOptions): Promise<SyncReport> {
  const { db, accountId, client, now } = options;
  const started = now();
  const progress = (phase: SyncPhase, done: number, total: number): void =>
    options.onProgress?.({ accountId, phase, done, total });
  const changed = (feedIds: FeedId[]): void => options.onChanged?.(feedIds);

  progress('login', 0, 1);
  await client.login();

  progress('push', 0, pendingEntries(db, accountId).length);
  const push = await pushOutbox(db, accountId, client, (done, total) => progress('push', done, total));

  progress('feeds', 0, 1);
  const remoteFeeds = await client.subscriptions();
  const tagNames = await client.tagNames();
  const feedTargets = new Set(
    pendingEntries(db, accountId)
      .filter(
        (e) =>
          e.action === 'subscribe' || e.action === 'unsubscribe' || e.action === 'rename' || e.action === 'set-tags',
      )
      .map((e) => e.target),
  );
  const feeds = reconcileFeeds(db, accountId, remoteFeeds, feedTargets, now());
  db.transaction(() => {
    for (const name of tagNames) ensureTag(db, name, now());
  })();
  if (feeds.added.length || feeds.removed.length) changed([...feeds.added, ...feeds.removed]);

  progress('states', 0, 2);
  const unread = new Set(await client.unreadIds());
  progress('states', 1, 2);
  const starred = new Set(await client.starredIds());
  progress('states', 2, 2);

  const newArticles: ArticleId[] = [];
  const state = accountState<ProtocolState>(db, accountId);
  const known = knownRemoteIds(db, accountId);
  // An account's first sync, and a feed it just subscribed, bring a back catalogue: no notices.
  const backCatalogue = known.size === 0;
  const justAdded = new Set(feeds.added);
  const hooksFor = () =>
    options.hooks && {
      classify: options.hooks.classify,
      inserted: (inserted: InsertedArticles) =>
        options.hooks!.inserted({ ...inserted, firstFetch: backCatalogue || justAdded.has(inserted.feedId) }),
      firstSync: backCatalogue,
    };
  if (client.newItems) {
    const firstSync = state.cursor == null;
    const { items, cursor } = await client.newItems(
      state.cursor ?? null,
      firstSync ? FIRST_SYNC_READ_ITEMS : INCREMENTAL_ITEMS,
    );
    newArticles.push(
      ...storeRemoteItems(
        db,
        accountId,
        items,
        feeds.feedIds,
        articlesWithPendingState(db, accountId),
        now(),
        hooksFor(),
      ),
    );
    for (const item of items) known.add(item.remoteId);
    setAccountState(db, accountId, { ...state, cursor });
  }

  const missing = [...new Set([...unread, ...starred])].filter((id) => !known.has(id));
  for (let i = 0; i < missing.length; i += ITEM_BATCH) {
    progress('articles', i, missing.length);
    const items = await client.items(missing.slice(i, i + ITEM_BATCH));
    newArticles.push(
      ...storeRemoteItems(
        db,
        accountId,
        items,
        feeds.feedIds,
        articlesWithPendingState(db, accountId),
        now(),
        hooksFor(),
      ),
    );
    changed([]);
  }
  progress('articles', missing.length, missing.length);

  const stateChanges = applyRemoteStates(db, accountId, { unread, starred }, articlesWithPendingState(db, accountId));
  if (stateChanges || newArticles.length) changed([]);

  // Local articles matched to the server's copies just now (after "move my local feeds")
  // left their read and star states in the outbox: send them in this sync, not the next.
  let late = { pushed: 0, refused: [] as string[] };
  if (pendingCount(db, accountId) > 0) {
    late = await pushOutbox(db, accountId, client, (done, total) => progress('push', done, total));
  }

  return {
    accountId,
    pushed: push.pushed + late.pushed,
    refused: [...push.refused, ...late.refused],
    feedsAdded: feeds.added,
    feedsRemoved: feeds.removed,
    newArticles,
    stateChanges,
    ...client.stats,
    durationMs: now() - started,
  };
}
