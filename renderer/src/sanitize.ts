/**
 * Article HTML is written by strangers: it goes through DOMPurify with an allowlist before
 * it reaches any DOM. No script, no event handler, no style attribute, no form, no frame;
 * links only http(s) or mailto, opened outside the app; what the frame loads (images,
 * sources, posters, media) only from the offline cache or an allowed remote address
 * (article-resources.ts).
 * Embedded videos from known players become a link with the video's name. A body that is
 * plain text (show notes, video descriptions) is given its paragraphs, line breaks and
 * links first, which HTML would otherwise fold into one line of dead text.
 */
import DOMPurify from 'dompurify';
import { isPlainText, plainTextToHtml } from '../../shared/plain-text-html.js';
import { rewriteLoadedAddresses, type CachedImages } from './article-resources.js';
import { t } from './i18n/translate.js';

export type { CachedImages } from './article-resources.js';

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
      link.textContent = t('article.watchVideo', { site: name });
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
    rewriteLoadedAddresses(node, images);
    if (node.tagName === 'IMG') {
      node.setAttribute('loading', 'lazy');
      node.setAttribute('referrerpolicy', 'no-referrer');
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
