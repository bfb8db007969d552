/** Storing an article's extracted full text, searchable like the feed's own content. */
import type { ArticleId } from '../../../shared/domain.js';
import { prepared, type Db } from './db.js';
import { queueArticleForIndex } from './search-backlog.js';

export function setFullContent(db: Db, id: ArticleId, html: string): boolean {
  let found = false;
  db.transaction(() => {
    if (!prepared(db, 'SELECT 1 FROM articles WHERE id = ?').get(id)) return;
    found = true;
    prepared(db, 'UPDATE article_contents SET full_content = ? WHERE article_id = ?').run(html, id);
    // The index entry is replaced: a search finds words of the whole article.
    queueArticleForIndex(db, id, 'changed');
  })();
  return found;
}
