/**
 * What the parse worker adds to an item for the store (feeds/prepare-item.ts). The content
 * hash is stored with every article and compared at every refresh: if this version hashed
 * an unchanged item differently from the last, every stored article would be rewritten
 * once, so the value is pinned here.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedItem } from '../../../../electron/engine/feeds/parse.js';
import { prepareItem } from '../../../../electron/engine/feeds/prepare-item.js';

const item: ParsedItem = {
  id: 'g1',
  title: 'Café “quoted”',
  link: 'https://www.example.com/post/?utm_source=x&b=1#top',
  author: 'Ann',
  published: 1_700_000_000_000,
  updated: null,
  summary: null,
  content: '<p>Hello <b>world</b> &amp; more</p>',
  categories: ['a'],
  enclosures: [{ url: 'https://example.com/a.mp3', type: 'audio/mpeg', length: 10 }],
  thumbnailUrl: null,
};

describe('prepared items', () => {
  it('hashes an item as every earlier version did', () => {
    assert.equal(prepareItem(item).hash, 'mWS4CaB9VTICHdXR0ao9Pp6fJBc=');
    assert.notEqual(prepareItem({ ...item, content: '<p>Hello world</p>' }).hash, prepareItem(item).hash);
  });

  it("adds the snippet, the link's keys, and the text only when asked", () => {
    const plain = prepareItem(item);
    assert.equal(plain.snippet, 'Hello world & more');
    assert.equal(plain.canonicalUrl, 'https://www.example.com/post/?b=1');
    assert.equal(plain.storyKey, 'example.com/post?b=1');
    assert.equal(plain.text, undefined);
    const withText = prepareItem(item, true);
    assert.equal(withText.text, 'Hello world & more');
    assert.equal(withText.snippet, plain.snippet);
  });

  it('takes the snippet from the summary when there is one, the text from the body', () => {
    const both = prepareItem({ ...item, summary: '<p>The summary</p>' }, true);
    assert.equal(both.snippet, 'The summary');
    assert.equal(both.text, 'Hello world & more');
    const long = `<p>${'many words here '.repeat(40)}</p>`;
    assert.equal(
      prepareItem({ ...item, content: long }, true).snippet,
      prepareItem({ ...item, content: long }).snippet,
    );
  });
});
