/** Reading articles and changing their status: lists, one article, read, starred. */
import type {
  Article,
  ArticleCursor,
  ArticleId,
  ArticlePage,
  ArticleQuery,
  ArticleSummary,
  Enclosure,
} from '../../../shared/domain.js';
import { cachedImageAddress } from '../../../shared/cached-image.js';
import { prepared, type Db } from './db.js';
import { recordArticleAction } from './outbox.js';
import { CountDeltas } from './feed-counts.js';
import { viewSql } from './view-query.js';

interface SummaryRow {
  id: number;
  feed_id: number;
  title: string | null;
  author: string | null;
  url: string | null;
  published_at: number;
  snippet: string;
  read: number;
  starred: number;
  thumbnail_url: string | null;
  thumbnail_hash: string | null;
  story_id: number | null;
  tag_ids: string | null;
  copies: number;
  /** Its place in the lists (article-key.ts): a page's cursor. */
  sort_key: number;
}

interface ArticleRow extends SummaryRow {
  guid: string;
  updated_at: number | null;
  fetched_at: number;
  canonical_url: string | null;
  summary: string | null;
  content: string | null;
  full_content: string | null;
  categories: string;
  enclosures: string;
}

const SUMMARY_COLUMNS = `a.id, a.feed_id, a.title, a.author, a.url, a.published_at, a.snippet, a.read, a.starred,
  a.thumbnail_url, a.story_id, a.sort_key,
  (SELECT i.hash FROM images i WHERE i.url = a.thumbnail_url) AS thumbnail_hash,
  (SELECT group_concat(tag_id) FROM article_tags WHERE article_id = a.id) AS tag_ids,
  CASE WHEN a.story_id IS NULL THEN 0
       ELSE (SELECT count(*) - 1 FROM articles c WHERE c.story_id = a.story_id) END AS copies`;

export function rowToSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    feedId: row.feed_id,
    title: row.title,
    author: row.author,
    url: row.url,
    publishedAt: row.published_at,
    snippet: row.snippet,
    read: row.read === 1,
    starred: row.starred === 1,
    tags: row.tag_ids ? row.tag_ids.split(',').map(Number) : [],
    thumbnailUrl: row.thumbnail_url,
    cachedThumbnail: row.thumbnail_hash ? cachedImageAddress(row.thumbnail_hash) : null,
    duplicateCount: row.copies,
  };
}

export function rowToArticle(row: ArticleRow): Article {
  return {
    ...rowToSummary(row),
    guid: row.guid,
    canonicalUrl: row.canonical_url,
    summary: row.summary,
    content: row.content,
    fullContent: row.full_content,
    // Filled by the service from the image cache (store/images.ts).
    cachedImages: {},
    categories: JSON.parse(row.categories) as string[],
    enclosures: JSON.parse(row.enclosures) as Enclosure[],
    updatedAt: row.updated_at,
    fetchedAt: row.fetched_at,
  };
}

