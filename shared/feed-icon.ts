/**
 * Where a feed's icon comes from: the image the feed names (RSS `<image>`, Atom `<icon>`
 * or `<logo>`, JSON Feed `icon` or `favicon`), else the site's `/favicon.ico`. The offline
 * cache fetches it and keeps a copy; the sidebar shows only that copy, never this address
 * (see renderer/src/components/FeedIcon.tsx).
 */
export interface IconSource {
  url: string;
  siteUrl: string | null;
  iconUrl: string | null;
}

export function feedIconAddress(feed: IconSource): string | null {
  if (feed.iconUrl && /^https?:/i.test(feed.iconUrl)) return feed.iconUrl;
  try {
    const address = new URL('/favicon.ico', feed.siteUrl ?? feed.url);
    return /^https?:$/.test(address.protocol) ? address.href : null;
  } catch {
    return null;
  }
}
