/**
 * How a rule compares text: `contains` and `is` ignore case and accents the way search does
 * (shared/search-match.ts foldWord), and a domain is a link's host, matched with its parents
 * ("example.com" is the domain of www.example.com).
 */
import { foldWord } from '../../../shared/search-match.js';

/**
 * Characters folding leaves as they are after lower-casing: ASCII, Latin-1's symbols and
 * General Punctuation (curly quotes, dashes). None has a canonical decomposition or is a
 * combining mark. Most articles hold nothing else, and for them folding is `toLowerCase`,
 * a sixth of the cost of normalising: the classifier folds the body of every new article.
 */
// eslint-disable-next-line no-control-regex -- the range starts at NUL on purpose: every ASCII character folds by lower-casing.
const NEEDS_NORMALIZING = /[^\x00-\xbf\u2010-\u206f]/;

/** Lower case without diacritics: "Café" and "CAFE" fold alike. */
export function foldText(text: string): string {
  return NEEDS_NORMALIZING.test(text) ? foldWord(text) : text.toLowerCase();
}

/** A link's host, lower case and without a trailing dot; '' for no link or a bad one. */
export function hostOf(url: string | null): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.replace(/\.$/, '');
  } catch {
    return '';
  }
}

/**
 * The host a domain condition names, however it was typed: "Example.com", "example.com/",
 * "https://www.example.com/feed" (an address pasted in). Punycode, as links' hosts are.
 */
export function domainOfValue(value: string): string {
  const trimmed = value.trim().replace(/^\.+/, '');
  return hostOf(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`) || trimmed.toLowerCase();
}

/** Whether `host` is `domain` or inside it ("www.example.com" is inside "example.com"). */
export function inDomain(host: string, domain: string): boolean {
  return (
    host === domain || (host.length > domain.length && host.endsWith(domain) && host.at(-domain.length - 1) === '.')
  );
}
