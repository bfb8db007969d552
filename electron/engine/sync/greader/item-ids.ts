/**
 * Google Reader item ids. One 64-bit item number has two spellings: decimal, as
 * stream/items/ids answers ("1712345678901234"), and the long form
 * "tag:google.com,2005:reader/item/" + 16 hex digits, as the contents calls answer. Syndic keeps
 * exactly one: the unsigned decimal string, so an id from a list and the same id from a body
 * compare equal as plain strings.
 *
 * Outgoing ids are always sent in the long form: it is the one spelling every server reads the
 * same way (Miniflux reads a bare 16-digit number as hex, FreshRSS as decimal).
 */

export const LONG_ITEM_ID_PREFIX = 'tag:google.com,2005:reader/item/';

const UINT64 = (1n << 64n) - 1n;

/**
 * The id as an unsigned decimal string, or null if it is not an item id. Takes the long form,
 * a bare 16-hex form (some servers drop the prefix), and decimal, signed too: Google's own
 * server answered ids above 2^63 as negative numbers.
 */
export function normaliseItemId(raw: unknown): string | null {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) ? normaliseItemId(String(raw)) : null;
  if (typeof raw !== 'string') return null;
  const text = raw.trim();
  let value: bigint;
  if (text.startsWith(LONG_ITEM_ID_PREFIX)) {
    const hex = text.slice(LONG_ITEM_ID_PREFIX.length);
    if (!/^[0-9a-fA-F]{1,16}$/.test(hex)) return null;
    value = BigInt('0x' + hex);
  } else if (/^-?[0-9]{1,20}$/.test(text)) {
    value = BigInt(text);
    if (value < 0n) {
      if (value < -(1n << 63n)) return null;
      value = BigInt.asUintN(64, value);
    }
  } else if (/^[0-9a-fA-F]{16}$/.test(text)) {
    // All digits was read as decimal above, so this has a letter: unambiguously hex.
    value = BigInt('0x' + text);
  } else {
    return null;
  }
  return value > UINT64 ? null : value.toString(10);
}

/** The long form of an id in any spelling, for requests. Throws on a string that is no id. */
export function longItemId(id: string): string {
  const normal = normaliseItemId(id);
  if (normal === null) throw new Error(`not a Google Reader item id: ${id}`);
  return LONG_ITEM_ID_PREFIX + BigInt(normal).toString(16).padStart(16, '0');
}
