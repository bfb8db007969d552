/**
 * The security-relevant options of every Syndic window, in one place without importing
 * Electron, so a unit test can pin them. main.ts passes them to BrowserWindow, typed
 * against Electron's own WebPreferences.
 */
import { appContentSecurityPolicy } from '../doors/csp.js';

export const APP_SCHEME = 'syndic-app';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/**
 * The scheme and host of an address, compared as strings: WHATWG URL gives a custom
 * scheme such as `syndic-app:` the opaque origin "null", so `URL.origin` cannot tell the
 * app's page from any other, and a prefix test would let `syndic-app://app.evil` pass.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
  } catch {
    return null;
  }
}

/** Whether an address is one of the app's own pages (where its window may navigate). */
export function isAppAddress(url: string): boolean {
  return originOf(url) === APP_ORIGIN;
}

export function windowWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    // Middle-click would open links in a new Electron window; links go to the browser.
    disableBlinkFeatures: 'Auxclick',
  } as const;
}

/** The app's Content-Security-Policy in Electron (served with every app-scheme response). */
export const ELECTRON_CSP = appContentSecurityPolicy("'self'");

/**
 * The web origins a frame inside the window may load: YouTube's privacy-enhanced player,
 * which a YouTube entry's card loads in a sandboxed frame on the user's click
 * (renderer/src/components/media/YouTubeCard.tsx; the CSP's frame-src agrees).
 */
export const EMBED_ORIGINS: readonly string[] = ['https://www.youtube-nocookie.com'];

/**
 * Whether a frame inside the window (never the window itself, which stays on the app's
 * pages) may navigate to an address: the article frame's own document, or the video
 * player over https.
 */
export function isSubFrameAddressAllowed(url: string): boolean {
  if (url === 'about:srcdoc') return true;
  const origin = originOf(url);
  return origin !== null && EMBED_ORIGINS.includes(origin);
}

/**
 * The one permission the window's pages use: full screen, for a video in the episode
 * player or YouTube's player, asked by the app's page or by that player. Everything else
 * (notifications too: Syndic's pages send none; camera, microphone, location, clipboard,
 * devices, external protocols) is refused, from anywhere.
 */
export function isPermissionAllowed(permission: string, requestingUrl: string | undefined): boolean {
  if (permission !== 'fullscreen' || !requestingUrl) return false;
  const origin = originOf(requestingUrl);
  return origin === APP_ORIGIN || (origin !== null && EMBED_ORIGINS.includes(origin));
}

/** Only web addresses leave the app, and only to the system browser. */
export function isExternalUrlAllowed(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}
