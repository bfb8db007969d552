/**
 * Every id of a stream, page by page through stream/items/ids. Continuations are opaque and
 * differ by server (FreshRSS: the last id sent; Miniflux: an offset), so the only safe stop is
 * the server's: no continuation. A server that never stops (a bug, or a proxy replaying an
 * answer) is caught by a repeated continuation or a page limit, and reported as 'malformed'
 * rather than looping, or growing, without end.
 */
import type { GReaderWire, Params } from './greader-wire.js';
import { isRecord, records } from './greader-json.js';
import { normaliseItemId } from './item-ids.js';

/** 1,000 pages of the default 1,000 ids is a million items: more than any account holds. */
export const MAX_PAGES = 1000;

export interface IdStream {
  /** The stream to list, e.g. user/-/state/com.google/reading-list. */
  s: string;
  /** A state to exclude, e.g. user/-/state/com.google/read. */
  xt?: string;
  pageSize: number;
}

export async function allIds(wire: GReaderWire, stream: IdStream): Promise<string[]> {
  const ids = new Set<string>();
  const seen = new Set<string>();
  let continuation: string | null = null;
  for (let page = 0; ; page++) {
    if (page >= MAX_PAGES) throw wire.malformed('stream/items/ids', `more than ${MAX_PAGES} pages: it pages forever`);
    const query: Params = [
      ['output', 'json'],
      ['s', stream.s],
    ];
    if (stream.xt !== undefined) query.push(['xt', stream.xt]);
    query.push(['n', String(stream.pageSize)]);
    if (continuation !== null) query.push(['c', continuation]);
    const json = await wire.getJson('stream/items/ids', query);
    if (!isRecord(json)) throw wire.malformed('stream/items/ids', 'no itemRefs');
    // An empty list may come as [], null or nothing at all, depending on the server.
    for (const ref of records(json, 'itemRefs')) {
      const id = normaliseItemId(ref.id);
      if (id === null) throw wire.malformed('stream/items/ids', 'an item id it does not spell as one');
      ids.add(id);
    }
    const next = json.continuation;
    continuation = typeof next === 'string' && next !== '' ? next : typeof next === 'number' ? String(next) : null;
    if (continuation === null) return [...ids];
    if (seen.has(continuation)) {
      throw wire.malformed('stream/items/ids', 'a continuation it had already sent: it pages forever');
    }
    seen.add(continuation);
  }
}
