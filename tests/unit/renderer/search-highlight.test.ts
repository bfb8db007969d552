/** Marking what a search found (renderer/src/search-highlight.ts): in list text, and in an article's DOM (jsdom). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import {
  clearHighlights,
  highlightElement,
  SEARCH_HIT_CLASS,
  splitHighlights,
} from '../../../renderer/src/search-highlight.js';
import { highlightTerms, parseSearch } from '../../../shared/search-syntax.js';

const terms = (search: string, place: 'title' | 'text' = 'text') => highlightTerms(parseSearch(search), place);

describe('splitHighlights', () => {
  it('cuts a title into matched and unmatched parts, in order', () => {
    assert.deepEqual(splitHighlights('Hard drive encryption explained', terms('encrypt "hard drive"')), [
      { text: 'Hard drive', match: true },
      { text: ' ', match: false },
      { text: 'encryption', match: true },
      { text: ' explained', match: false },
    ]);
  });

  it('returns the whole text as one part when nothing matches, or no terms are given', () => {
    assert.deepEqual(splitHighlights('Nothing here', terms('encrypt')), [{ text: 'Nothing here', match: false }]);
    assert.deepEqual(splitHighlights('Nothing here', []), [{ text: 'Nothing here', match: false }]);
    assert.deepEqual(splitHighlights('', terms('x')), [{ text: '', match: false }]);
  });

  it('marks only words that begin with a prefix, not words that hold it', () => {
    const parts = splitHighlights('Encrypted, recrypted, encryption', terms('encry*'));
    assert.deepEqual(
      parts.filter((p) => p.match).map((p) => p.text),
      ['Encrypted', 'encryption'],
    );
    assert.equal(parts.map((p) => p.text).join(''), 'Encrypted, recrypted, encryption', 'nothing lost');
  });

  it('leaves out excluded terms and terms of other places', () => {
    assert.deepEqual(splitHighlights('rust and go', terms('rust -go')), [
      { text: 'rust', match: true },
      { text: ' and go', match: false },
    ]);
    assert.deepEqual(splitHighlights('async rust', terms('title:async', 'text')), [
      { text: 'async rust', match: false },
    ]);
    assert.equal(splitHighlights('async rust', terms('title:async', 'title'))[0]!.match, true);
  });
});

describe('highlightElement', () => {
  const body = (html: string) => new JSDOM(`<!doctype html><body>${html}</body>`).window.document.body;

  it('wraps matches in text nodes and leaves tags and attributes alone', () => {
    const root = body(
      '<p class="lead">Hard drive <a href="https://x.example/encryption" title="encryption">encryption</a>, encrypted.</p>',
    );
    const marks = highlightElement(root, terms('encrypt "hard drive"'));
    assert.equal(marks.length, 3);
    assert.equal(
      root.innerHTML,
      '<p class="lead"><mark class="search-hit">Hard drive</mark> <a href="https://x.example/encryption" title="encryption">' +
        '<mark class="search-hit">encryption</mark></a>, <mark class="search-hit">encrypted</mark>.</p>',
    );
    assert.deepEqual(
      marks.map((m) => m.textContent),
      ['Hard drive', 'encryption', 'encrypted'],
      'first to last',
    );
  });

  it('does not mark inside style, script or an existing mark, nor across tags', () => {
    const root = body('<style>.encryption{}</style><mark>encryption</mark><p>hard <b>drive</b></p>');
    assert.equal(highlightElement(root, terms('encryption "hard drive"')).length, 0);
    assert.equal(root.querySelectorAll(`mark.${SEARCH_HIT_CLASS}`).length, 0);
  });

  it('takes a whole document, and markup in the text stays text', () => {
    const doc = new JSDOM('<!doctype html><title>rust</title><body><p>&lt;b&gt;rust&lt;/b&gt; rust</p></body>').window
      .document;
    const marks = highlightElement(doc, terms('rust'));
    assert.equal(marks.length, 2);
    assert.equal(doc.title, 'rust');
    assert.equal(
      doc.body.innerHTML,
      '<p>&lt;b&gt;<mark class="search-hit">rust</mark>&lt;/b&gt; <mark class="search-hit">rust</mark></p>',
    );
  });

  it('does nothing without terms, and clearHighlights restores the text', () => {
    const root = body('<p>one rust, two rust</p>');
    const before = root.innerHTML;
    assert.equal(highlightElement(root, []).length, 0);
    assert.equal(root.innerHTML, before);
    highlightElement(root, terms('rust'));
    assert.notEqual(root.innerHTML, before);
    clearHighlights(root);
    assert.equal(root.innerHTML, before);
    assert.equal(root.querySelector('p')!.childNodes.length, 1, 'the text is one node again');
  });
});
