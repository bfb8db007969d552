/**
 * Plain text from feed HTML, for titles and names, snippets and the full-text index.
 * Linear time only (a "<"-heavy item must not take seconds), entities decoded by
 * `entities`. It runs for every article a refresh writes, so tags and whitespace are
 * folded in one loop that stops when it has the text asked for.
 */
import { decodeHTML, decodeHTMLStrict } from 'entities';

const HIDDEN_BLOCK = /<(script|style|template)\b[^>]*>[^<]*(?:<(?!\/\1)[^<]*)*<\/\1\s*>/gi;
const HIDDEN_START = /<(?:script|style|template)\b/i;

/** The characters a regex's `\s` matches, by code: what a text's whitespace folds from. */
export function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 160) return false;
  return (
    c === 160 ||
    c === 5760 ||
    (c >= 8192 && c <= 8202) ||
    c === 8232 ||
    c === 8233 ||
    c === 8239 ||
    c === 8287 ||
    c === 12288 ||
    c === 65279
  );
}

/**
 * The text of HTML without scripts or styles, its first `maxChars` characters: every
 * tag (a "<" to the next ">") and run of whitespace becomes one space, entities are
 * decoded, the ends trimmed. What `s.replace(/(?:<[^>]*>|\s)+/g, ' ')`, decoding and
 * trimming make, in one loop that stops once it has enough text: a snippet needs the
 * first 280 characters, and the regexes converted the whole slice for them, twice the
 * work (docs/performance.md, "Refresh"). Text with entities is collected whole, then
 * decoded as before.
 */
function foldText(html: string, maxChars: number): string {
  let out = '';
  let gap = false;
  let entities = false;
  // Where the next ">" is (n once there is none): a "<" with none after it is text.
  let close = -1;
  const n = html.length;
  let i = 0;
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 60 && close !== n) {
      if (close < i) close = html.indexOf('>', i + 1);
      if (close > i) {
        gap = true;
        i = close + 1;
        continue;
      }
      // No ">" after it: this "<" and every later one are text.
      close = n;
    } else if (isSpace(c)) {
      gap = true;
      i++;
      continue;
    }
    // A run of text, to the next "<" or whitespace that is not one plain space between two
    // characters of text (that one stays, so a paragraph is one slice, not one per word).
    // A gap is written only between two runs, so the ends come out trimmed.
    if (c === 38) entities = true;
    let j = i + 1;
    while (j < n) {
      const d = html.charCodeAt(j);
      if (d === 60) break;
      if (d === 38) entities = true;
      else if (isSpace(d)) {
        const next = j + 1 < n ? html.charCodeAt(j + 1) : 60;
        if (d !== 32 || next === 60 || isSpace(next)) break;
      }
      j++;
    }
    if (gap && out !== '') out += ' ';
    gap = false;
    out += html.slice(i, j);
    if (!entities && out.length >= maxChars) break;
    i = j;
  }
  if (entities) out = decodeHTML(out).replace(/\s+/g, ' ').trim();
  return out.length > maxChars ? out.slice(0, maxChars) : out;
}

export function htmlToText(html: string | null | undefined, maxChars = Infinity): string {
  if (!html) return '';
  let s = html.length > maxChars * 4 ? html.slice(0, maxChars * 4) : html;
  if (HIDDEN_START.test(s)) s = s.replace(HIDDEN_BLOCK, ' ');
  return foldText(s, maxChars);
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

/** The first words of an article's HTML (the text's conversion stops once it has them). */
export function snippetOf(html: string | null | undefined, length = 240): string {
  return snippetOfText(htmlToText(html, length + 40), length);
}
