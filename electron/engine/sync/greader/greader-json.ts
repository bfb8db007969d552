/**
 * Reading the Google Reader API's JSON without trusting its shape: servers differ in which
 * fields they send and in their types (numbers as strings, absent arrays), so every read is a
 * check, and a value of the wrong type reads as absent rather than as a crash later on.
 */

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string field, or null when absent, empty or not a string. */
export function text(record: JsonRecord, key: string): string | null {
  const value = record[key];
  return typeof value === 'string' && value !== '' ? value : null;
}

/** A numeric field sent as a number or as a string of digits. */
export function numeric(record: JsonRecord, key: string): number | null {
  const value = record[key];
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^-?[0-9]+(\.[0-9]+)?$/.test(value.trim())) return Number(value);
  return null;
}

/** The records of an array field; anything else in it is skipped. */
export function records(record: JsonRecord, key: string): JsonRecord[] {
  const value = record[key];
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

/** The strings of an array field. */
export function strings(record: JsonRecord, key: string): string[] {
  const value = record[key];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

const LABEL = /^user\/[^/]*\/label\/(.+)$/s;
const STATE = /^user\/[^/]*\/state\/com\.google\/(.+)$/s;

/** The name in `user/-/label/NAME` (or `user/<id>/label/NAME`), else null. */
export function labelName(streamId: string): string | null {
  return LABEL.exec(streamId)?.[1] ?? null;
}

/** The state in `user/-/state/com.google/STATE` (read, starred, ...), else null. */
export function stateName(streamId: string): string | null {
  return STATE.exec(streamId)?.[1] ?? null;
}

/** A stream id for a label, as requests spell it. */
export function labelStream(name: string): string {
  return `user/-/label/${name}`;
}
