/** Tags on feeds (they apply to all the feed's articles) and on single articles. */
import type { ArticleId, FeedId, Tag, TagId } from '../../../shared/domain.js';
import { prepared, type Db } from './db.js';
import { recordArticleTag, recordFeedAction } from './outbox.js';

interface TagRow {
  id: number;
  name: string;
  feed_count: number;
  notify: number;
}

export class TagNameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TagNameError';
  }
}

/** Tag names are trimmed, single-spaced, 1 to 64 characters. */
export function cleanTagName(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name === '') throw new TagNameError('A tag needs a name');
  if (name.length > 64) throw new TagNameError('A tag name can be at most 64 characters long');
  return name;
}

export function listTagRows(db: Db): TagRow[] {
  return prepared<[], TagRow>(
    db,
    `SELECT t.id, t.name, t.notify, (SELECT count(*) FROM feed_tags WHERE tag_id = t.id) AS feed_count
     FROM tags t ORDER BY t.name COLLATE NOCASE`,
  ).all();
}

export function getTagRow(db: Db, id: TagId): TagRow | null {
  return (
    prepared<[number], TagRow>(
      db,
      `SELECT t.id, t.name, t.notify, (SELECT count(*) FROM feed_tags WHERE tag_id = t.id) AS feed_count FROM tags t WHERE t.id = ?`,
    ).get(id) ?? null
  );
}

/** The tag with this name (case-insensitive), created when missing. */
export function ensureTag(db: Db, rawName: string, now: number): TagId {
  const name = cleanTagName(rawName);
  const existing = prepared<[string], { id: number }>(db, 'SELECT id FROM tags WHERE name = ?').get(name);
  if (existing) return existing.id;
  return Number(prepared(db, 'INSERT INTO tags (name, created_at) VALUES (?, ?)').run(name, now).lastInsertRowid);
}

export function renameTag(db: Db, id: TagId, rawName: string): void {
  const name = cleanTagName(rawName);
  const clash = prepared<[string, number], { id: number }>(db, 'SELECT id FROM tags WHERE name = ? AND id <> ?').get(
    name,
    id,
  );
  if (clash) throw new TagNameError(`There is already a tag named "${name}": merge the two instead`);
  db.transaction(() => {
    const synced = syncedUsesOf(db, id);
    prepared(db, 'UPDATE tags SET name = ? WHERE id = ?').run(name, id);
    recordTagChange(db, synced, name);
  })();
}

interface SyncedUses {
  oldName: string;
  feeds: FeedId[];
  articles: ArticleId[];
}

/** The sync accounts' feeds and articles carrying a tag, before it changes. */
function syncedUsesOf(db: Db, tagId: TagId): SyncedUses {
  return {
    oldName: prepared<[number], { name: string }>(db, 'SELECT name FROM tags WHERE id = ?').get(tagId)?.name ?? '',
    feeds: prepared<[number], { id: number }>(
      db,
      'SELECT f.id FROM feed_tags ft JOIN feeds f ON f.id = ft.feed_id WHERE ft.tag_id = ? AND f.account_id <> 1',
    )
      .all(tagId)
      .map((r) => r.id),
    articles: prepared<[number], { article_id: number }>(
      db,
      'SELECT at.article_id FROM article_tags at JOIN synced_articles s USING (article_id) WHERE at.tag_id = ?',
    )
      .all(tagId)
      .map((r) => r.article_id),
  };
}

/** Tells the outbox that a tag was renamed to `newName`, or removed (null). */
function recordTagChange(db: Db, uses: SyncedUses, newName: string | null): void {
  const now = Date.now();
  for (const feedId of uses.feeds) recordFeedAction(db, feedId, 'set-tags', feedTagNames(db, feedId), now);
  for (const articleId of uses.articles) {
    recordArticleTag(db, articleId, uses.oldName, false, now);
    if (newName != null) recordArticleTag(db, articleId, newName, true, now);
  }
}

