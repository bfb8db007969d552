/**
 * What the article frame may load, attribute by attribute: every address an image or a
 * media element would fetch (`src`, `srcset`, `poster`) becomes the offline cache's copy
 * when there is one, else stays only if it is a remote address the frame may ask, else
 * goes. A `<picture>` whose `<img>` is cached loses its `<source>` candidates, which the
 * browser would otherwise prefer and fetch from their site.
 *
 * "May ask": http(s) (images also data:), and not a local address the frame can see
 * without DNS (a loopback, private, link-local… literal, `localhost`, a `.local` name;
 * shared/network-kind.ts). Such an image is shown only from the cache, whose engine
 * checked it against where the feed lives after resolving it (docs/security.md). The
 * sanitiser's allowlist (sanitize.ts) has already removed every other attribute that
 * loads something: `background`, `style`, SVG's `href` and `xlink:href` with SVG itself.
 */
import { parseSrcset, stringifySrcset, type SrcSetDefinition } from 'srcset';
import { knownNetworkKindOf } from '../../shared/network-kind.js';

/**
 * The offline image cache for the article being sanitised: an image whose address is in
 * `cached` is shown from the app's own copy, so the browser never asks the original host.
 */
export interface CachedImages {
  cached: Record<string, string>;
  /** The article's own address, against which relative image addresses resolve. */
  base: string | null;
  /** The app's origin, where cached copies are served. */
  origin: string;
}

const SAFE_IMAGE = /^(?:https?:|data:image\/(?:png|jpe?g|gif|webp|avif);)/i;
const SAFE_MEDIA = /^https?:/i;

/** The elements that load, and which of their addresses are images (data: allowed) or media. */
const LOADING_ELEMENTS = new Set(['IMG', 'SOURCE', 'VIDEO', 'AUDIO', 'TRACK']);

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

/** A remote address the frame may ask itself: the right scheme, and no local host. */
function mayFetch(address: string, safe: RegExp): boolean {
  if (!safe.test(address)) return false;
  if (/^data:/i.test(address)) return true;
  let host: string;
  try {
    host = new URL(address).hostname;
  } catch {
    return false;
  }
  const kind = knownNetworkKindOf(host);
  return kind === null || kind === 'public';
}

/**
 * A srcset with cached candidates keeps only those (the browser must not pick a remote
 * one); otherwise only the candidates the frame may fetch. Null when none is left.
 */
function shownSrcset(srcset: string, images: CachedImages | null): { srcset: string; cached: boolean } | null {
  let candidates: SrcSetDefinition[];
  try {
    candidates = parseSrcset(srcset, { strict: true });
  } catch {
    return null;
  }
  const cached = candidates.flatMap((c) => {
    const copy = cachedCopy(c.url, images);
    return copy ? [{ ...c, url: copy }] : [];
  });
  if (cached.length) return { srcset: stringifySrcset(cached), cached: true };
  const remote = candidates.filter((c) => mayFetch(c.url, SAFE_IMAGE));
  return remote.length ? { srcset: stringifySrcset(remote), cached: false } : null;
}

/** An image address of this element, as opposed to a media one (no data: there). */
function isImageAttribute(node: Element, attribute: string): boolean {
  if (attribute === 'poster' || node.tagName === 'IMG') return true;
  return node.tagName === 'SOURCE' && node.parentElement?.tagName === 'PICTURE';
}

/** Whether this is a `<source>` of a `<picture>` whose `<img>` is shown from the cache. */
function pictureImageIsCached(node: Element, images: CachedImages | null): boolean {
  if (node.tagName !== 'SOURCE' || node.parentElement?.tagName !== 'PICTURE') return false;
  const src = node.parentElement.querySelector(':scope > img')?.getAttribute('src');
  return !!src && cachedCopy(src, images) !== null;
}

/** Rewrites the addresses one element of the article would load (see the header). */
export function rewriteLoadedAddresses(node: Element, images: CachedImages | null): void {
  if (!LOADING_ELEMENTS.has(node.tagName)) return;
  let srcFromCache = false;
  for (const attribute of ['src', 'poster']) {
    const value = node.getAttribute(attribute);
    if (value === null) continue;
    const copy = cachedCopy(value, images);
    const safe = isImageAttribute(node, attribute) ? SAFE_IMAGE : SAFE_MEDIA;
    if (copy) node.setAttribute(attribute, copy);
    else if (!mayFetch(value.trim(), safe)) node.removeAttribute(attribute);
    if (copy && attribute === 'src') srcFromCache = true;
  }
  const srcset = node.getAttribute('srcset');
  const shown = srcset === null ? null : shownSrcset(srcset, images);
  // An image shown from the cache, or a picture whose image is, asks no site for another size.
  const cachedElsewhere = srcFromCache || pictureImageIsCached(node, images);
  if (shown && (shown.cached || !cachedElsewhere)) {
    node.setAttribute('srcset', shown.srcset);
  } else {
    node.removeAttribute('srcset');
    node.removeAttribute('sizes');
  }
}
