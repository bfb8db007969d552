/** FreshRSS's full-width look-alikes in titles, turned back where it is safe to. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainTitle } from '../../../../electron/engine/sync/greader/freshrss-text.js';

test('turns ＆ ＜ ＞ back into & < > and leaves CJK punctuation as written', () => {
  // As real FreshRSS 1.25 answered for "Tom &amp; Jerry &lt;3" and a feed "Q&A <x>".
  assert.equal(plainTitle('Tom ＆ Jerry ＜3, a/b; why?'), 'Tom & Jerry <3, a/b; why?');
  assert.equal(plainTitle('Q＆A ＜x＞'), 'Q&A <x>');
  assert.equal(plainTitle('新闻，今天；为什么？'), '新闻，今天；为什么？');
  assert.equal(plainTitle(null), null);
});
