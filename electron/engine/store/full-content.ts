/** Storing an article's extracted full text, searchable like the feed's own content. */
import type { ArticleId } from '../../../shared/domain.js';
import { htmlToText } from '../feeds/html-text.js';
import { FTS_MAX_CHARS } from '../feeds/prepare-item.js';
import { prepared, type Db } from './db.js';
import { indexArticles } from './full-text-index.js';

export function setFullContent(db: Db, id: ArticleId, html: string): boolean {
  let found = false;
  db.transaction(() => {
    const row = prepared<[number], { title: string | null; author: string | null }>(
      db,
      'SELECT title, author FROM articles WHERE id = ?',
    ).get(id);
    if (!row) return;
    found = true;
    prepared(db, 'UPDATE article_contents SET full_content = ? WHERE article_id = ?').run(html, id);
    // The index entry is replaced: a search finds words of the whole article.
    const entry = { title: row.title ?? '', author: row.author ?? '', body: htmlToText(html, FTS_MAX_CHARS) };
    indexArticles(db, [id], new Map([[id, entry]]));
  })();
  return found;
}
