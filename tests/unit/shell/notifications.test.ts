/** The desktop app's notifications (electron/shell/notifications.ts), with a stand-in for Electron's Notification. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { noticeShower, type ShownNotice } from '../../../electron/shell/notifications.js';

class FakeNotice implements ShownNotice {
  shown = false;
  readonly listeners = new Map<string, () => void>();
  constructor(readonly options: { title?: string; body?: string; icon?: unknown }) {}
  on(event: 'click' | 'close', listener: () => void): this {
    this.listeners.set(event, listener);
    return this;
  }
  show(): void {
    this.shown = true;
  }
}

const notice = { title: '2 new in Security', source: 'Security', body: 'A CVE', articleId: 42, count: 2 };

test('a notice is shown as the engine worded it, and a click opens its article', () => {
  const made: FakeNotice[] = [];
  const opened: number[] = [];
  const show = noticeShower({
    supported: () => true,
    create: (options) => {
      const fake = new FakeNotice(options);
      made.push(fake);
      return fake;
    },
    open: (id) => opened.push(id),
    iconPath: '/icons/256x256.png',
  });
  show(notice);
  assert.equal(made.length, 1);
  assert.deepEqual(made[0]!.options, { title: '2 new in Security', body: 'A CVE', icon: '/icons/256x256.png' });
  assert.equal(made[0]!.shown, true);
  made[0]!.listeners.get('click')!();
  assert.deepEqual(opened, [42]);
});

test('nothing is shown where the system has no notifications', () => {
  let made = 0;
  const show = noticeShower({
    supported: () => false,
    create: () => {
      made++;
      return new FakeNotice({});
    },
    open: () => undefined,
  });
  show(notice);
  assert.equal(made, 0);
});
