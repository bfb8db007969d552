/**
 * What the parse worker adds to an item for the store (feeds/prepare-item.ts). The content
 * hash is stored with every article and compared at every refresh: if a version hashed an
 * unchanged item differently from the last without knowing the last one's hash, every
 * stored article would be rewritten once, so both values are pinned here (item-hash.ts).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedItem } from '../../../../electron/engine/feeds/parse.js';
import { isLegacyHash, legacyItemHash } from '../../../../electron/engine/feeds/item-hash.js';
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
  it('hashes an item as this version stores it, and as the versions before it did', () => {
    assert.equal(prepareItem(item).hash, '2:5UQlMHFNdRQ3iQJAzZrJyMwH7iM=');
    assert.equal(isLegacyHash(prepareItem(item).hash), false);
    // Every version before this one stored this value for this item.
    assert.equal(legacyItemHash(item), 'mWS4CaB9VTICHdXR0ao9Pp6fJBc=');
    assert.equal(isLegacyHash('mWS4CaB9VTICHdXR0ao9Pp6fJBc='), true);
  });

  it('hashes every change to any field differently, including text moved between fields', () => {
    const base = prepareItem(item).hash;
    const changes: Partial<ParsedItem>[] = [
      { title: 'Café' },
      { link: null },
      { author: 'Bob' },
      { summary: '' },
      { content: '<p>Hello world</p>' },
      { categories: ['a', 'b'] },
      { enclosures: [] },
      { thumbnailUrl: 'https://example.com/t.jpg' },
      { updated: 1 },
      // the same characters, one field's end moved into the next
      { title: 'Café “quoted”A', author: 'nn' },
      { author: null, summary: 'Ann' },
    ];
    const hashes = changes.map((change) => prepareItem({ ...item, ...change }).hash);
    for (const [i, h] of hashes.entries()) assert.notEqual(h, base, JSON.stringify(changes[i]));
    assert.equal(new Set(hashes).size, hashes.length);
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

  it('keeps every field of the parsed item as it was', () => {
    // prepareItem lists the fields one by one (a spread made slow objects): none may be lost.
    const full: ParsedItem = { ...item, updated: 1_700_000_100_000, summary: '<p>s</p>', thumbnailUrl: 'https://t/' };
    const prepared = prepareItem(full, true) as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(full)) assert.deepEqual(prepared[key], value, key);
    assert.deepEqual(
      Object.keys(prepared).sort(),
      [...Object.keys(full), 'canonicalUrl', 'hash', 'snippet', 'storyKey', 'text'].sort(),
    );
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
