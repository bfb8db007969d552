/**
 * Plain text from feed HTML, for snippets and the full-text index. Linear-time regexes
 * only (a "<"-heavy item must not take seconds), entities decoded by `entities`.
 */
import { decodeHTML } from 'entities';

export function htmlToText(html: string | null | undefined, maxChars = Infinity): string {
  if (!html) return '';
  const limited = html.length > maxChars * 4 ? html.slice(0, maxChars * 4) : html;
  const text = decodeHTML(
    limited
      .replace(/<(script|style|template)\b[^>]*>[^<]*(?:<(?!\/\1)[^<]*)*<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' '),
  )
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > maxChars ? text.slice(0, maxChars) : text;
}

/** The first words of an article, cut at a word boundary. */
export function snippetOf(html: string | null | undefined, length = 240): string {
  const text = htmlToText(html, length + 40);
  if (text.length <= length) return text;
  const cut = text.slice(0, length);
  const space = cut.lastIndexOf(' ');
  return (space > length * 0.6 ? cut.slice(0, space) : cut) + '…';
}
