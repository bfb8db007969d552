/**
 * The renderer's article sanitiser (renderer/src/sanitize.ts) on plain-text bodies, in a
 * jsdom window: text without tags keeps its paragraphs and line breaks and its addresses
 * become links that open outside the app; HTML is sanitised as it was.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';

type Sanitize = typeof import('../../../renderer/src/sanitize.js').sanitizeArticleHtml;
let sanitizeArticleHtml: Sanitize;

before(async () => {
  // The module builds its DOMPurify over the global window when it loads.
  const { window } = new JSDOM('');
  Object.assign(globalThis, { window, Element: window.Element });
  ({ sanitizeArticleHtml } = await import('../../../renderer/src/sanitize.js'));
});

describe('sanitizeArticleHtml on plain text', () => {
  it('keeps line breaks and paragraphs and links addresses', () => {
    assert.equal(
      sanitizeArticleHtml('Plain text notes.\nSecond line.\n\nLinks: https://nightshift.example/notes/12'),
      '<p>Plain text notes.<br>Second line.</p><p>Links: <a href="https://nightshift.example/notes/12" ' +
        'target="_blank" rel="noopener noreferrer">https://nightshift.example/notes/12</a></p>',
    );
  });

  it('shows escaped plain text as the characters it stands for, once', () => {
    assert.equal(
      sanitizeArticleHtml('Dopesick &amp; the opioid crisis, a &lt; b'),
      '<p>Dopesick &amp; the opioid crisis, a &lt; b</p>',
    );
  });

  it('leaves HTML to the sanitiser as before', () => {
    assert.equal(sanitizeArticleHtml('<p>One\ntwo</p><script>x()</script>'), '<p>One\ntwo</p>');
  });
});
