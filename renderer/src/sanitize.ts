/**
 * Article HTML is written by strangers: it goes through DOMPurify with an allowlist before
 * it reaches any DOM. No script, no event handler, no style attribute, no form, no frame;
 * links only http(s) or mailto, opened outside the app; images only http(s) or data.
 * Embedded videos from known players become a link with the video's name. A body that is
 * plain text (show notes, video descriptions) is given its paragraphs, line breaks and
 * links first, which HTML would otherwise fold into one line of dead text.
 */
import DOMPurify from 'dompurify';
import { isPlainText, plainTextToHtml } from '../../shared/plain-text-html.js';

const ALLOWED_TAGS = [
  'a',
  'abbr',
  'address',
  'article',
  'aside',
  'audio',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'main',
  'mark',
  'ol',
  'p',
  'picture',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'section',
  'small',
  'source',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'track',
  'u',
  'ul',
  'var',
  'video',
  'wbr',
];

const ALLOWED_ATTR = [
  'href',
  'src',
  'srcset',
  'sizes',
  'alt',
  'title',
  'width',
  'height',
  'colspan',
  'rowspan',
  'datetime',
  'cite',
  'lang',
  'dir',
  'controls',
  'poster',
  'type',
  'media',
  'start',
  'reversed',
  'open',
  'kind',
  'srclang',
  'label',
  'scope',
  'headers',
  'abbr',
  'span',
  'value',
];

/** Players whose embeds become a link; everything else that is a frame is dropped. */
const VIDEO_EMBEDS: [RegExp, (id: string) => string, string][] = [
  [
    /^https?:\/\/(?:www\.)?(?:youtube\.com|youtube-nocookie\.com)\/embed\/([\w-]{6,20})/i,
    (id) => `https://www.youtube.com/watch?v=${id}`,
    'YouTube',
  ],
  [/^https?:\/\/player\.vimeo\.com\/video\/(\d+)/i, (id) => `https://vimeo.com/${id}`, 'Vimeo'],
];

const SAFE_LINK = /^(?:https?:|mailto:)/i;
const SAFE_IMAGE = /^(?:https?:|data:image\/(?:png|jpe?g|gif|webp|avif);)/i;

/**
 * The offline image cache for the article being sanitised: an image whose address is in
 * `cached` is shown from the app's own copy, and its srcset is dropped, so the browser
 * never asks the original host for it.
 */
export interface CachedImages {
  cached: Record<string, string>;
  /** The article's own address, against which relative image addresses resolve. */
  base: string | null;
  /** The app's origin, where cached copies are served. */
  origin: string;
}

function cachedCopy(src: string, images: CachedImages | null): string | null {
  if (!images) return null;
  let absolute = src;
  try {
    absolute = new URL(src, images.base ?? undefined).href;
  } catch {
    // Not resolvable: looked up as written.
  }
  const path = images.cached[absolute] ?? images.cached[src];
  return path ? images.origin + path : null;
}

/**
 * A sanitiser: its own DOMPurify instance with the hooks that turn players into links,
 * tidy links and images, and swap in cached images. The hooks see the cache of the
 * article being sanitised through this closure, set only for the duration of one call.
 */
function createSanitizer(): (html: string, images: CachedImages | null) => string {
  const purify = DOMPurify(window);
  let images: CachedImages | null = null;
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (data.tagName !== 'iframe' || !(node instanceof Element)) return;
    const src = node.getAttribute('src') ?? '';
    for (const [pattern, pageOf, name] of VIDEO_EMBEDS) {
      const m = pattern.exec(src);
      if (!m) continue;
      const link = node.ownerDocument.createElement('a');
      link.setAttribute('href', pageOf(m[1]!));
      link.textContent = `▶ Watch the video on ${name}`;
      const p = node.ownerDocument.createElement('p');
      p.className = 'video-link';
      p.appendChild(link);
      node.replaceWith(p);
      return;
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') ?? '';
      if (!SAFE_LINK.test(href)) node.removeAttribute('href');
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    }
    if (node.tagName === 'IMG' || node.tagName === 'SOURCE' || node.tagName === 'VIDEO' || node.tagName === 'AUDIO') {
      for (const attr of ['src', 'poster']) {
        const value = node.getAttribute(attr);
        if (value !== null && !SAFE_IMAGE.test(value)) node.removeAttribute(attr);
      }
      const srcset = node.getAttribute('srcset');
      if (srcset && srcset.split(',').some((part) => !SAFE_IMAGE.test(part.trim()))) node.removeAttribute('srcset');
      for (const attr of ['src', 'poster']) {
        const value = node.getAttribute(attr);
        const copy = value ? cachedCopy(value, images) : null;
        if (copy) {
          node.setAttribute(attr, copy);
          node.removeAttribute('srcset');
        }
      }
      if (node.tagName === 'IMG') {
        node.setAttribute('loading', 'lazy');
        node.setAttribute('referrerpolicy', 'no-referrer');
      }
    }
  });
  return (html, cached) => {
    images = cached;
    try {
      return sanitize(purify, html);
    } finally {
      images = null;
    }
  };
}

const sanitizer = createSanitizer();

export function sanitizeArticleHtml(html: string, images: CachedImages | null = null): string {
  return sanitizer(isPlainText(html) ? plainTextToHtml(html) : html, images);
}

function sanitize(purify: typeof DOMPurify, html: string): string {
  return purify
    .sanitize(html, {
      ALLOWED_TAGS,
      ALLOWED_ATTR: [...ALLOWED_ATTR, 'target', 'rel', 'loading', 'referrerpolicy'],
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      FORBID_ATTR: ['style', 'class', 'id'],
      ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|data:image\/)/i,
      ADD_TAGS: ['iframe'], // seen by the hook above, which turns known players into links
      FORBID_CONTENTS: ['script', 'style', 'template', 'noscript', 'object', 'embed', 'select', 'textarea'],
    })
    .replace(/<iframe\b[^>]*>(?:<\/iframe>)?/gi, '');
}