/** One page of a view, in the query's order; `after` is the previous page's `next`. */
export function listArticles(
  db: Db,
  query: ArticleQuery,
  after: ArticleCursor | null,
  limit: number,
  now: number,
): ArticlePage {
  const view = viewSql(db, query, now);
  const order = view.order;
  const oldestFirst = query.order === 'oldest';
  const where = [...view.where];
  const params = [...view.params];
  if (after != null) {
    // The cursor follows the order: the next page is further along it.
    where.push(`${order} ${oldestFirst ? '>' : '<'} ?`);
    params.push(after);
  }
  const sql = `SELECT ${SUMMARY_COLUMNS} FROM ${view.from}
    ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
    ORDER BY ${order} ${oldestFirst ? 'ASC' : 'DESC'} LIMIT ?`;
  const rows = prepared<unknown[], SummaryRow>(db, sql).all(...params, limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  return { articles: page.map(rowToSummary), next: more ? page[page.length - 1]!.sort_key : null };
}

/**
 * How many articles a view holds, counting no further than `limit`: a search header needs
 * "about how many", and a count that stops early costs no more than a few pages.
 */
export function countArticles(db: Db, query: ArticleQuery, limit: number, now: number): number {
  const view = viewSql(db, query, now, limit);
  const where = view.where.length ? 'WHERE ' + view.where.join(' AND ') : '';
  const row = prepared<unknown[], { n: number }>(
    db,
    `SELECT count(*) AS n FROM (SELECT 1 FROM ${view.countFrom} ${where} LIMIT ?)`,
  ).get(...view.params, limit);
  return row?.n ?? 0;
}

export function getArticle(db: Db, id: ArticleId): Article | null {
  const row = prepared<[number], ArticleRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS}, a.guid, a.updated_at, a.fetched_at, c.canonical_url, c.summary, c.content,
       c.full_content, c.categories, c.enclosures
     FROM articles a JOIN article_contents c ON c.article_id = a.id WHERE a.id = ?`,
  ).get(id);
  return row ? rowToArticle(row) : null;
}

/** These articles as list rows, newest first (a rule's preview shows the ones it matched). */
export function articleSummaries(db: Db, ids: readonly ArticleId[]): ArticleSummary[] {
  if (!ids.length) return [];
  return prepared<[string], SummaryRow>(
    db,
    `SELECT ${SUMMARY_COLUMNS} FROM articles a WHERE a.id IN (SELECT value FROM json_each(?)) ORDER BY a.sort_key DESC`,
  )
    .all(JSON.stringify(ids))
    .map(rowToSummary);
}

/**
 * Sets read state on articles and on every copy of the same post in other feeds.
 * Returns the ids whose state actually changed (for undo).
 */
export function markRead(db: Db, ids: ArticleId[], read: boolean): ArticleId[] {
  if (ids.length === 0) return [];
  const changed: ArticleId[] = [];
  const value = read ? 1 : 0;
  db.transaction(() => {
    const counts = new CountDeltas();
    const one = prepared<[number, number, number, number], ChangedRow>(
      db,
      `UPDATE articles SET read = ?
       WHERE read <> ? AND (id = ? OR story_id = (SELECT story_id FROM articles WHERE id = ?))
       RETURNING id, feed_id`,
    );
    for (const id of ids) {
      for (const row of one.all(value, value, id, id)) {
        changed.push(row.id);
        counts.readChanged(row.feed_id, read);
      }
    }
    counts.apply(db);
    recordArticleAction(db, changed, read ? 'read' : 'unread', Date.now());
  })();
  return changed;
}

interface ChangedRow {
  id: number;
  feed_id: number;
}

/** Marks every unread article of a view read (optionally only those older than `before`). */
export function markViewRead(db: Db, query: ArticleQuery, before: number | null, now: number): ArticleId[] {
  // Copies hidden by "show once" are marked too: dedupe off, and copies in other feeds follow.
  const view = viewSql(db, { ...query, dedupe: false }, now);
  const where = [...view.where, 'a.read = 0'];
  const params = [...view.params];
  if (before != null) {
    where.push('a.published_at < ?');
    params.push(before);
  }
  return db.transaction(() => {
    const counts = new CountDeltas();
    const changed: ArticleId[] = [];
    const direct = db
      .prepare(
        `UPDATE articles SET read = 1 WHERE id IN (SELECT a.id FROM ${view.from} WHERE ${where.join(' AND ')}) RETURNING id, feed_id, story_id`,
      )
      .all(...params) as (ChangedRow & { story_id: number | null })[];
    const stories = new Set<number>();
    for (const row of direct) {
      changed.push(row.id);
      counts.readChanged(row.feed_id, true);
      if (row.story_id != null) stories.add(row.story_id);
    }
    const copies = prepared<[number], ChangedRow>(
      db,
      'UPDATE articles SET read = 1 WHERE story_id = ? AND read = 0 RETURNING id, feed_id',
    );
    for (const story of stories) {
      for (const row of copies.all(story)) {
        changed.push(row.id);
        counts.readChanged(row.feed_id, true);
      }
    }
    counts.apply(db);
    recordArticleAction(db, changed, 'read', now);
    return changed;
  })();
}

/** Sets read state on exactly these ids (undo of a mark-all-read); no spreading to copies. */
export function setReadExactly(db: Db, ids: ArticleId[], read: boolean): number {
  let count = 0;
  db.transaction(() => {
    const counts = new CountDeltas();
    const stmt = prepared<[number, number, number], ChangedRow>(
      db,
      'UPDATE articles SET read = ? WHERE id = ? AND read <> ? RETURNING id, feed_id',
    );
    const changed: ArticleId[] = [];
    for (const id of ids) {
      for (const row of stmt.all(read ? 1 : 0, id, read ? 1 : 0)) {
        changed.push(row.id);
        counts.readChanged(row.feed_id, read);
      }
    }
    counts.apply(db);
    recordArticleAction(db, changed, read ? 'read' : 'unread', Date.now());
    count = changed.length;
  })();
  return count;
}

export function setStarred(db: Db, id: ArticleId, starred: boolean): boolean {
  return db.transaction(() => {
    const changed =
      prepared(db, 'UPDATE articles SET starred = ? WHERE id = ? AND starred <> ?').run(
        starred ? 1 : 0,
        id,
        starred ? 1 : 0,
      ).changes > 0;
    if (changed) recordArticleAction(db, [id], starred ? 'star' : 'unstar', Date.now());
    return changed || prepared(db, 'SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined;
  })();
}

export function articleFeedIds(db: Db, ids: ArticleId[]): number[] {
  const feeds = new Set<number>();
  const stmt = prepared<[number], { feed_id: number }>(db, 'SELECT feed_id FROM articles WHERE id = ?');
  for (const id of ids) {
    const row = stmt.get(id);
    if (row) feeds.add(row.feed_id);
  }
  return [...feeds];
}

/** A feed's newest articles that have no extracted full text yet. */
export function withoutFullContent(db: Db, feedId: number, limit: number): ArticleId[] {
  return prepared<[number, number], { id: number }>(
    db,
    `SELECT a.id FROM articles a JOIN article_contents c ON c.article_id = a.id
     WHERE a.feed_id = ? AND c.full_content IS NULL AND a.url IS NOT NULL ORDER BY a.sort_key DESC LIMIT ?`,
  )
    .all(feedId, limit)
    .map((r) => r.id);
}
