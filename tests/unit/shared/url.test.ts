/**
 * The canonical URL and the story key (shared/url.ts): what the store writes for every
 * article, and how copies of one post in several feeds are recognised. `linkKeys` makes
 * both from one parse of the link; it must agree with the two made separately.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalizeUrl, linkKeys, storyKey } from '../../../shared/url.js';

/** [link, canonical URL, story key] */
const CASES: [string, string | null, string | null][] = [
  // tracking parameters and the fragment go, the host is lower-cased, the default port dropped
  [
    'https://Example.COM:443/a/b/?utm_source=x&b=2&a=1#frag',
    'https://example.com/a/b/?b=2&a=1',
    'example.com/a/b?a=1&b=2',
  ],
  [
    'https://x.example/%7Euser/?z=1&y=2&UTM_medium=3',
    'https://x.example/%7Euser/?z=1&y=2',
    'x.example/%7Euser?y=2&z=1',
  ],
  // "www." and a trailing slash do not make another story; another port does
  ['http://www.site.example/post/', 'http://www.site.example/post/', 'site.example/post'],
  ['https://site.example:8080/', 'https://site.example:8080/', 'site.example:8080'],
  ['https://x.example', 'https://x.example/', 'x.example'],
  ['https://x.example/a//', 'https://x.example/a//', 'x.example/a'],
  // an empty query is dropped; a kept query is re-encoded as form parameters
  ['http://site.example/p?', 'http://site.example/p', 'site.example/p'],
  ['http://site.example/p?#x', 'http://site.example/p', 'site.example/p'],
  ['https://site.example/p?q=a b&fbclid=1', 'https://site.example/p?q=a+b', 'site.example/p?q=a b'],
  ['https://site.example/p?q=%20x+y', 'https://site.example/p?q=+x+y', 'site.example/p?q= x y'],
  ['https://x.example/a?b&a=', 'https://x.example/a?b=&a=', 'x.example/a?a=&b='],
  ['https://user:pw@x.example/a?a=%E2%82%AC', 'https://user:pw@x.example/a?a=%E2%82%AC', 'x.example/a?a=€'],
  ['https://[::1]:8443/a?x=1', 'https://[::1]:8443/a?x=1', '[::1]:8443/a?x=1'],
  [' https://x.example/a ', 'https://x.example/a', 'x.example/a'],
  // nothing but http(s)
  ['javascript:alert(1)', null, null],
  ['ftp://x/', null, null],
  ['not a url', null, null],
];

describe('article link keys', () => {
  it('canonicalises links and keys stories', () => {
    for (const [link, canonical, key] of CASES) {
      assert.equal(canonicalizeUrl(link), canonical, link);
      assert.equal(storyKey(link), key, link);
    }
  });

  it('makes both from one parse, the same as separately', () => {
    for (const [link, canonical, key] of CASES)
      assert.deepEqual(linkKeys(link), { canonicalUrl: canonical, storyKey: key });
    assert.deepEqual(linkKeys(null), { canonicalUrl: null, storyKey: null });
  });
});
