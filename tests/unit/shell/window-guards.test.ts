/**
 * The guards main-window.ts puts on every window's web contents (window-options.ts's
 * guardWindowContents), driven through a stand-in for Electron's WebContents: events
 * fired at them as Electron fires them, what they prevent, what leaves for the browser.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  guardWindowContents,
  type GuardedContents,
  type NavigationEvent,
} from '../../../electron/shell/window-options.js';

type Listener = (event: NavigationEvent) => void;

/** A web contents that records the guards' listeners, and the browser they open links in. */
function guarded() {
  const listeners = new Map<string, Listener>();
  let openHandler: ((details: { url: string }) => { action: 'deny' }) | null = null;
  const contents: GuardedContents = {
    on(event: string, listener: Listener) {
      assert.equal(listeners.has(event), false, `one ${event} listener`);
      listeners.set(event, listener);
    },
    setWindowOpenHandler(handler) {
      openHandler = handler;
    },
  };
  const opened: string[] = [];
  guardWindowContents(contents, {
    openExternal: async (url) => {
      opened.push(url);
    },
  });
  /** Fires `name` as Electron would; true when a guard prevented it. */
  const fire = (name: string, url: string, isMainFrame = true): boolean => {
    const listener = listeners.get(name);
    assert.ok(listener, `a ${name} guard`);
    let prevented = false;
    listener({ url, isMainFrame, preventDefault: () => (prevented = true) });
    return prevented;
  };
  const open = (url: string) => {
    assert.ok(openHandler, 'a window open handler');
    return openHandler({ url });
  };
  return { fire, open, opened };
}

describe('window guards', () => {
  it("keeps the window on the app's own pages", () => {
    const { fire } = guarded();
    assert.equal(fire('will-navigate', 'syndic-app://app/index.html'), false);
    for (const url of [
      'https://evil.example/',
      'syndic-app://app.evil.example/index.html',
      'file:///etc/passwd',
      'javascript:alert(1)',
      'about:blank',
      'not a url',
    ]) {
      assert.equal(fire('will-navigate', url), true, url);
    }
  });

  it("lets a frame load the article's document and the video player only", () => {
    const { fire } = guarded();
    assert.equal(fire('will-frame-navigate', 'about:srcdoc', false), false);
    assert.equal(fire('will-frame-navigate', 'https://www.youtube-nocookie.com/embed/x', false), false);
    for (const url of ['https://evil.example/', 'syndic-app://app/index.html', 'about:blank', 'javascript:alert(1)']) {
      assert.equal(fire('will-frame-navigate', url, false), true, url);
    }
    // The window's own navigations are will-navigate's to judge.
    assert.equal(fire('will-frame-navigate', 'syndic-app://app/index.html', true), false);
  });

  it('attaches no webview', () => {
    const { fire } = guarded();
    assert.equal(fire('will-attach-webview', 'https://evil.example/'), true);
  });

  it('opens no window, and sends http(s) links to the system browser only', () => {
    const { open, opened } = guarded();
    for (const url of [
      'https://example.com/post',
      'http://example.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'smb://host/share',
      'syndic-app://app/index.html',
      'not a url',
    ]) {
      assert.deepEqual(open(url), { action: 'deny' }, url);
    }
    assert.deepEqual(opened, ['https://example.com/post', 'http://example.com/']);
  });
});
