/**
 * Stored articles as a rule looks at them, newest first, a batch at a time: the editor's
 * preview reads the newest few thousand, "Run on existing articles" all of them. Bodies
 * and attachments are read only when a condition looks at them (most rules test titles),
 * and the article's own state only when its actions are about to be applied.
 */
import type { ArticleId, FeedId } from '../../../shared/domain.js';
import { prepared, type Db } from './db.js';

export interface ScannedArticle {
  id: ArticleId;
  /** Its place in the newest-first order (article-key.ts): the next batch starts below it. */
  key: number;
  feedId: FeedId;
  title: string | null;
  author: string | null;
  url: string | null;
  /** The body's HTML (the content, else the summary); null when not asked for. */
  html: string | null;
  /** The attachments as stored (JSON); null when not asked for. */
  enclosures: string | null;
  /** Present when `state` was asked for: what the actions would change. */
  state?: ArticleState;
}

export interface ArticleState {
  read: boolean;
  starred: boolean;
  muted: boolean;
  /** The article's own tags, lower-cased (tag names compare without case). */
  tags: string[];
  /** It has its full text, or is queued to get it. */
  fullText: boolean;
}

export interface ScanWants {
  html: boolean;
  enclosures: boolean;
  state: boolean;
}

interface Row {
  id: number;
  sort_key: number;
  feed_id: number;
  title: string | null;
  author: string | null;
  url: string | null;
  html: string | null;
  enclosures: string | null;
  read: number | null;
  starred: number | null;
  muted: number | null;
  tags: string | null;
  full_text: number | null;
}

function sql(wants: ScanWants): string {
  const content = wants.html || wants.enclosures;
  return `SELECT a.id, a.sort_key, a.feed_id, a.title, a.author, a.url,
      ${wants.html ? 'coalesce(c.content, c.summary)' : 'NULL'} AS html,
      ${wants.enclosures ? 'c.enclosures' : 'NULL'} AS enclosures,
      ${
        wants.state
          ? `a.read, a.starred, a.muted,
      (SELECT group_concat(lower(t.name), char(10)) FROM article_tags at JOIN tags t ON t.id = at.tag_id
        WHERE at.article_id = a.id) AS tags,
      (EXISTS (SELECT 1 FROM article_contents f WHERE f.article_id = a.id AND f.full_content IS NOT NULL)
        OR EXISTS (SELECT 1 FROM offline_queue q WHERE q.article_id = a.id AND q.full_text = 1)) AS full_text`
          : 'NULL AS read, NULL AS starred, NULL AS muted, NULL AS tags, NULL AS full_text'
      }
    FROM articles a ${content ? 'LEFT JOIN article_contents c ON c.article_id = a.id' : ''}
    WHERE a.sort_key < ? ORDER BY a.sort_key DESC LIMIT ?`;
}

/** Up to `limit` articles below the sort key `before` (null: from the newest), newest first. */
export function scanArticles(db: Db, before: number | null, limit: number, wants: ScanWants): ScannedArticle[] {
  return prepared<[number, number], Row>(db, sql(wants))
    .all(before ?? Number.MAX_SAFE_INTEGER, limit)
    .map((r) => ({
      id: r.id,
      key: r.sort_key,
      feedId: r.feed_id,
      title: r.title,
      author: r.author,
      url: r.url,
      html: r.html,
      enclosures: r.enclosures,
      ...(wants.state
        ? {
            state: {
              read: r.read === 1,
              starred: r.starred === 1,
              muted: r.muted === 1,
              tags: r.tags ? r.tags.split('\n') : [],
              fullText: r.full_text === 1,
            },
          }
        : {}),
    }));
}

/** Whether there is any article below the sort key `before`. */
export function hasArticlesBefore(db: Db, before: number): boolean {
  return prepared<[number], unknown>(db, 'SELECT 1 FROM articles WHERE sort_key < ? LIMIT 1').get(before) !== undefined;
}
