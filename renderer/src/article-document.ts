/**
 * The document shown in the article frame: sanitised HTML under its own
 * Content-Security-Policy (no script at all; images and media from the web and from the
 * app's offline cache), with the reading stylesheet. The frame's sandbox allows no
 * scripts either (see ArticleView). The reader settings reach it as CSS variables in a
 * style element of their own, which the app rewrites in place (a same-origin frame) when
 * they change: the article is restyled, not reloaded, and no element gets a style
 * attribute (the hostile-content test holds the frame to none).
 */
import { readerStyleDeclarations, type ReaderStyleVariables } from './reader-style.js';
import { sanitizeArticleHtml, type CachedImages } from './sanitize.js';
import { SEARCH_HIT_CLASS } from './search-highlight.js';

/** The frame's policy; `origin` (the app's own) serves the offline image cache. */
export function frameCsp(origin: string): string {
  return `default-src 'none'; img-src ${origin} https: http: data:; media-src ${origin} https: http:; style-src 'unsafe-inline'`;
}

export interface ReadingTheme {
  text: string;
  background: string;
  link: string;
  muted: string;
  codeBackground: string;
  border: string;
  /** The background of a search's matches (mark.search-hit). */
  highlight: string;
}

/** An article's body for the frame: sanitised, with cached images swapped in. */
export function articleBody(html: string, images: CachedImages): string {
  return sanitizeArticleHtml(html, images);
}

/** The id of the frame's style element that holds the reader settings. */
export const READER_STYLE_ID = 'reader-settings';

/** The reader settings' rule, as the frame's document starts with it and as the app rewrites it. */
export function readerRule(reader: ReaderStyleVariables): string {
  return `:root { ${readerStyleDeclarations(reader)} }`;
}

/**
 * The frame's document without an article: its policy, base and reading stylesheet. It
 * is loaded once; each article's body then replaces the last one's in place, which shows
 * it in the same frame instead of after a new document has loaded.
 */
export function articleShell(theme: ReadingTheme, origin: string, reader: ReaderStyleVariables): string {
  return `<!doctype html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${frameCsp(origin)}">
<meta name="referrer" content="no-referrer">
<base target="_blank">
<style id="${READER_STYLE_ID}">${readerRule(reader)}</style>
<style>
  :root { color-scheme: light dark; }
  html, body { margin: 0; padding: 0; background: ${theme.background}; color: ${theme.text}; }
  body { font-family: var(--reader-font); font-size: var(--reader-font-size); line-height: var(--reader-line-height);
         max-width: var(--reader-line-width); margin: 0 auto; overflow-wrap: break-word; padding: 0 0 3rem; }
  p, ul, ol, blockquote, figure, pre, table { margin: 0 0 1.1em; }
  h1, h2, h3, h4 { font-family: system-ui, sans-serif; line-height: 1.3; margin: 1.6em 0 0.6em; }
  a { color: ${theme.link}; }
  img, video { max-width: 100%; height: auto; border-radius: 4px; }
  figure { margin-left: 0; margin-right: 0; }
  figcaption { color: ${theme.muted}; font-size: 0.9em; margin-top: 0.4em; }
  blockquote { border-left: 3px solid ${theme.border}; margin-left: 0; padding-left: 1em; color: ${theme.muted}; }
  pre { background: ${theme.codeBackground}; padding: 0.8em 1em; border-radius: 6px; overflow-x: auto;
        font-size: 0.875em; line-height: 1.5; }
  code, kbd, samp { font-family: ui-monospace, 'SF Mono', Menlo, Consolas, monospace; font-size: 0.9em; }
  :not(pre) > code { background: ${theme.codeBackground}; padding: 0.1em 0.3em; border-radius: 3px; }
  table { border-collapse: collapse; display: block; overflow-x: auto; }
  th, td { border: 1px solid ${theme.border}; padding: 0.35em 0.6em; text-align: left; }
  hr { border: 0; border-top: 1px solid ${theme.border}; }
  .video-link a { font-family: system-ui, sans-serif; font-weight: 600; }
  mark.${SEARCH_HIT_CLASS} { background: ${theme.highlight}; color: inherit; border-radius: 2px; }
</style></head><body></body></html>`;
}
