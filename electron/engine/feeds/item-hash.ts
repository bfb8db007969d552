/**
 * An item's content hash: everything a feed can change about an item, so that a refresh
 * skips what is the same and rewrites what changed. Stored with every article.
 *
 * The hash is of each field as its length and its text, one string, sha1: no two items
 * hash alike by moving text from one field to the next. Earlier versions hashed a JSON
 * array of the same fields; JSON's escaping of every body made that about a tenth of the
 * parse worker's work in a cold refresh (docs/performance.md, "Refresh"). Their hashes
 * stay valid: an article stored under one is compared by the old hash once and then
 * given the new one (store/article-upsert.ts), so an upgrade rewrites no article.
 */
import { hash } from 'node:crypto';
import type { ParsedItem } from './parse.js';

/** Marks the current hash; base64, which the earlier hashes are, has no ":". */
const CURRENT = '2:';

const field = (value: string | null): string => (value === null ? '-' : `${value.length}:${value}`);

export function itemHash(item: ParsedItem): string {
  const fields =
    field(item.title) +
    field(item.link) +
    field(item.author) +
    field(item.summary) +
    field(item.content) +
    field(JSON.stringify(item.categories)) +
    field(JSON.stringify(item.enclosures)) +
    field(item.thumbnailUrl) +
    field(item.updated === null ? null : String(item.updated));
  return CURRENT + hash('sha1', fields, 'base64');
}

/** True for a hash made by an earlier version (see legacyItemHash). */
export function isLegacyHash(stored: string): boolean {
  return !stored.startsWith(CURRENT);
}

/** The hash versions before this one stored: sha1 of a JSON array of the fields, base64. */
export function legacyItemHash(item: ParsedItem): string {
  return hash(
    'sha1',
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
    'base64',
  );
}
