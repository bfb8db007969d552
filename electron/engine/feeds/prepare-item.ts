/**
 * What the store needs from a parsed item besides the item: its content hash (to skip
 * unchanged items) and its list snippet. Pure and database-free, so it runs in the parse
 * worker, off the thread that writes. The body's whole plain text is made here only when
 * a rule reads it (rules/article-facts.ts); the search index makes its own from the stored
 * article on its thread (store/search-indexing.ts). The link's keys are made here too:
 * parsing every link was a tenth of the writing thread's work in a refresh.
 */
import { linkKeys } from '../../../shared/url.js';
import { htmlToText, snippetOf, snippetOfText } from './html-text.js';
import { itemHash } from './item-hash.js';
import type { ParsedItem } from './parse.js';

/** How much of an article's text goes into the full-text index. */
export const FTS_MAX_CHARS = 32_000;

export interface PreparedItem extends ParsedItem {
  /** Everything a feed can change about the item, hashed (item-hash.ts): same hash, nothing to write. */
  hash: string;
  snippet: string;
  /** The link's canonical form, and the key copies of the post in other feeds share (shared/url.ts). */
  canonicalUrl: string | null;
  storyKey: string | null;
  /** The body's plain text, made here only when a rule will read it (rules/article-facts.ts). */
  text?: string;
}

export function prepareItem(item: ParsedItem, withText = false): PreparedItem {
  const hash = itemHash(item);
  // The snippet comes from the summary when there is one, else from the body's text: from
  // the whole text when a rule has it made (one conversion instead of two).
  const body = item.content ?? item.summary;
  const text = withText ? htmlToText(body, FTS_MAX_CHARS) : undefined;
  const snippet =
    item.summary && item.content ? snippetOf(item.summary) : text !== undefined ? snippetOfText(text) : snippetOf(body);
  const { canonicalUrl, storyKey } = linkKeys(item.link);
  // Field by field, not `{ ...item, hash, ... }`: a spread followed by more properties
  // left V8 a slow object, 4 us to make each (a quarter of this function's time), and
  // then to copy it to the writing thread. The type makes a field left out an error.
  const prepared: PreparedItem = {
    id: item.id,
    title: item.title,
    link: item.link,
    author: item.author,
    published: item.published,
    updated: item.updated,
    summary: item.summary,
    content: item.content,
    categories: item.categories,
    enclosures: item.enclosures,
    thumbnailUrl: item.thumbnailUrl,
    hash,
    snippet,
    canonicalUrl,
    storyKey,
  };
  if (text !== undefined) prepared.text = text;
  return prepared;
}

export function isPrepared(item: ParsedItem | PreparedItem): item is PreparedItem {
  return typeof (item as PreparedItem).hash === 'string';
}
