/**
 * Reading feedsmith's output. Its per-format types are unions of optional namespaces, and
 * real feeds put anything anywhere, so the mapping reads values defensively instead.
 */

/* eslint-disable @typescript-eslint/no-explicit-any -- see above */
export type Loose = any;

/** A trimmed non-empty string, from a string, a number or a `{ value }` text construct. */
export const text = (v: unknown): string | null => {
  if (v == null) return null;
  if (typeof v === 'object' && 'value' in (v as Loose)) return text((v as Loose).value);
  const s = String(v).trim();
  return s === '' ? null : s;
};

export const first = (list: unknown): Loose => (Array.isArray(list) ? list[0] : undefined);

/** A whole number ≥ 0 (a size, a ttl), else null. */
export function number(v: unknown): number | null {
  const n = typeof v === 'number' ? v : Number.parseInt(String(v ?? ''), 10);
  return Number.isFinite(n) && n >= 0 ? n : null;
}
