/**
 * What the store needs from a parsed item besides the item: its content hash (to skip
 * unchanged items), its plain text (for the full-text index) and its list snippet. Pure
 * and database-free, so it runs in the parse worker, off the thread that writes.
 */
import { createHash } from 'node:crypto';
import { htmlToText, snippetOf, snippetOfText } from './html-text.js';
import type { ParsedItem } from './parse.js';

/** How much of an article's text goes into the full-text index. */
export const FTS_MAX_CHARS = 32_000;

export interface PreparedItem extends ParsedItem {
  /** Everything a feed can change about the item, hashed: same hash, nothing to write. */
  hash: string;
  /** Plain text of the body, for the full-text index. */
  text: string;
  snippet: string;
}

export function prepareItem(item: ParsedItem): PreparedItem {
  const hash = createHash('sha1')
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
  const text = htmlToText(item.content ?? item.summary, FTS_MAX_CHARS);
  // The snippet comes from the summary when there is one, else from the body's text.
  const snippet = item.summary && item.content ? snippetOf(item.summary) : snippetOfText(text);
  return { ...item, hash, text, snippet };
}

export function isPrepared(item: ParsedItem | PreparedItem): item is PreparedItem {
  return typeof (item as PreparedItem).hash === 'string';
}
