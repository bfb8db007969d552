/** Desktop notifications in the window (renderer/src/state/notices.ts): when browser mode shows one, and its words. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noticeText, showsNoticeHere } from '../../../renderer/src/state/notices.js';

describe('a notice in the window', () => {
  const allowed = { electron: false, permission: 'granted', doNotDisturb: false } as const;

  it('is shown in browser mode once the user allowed notifications', () => {
    assert.equal(showsNoticeHere(allowed), true);
    assert.equal(showsNoticeHere({ ...allowed, permission: 'default' }), false);
    assert.equal(showsNoticeHere({ ...allowed, permission: 'denied' }), false);
    assert.equal(showsNoticeHere({ ...allowed, permission: 'unsupported' }), false);
  });

  it('is never shown while Do not disturb is on, nor by the desktop app (its main process shows it)', () => {
    assert.equal(showsNoticeHere({ ...allowed, doNotDisturb: true }), false);
    assert.equal(showsNoticeHere({ ...allowed, electron: true }), false);
  });

  it('says how many are new where, and the newest title', () => {
    const notice = { title: '5 new in Security', source: 'Security', body: 'A CVE', articleId: 9, count: 5 };
    assert.deepEqual(noticeText(notice), { title: '5 new in Security', body: 'A CVE' });
    assert.equal(noticeText({ ...notice, count: 1, body: '' }).title, '1 new in Security');
    assert.notEqual(noticeText({ ...notice, body: '' }).body, '');
  });
});
