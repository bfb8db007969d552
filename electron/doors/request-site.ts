/**
 * Whether an HTTP request to browser mode comes from another site's page. A page the user
 * visits can make the browser request 127.0.0.1 (an <img>, a form, a fetch), and the
 * browser attaches the user's cookie to a top-level navigation; the token cookie is
 * SameSite=Strict, but that is one line of defence. So every request is refused when its
 * Origin is not ours, or when the browser's own Fetch Metadata says it did not come from
 * our origin or from the user (a typed address, a bookmark). Both headers are set by the
 * browser and cannot be forged by a page; a client that sends neither (curl, the tests)
 * must still hold the token.
 */
import type { IncomingHttpHeaders } from 'node:http';

/**
 * `Sec-Fetch-Site` values that are ours: the page itself, and what the user opened. Not
 * `same-site`: for 127.0.0.1 that includes every other program's server on another port.
 */
const OWN_SITE = new Set(['same-origin', 'none']);

/** Why the request is refused as cross-site, or null when it is our own page's (or the user's). */
export function crossSiteReason(headers: IncomingHttpHeaders, allowedOrigins: ReadonlySet<string>): string | null {
  const origin = headers.origin;
  if (origin !== undefined && !allowedOrigins.has(origin)) return 'Cross-site request refused (foreign Origin)';
  const site = headers['sec-fetch-site'];
  if (site !== undefined && !OWN_SITE.has(site))
    return 'Cross-site request refused (Sec-Fetch-Site is not same-origin)';
  return null;
}
