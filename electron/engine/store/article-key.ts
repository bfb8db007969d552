/**
 * Article sort keys (`articles.sort_key`, schema 12) are time-ordered: (publication second
 * << 20) + a sequence within that second. "Newest first" is "highest key first" in every
 * list: the views' indexes and the full-text index (whose rowid is the key) are in that
 * order. Ids are not: they are handed out as articles arrive, so the tables only grow at
 * their end. The largest key (year 2100) stays below 2^53, an exact JavaScript number.
 */
const SEQUENCE_BITS = 20;
const SEQUENCE_SPAN = 2 ** SEQUENCE_BITS;

/** The first key of the second `ms` falls in. */
export function keyFloor(ms: number): number {
  return Math.max(0, Math.floor(ms / 1000)) * SEQUENCE_SPAN;
}

/** The exclusive upper bound of that second's keys. */
export function keyCeiling(ms: number): number {
  return keyFloor(ms) + SEQUENCE_SPAN;
}

/**
 * The time an article sorts by: its publication date, but never later than when it was
 * first seen (a feed that dates posts in the future would pin them to the top forever).
 */
export function sortTime(published: number | null, now: number): number {
  if (published == null) return now;
  return Math.min(published, now);
}
