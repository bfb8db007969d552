/**
 * The refresh write path: one feed's parsed items into the store, in one transaction.
 * New items are inserted (with their full-text entry), changed items have their content
 * replaced, read/starred state is never touched, and items that left the feed stay.
 */
import { createHash } from 'node:crypto';
import type { ArticleId, FeedId } from '../../shared/domain.js';
import { canonicalizeUrl, storyKey } from '../../shared/url.js';
import { htmlToText, snippetOf } from '../feeds/html-text.js';
import type { ParsedItem } from '../feeds/parse.js';
import { keyCeiling, keyFloor, sortTime } from './article-key.js';
import { prepared, type Db } from './db.js';

/** How much of an article's text goes into the full-text index. */
const FTS_MAX_CHARS = 32_000;

export interface UpsertResult {
  inserted: ArticleId[];
  updated: ArticleId[];
}

/** Everything a feed can change about an item, hashed: same hash, nothing to write. */
function contentHash(item: ParsedItem): string {
  return createHash('sha1')
    .update(
      JSON.stringify([
        item.title,
        item.link,
        item.author,
        item.summary,
        item.content,
        item.categories,
        item.enclosures,
        item.thumbnailUrl,
        item.updated,
      ]),
    )
    .digest('base64');
}

/** Guids worth matching across feeds: URLs, tag:/urn: URIs, long opaque ids. "1" is not. */
function isGlobalGuid(guid: string): boolean {
  return !guid.startsWith('sha1:') && (guid.includes(':') || guid.length >= 20);
}

interface ExistingRow {
  id: number;
  content_hash: string;
}
interface StoryRow {
  id: number;
  story_id: number | null;
  read: number;
}

/** The next free id in the second `sortMs` falls in (ids are time-ordered, see article-key). */
function allocateId(db: Db, sortMs: number): number {
  const floor = keyFloor(sortMs);
  const max = prepared<[number, number], { m: number | null }>(
    db,
    'SELECT MAX(id) AS m FROM articles WHERE id >= ? AND id < ?',
  ).get(floor, keyCeiling(sortMs))!.m;
  let id = max == null ? floor : max + 1;
  // Only after a million articles in one second would this spill into the next one.
  while (prepared<[number], unknown>(db, 'SELECT 1 FROM articles WHERE id = ?').get(id)) id++;
  return id;
}

function findCopy(db: Db, feedId: FeedId, key: string | null, guid: string): StoryRow | undefined {
  if (key) {
    const byUrl = prepared<[string, number], StoryRow>(
      db,
      'SELECT id, story_id, read FROM articles WHERE story_key = ? AND feed_id <> ? LIMIT 1',
    ).get(key, feedId);
    if (byUrl) return byUrl;
  }
  if (isGlobalGuid(guid)) {
    return prepared<[string, number], StoryRow>(
      db,
      'SELECT id, story_id, read FROM articles WHERE guid = ? AND feed_id <> ? LIMIT 1',
    ).get(guid, feedId);
  }
  return undefined;
}

function ftsText(item: ParsedItem): string {
  return htmlToText(item.content ?? item.summary, FTS_MAX_CHARS);
}

function insertArticle(db: Db, feedId: FeedId, item: ParsedItem, hash: string, now: number): ArticleId {
  const id = allocateId(db, sortTime(item.published, now));
  const key = item.link ? storyKey(item.link) : null;
  const copy = findCopy(db, feedId, key, item.id);
  let storyId: number | null = null;
  if (copy) {
    storyId = copy.story_id ?? copy.id;
    if (copy.story_id == null) prepared(db, 'UPDATE articles SET story_id = ? WHERE id = ?').run(storyId, copy.id);
  }
  prepared(
    db,
    `INSERT INTO articles (id, feed_id, guid, url, story_key, story_id, is_dup, title, author, snippet,
       thumbnail_url, published_at, updated_at, fetched_at, content_hash, read)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    feedId,
    item.id,
    item.link,
    key,
    storyId,
    copy ? 1 : 0,
    item.title,
    item.author,
    snippetOf(item.summary ?? item.content),
    item.thumbnailUrl,
    item.published ?? now,
    item.updated,
    now,
    hash,
    // A copy of a post already read elsewhere arrives read.
    copy?.read ?? 0,
  );
  prepared(
    db,
    `INSERT INTO article_contents (article_id, canonical_url, summary, content, categories, enclosures)
     VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(
    id,
    item.link ? canonicalizeUrl(item.link) : null,
    item.summary,
    item.content,
    JSON.stringify(item.categories),
    JSON.stringify(item.enclosures),
  );
  prepared(db, 'INSERT INTO articles_fts (rowid, title, author, body) VALUES (?, ?, ?, ?)').run(
    id,
    item.title ?? '',
    item.author ?? '',
    ftsText(item),
  );
  return id;
}

function updateArticle(db: Db, id: ArticleId, item: ParsedItem, hash: string): void {
  // Content columns only: read and starred belong to the user, not to the feed.
  prepared(
    db,
    `UPDATE articles SET url = ?, story_key = ?, title = ?, author = ?, snippet = ?, thumbnail_url = ?,
       updated_at = ?, content_hash = ? WHERE id = ?`,
  ).run(
    item.link,
    item.link ? storyKey(item.link) : null,
    item.title,
    item.author,
    snippetOf(item.summary ?? item.content),
    item.thumbnailUrl,
    item.updated,
    hash,
    id,
  );
  prepared(
    db,
    `UPDATE article_contents SET canonical_url = ?, summary = ?, content = ?, categories = ?, enclosures = ?
     WHERE article_id = ?`,
  ).run(
    item.link ? canonicalizeUrl(item.link) : null,
    item.summary,
    item.content,
    JSON.stringify(item.categories),
    JSON.stringify(item.enclosures),
    id,
  );
  prepared(db, 'DELETE FROM articles_fts WHERE rowid = ?').run(id);
  prepared(db, 'INSERT INTO articles_fts (rowid, title, author, body) VALUES (?, ?, ?, ?)').run(
    id,
    item.title ?? '',
    item.author ?? '',
    ftsText(item),
  );
}

/**
 * Writes one feed's items in one transaction. Must not be called inside another
 * transaction that spans an await (none does: the caller parses first, then writes).
 */
export function upsertFeedArticles(db: Db, feedId: FeedId, items: ParsedItem[], now: number): UpsertResult {
  const result: UpsertResult = { inserted: [], updated: [] };
  db.transaction(() => {
    const find = prepared<[number, string], ExistingRow>(
      db,
      'SELECT id, content_hash FROM articles WHERE feed_id = ? AND guid = ?',
    );
    for (const item of items) {
      const hash = contentHash(item);
      const existing = find.get(feedId, item.id);
      if (!existing) {
        result.inserted.push(insertArticle(db, feedId, item, hash, now));
      } else if (existing.content_hash !== hash) {
        updateArticle(db, existing.id, item, hash);
        result.updated.push(existing.id);
      }
    }
  })();
  return result;
}
