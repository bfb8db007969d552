/**
 * Everything a refresh does to a body between the network and the database, in one
 * synchronous step that runs on the parse worker (or in-thread when there is none):
 * inflate it (under the size cap), hash it, and, unless it hashes the same as the body
 * parsed last time, parse it and prepare its items for the store.
 */
import { hash as cryptoHash } from 'node:crypto';
import { inflateBody, type BodyEncoding } from './compressed-body.js';
import { parseFeed, type ParsedFeed } from './parse.js';
import { prepareItem, type PreparedItem } from './prepare-item.js';

export interface PreparedFeed extends Omit<ParsedFeed, 'items'> {
  items: PreparedItem[];
}

export interface ParseJob {
  /** The body as sent: compressed when `encoding` is set. */
  body: Uint8Array;
  encoding: BodyEncoding | null;
  /** The URL the body came from (after redirects): the base for relative links. */
  url: string;
  contentType: string | null;
  /** The hash of the body parsed last time: the same body is not parsed again. */
  previousHash: string | null;
  /** The size cap, counted after inflating. */
  maxBytes: number;
  /** Make each item's plain text too (a rule reads it): here, off the writing thread. */
  withText?: boolean;
}

export interface ParseOutcome {
  /** sha256 of the inflated body. */
  hash: string;
  /** The feed, or null when the body is the one parsed last time. */
  feed: PreparedFeed | null;
}

export function runParseJob(job: ParseJob): ParseOutcome {
  const bytes = inflateBody(job.body, job.encoding, job.maxBytes, new URL(job.url).host);
  const hash = cryptoHash('sha256', bytes, 'hex');
  if (job.previousHash != null && job.previousHash === hash) return { hash, feed: null };
  const feed = parseFeed({ body: bytes, url: job.url, contentType: job.contentType });
  return { hash, feed: { ...feed, items: feed.items.map((item) => prepareItem(item, job.withText)) } };
}
