/**
 * Relative links in an item's HTML made absolute against the item's (or the feed's)
 * address, so they work wherever the article is shown: the href, src and poster
 * attributes, quoted with " or ', anywhere a whitespace precedes the name (as the regex
 * `\s(?:href|src|poster)\s*=\s*("[^"]*"|'[^']*')`, case-insensitive, finds them). Found
 * from each "=" (indexOf) rather than by that regex, which tried a match at every space
 * of every body: 40 MB of HTML a cold refresh, about 0.1 s of the parse worker's work
 * (docs/performance.md, "Refresh").
 */
import { isSpace } from './html-text.js';

const NAMES = ['href', 'src', 'poster'];
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Where the attribute name that ends at `end` (exclusive) begins, if it is one of NAMES after a space; else -1. */
function nameStart(html: string, end: number): number {
  for (const name of NAMES) {
    const start = end - name.length;
    if (start < 1 || !isSpace(html.charCodeAt(start - 1))) continue;
    if (html.slice(start, end).toLowerCase() === name) return start;
  }
  return -1;
}

/** The value made absolute, or null to leave the attribute as it is. */
function absolute(raw: string, base: string): string | null {
  const value = raw.trim();
  if (value === '' || value.startsWith('#') || HAS_SCHEME.test(value)) return null;
  try {
    return new URL(value, base).href.replace(/"/g, '%22');
  } catch {
    return null;
  }
}

/** Makes relative href/src/poster attributes absolute against `base`; leaves the rest. */
export function absolutizeHtml(html: string | null, base: string | null): string | null {
  if (html == null || base == null) return html;
  let out = '';
  let copied = 0;
  for (let eq = html.indexOf('='); eq !== -1; eq = html.indexOf('=', eq + 1)) {
    let k = eq - 1;
    while (k > 0 && isSpace(html.charCodeAt(k))) k--;
    if (nameStart(html, k + 1) === -1) continue;
    let open = eq + 1;
    while (open < html.length && isSpace(html.charCodeAt(open))) open++;
    const quote = html[open];
    if (quote !== '"' && quote !== "'") continue;
    const close = html.indexOf(quote, open + 1);
    if (close === -1) continue;
    // Matched: the next attribute is looked for after this one's value, as a global regex would.
    const href = absolute(html.slice(open + 1, close), base);
    if (href !== null) {
      out += `${html.slice(copied, open)}"${href}"`;
      copied = close + 1;
    }
    eq = close;
  }
  return copied === 0 ? html : out + html.slice(copied);
}
