/** Pins the security options of Electron windows, and what may leave the app. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ELECTRON_CSP,
  isAppAddress,
  isExternalUrlAllowed,
  isPermissionAllowed,
  isSubFrameAddressAllowed,
  windowWebPreferences,
} from '../../../electron/shell/window-options.js';

/** The address renderer/src/components/media/YouTubeCard.tsx gives its player frame (embedUrl). */
const embedUrl = (id: string): string => `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`;

describe('Electron window hardening', () => {
  it('isolates, sandboxes and keeps Node out of every window', () => {
    const prefs = windowWebPreferences('/app/preload.cjs');
    assert.equal(prefs.contextIsolation, true);
    assert.equal(prefs.sandbox, true);
    assert.equal(prefs.nodeIntegration, false);
    assert.equal(prefs.nodeIntegrationInSubFrames, false);
    assert.equal(prefs.nodeIntegrationInWorker, false);
    assert.equal(prefs.webSecurity, true);
    assert.equal(prefs.allowRunningInsecureContent, false);
    assert.equal(prefs.webviewTag, false);
    assert.equal(prefs.preload, '/app/preload.cjs');
  });

  it('turns on no experimental feature, and off middle-click and drag-and-drop navigation', () => {
    const prefs = windowWebPreferences('/app/preload.cjs');
    assert.equal(prefs.experimentalFeatures, false);
    assert.equal(prefs.navigateOnDragDrop, false);
    assert.ok(prefs.disableBlinkFeatures.split(',').includes('Auxclick'), prefs.disableBlinkFeatures);
    assert.equal('enableBlinkFeatures' in prefs, false);
  });

  it('serves the app under a CSP without inline script or eval', () => {
    assert.match(ELECTRON_CSP, /script-src 'self'(;|$)/);
    assert.doesNotMatch(ELECTRON_CSP, /unsafe-eval/);
    assert.match(ELECTRON_CSP, /default-src 'none'/);
    // The API goes over IPC: the page connects to nothing but its own origin.
    assert.match(ELECTRON_CSP, /connect-src 'self'(;|$)/);
    for (const directive of ["base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'"]) {
      assert.ok(ELECTRON_CSP.split('; ').includes(directive), directive);
    }
  });

  it("lets the window navigate only within the app's own origin", () => {
    assert.equal(isAppAddress('syndic-app://app/index.html'), true);
    for (const url of [
      'syndic-app://app.evil.example/index.html',
      'syndic-app://app:8080/',
      'syndic-app://apps/',
      'https://app/index.html',
      'about:blank',
      'not a url',
    ]) {
      assert.equal(isAppAddress(url), false, url);
    }
  });

  it('opens only http(s) links outside the app', () => {
    assert.equal(isExternalUrlAllowed('https://example.com/post'), true);
    assert.equal(isExternalUrlAllowed('http://example.com/'), true);
    for (const url of [
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'data:text/html,x',
      'not a url',
    ])
      assert.equal(isExternalUrlAllowed(url), false, url);
  });

  it("lets a frame load the article's document and YouTube's player, and nothing else", () => {
    assert.equal(isSubFrameAddressAllowed('about:srcdoc'), true);
    assert.equal(isSubFrameAddressAllowed(embedUrl('dQw4w9WgXcQ')), true);
    for (const url of [
      'https://www.youtube.com/embed/dQw4w9WgXcQ',
      'http://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
      'https://www.youtube-nocookie.com.evil.example/embed/x',
      'https://evil.example/?https://www.youtube-nocookie.com/',
      'https://player.vimeo.com/video/1',
      'about:blank',
      'javascript:alert(1)',
      'syndic-app://app/index.html',
      'not a url',
    ]) {
      assert.equal(isSubFrameAddressAllowed(url), false, url);
    }
    // The player's origin is also the one the app's CSP lets frames load.
    assert.match(ELECTRON_CSP, /frame-src 'self' https:\/\/www\.youtube-nocookie\.com;/);
  });

  it('grants full screen to the app and the video player, and refuses every other permission', () => {
    assert.equal(isPermissionAllowed('fullscreen', 'syndic-app://app/index.html'), true);
    assert.equal(isPermissionAllowed('fullscreen', embedUrl('dQw4w9WgXcQ')), true);
    assert.equal(isPermissionAllowed('fullscreen', 'https://www.youtube-nocookie.com'), true);
    for (const url of ['https://evil.example/', 'about:srcdoc', 'syndic-app://app.evil.example/', undefined]) {
      assert.equal(isPermissionAllowed('fullscreen', url), false, String(url));
    }
    for (const permission of [
      'notifications',
      'media',
      'geolocation',
      'clipboard-read',
      'clipboard-sanitized-write',
      'display-capture',
      'openExternal',
      'pointerLock',
      'hid',
      'usb',
      'serial',
      'unknown',
    ]) {
      assert.equal(isPermissionAllowed(permission, 'syndic-app://app/index.html'), false, permission);
      assert.equal(isPermissionAllowed(permission, embedUrl('x')), false, permission);
    }
  });
});
