/** How an article opens by its feed's open mode and by how the reader reached it (renderer/src/open-mode.ts). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FeedOpenMode } from '../../../shared/domain.js';
import { opensInBrowser, presentationOf, type TextChoice } from '../../../renderer/src/open-mode.js';

const URL_ = 'https://example.com/post';

describe('opensInBrowser', () => {
  it("opens a 'browser' feed's article when the reader chose it (click, Enter), not when passing by (j/k)", () => {
    assert.equal(opensInBrowser('browser', 'chosen', URL_), true);
    assert.equal(opensInBrowser('browser', 'passing', URL_), false);
  });

  it('never for the other modes, an unknown feed, or an article without a web page', () => {
    for (const mode of ['feed', 'full', undefined] satisfies (FeedOpenMode | undefined)[])
      assert.equal(opensInBrowser(mode, 'chosen', URL_), false, String(mode));
    assert.equal(opensInBrowser('browser', 'chosen', null), false);
    assert.equal(opensInBrowser('browser', 'chosen', 'javascript:alert(1)'), false);
    assert.equal(opensInBrowser('browser', 'chosen', 'file:///etc/passwd'), false);
  });
});

describe('presentationOf', () => {
  const shown = (
    mode: FeedOpenMode,
    fullContent: string | null,
    choice: TextChoice = 'mode',
    fullFailed = false,
    url: string | null = URL_,
  ) => presentationOf({ mode, article: { fullContent, url }, choice, fullFailed });

  it("'feed' shows the feed's content, or the full article a feed keeps, as before open modes", () => {
    assert.equal(shown('feed', null), 'feed');
    assert.equal(shown('feed', '<p>full</p>'), 'full');
  });

  it("'full' shows the kept full article, else fetches it, else falls back to the feed's content", () => {
    assert.equal(shown('full', '<p>full</p>'), 'full');
    assert.equal(shown('full', null), 'fetch-full');
    assert.equal(shown('full', null, 'mode', true), 'feed');
    // No page to fetch from.
    assert.equal(shown('full', null, 'mode', false, null), 'feed');
  });

  it("'browser' shows the note, unless the article has no page", () => {
    assert.equal(shown('browser', null), 'browser-note');
    assert.equal(shown('browser', '<p>full</p>'), 'browser-note');
    assert.equal(shown('browser', null, 'mode', false, null), 'feed');
  });

  it("the reader's choice for one article wins over the mode", () => {
    assert.equal(shown('browser', null, 'feed'), 'feed');
    assert.equal(shown('full', '<p>full</p>', 'feed'), 'feed');
    assert.equal(shown('browser', '<p>full</p>', 'full'), 'full');
    assert.equal(shown('feed', null, 'full'), 'fetch-full');
    assert.equal(shown('browser', null, 'full', true), 'feed');
  });
});
