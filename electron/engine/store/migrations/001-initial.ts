/**
 * Schema 1. Notes on the shape (see also the README's "Store" section):
 *
 * - `articles.id` is a time-ordered key: (publication second << 20) + a sequence. Every
 *   list is "newest first", so every view walks an index in id order and stops after one
 *   page; keyset pagination is `id < cursor`; FTS rowids share the order, so a search is
 *   read newest-first straight from the full-text index.
 * - `articles` is the narrow row the list needs (identity, list fields, read/starred);
 *   the bodies live in `article_contents`. A refresh updates content columns only and
 *   never writes read/starred of an existing article.
 * - Unread and article counts per feed are columns of `feeds`, kept by the store's write
 *   paths (store/feed-counts.ts), so counts cost O(feeds), not O(articles). Not by
 *   triggers: a trigger on articles makes SQLite re-seek every index cursor after each
 *   row, which tripled the cost of inserting an article (measured: 19 µs to 50 µs).
 * - `story_id` groups copies of one post carried by several feeds (same canonical URL or
 *   guid); `is_dup` marks every copy but the first, so counts can leave them out cheaply.
 * - `articles_fts` is contentless (the text is already in article_contents), with
 *   contentless_delete so an updated article's entry can be replaced. Words are stemmed
 *   (porter), so "encryption" finds "encrypted" without prefix queries, which FTS5 must
 *   materialise in full (38 ms for a common prefix at 1M articles, against 0.3 ms exact).
 */
import type { Migration } from './index.js';

export const migration001: Migration = {
  version: 1,
  description: 'feeds, articles, contents, tags, settings, full-text index',
  up(db) {
    db.exec(`
      CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
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
        article_count INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX feeds_next_fetch ON feeds(next_fetch_at);

      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        guid TEXT NOT NULL,
        url TEXT,
        story_key TEXT,
        story_id INTEGER,
        is_dup INTEGER NOT NULL DEFAULT 0,
        title TEXT,
        author TEXT,
        snippet TEXT NOT NULL DEFAULT '',
        thumbnail_url TEXT,
        published_at INTEGER NOT NULL,
        updated_at INTEGER,
        fetched_at INTEGER NOT NULL,
        content_hash TEXT NOT NULL,
        read INTEGER NOT NULL DEFAULT 0,
        starred INTEGER NOT NULL DEFAULT 0,
        -- guid first: the same index finds an item in its feed and a guid in other feeds.
        UNIQUE (guid, feed_id)
      );
      -- Each index below serves one family of views, walked in id (newest-first) order.
      CREATE INDEX articles_feed ON articles(feed_id);
      CREATE INDEX articles_feed_unread ON articles(feed_id) WHERE read = 0;
      CREATE INDEX articles_unread ON articles(read) WHERE read = 0;
      CREATE INDEX articles_starred ON articles(starred) WHERE starred = 1;
      CREATE INDEX articles_story_key ON articles(story_key) WHERE story_key IS NOT NULL;
      CREATE INDEX articles_story ON articles(story_id) WHERE story_id IS NOT NULL;
      CREATE INDEX articles_dup_unread ON articles(feed_id) WHERE is_dup = 1 AND read = 0;
      CREATE INDEX articles_dup ON articles(feed_id) WHERE is_dup = 1;

      CREATE TABLE article_contents (
        article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        canonical_url TEXT,
        summary TEXT,
        content TEXT,
        full_content TEXT,
        categories TEXT NOT NULL DEFAULT '[]',
        enclosures TEXT NOT NULL DEFAULT '[]'
      );

      CREATE TABLE tags (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE COLLATE NOCASE,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE feed_tags (
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
        PRIMARY KEY (tag_id, feed_id)
      ) WITHOUT ROWID;
      CREATE INDEX feed_tags_feed ON feed_tags(feed_id);
      CREATE TABLE article_tags (
        tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        PRIMARY KEY (tag_id, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_tags_article ON article_tags(article_id);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, author, body,
        content = '', contentless_delete = 1,
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      -- Merge segments 16 at a time rather than 4: fewer, larger merges while refreshing.
      INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 16);

    `);
  },
};
