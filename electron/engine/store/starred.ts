/** Every starred article with its body and feed, newest first: what the starred export writes. */
import { prepared, type Db } from './db.js';

export interface StarredRow {
  id: number;
  title: string | null;
  author: string | null;
  url: string | null;
  published_at: number;
  feed_title: string | null;
  feed_url: string;
  summary: string | null;
  content: string | null;
  full_content: string | null;
  categories: string;
}

export function listStarred(db: Db): StarredRow[] {
  return prepared<[], StarredRow>(
    db,
    `SELECT a.id, a.title, a.author, a.url, a.published_at, coalesce(f.user_title, f.title) AS feed_title,
       f.url AS feed_url, c.summary, c.content, c.full_content, c.categories
     FROM articles a JOIN feeds f ON f.id = a.feed_id JOIN article_contents c ON c.article_id = a.id
     WHERE a.starred = 1 ORDER BY a.sort_key DESC`,
  ).all();
}
