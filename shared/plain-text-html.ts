/**
 * Plain text as HTML. Many feeds put plain text where HTML belongs (podcast show notes,
 * video descriptions, RSS descriptions written by hand): shown as HTML it loses its line
 * breaks and its addresses are dead text. Pure (no DOM) so that both the renderer, before
 * it sanitises, and the tests can run it.
 */

/** A tag (opening, closing or self-closing) or a comment: text with none of these is plain. */
const MARKUP = /<\/?[A-Za-z][\w:-]*(?:\s[^<>]*)?\/?>|<!--/;

/**
 * A character reference: plain text that reached us through an HTML field is often
 * escaped already ("Tom &amp; Jerry"), and escaping it again would show the "&amp;".
 */
const NOT_A_REFERENCE = /&(?!(?:#\d{1,7}|#[xX][\da-fA-F]{1,6}|[A-Za-z][A-Za-z\d]{1,31});)/g;

/** An http(s) address: up to a space or a character that cannot be in one unescaped. */
const URL_START = /\bhttps?:\/\/[^\s<>"']+/gi;
/** Escaped brackets and quotes end an address ("<https://a.example>" arrives escaped). */
const ESCAPED_END = /&(?:lt|gt|quot|apos|#0*3[49]|#[xX]0*2[27]);/;
const TRAILING_PUNCTUATION = /[.,;:!?*]$/;

/** HTML for raw text: every character that means something in HTML escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** True when `html` has no tag at all: text, perhaps with escaped characters. */
export function isPlainText(html: string): boolean {
  return !MARKUP.test(html);
}

/**
 * Text to HTML: blocks separated by a blank line become paragraphs, other line breaks
 * become <br>, http(s) addresses become links, and everything else is escaped, the
 * character references the text already has kept as they are. For raw text that was
 * never escaped, pass `escapeHtml(text)`.
 */
export function plainTextToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n\s*/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => `<p>${linkify(escapeKeepingReferences(block)).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function escapeKeepingReferences(text: string): string {
  return text.replace(NOT_A_REFERENCE, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Links the addresses of escaped text; what the address leaves out stays text after it. */
function linkify(escaped: string): string {
  return escaped.replace(URL_START, (match) => {
    let url = match;
    const end = ESCAPED_END.exec(url);
    if (end) url = url.slice(0, end.index);
    for (;;) {
      if (TRAILING_PUNCTUATION.test(url)) url = url.slice(0, -1);
      // A closing parenthesis belongs to the address only when it opened one (Wikipedia).
      else if (url.endsWith(')') && count(url, '(') < count(url, ')')) url = url.slice(0, -1);
      else break;
    }
    if (!/^https?:\/\/[^/]/i.test(url)) return match;
    return `<a href="${url}">${url}</a>${match.slice(url.length)}`;
  });
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