/** A feed's tag names. */
export function feedTagNames(db: Db, feedId: FeedId): string[] {
  return prepared<[number], { name: string }>(
    db,
    'SELECT t.name FROM feed_tags ft JOIN tags t ON t.id = ft.tag_id WHERE ft.feed_id = ? ORDER BY t.name',
  )
    .all(feedId)
    .map((r) => r.name);
}

/** Moves every use of `from` onto `into` and deletes `from`, in one transaction. */
export function mergeTags(db: Db, from: TagId, into: TagId): void {
  if (from === into) return;
  db.transaction(() => {
    const synced = syncedUsesOf(db, from);
    const intoName = prepared<[number], { name: string }>(db, 'SELECT name FROM tags WHERE id = ?').get(into)?.name;
    prepared(
      db,
      'INSERT OR IGNORE INTO feed_tags (tag_id, feed_id) SELECT ?, feed_id FROM feed_tags WHERE tag_id = ?',
    ).run(into, from);
    prepared(
      db,
      'INSERT OR IGNORE INTO article_tags (tag_id, article_id) SELECT ?, article_id FROM article_tags WHERE tag_id = ?',
    ).run(into, from);
    prepared(db, 'DELETE FROM tags WHERE id = ?').run(from);
    recordTagChange(db, synced, intoName ?? null);
  })();
}

export function deleteTag(db: Db, id: TagId): void {
  db.transaction(() => {
    const synced = syncedUsesOf(db, id);
    prepared(db, 'DELETE FROM tags WHERE id = ?').run(id);
    recordTagChange(db, synced, null);
  })();
}

/** Replaces a feed's tags with these names. */
export function setFeedTags(db: Db, feedId: FeedId, names: string[], now: number): void {
  db.transaction(() => {
    const ids = [...new Set(names.map((n) => ensureTag(db, n, now)))];
    prepared(db, 'DELETE FROM feed_tags WHERE feed_id = ?').run(feedId);
    const add = prepared(db, 'INSERT INTO feed_tags (tag_id, feed_id) VALUES (?, ?)');
    for (const id of ids) add.run(id, feedId);
    // In the user's order: a TT-RSS feed's category is the first tag.
    recordFeedAction(db, feedId, 'set-tags', [...new Set(names.map(cleanTagName))], now);
  })();
}

export function addFeedTag(db: Db, feedId: FeedId, tagId: TagId): void {
  prepared(db, 'INSERT OR IGNORE INTO feed_tags (tag_id, feed_id) VALUES (?, ?)').run(tagId, feedId);
}

export function tagArticle(db: Db, articleId: ArticleId, tagId: TagId): void {
  db.transaction(() => {
    const added =
      prepared(db, 'INSERT OR IGNORE INTO article_tags (tag_id, article_id) VALUES (?, ?)').run(tagId, articleId)
        .changes > 0;
    if (added) recordArticleTag(db, articleId, tagName(db, tagId), true, Date.now());
  })();
}

export function untagArticle(db: Db, articleId: ArticleId, tagId: TagId): void {
  db.transaction(() => {
    const removed =
      prepared(db, 'DELETE FROM article_tags WHERE tag_id = ? AND article_id = ?').run(tagId, articleId).changes > 0;
    if (removed) recordArticleTag(db, articleId, tagName(db, tagId), false, Date.now());
  })();
}

function tagName(db: Db, tagId: TagId): string {
  return prepared<[number], { name: string }>(db, 'SELECT name FROM tags WHERE id = ?').get(tagId)?.name ?? '';
}

export function toTag(row: TagRow, unreadCount: number): Tag {
  return { id: row.id, name: row.name, feedCount: row.feed_count, unreadCount, notify: row.notify === 1 };
}

/** A desktop notification when new articles arrive in the tag's feeds, or not. */
export function setTagNotify(db: Db, id: TagId, notify: boolean): void {
  prepared(db, 'UPDATE tags SET notify = ? WHERE id = ?').run(notify ? 1 : 0, id);
}
