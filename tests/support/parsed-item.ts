/** A parsed feed item for tests that write articles without a feed: only what they vary is given. */
import type { ParsedItem } from '../../electron/engine/feeds/parse.js';

export function parsedItem(fields: Partial<ParsedItem> & Pick<ParsedItem, 'id'>): ParsedItem {
  return {
    title: null,
    link: fields.id,
    author: null,
    published: null,
    updated: null,
    summary: null,
    content: null,
    categories: [],
    enclosures: [],
    thumbnailUrl: null,
    ...fields,
  };
}
