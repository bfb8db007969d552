/**
 * Paging through getHeadlines. TT-RSS answers at most 200 rows a call whatever `limit` asks,
 * pages with `skip`, and has no "order by id": its order is score, arrival time, date. So
 * a page that comes back short is the only "end", rows are de-duplicated by id (a row that
 * arrives mid-way shifts the pages by one), and a server that never sends a short page is
 * stopped after MAX_PAGES instead of being followed forever.
 */
import type { RemoteItem } from '../sync-client.js';
import { SyncError } from '../sync-error.js';
import { asInt, isObject } from './ttrss-json.js';
import { itemFromJson } from './ttrss-items.js';
import type { TtrssWire } from './ttrss-wire.js';

/** getHeadlines' own ceiling (api.php: `if (!$limit || $limit >= 200) $limit = 200`). */
export const PAGE_SIZE = 200;
/** 400,000 articles: far beyond any real account, well short of forever. */
export const MAX_PAGES = 2_000;

/** Virtual feeds of getHeadlines. */
export const ALL_ARTICLES = -4;
export const STARRED = -1;

type HeadlineQuery = { feed_id: number; view_mode: 'all_articles' | 'unread' } & Record<
  string,
  string | number | boolean
>;

/**
 * Calls `onPage` with each page's rows, from the first until a short page, or until
 * `onPage` answers false (it has what it wants).
 */
async function pages(wire: TtrssWire, query: HeadlineQuery, onPage: (rows: unknown[]) => boolean): Promise<void> {
  for (let page = 0; page < MAX_PAGES; page++) {
    const content = await wire.call('getHeadlines', { ...query, limit: PAGE_SIZE, skip: page * PAGE_SIZE });
    if (!Array.isArray(content)) {
      throw new SyncError(
        'malformed',
        `TT-RSS at ${wire.host} answered getHeadlines with something that is not a list.`,
      );
    }
    if (!onPage(content) || content.length < PAGE_SIZE) return;
  }
  throw new SyncError(
    'malformed',
    `TT-RSS at ${wire.host} kept sending full pages of headlines (server pages forever, stopped after ${MAX_PAGES}).`,
  );
}

/** Every article id of a virtual feed in a view: unread ids (-4, unread), starred ids (-1, all). */
export async function headlineIds(
  wire: TtrssWire,
  feedId: number,
  viewMode: 'all_articles' | 'unread',
): Promise<string[]> {
  const ids = new Set<number>();
  await pages(
    wire,
    // No bodies, no excerpts: the ids are all this wants, and content is most of a page's time.
    { feed_id: feedId, view_mode: viewMode, show_content: false, show_excerpt: false, include_attachments: false },
    (rows) => {
      for (const row of rows) {
        const id = isObject(row) ? asInt(row.id) : null;
        if (id !== null && id > 0) ids.add(id);
      }
      return true;
    },
  );
  return [...ids].map(String);
}

/**
 * Articles with an id above `cursor`, with bodies, newest first, at most `limit`; the new
 * cursor is the highest id seen (the old one when nothing is new). One call when nothing is.
 */
export async function newHeadlines(
  wire: TtrssWire,
  cursor: string | null,
  limit: number,
): Promise<{ items: RemoteItem[]; cursor: string | null }> {
  const since = cursor === null ? 0 : asInt(cursor);
  if (since === null || since < 0) {
    throw new SyncError('malformed', `Syndic's sync cursor for TT-RSS at ${wire.host} is not an article id.`);
  }
  const items = new Map<string, RemoteItem>();
  let max = since;
  const wanted = Math.max(0, Math.floor(limit));
  if (wanted === 0) return { items: [], cursor };
  await pages(
    wire,
    {
      feed_id: ALL_ARTICLES,
      view_mode: 'all_articles',
      since_id: since,
      show_content: true,
      include_attachments: true,
      // The feed's HTML as it came: Syndic sanitises content itself, like any feed's.
      sanitize: false,
    },
    (rows) => {
      for (const row of rows) {
        const item = itemFromJson(row);
        // TT-RSS applies since_id itself; checking again costs nothing and keeps the cursor honest.
        if (item === null || Number(item.remoteId) <= since) continue;
        max = Math.max(max, Number(item.remoteId));
        if (items.size < wanted) items.set(item.remoteId, item);
      }
      return items.size < wanted;
    },
  );
  return { items: [...items.values()], cursor: max > since ? String(max) : cursor };
}
