/**
 * The push half of a sync: the outbox's entries to the server, oldest first, each kind in
 * batches, and every entry dropped only once the server has accepted its batch. A failure
 * (network, auth) stops the push with the rest still in the outbox; the next sync resumes.
 * Calls are absolute (read, not toggle), so a batch resent after a lost answer is harmless.
 */
import type { AccountId } from '../../../shared/domain.js';
import type { Db } from '../store/db.js';
import { feedTagNames } from '../store/tags.js';
import { dropEntries, pendingEntries, type OutboxEntry } from '../store/outbox.js';
import { confirmFeed, feedByTarget } from '../store/synced-items.js';
import type { SyncClient } from './sync-client.js';
import { SyncError } from './sync-error.js';

const BATCH = 500;

export interface PushResult {
  /** Entries the server accepted. */
  pushed: number;
  /** Feed changes the server refused for good (an address it cannot subscribe to...). */
  refused: string[];
}

type Send = (ids: string[]) => Promise<void>;

export async function pushOutbox(
  db: Db,
  accountId: AccountId,
  client: SyncClient,
  onProgress: (done: number, total: number) => void,
): Promise<PushResult> {
  const entries = pendingEntries(db, accountId);
  const result: PushResult = { pushed: 0, refused: [] };
  const total = entries.length;
  const accepted = (batch: readonly OutboxEntry[]): void => {
    dropEntries(db, batch);
    result.pushed += batch.length;
    onProgress(result.pushed, total);
  };

  // Feed changes first, in order: a subscribe must exist before its articles are marked.
  const subscribed = new Set<string>();
  for (const entry of entries.filter((e) => isFeedAction(e))) {
    if (entry.action === 'subscribe') subscribed.add(entry.target);
    // A rename or retag of a feed subscribed in this push rode along with the subscribe.
    else if (subscribed.has(entry.target)) {
      accepted([entry]);
      continue;
    }
    try {
      await pushFeedChange(db, accountId, client, entry);
    } catch (error) {
      // Refused for good (TT-RSS cannot rename a feed): say so and drop it. Anything else
      // (a 5xx, the network) stops the push with the change kept for the next sync.
      if (!(error instanceof SyncError) || error.code !== 'refused') throw error;
      result.refused.push(error.message);
    }
    accepted([entry]);
  }

  // Article states and tags: grouped by what they set, sent in batches.
  const groups = new Map<string, { send: Send; entries: OutboxEntry[] }>();
  for (const entry of entries) {
    if (isFeedAction(entry)) continue;
    const key = `${entry.action}\u0000${entry.value ?? ''}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { send: senderFor(client, entry), entries: [] }));
    group.entries.push(entry);
  }
  for (const { send, entries: group } of groups.values()) {
    for (let i = 0; i < group.length; i += BATCH) {
      const batch = group.slice(i, i + BATCH);
      try {
        await send(batch.map((e) => e.target));
      } catch (error) {
        // A server without article labels refuses tags for good (Miniflux answers them with
        // a 500, which cannot be told from a passing one): say so, drop them. Read and star
        // changes are never dropped on a failure.
        const isTag = batch[0]!.action === 'tag' || batch[0]!.action === 'untag';
        const final = error instanceof SyncError && (error.code === 'refused' || error.code === 'server');
        if (!isTag || !final) throw error;
        result.refused.push(error.message);
      }
      accepted(batch);
    }
  }
  return result;
}

function isFeedAction(entry: OutboxEntry): boolean {
  return (
    entry.action === 'subscribe' ||
    entry.action === 'unsubscribe' ||
    entry.action === 'rename' ||
    entry.action === 'set-tags'
  );
}

function senderFor(client: SyncClient, entry: OutboxEntry): Send {
  switch (entry.action) {
    case 'read':
    case 'unread':
      return (ids) => client.setRead(ids, entry.action === 'read');
    case 'star':
    case 'unstar':
      return (ids) => client.setStarred(ids, entry.action === 'star');
    case 'tag':
    case 'untag':
      return (ids) => client.setItemTag(ids, entry.value ?? '', entry.action === 'tag');
    default:
      throw new Error(`Not an article action: ${entry.action}`);
  }
}

async function pushFeedChange(db: Db, accountId: AccountId, client: SyncClient, entry: OutboxEntry): Promise<void> {
  const feed = feedByTarget(db, accountId, entry.target);
  switch (entry.action) {
    case 'subscribe': {
      if (!feed) return; // deleted before it was ever pushed
      // The feed as it is now: renames and retags made before the push ride along.
      const remote = await client.subscribe(feed.url, feed.userTitle, feedTagNames(db, feed.id));
      confirmFeed(db, feed.id, remote);
      return;
    }
    case 'unsubscribe':
      return client.unsubscribe(entry.target);
    case 'rename':
      return client.renameFeed(entry.target, JSON.parse(entry.value ?? '""') as string);
    case 'set-tags':
      return client.setFeedTags(entry.target, JSON.parse(entry.value ?? '[]') as string[]);
    default:
      throw new Error(`Not a feed action: ${entry.action}`);
  }
}
