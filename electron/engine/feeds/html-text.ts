/**
 * Plain text from feed HTML, for titles and names, snippets and the full-text index.
 * Linear-time regexes only (a "<"-heavy item must not take seconds), entities decoded by
 * `entities`. It runs for every article a refresh writes, so it does one pass for tags
 * and whitespace and skips the passes a text does not need.
 */
import { decodeHTML, decodeHTMLStrict } from 'entities';

const HIDDEN_BLOCK = /<(script|style|template)\b[^>]*>[^<]*(?:<(?!\/\1)[^<]*)*<\/\1\s*>/gi;
const TAGS_AND_SPACE = /(?:<[^>]*>|\s)+/g;
const HIDDEN_START = /<(?:script|style|template)\b/i;

export function htmlToText(html: string | null | undefined, maxChars = Infinity): string {
  if (!html) return '';
  let s = html.length > maxChars * 4 ? html.slice(0, maxChars * 4) : html;
  if (HIDDEN_START.test(s)) s = s.replace(HIDDEN_BLOCK, ' ');
  s = s.replace(TAGS_AND_SPACE, ' ');
  if (s.includes('&')) s = decodeHTML(s).replace(/\s+/g, ' ');
  s = s.trim();
  return s.length > maxChars ? s.slice(0, maxChars) : s;
}

/**
 * A title or a name from HTML: tags removed (not replaced by a space, so inline markup
 * such as "x<sup>2</sup>" stays one word), then entities decoded, so an escaped "&lt;b&gt;"
 * is text, never a tag; whitespace folded. Null when nothing is left. Only references
 * that end in ";" are decoded: a title's "&not" is more likely a word than a "¬".
 */
export function plainText(html: string | null | undefined): string | null {
  if (html == null) return null;
  let s = html.includes('<') ? html.replace(/<[^>]*>/g, '') : html;
  if (s.includes('&')) s = decodeHTMLStrict(s);
  s = s.replace(/\s+/g, ' ').trim();
  return s === '' ? null : s;
}

/** The first words of a text, cut at a word boundary. */
export function snippetOfText(text: string, length = 240): string {
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return (space > length * 0.6 ? cut.slice(0, space) : cut) + '…';
}

/**
 * The first words of an article's HTML. Most bodies have them early, so a short head of
 * the HTML (up to a tag's end) is converted first: its text begins the whole text, and
 * when it is long enough it is the snippet. That halves the cost of the one conversion
 * every new article needs. A head holding a script or a style (whose end may lie beyond
 * it) or too little text falls back to the longer conversion.
 */
export function snippetOf(html: string | null | undefined, length = 240): string {
  const need = length + 40;
  if (!html) return '';
  if (html.length > need * 2) {
    const head = html.slice(0, html.lastIndexOf('>', need * 2 - 1) + 1);
    if (head && !HIDDEN_START.test(head)) {
      const text = htmlToText(head, need);
      if (text.length >= need) return snippetOfText(text, length);
    }
  }
  return snippetOfText(htmlToText(html, need), length);
}
