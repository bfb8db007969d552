/**
 * The app's Content-Security-Policy, one definition for Electron (served by the app
 * protocol) and browser mode (served over HTTP): no inline script, no eval, the API only
 * over our own connection, frames only for the article and
 * YouTube's privacy-enhanced player (Vimeo embeds become links: the sanitiser's choice).
 */
export function appContentSecurityPolicy(connectSrc: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Inline styles: the article frame's reading stylesheet (scripts stay forbidden).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: http: data:",
    "media-src 'self' https: http:",
    "font-src 'self'",
    `connect-src ${connectSrc}`,
    "frame-src 'self' https://www.youtube-nocookie.com",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** What a cached image may do when opened on its own: nothing but be an image. */
export const CACHED_IMAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
