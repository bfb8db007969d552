/** Tags on feeds (they apply to all the feed's articles) and on single articles. */
import type { ArticleId, FeedId, Tag, TagId } from '../../../shared/domain.js';
import { prepared, type Db } from './db.js';

interface TagRow {
  id: number;
  name: string;
  feed_count: number;
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
    `SELECT t.id, t.name, (SELECT count(*) FROM feed_tags WHERE tag_id = t.id) AS feed_count
     FROM tags t ORDER BY t.name COLLATE NOCASE`,
  ).all();
}

export function getTagRow(db: Db, id: TagId): TagRow | null {
  return (
    prepared<[number], TagRow>(
      db,
      `SELECT t.id, t.name, (SELECT count(*) FROM feed_tags WHERE tag_id = t.id) AS feed_count FROM tags t WHERE t.id = ?`,
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
  prepared(db, 'UPDATE tags SET name = ? WHERE id = ?').run(name, id);
}

/** Moves every use of `from` onto `into` and deletes `from`, in one transaction. */
export function mergeTags(db: Db, from: TagId, into: TagId): void {
  if (from === into) return;
  db.transaction(() => {
    prepared(
      db,
      'INSERT OR IGNORE INTO feed_tags (tag_id, feed_id) SELECT ?, feed_id FROM feed_tags WHERE tag_id = ?',
    ).run(into, from);
    prepared(
      db,
      'INSERT OR IGNORE INTO article_tags (tag_id, article_id) SELECT ?, article_id FROM article_tags WHERE tag_id = ?',
    ).run(into, from);
    prepared(db, 'DELETE FROM tags WHERE id = ?').run(from);
  })();
}

export function deleteTag(db: Db, id: TagId): void {
  prepared(db, 'DELETE FROM tags WHERE id = ?').run(id);
}

/** Replaces a feed's tags with these names. */
export function setFeedTags(db: Db, feedId: FeedId, names: string[], now: number): void {
  db.transaction(() => {
    const ids = [...new Set(names.map((n) => ensureTag(db, n, now)))];
    prepared(db, 'DELETE FROM feed_tags WHERE feed_id = ?').run(feedId);
    const add = prepared(db, 'INSERT INTO feed_tags (tag_id, feed_id) VALUES (?, ?)');
    for (const id of ids) add.run(id, feedId);
  })();
}

export function addFeedTag(db: Db, feedId: FeedId, tagId: TagId): void {
  prepared(db, 'INSERT OR IGNORE INTO feed_tags (tag_id, feed_id) VALUES (?, ?)').run(tagId, feedId);
}

export function tagArticle(db: Db, articleId: ArticleId, tagId: TagId): void {
  prepared(db, 'INSERT OR IGNORE INTO article_tags (tag_id, article_id) VALUES (?, ?)').run(tagId, articleId);
}

export function untagArticle(db: Db, articleId: ArticleId, tagId: TagId): void {
  prepared(db, 'DELETE FROM article_tags WHERE tag_id = ? AND article_id = ?').run(tagId, articleId);
}

export function toTag(row: TagRow, unreadCount: number): Tag {
  return { id: row.id, name: row.name, feedCount: row.feed_count, unreadCount };
}
