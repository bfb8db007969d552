/** Pins the security options of Electron windows, and what may leave the app. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ELECTRON_CSP,
  isAppAddress,
  isExternalUrlAllowed,
  windowWebPreferences,
} from '../../../electron/shell/window-options.js';

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

  it('serves the app under a CSP without inline script or eval', () => {
    assert.match(ELECTRON_CSP, /script-src 'self'(;|$)/);
    assert.doesNotMatch(ELECTRON_CSP, /unsafe-eval/);
    assert.match(ELECTRON_CSP, /default-src 'none'/);
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
});
