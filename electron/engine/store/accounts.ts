/** Accounts: the local one and the sync accounts, with their sync status. */
import { KEPT_FEED_SCHEME, type Account, type AccountId, type AccountKind } from '../../../shared/domain.js';
import { prepared, type Db } from './db.js';
import { recountFeeds } from './feed-counts.js';
import { deleteFeed } from './feeds.js';
import { recordFeedAction } from './outbox.js';

interface AccountRow {
  id: number;
  kind: AccountKind;
  name: string;
  server_url: string | null;
  username: string | null;
  secret_store: string | null;
  sync_minutes: number;
  last_sync_at: number | null;
  last_attempt_at: number | null;
  last_error: string | null;
  state: string;
  created_at: number;
  pending: number;
  feed_count: number;
}

const SELECT_ACCOUNT = `
  SELECT a.*, (SELECT count(*) FROM sync_outbox o WHERE o.account_id = a.id) AS pending,
    (SELECT count(*) FROM feeds f WHERE f.account_id = a.id) AS feed_count
  FROM accounts a`;

function rowToAccount(row: AccountRow): Account {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    serverUrl: row.server_url,
    username: row.username,
    syncMinutes: row.sync_minutes,
    lastSyncAt: row.last_sync_at,
    lastAttemptAt: row.last_attempt_at,
    lastError: row.last_error,
    pendingChanges: row.pending,
    feedCount: row.feed_count,
  };
}

export function listAccounts(db: Db): Account[] {
  return prepared<[], AccountRow>(db, `${SELECT_ACCOUNT} ORDER BY a.id`).all().map(rowToAccount);
}

export function getAccount(db: Db, id: AccountId): Account | null {
  const row = prepared<[number], AccountRow>(db, `${SELECT_ACCOUNT} WHERE a.id = ?`).get(id);
  return row ? rowToAccount(row) : null;
}

/** Where the account's password is kept ('file' or 'safe-storage'). */
export function accountSecretStore(db: Db, id: AccountId): string | null {
  return (
    prepared<[number], { secret_store: string | null }>(db, 'SELECT secret_store FROM accounts WHERE id = ?').get(id)
      ?.secret_store ?? null
  );
}

export interface NewAccount {
  kind: Exclude<AccountKind, 'local'>;
  name: string;
  serverUrl: string;
  username: string;
  secretStore: string;
}

export function insertAccount(db: Db, account: NewAccount, now: number): AccountId {
  return Number(
    prepared(
      db,
      'INSERT INTO accounts (kind, name, server_url, username, secret_store, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(account.kind, account.name, account.serverUrl, account.username, account.secretStore, now).lastInsertRowid,
  );
}

export function updateAccount(
  db: Db,
  id: AccountId,
  patch: { name?: string; syncMinutes?: number; secretStore?: string },
): void {
  if (patch.name !== undefined) prepared(db, 'UPDATE accounts SET name = ? WHERE id = ?').run(patch.name, id);
  if (patch.syncMinutes !== undefined) {
    prepared(db, 'UPDATE accounts SET sync_minutes = ? WHERE id = ?').run(patch.syncMinutes, id);
  }
  if (patch.secretStore !== undefined) {
    prepared(db, 'UPDATE accounts SET secret_store = ? WHERE id = ?').run(patch.secretStore, id);
  }
}

/** Records a sync's outcome: success clears the error; failure keeps the last success time. */
export function recordSyncOutcome(db: Db, id: AccountId, at: number, error: string | null): void {
  if (error == null) {
    prepared(db, 'UPDATE accounts SET last_sync_at = ?, last_attempt_at = ?, last_error = NULL WHERE id = ?').run(
      at,
      at,
      id,
    );
  } else {
    prepared(db, 'UPDATE accounts SET last_attempt_at = ?, last_error = ? WHERE id = ?').run(at, error, id);
  }
}

/** The protocol's own bookkeeping (a cursor, say), as the sync engine left it. */
export function accountState<T extends object>(db: Db, id: AccountId): Partial<T> {
  const row = prepared<[number], { state: string }>(db, 'SELECT state FROM accounts WHERE id = ?').get(id);
  return row ? (JSON.parse(row.state) as Partial<T>) : {};
}

export function setAccountState(db: Db, id: AccountId, state: object): void {
  prepared(db, 'UPDATE accounts SET state = ? WHERE id = ?').run(JSON.stringify(state), id);
}

/**
 * Deletes a sync account with its feeds and articles, in one transaction. Nothing goes to
 * the server: removing an account from Syndic does not unsubscribe anything there.
 */
export function deleteAccount(db: Db, id: AccountId): void {
  if (id === 1) throw new Error('The local account cannot be removed.');
  db.transaction(() => {
    const feeds = prepared<[number], { id: number }>(db, 'SELECT id FROM feeds WHERE account_id = ?').all(id);
    for (const feed of feeds) deleteFeed(db, feed.id, 'server');
    prepared(db, 'DELETE FROM accounts WHERE id = ?').run(id);
  })();
}

/**
 * Moves the account's starred articles to a new local feed named after it (before the
 * account is removed), so "keep my starred articles" loses none. Returns the feed's id.
 */
export function keepStarredArticles(db: Db, accountId: AccountId, title: string, now: number): number {
  return db.transaction(() => {
    const feedId = Number(
      prepared(
        db,
        'INSERT INTO feeds (account_id, url, title, created_at, next_fetch_at) VALUES (1, ?, ?, ?, NULL)',
      ).run(`${KEPT_FEED_SCHEME}${accountId}/${now}`, title, now).lastInsertRowid,
    );
    const moved = prepared<[number, number], { feed_id: number; read: number }>(
      db,
      `UPDATE articles SET feed_id = ? WHERE starred = 1 AND feed_id IN (SELECT id FROM feeds WHERE account_id = ?)
       RETURNING feed_id, read`,
    ).all(feedId, accountId);
    prepared(db, 'DELETE FROM synced_articles WHERE article_id IN (SELECT id FROM articles WHERE feed_id = ?)').run(
      feedId,
    );
    if (moved.length) recountFeeds(db, null);
    return feedId;
  })();
}

/**
 * Hands local feeds to a sync account: each becomes the account's (Syndic's poller stops
 * fetching it) and a pending subscribe in the outbox. Their articles stay, and are matched
 * to the server's copies by link or guid when those arrive. A feed the account already
 * follows is left local. Returns how many moved.
 */
export function moveFeedsToAccount(
  db: Db,
  feedIds: readonly number[] | null,
  accountId: AccountId,
  now: number,
): number {
  return db.transaction(() => {
    const candidates =
      feedIds ??
      prepared<[], { id: number }>(
        db,
        `SELECT id FROM feeds WHERE account_id = 1 AND url NOT LIKE '${KEPT_FEED_SCHEME}%'`,
      )
        .all()
        .map((r) => r.id);
    let moved = 0;
    for (const id of candidates) {
      const changes = prepared(
        db,
        `UPDATE feeds SET account_id = ?, remote_id = NULL, remote_tags = NULL, next_fetch_at = NULL
         WHERE id = ? AND account_id = 1 AND url NOT IN (SELECT url FROM feeds WHERE account_id = ?)`,
      ).run(accountId, id, accountId).changes;
      if (changes === 0) continue;
      recordFeedAction(db, id, 'subscribe', null, now);
      moved++;
    }
    return moved;
  })();
}
