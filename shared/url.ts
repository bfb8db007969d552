/**
 * URL helpers shared by both sides: which URLs the reader will fetch or open, and the
 * canonical form used to recognise the same post syndicated by several feeds.
 */

/** Query parameters that only track where a click came from; they never change the page. */
const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_hsenc',
  '_hsmi',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  'vero_id',
  'wt_mc',
  'ncid',
  'cmpid',
  'sr_share',
]);

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
}

/** Parses an absolute http(s) URL, or returns null for anything else (javascript:, data:, junk). */
export function parseHttpUrl(raw: string): URL | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

export function isHttpUrl(raw: string): boolean {
  return parseHttpUrl(raw) !== null;
}

/** Resolves `raw` against `base`; null when the result is not http(s). */
export function resolveHttpUrl(raw: string | null | undefined, base: string | null): string | null {
  if (raw == null) return null;
  const trimmed = raw.trim();
  if (trimmed === '') return null;
  try {
    const url = base ? new URL(trimmed, base) : new URL(trimmed);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/**
 * The canonical URL as an object: tracking parameters and the fragment removed, host
 * lower-cased and the default port dropped. Null for anything that is not http(s).
 */
function canonicalUrl(raw: string): URL | null {
  const url = parseHttpUrl(raw);
  if (!url) return null;
  url.hash = '';
  // Most links have no query; rebuilding one (which re-encodes it) is skipped for them.
  if (url.search !== '' || url.href.includes('?')) {
    const kept = [...url.searchParams.entries()].filter(([name]) => !isTrackingParam(name));
    url.search = '';
    for (const [name, value] of kept) url.searchParams.append(name, value);
  }
  return url;
}

/** The canonical URL (see canonicalUrl) as text, or null for anything that is not http(s). */
export function canonicalizeUrl(raw: string): string | null {
  return canonicalUrl(raw)?.href ?? null;
}

/** The story key (see storyKey) of a canonical URL. */
function storyKeyOf(url: URL): string {
  const host = url.hostname.replace(/^www\./, '');
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, '') : '';
  const params = [...url.searchParams.entries()].sort(([a, av], [b, bv]) =>
    a === b ? (av < bv ? -1 : av > bv ? 1 : 0) : a < b ? -1 : 1,
  );
  const query = params.length ? '?' + params.map(([k, v]) => `${k}=${v}`).join('&') : '';
  const port = url.port ? `:${url.port}` : '';
  return `${host}${port}${path}${query}`;
}

/**
 * The key two copies of one post share: canonical URL without scheme and "www.", with a
 * trailing slash and parameter order ignored. Used only to match, never shown.
 */
export function storyKey(raw: string): string | null {
  const url = canonicalUrl(raw);
  return url ? storyKeyOf(url) : null;
}

/**
 * An article link's canonical URL and story key, from one parse of the link: the store
 * writes both for every article, and parsing it three times was a tenth of its work.
 */
export function linkKeys(raw: string | null): { canonicalUrl: string | null; storyKey: string | null } {
  const url = raw ? canonicalUrl(raw) : null;
  return url ? { canonicalUrl: url.href, storyKey: storyKeyOf(url) } : { canonicalUrl: null, storyKey: null };
}

/**
 * A `feed:` link (the feed protocol a browser hands to the default reader) as the http(s)
 * address to subscribe to: `feed://host/path` means http, `feed:https://…` wraps a full
 * address. Null for anything that is not a feed link to a web address.
 */
export function feedLinkToHttp(link: string): string | null {
  const trimmed = link.trim();
  if (!/^feed:/i.test(trimmed)) return null;
  const rest = trimmed.slice('feed:'.length);
  if (/^\/\//.test(rest)) return parseHttpUrl(`http:${rest}`)?.href ?? null;
  return parseHttpUrl(rest)?.href ?? null;
}
