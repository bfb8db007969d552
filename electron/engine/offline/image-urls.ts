/**
 * The images an article shows: `src` of every <img> (and the poster of a <video>) in its
 * HTML, plus its thumbnail. Feed HTML is already made absolute by the parser, and
 * readability output by its own base; anything not http(s) (data: URIs) needs no cache.
 * A linear regex over start tags, as for discovery: no DOM for twenty thousand articles.
 */
import { decodeHTMLAttribute } from 'entities';
import { resolveHttpUrl } from '../../../shared/url.js';
import { tagAttributes } from '../feeds/tag-attributes.js';

const IMAGE_TAG = /<(?:img|video)\b[^>]*>/gi;

/** Most images one article may add to the cache: a gallery post is not an archive. */
export const MAX_IMAGES_PER_ARTICLE = 40;

export function imageUrlsOf(htmls: (string | null)[], extra: (string | null)[], base: string | null): string[] {
  const urls = new Set<string>();
  const add = (raw: string | undefined): void => {
    if (!raw || urls.size >= MAX_IMAGES_PER_ARTICLE) return;
    const url = resolveHttpUrl(raw, base);
    if (url) urls.add(url);
  };
  for (const url of extra) add(url ?? undefined);
  for (const html of htmls) {
    if (!html) continue;
    for (const m of html.matchAll(IMAGE_TAG)) {
      const attrs = tagAttributes(m[0], decodeHTMLAttribute);
      add(m[0][1]!.toLowerCase() === 'v' ? attrs.poster : attrs.src);
    }
  }
  return [...urls];
}
