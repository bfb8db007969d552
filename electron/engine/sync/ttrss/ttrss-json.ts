/**
 * Reading TT-RSS's JSON without trusting it. PHP sends numbers as numbers or as strings
 * depending on the column and the PDO driver (getArticle's `id` and `feed_id` come straight
 * from the row), booleans as true/false or "t"/"f", and missing keys as null: these helpers
 * accept each form and answer null for anything else, so mapping code stays short.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** An integer id sent as a number or a numeric string. */
export function asInt(value: unknown): number | null {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) {
    const n = Number(value.trim());
    return Number.isSafeInteger(n) ? n : null;
  }
  return null;
}

export function asString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** A string that means something: empty strings are TT-RSS's way of saying "none". */
export function asText(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** PHP booleans in their JSON forms (true, 1, "t", "true", "1"). */
export function asBool(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return value === 't' || value === 'true' || value === '1';
  return false;
}
