/**
 * The security-relevant options and guards of every Syndic window, in one place without
 * importing Electron, so a unit test can pin them and fire events at them. main-window.ts
 * passes them to BrowserWindow and its web contents, typed against Electron's own
 * WebPreferences and WebContents (docs/security.md, "The Electron window").
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

/** What the guards read of a navigation (Electron's will-navigate and will-frame-navigate event). */
export interface NavigationEvent {
  readonly url: string;
  readonly isMainFrame: boolean;
  preventDefault(): void;
}

/** What the guards need of a window's web contents: Electron's WebContents fits as it is. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-frame-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Keeps a window on the app's pages: it navigates only within the app's origin, its frames
 * only to the article's own document and the video player, it attaches no webview and
 * opens no window. A link that would open one goes to the system browser (Electron's
 * `shell`), and only when it is http(s).
 */
export function guardWindowContents(
  contents: GuardedContents,
  browser: { openExternal(url: string): Promise<void> },
): void {
  contents.on('will-navigate', (event) => {
    if (!isAppAddress(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    // The article frame is about:srcdoc and never navigates (links open outside); a
    // YouTube card loads the player in its frame. The window itself is will-navigate's.
    if (!event.isMainFrame && !isSubFrameAddressAllowed(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalUrlAllowed(url)) void browser.openExternal(url);
    return { action: 'deny' };
  });
}
