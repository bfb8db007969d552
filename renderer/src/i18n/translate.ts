/**
 * `t(id, values)`: a catalogue message in the user's language, formatted by FormatJS's
 * intl-messageformat (plurals, numbers, dates and selects through Intl). The language is the
 * window's (navigator.languages); a message a translation lacks falls back to English.
 */
import { IntlMessageFormat, type PrimitiveType } from 'intl-messageformat';
import { en, type Catalogue, type MessageId } from './messages-en.js';

/** Translations by language tag; English is the source and always complete. */
const CATALOGUES: Record<string, Catalogue> = { en };

/** The first of the user's languages a catalogue exists for (its base language counts). */
export function chooseLanguage(preferred: readonly string[], available: readonly string[]): string {
  for (const tag of preferred) {
    if (available.includes(tag)) return tag;
    const base = tag.split('-')[0]!;
    if (available.includes(base)) return base;
  }
  return 'en';
}

function preferredLanguages(): readonly string[] {
  return typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
}

/** The language messages are shown in; numbers and dates follow the user's own locale. */
export const LANGUAGE = chooseLanguage(preferredLanguages(), Object.keys(CATALOGUES));

const compiled = new Map<MessageId, IntlMessageFormat>();

function compile(id: MessageId): IntlMessageFormat {
  let format = compiled.get(id);
  if (!format) {
    const translated = CATALOGUES[LANGUAGE]?.[id];
    format = new IntlMessageFormat(translated ?? en[id], translated ? LANGUAGE : 'en');
    compiled.set(id, format);
  }
  return format;
}

export type MessageValues = Record<string, PrimitiveType>;

export function t(id: MessageId, values?: MessageValues): string {
  return String(compile(id).format(values));
}

/**
 * A message whose placeholders hold elements (a <code>, a link) rather than text: its parts
 * in order, strings and the elements given, for a component to render as children. Keep
 * the elements keyed, as any children in an array.
 */
export function tParts<T>(id: MessageId, values: Record<string, PrimitiveType | T>): (string | T)[] {
  const formatted = compile(id).format<T>(values);
  return Array.isArray(formatted) ? formatted : [formatted];
}
