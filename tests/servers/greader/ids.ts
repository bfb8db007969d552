/**
 * Item and stream identifiers of the Google Reader API, read and written the way FreshRSS and
 * Miniflux do. One 64-bit item number has two spellings: decimal ("1712345678901234", what
 * stream/items/ids answers) and the long form "tag:google.com,2005:reader/item/" followed by 16
 * hex digits (what the contents calls answer). Each server guesses the form of an id it receives
 * by its own rule, and the rules differ at the edges, so both rules live here.
 */

export type Flavour = 'freshrss' | 'miniflux';

export const LONG_ID_PREFIX = 'tag:google.com,2005:reader/item/';

/** Both servers keep ids in a signed 64-bit column, so nothing above this exists. */
export const MAX_ITEM_ID = (1n << 63n) - 1n;

export function toDecimalId(id: bigint): string {
  return id.toString(10);
}

export function toLongId(id: bigint): string {
  return LONG_ID_PREFIX + id.toString(16).padStart(16, '0');
}

function inRange(id: bigint): bigint | null {
  return id > 0n && id <= MAX_ITEM_ID ? id : null;
}

/**
 * FreshRSS (greader.php): digits without a leading zero are decimal; anything else is hex after
 * the last '/'. So "000000000000048c" and "tag:...item/2f2" are hex, "1234" is decimal. What it
 * cannot read becomes 0 there, which matches no item: null here.
 */
function parseFreshRss(text: string): bigint | null {
  if (/^[1-9][0-9]*$/.test(text)) return inRange(BigInt(text));
  const tail = text.slice(text.lastIndexOf('/') + 1);
  if (!/^[0-9a-fA-F]{1,16}$/.test(tail)) return null;
  return inRange(BigInt('0x' + tail));
}

/**
 * Miniflux (googlereader/item.go): the prefix means hex; a bare 16-character string that reads as
 * hex is hex (so a 16-digit decimal is read as hex there); anything else must be decimal.
 */
function parseMiniflux(text: string): bigint | null {
  if (text.startsWith(LONG_ID_PREFIX)) {
    const hex = /^[0-9a-fA-F]{1,16}/.exec(text.slice(LONG_ID_PREFIX.length));
    return hex ? inRange(BigInt('0x' + hex[0])) : null;
  }
  if (/^[0-9a-fA-F]{16}$/.test(text)) return inRange(BigInt('0x' + text));
  if (/^[0-9]{1,19}$/.test(text)) return inRange(BigInt(text));
  return null;
}

/** An item id as the given server would read it from a request, or null if it reads none. */
export function parseItemId(text: string, flavour: Flavour): bigint | null {
  return flavour === 'freshrss' ? parseFreshRss(text.trim()) : parseMiniflux(text.trim());
}

/** For the tests' own API: a bigint, a safe integer, or either string form. */
export function normaliseItemId(id: bigint | number | string): bigint {
  if (typeof id === 'bigint') return id;
  if (typeof id === 'number') {
    if (!Number.isSafeInteger(id)) throw new Error(`item id ${id} is not a safe integer: pass a bigint or a string`);
    return BigInt(id);
  }
  const parsed = parseFreshRss(id.trim());
  if (parsed === null) throw new Error(`not an item id: ${id}`);
  return parsed;
}

/** A stream id, decoded. `user/-/...` and the user's own `user/<who>/...` mean the same. */
export type Stream =
  | { kind: 'state'; name: string }
  | { kind: 'label'; name: string }
  | { kind: 'feed'; ref: string }
  | { kind: 'none' }
  | { kind: 'unknown'; raw: string };

export const READING_LIST = 'reading-list';

/**
 * Reads a stream id. `who` is what may stand between `user/` and the rest besides `-`: the user
 * name on FreshRSS, the numeric user id on Miniflux.
 */
export function parseStream(raw: string, who: string): Stream {
  if (raw === '') return { kind: 'none' };
  if (raw.startsWith('feed/')) return { kind: 'feed', ref: raw.slice('feed/'.length) };
  for (const user of ['-', who]) {
    const state = `user/${user}/state/com.google/`;
    if (raw.startsWith(state)) return { kind: 'state', name: raw.slice(state.length) };
    const label = `user/${user}/label/`;
    if (raw.startsWith(label)) return { kind: 'label', name: raw.slice(label.length) };
  }
  return { kind: 'unknown', raw };
}
