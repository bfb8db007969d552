/**
 * Article ids are time-ordered: (publication second << 20) + a sequence within that
 * second. "Newest first" is then "highest id first" everywhere: in the table, in every
 * index (SQLite appends the rowid to each key), and in the full-text index. The largest
 * id (year 2100) stays below 2^53, so ids are exact JavaScript numbers.
 */
const SEQUENCE_BITS = 20;
const SEQUENCE_SPAN = 2 ** SEQUENCE_BITS;

/** The first id of the second `ms` falls in. */
export function keyFloor(ms: number): number {
  return Math.max(0, Math.floor(ms / 1000)) * SEQUENCE_SPAN;
}

/** The exclusive upper bound of that second's ids. */
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
