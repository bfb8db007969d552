/**
 * Relative links made absolute (feeds/absolute-links.ts). The attributes are found by a
 * scan from each "=", not by the regex that found them before; the regex is kept here as
 * the reference, and the two must agree on every input, or links would change with it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { absolutizeHtml } from '../../../../electron/engine/feeds/absolute-links.js';
import { loadSeedPostsFromFixtures } from '../../../support/seed-posts.js';
import { seededRandom } from '../../../support/seeded-random.js';

const URL_ATTR = /(\s(?:href|src|poster)\s*=\s*)("([^"]*)"|'([^']*)')/gi;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** The regex version, as parse.ts had it. */
function reference(html: string | null, base: string | null): string | null {
  if (html == null || base == null) return html;
  return html.replace(URL_ATTR, (whole, prefix: string, _q, dq?: string, sq?: string) => {
    const value = (dq ?? sq ?? '').trim();
    if (value === '' || value.startsWith('#') || HAS_SCHEME.test(value)) return whole;
    try {
      return `${prefix}"${new URL(value, base).href.replace(/"/g, '%22')}"`;
    } catch {
      return whole;
    }
  });
}

const PIECES = [
  ' href=',
  ' HREF =',
  '\thref= ',
  ' src=',
  ' Src\n=',
  ' poster=',
  'data-src=',
  'xhref=',
  ' title=',
  '=',
  ' ',
  '"',
  "'",
  'img.png',
  '../up/a b.png',
  '#top',
  'http://a.example/x',
  'mailto:x@y',
  '//cdn.example/p',
  'a"b',
  '<img',
  '<a',
  '>',
  'text',
  '\u00a0',
  'http://[::1',
  '?q=1&r=2',
];
const BASE = 'https://site.example/posts/2024/item.html';

describe('absolute links', () => {
  it('rewrites relative href, src and poster values and leaves the rest', () => {
    assert.equal(
      absolutizeHtml(
        `<a href="../a">x</a><img SRC = 'b.png'><video poster="c.jpg"><a href="#top"><a href="https://x/">`,
        BASE,
      ),
      `<a href="https://site.example/posts/a">x</a><img SRC = "https://site.example/posts/2024/b.png"><video poster="https://site.example/posts/2024/c.jpg"><a href="#top"><a href="https://x/">`,
    );
    assert.equal(absolutizeHtml('<img data-src="a.png">', BASE), '<img data-src="a.png">');
    assert.equal(absolutizeHtml('<a href="x">', null), '<a href="x">');
    assert.equal(absolutizeHtml(null, BASE), null);
  });

  it('agrees with the regex on the seed posts and on 20,000 random markups', () => {
    for (const { html } of loadSeedPostsFromFixtures()) assert.equal(absolutizeHtml(html, BASE), reference(html, BASE));
    const next = seededRandom(11);
    for (let n = 0; n < 20_000; n++) {
      let html = '';
      const pieces = 1 + Math.floor(next() * 30);
      for (let p = 0; p < pieces; p++) html += PIECES[Math.floor(next() * PIECES.length)];
      assert.equal(absolutizeHtml(html, BASE), reference(html, BASE), JSON.stringify(html));
    }
  });
});
