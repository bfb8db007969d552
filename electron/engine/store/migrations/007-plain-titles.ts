/**
 * Schema 7: titles are plain text. An Atom title of type "html", or an RSS title with
 * escaped markup, used to be stored with its character references as written
 * ("Q&amp;A &#8211; part 1"), and the list, the article and search showed them raw. The
 * parser now decodes them; this repairs the article and feed titles stored before. The
 * shape of the schema does not change: the version records that the repair was done.
 *
 * - Only references are decoded (those ending in ";", as the parser does). The parser
 *   already removed the tags of every title it stored, so a "<" still in one is the
 *   text's own (an Atom title of type "text" may say "x < y"): stripping again could eat
 *   words.
 * - Only rows whose title changes are written. A user's own title for a feed is theirs,
 *   whatever it says: untouched.
 * - The full-text index is contentless, so an entry cannot be updated in place: each
 *   repaired article's entry is replaced whole, its author and body taken from the article
 *   as the store indexes them (the extracted full text if any, else content, else summary).
 */
import { decodeHTMLStrict } from 'entities';
import { htmlToText } from '../../feeds/html-text.js';
import { FTS_MAX_CHARS } from '../../feeds/prepare-item.js';
import type { Migration } from './index.js';

/** The title with its references decoded, or undefined when it needs no repair. */
function repaired(title: string): string | null | undefined {
  const plain = decodeHTMLStrict(title).replace(/\s+/g, ' ').trim();
  if (plain === title) return undefined;
  return plain === '' ? null : plain;
}

export const migration007: Migration = {
  version: 7,
  description: 'article and feed titles as plain text',
  up(db) {
    // 1. Feeds: their own title only.
    const setFeedTitle = db.prepare('UPDATE feeds SET title = ? WHERE id = ?');
    const feeds = db.prepare("SELECT id, title FROM feeds WHERE instr(title, '&') > 0").all() as {
      id: number;
      title: string;
    }[];
    for (const feed of feeds) {
      const title = repaired(feed.title);
      if (title !== undefined) setFeedTitle.run(title, feed.id);
    }

    // 2. Articles, and the index entry of each one repaired.
    const setTitle = db.prepare('UPDATE articles SET title = ? WHERE id = ?');
    const indexed = db.prepare(
      `SELECT a.author, c.full_content, c.content, c.summary
       FROM articles a LEFT JOIN article_contents c ON c.article_id = a.id WHERE a.id = ?`,
    );
    const entries = new Map<number, { title: string; author: string; body: string }>();
    const rows = db.prepare("SELECT id, title FROM articles WHERE instr(title, '&') > 0").all() as {
      id: number;
      title: string;
    }[];
    for (const row of rows) {
      const title = repaired(row.title);
      if (title === undefined) continue;
      setTitle.run(title, row.id);
      const article = indexed.get(row.id) as {
        author: string | null;
        full_content: string | null;
        content: string | null;
        summary: string | null;
      };
      const html = article.full_content ?? article.content ?? article.summary;
      entries.set(row.id, { title: title ?? '', author: article.author ?? '', body: htmlToText(html, FTS_MAX_CHARS) });
    }
    // The index as it was at schema 7, in the database itself (schema 11 moved it out).
    const unindex = db.prepare('DELETE FROM articles_fts WHERE rowid = ?');
    const index = db.prepare('INSERT INTO articles_fts (rowid, title, author, body) VALUES (?, ?, ?, ?)');
    const ids = [...entries.keys()].sort((a, b) => a - b);
    for (const id of ids) unindex.run(id);
    for (const id of ids) {
      const entry = entries.get(id)!;
      index.run(id, entry.title, entry.author, entry.body);
    }
  },
};
