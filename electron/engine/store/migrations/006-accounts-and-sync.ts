/**
 * Schema 6: accounts and sync.
 *
 * - `accounts`: who fetches a feed. Account 1 is the built-in local one (Syndic's poller
 *   fetches its feeds); every other account is a feed server (TT-RSS, Google Reader API)
 *   that fetches its feeds itself. The password is not here: it lives in the OS keychain
 *   (Electron's safeStorage) or a credentials file of its own, mode 0600 (secrets/).
 *   `state` is the protocol's own bookkeeping as JSON (TT-RSS's last article id...).
 * - `feeds` gains `account_id` and `remote_id` (the server's id, an opaque string). A URL
 *   is unique per account, not globally: the same feed may be followed locally and on a
 *   server. SQLite cannot change a UNIQUE constraint in place, so the table is rebuilt
 *   (with foreign keys off, as SQLite's documented procedure says; see migrate.ts).
 * - `synced_articles`: the server's id of each synced article, beside the article rather
 *   than in it, so the 1M-row articles table and its hot paths stay as they are. The
 *   primary key makes a second sync, a re-login or a second id form (normalised by the
 *   client) land on the same article.
 * - `sync_outbox`: every local change to a synced article or feed, written in the same
 *   transaction as the change. Sync pushes it first and deletes an entry only after the
 *   server accepted it, so quitting, a crash or a dead network lose nothing.
 */
import type { Migration } from './index.js';

export const migration006: Migration = {
  version: 6,
  description: 'accounts, feeds per account, server ids, the sync outbox',
  foreignKeysOff: true,
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('local', 'ttrss', 'greader')),
        name TEXT NOT NULL,
        server_url TEXT,
        username TEXT,
        -- Where the password is kept: 'file' (plain Node) or 'safe-storage' (Electron).
        secret_store TEXT,
        sync_minutes INTEGER NOT NULL DEFAULT 15,
        last_sync_at INTEGER,
        last_attempt_at INTEGER,
        last_error TEXT,
        state TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL
      );
      INSERT INTO accounts (id, kind, name, created_at) VALUES (1, 'local', 'On this computer', 0);

      CREATE TABLE feeds_v6 (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL DEFAULT 1 REFERENCES accounts(id),
        remote_id TEXT,
        -- The tags the server last reported (JSON): a pull replaces those, not the local-only ones.
        remote_tags TEXT,
        url TEXT NOT NULL,
        site_url TEXT,
        title TEXT,
        user_title TEXT,
        description TEXT,
        icon_url TEXT,
        etag TEXT,
        last_modified TEXT,
        body_hash TEXT,
        ttl_minutes INTEGER,
        max_age_seconds INTEGER,
        refresh_minutes INTEGER,
        fetch_full_text INTEGER NOT NULL DEFAULT 0,
        last_fetch_at INTEGER,
        next_fetch_at INTEGER,
        error_count INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        created_at INTEGER NOT NULL,
        unread_count INTEGER NOT NULL DEFAULT 0,
        article_count INTEGER NOT NULL DEFAULT 0,
        icon_hash TEXT REFERENCES image_files(hash) ON DELETE SET NULL,
        UNIQUE (account_id, url)
      );
      INSERT INTO feeds_v6 (id, url, site_url, title, user_title, description, icon_url, etag, last_modified,
        body_hash, ttl_minutes, max_age_seconds, refresh_minutes, fetch_full_text, last_fetch_at, next_fetch_at,
        error_count, last_error, created_at, unread_count, article_count, icon_hash)
      SELECT id, url, site_url, title, user_title, description, icon_url, etag, last_modified,
        body_hash, ttl_minutes, max_age_seconds, refresh_minutes, fetch_full_text, last_fetch_at, next_fetch_at,
        error_count, last_error, created_at, unread_count, article_count, icon_hash
      FROM feeds;
      DROP TABLE feeds;
      ALTER TABLE feeds_v6 RENAME TO feeds;
      CREATE INDEX feeds_next_fetch ON feeds(next_fetch_at);
      CREATE INDEX feeds_icon_hash ON feeds(icon_hash) WHERE icon_hash IS NOT NULL;
      CREATE UNIQUE INDEX feeds_remote ON feeds(account_id, remote_id) WHERE remote_id IS NOT NULL;

      CREATE TABLE synced_articles (
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        remote_id TEXT NOT NULL,
        article_id INTEGER NOT NULL UNIQUE REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (account_id, remote_id)
      ) WITHOUT ROWID;

      CREATE TABLE sync_outbox (
        id INTEGER PRIMARY KEY,
        account_id INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        -- read | unread | star | unstar | tag | untag (article changes, target = article's
        -- remote id, value = tag name); subscribe | unsubscribe | rename | set-tags (feed
        -- changes, target = feed's remote id or, for subscribe, its URL; value = JSON).
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        value TEXT,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX sync_outbox_target ON sync_outbox(account_id, target);
    `);
  },
};
