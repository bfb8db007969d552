/**
 * How FreshRSS picks and pages items for stream/items/ids and stream/contents (EntryDAO's
 * listWhere and greader.php's paging): by id, which is the arrival time; `it`/`xt` as state
 * bits, with their odd combinations kept (xt=starred filters nothing); and a continuation that
 * is the last id sent, from which the next page starts and whose first item it drops blindly.
 */
import type { Item, UserData } from './state.js';
import { type RouteContext, pageSize } from './wire.js';

const STATE = 'user/-/state/com.google/';

export interface Paging {
  it: string;
  xt: string;
  n: number;
  asc: boolean;
  ot: number;
  nt: number;
  c: string;
}

/** Where to look, as FreshRSS's listWhere types: all, starred, a feed, a category, a tag. */
export type Where = { kind: 'A' } | { kind: 's' } | { kind: 'f'; feedId: number } | { kind: 'c' | 't'; name: string };

export function feedWhere(user: UserData, ref: string): Where {
  return { kind: 'f', feedId: user.findFeed(ref)?.id ?? 0 };
}

/** A label stream is a category if one has the name, else a tag, else (a FreshRSS quirk) all. */
export function nameWhere(user: UserData, name: string): Where {
  if (user.folders.includes(name)) return { kind: 'c', name };
  if (user.labels.includes(name)) return { kind: 't', name };
  return { kind: 'A' };
}

/** FreshRSS's state bits: read 1, unread 2, starred 4, not starred 8; `it` sets, `xt` masks. */
function stateBits(it: string, xt: string): number {
  let state = it === `${STATE}read` ? 1 : it === `${STATE}unread` ? 2 : it === `${STATE}starred` ? 4 : 3;
  if (xt === `${STATE}read`) state &= 2;
  else if (xt === `${STATE}unread`) state &= 1;
  else if (xt === `${STATE}starred`) state &= 8; // 3 & 8 is 0: no filter at all, as there
  return state;
}

function passes(item: Item, state: number): boolean {
  if (state & 2) {
    if (!(state & 1) && item.read) return false;
  } else if (state & 1 && !item.read) return false;
  if (state & 4) {
    if (!(state & 8) && !item.starred) return false;
  } else if (state & 8 && item.starred) return false;
  return true;
}

/**
 * One page, as FreshRSS pages: ordered by id; with a continuation c, ask for one more from c
 * on and drop the first (assumed to be c, even when c has left the stream since); a full page
 * carries its last id as the next continuation.
 */
export function page(
  ctx: RouteContext,
  user: UserData,
  where: Where,
  paging: Paging,
): { items: Item[]; continuation?: string } {
  const state = stateBits(paging.it, paging.xt);
  const from = paging.c === '' ? undefined : BigInt(paging.c);
  const items = [...user.items.values()].filter((item) => {
    if (where.kind === 's' && !item.starred) return false;
    if (where.kind === 'f' && item.feedId !== where.feedId) return false;
    if (where.kind === 'c' && user.feeds.get(item.feedId)?.folder !== where.name) return false;
    if (where.kind === 't' && !item.labels.has(where.name)) return false;
    if (!passes(item, state)) return false;
    if (from !== undefined && (paging.asc ? item.id < from : item.id > from)) return false;
    if (paging.ot > 0 && item.id < BigInt(paging.ot) * 1_000_000n) return false;
    if (paging.nt > 0 && item.id > BigInt(paging.nt) * 1_000_000n) return false;
    return true;
  });
  items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (!paging.asc) items.reverse();
  const count = pageSize(paging.n, ctx.maxPageSize);
  const pageItems = items.slice(0, from === undefined ? count : count + 1);
  if (from !== undefined) pageItems.shift();
  const lastItem = pageItems[pageItems.length - 1];
  let continuation = pageItems.length >= count && lastItem ? lastItem.id.toString() : undefined;
  if (ctx.endlessContinuation) continuation ??= paging.c || (lastItem?.id.toString() ?? '1');
  return continuation === undefined ? { items: pageItems } : { items: pageItems, continuation };
}
