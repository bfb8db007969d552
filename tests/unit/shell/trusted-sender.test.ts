/**
 * The IPC door's sender check (electron/shell/trusted-sender.ts): a call is served only
 * from the main frame of one of Syndic's windows, alive, at the app's own origin.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { trustedSender, type SenderEvent, type SenderFrame } from '../../../electron/shell/trusted-sender.js';
import { APP_ORIGIN } from '../../../electron/shell/window-options.js';

const WINDOW_ID = 7;
const windows: ReadonlySet<number> = new Set([WINDOW_ID]);

function frame(url: string, destroyed = false): SenderFrame {
  return {
    get url(): string {
      // As Electron does: a destroyed frame cannot be read.
      if (destroyed) throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      return url;
    },
    isDestroyed: () => destroyed,
  };
}

/** A call from the main frame of window `id` showing `url`. */
function fromMainFrame(url: string, id = WINDOW_ID): SenderEvent {
  const main = frame(url);
  return { senderFrame: main, sender: { id, mainFrame: main } };
}

describe('IPC sender validation', () => {
  it("trusts the main frame of a Syndic window at the app's origin", () => {
    assert.equal(trustedSender(fromMainFrame(`${APP_ORIGIN}/index.html`), windows, APP_ORIGIN), true);
    assert.equal(trustedSender(fromMainFrame(`${APP_ORIGIN}/index.html?x=1#y`), windows, APP_ORIGIN), true);
  });

  it('refuses a window showing a foreign origin', () => {
    for (const url of [
      'https://evil.example/',
      'http://app/index.html',
      'syndic-app://evil/index.html',
      'syndic-app://app.evil.example/index.html',
      'syndic-app://app:1234/index.html',
      'file:///index.html',
      'data:text/html,<script>1</script>',
      'about:blank',
      '',
      'not a url',
    ]) {
      assert.equal(trustedSender(fromMainFrame(url), windows, APP_ORIGIN), false, url);
    }
  });

  it('refuses a subframe, even one at the app origin', () => {
    const main = frame(`${APP_ORIGIN}/index.html`);
    for (const url of [`${APP_ORIGIN}/index.html`, 'https://www.youtube-nocookie.com/embed/x']) {
      const event: SenderEvent = { senderFrame: frame(url), sender: { id: WINDOW_ID, mainFrame: main } };
      assert.equal(trustedSender(event, windows, APP_ORIGIN), false, url);
    }
  });

  it('refuses a web contents that is not one of our windows', () => {
    assert.equal(trustedSender(fromMainFrame(`${APP_ORIGIN}/index.html`, 8), windows, APP_ORIGIN), false);
    assert.equal(trustedSender(fromMainFrame(`${APP_ORIGIN}/index.html`), new Set(), APP_ORIGIN), false);
  });

  it('refuses a call whose frame is gone or destroyed, without reading it', () => {
    const main = frame(`${APP_ORIGIN}/index.html`);
    assert.equal(
      trustedSender({ senderFrame: null, sender: { id: WINDOW_ID, mainFrame: main } }, windows, APP_ORIGIN),
      false,
    );
    const destroyed = frame(`${APP_ORIGIN}/index.html`, true);
    const event: SenderEvent = { senderFrame: destroyed, sender: { id: WINDOW_ID, mainFrame: destroyed } };
    assert.equal(trustedSender(event, windows, APP_ORIGIN), false);
  });
});
