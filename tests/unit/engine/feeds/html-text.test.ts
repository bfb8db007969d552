/**
 * Plain text and snippets from feed HTML (feeds/html-text.ts). The text is folded by a
 * loop that stops once it has enough; it must give exactly what the regexes it replaced
 * gave (kept here as the reference), on real posts, on every cut of them and on random
 * markup, or list snippets and the search index would change with it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeHTML } from 'entities';
import { htmlToText, snippetOf, snippetOfText } from '../../../../electron/engine/feeds/html-text.js';
import { loadSeedPostsFromFixtures } from '../../../support/seed-posts.js';
import { seededRandom } from '../../../support/seeded-random.js';

/** The conversion as the regexes made it before the loop (schema 11's snippets and index). */
function referenceText(html: string | null, maxChars = Infinity): string {
  if (!html) return '';
  let s = html.length > maxChars * 4 ? html.slice(0, maxChars * 4) : html;
  if (/<(?:script|style|template)\b/i.test(s))
    s = s.replace(/<(script|style|template)\b[^>]*>[^<]*(?:<(?!\/\1)[^<]*)*<\/\1\s*>/gi, ' ');
  s = s.replace(/(?:<[^>]*>|\s)+/g, ' ');
  if (s.includes('&')) s = decodeHTML(s).replace(/\s+/g, ' ');
  s = s.trim();
  return s.length > maxChars ? s.slice(0, maxChars) : s;
}

/** The snippet as the reference conversion makes it. */
const slowSnippet = (html: string, length = 240): string => snippetOfText(referenceText(html, length + 40), length);

const PIECES = [
  '<',
  '>',
  '&',
  '&amp;',
  '&amp',
  '&nbsp;',
  '&#10;',
  '&#x20;',
  '&lt;b&gt;',
  '&notin;',
  '&not',
  ' ',
  '  ',
  '\n',
  '\t',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\ufeff',
  '\u200b',
  'a',
  'word',
  'é',
  '😀',
  '<b>',
  '</p>',
  '<br/>',
  '<!-- c -->',
  '<a href="x>y">',
  '<script>x<y</script>',
  '<style>p{}</style>',
  '<SCRIPT>',
  '=',
  '"',
];

describe('html to text', () => {
  it('turns tags and runs of whitespace into one space, drops scripts and styles, decodes entities', () => {
    assert.equal(htmlToText('<p>One\n\n two</p><p>three&nbsp;&amp; four</p>'), 'One two three & four');
    assert.equal(htmlToText('a<script>var x = "<p>";</script>b<style>p{}</style>c'), 'a b c');
    assert.equal(htmlToText('x < y and <b>z</b>'), 'x z');
    assert.equal(htmlToText('<p>abcdef</p>', 3), 'abc');
    assert.equal(htmlToText(null), '');
  });

  it('cuts a snippet at a word', () => {
    const words = Array.from({ length: 100 }, (_, i) => `word${i}`).join(' ');
    const snippet = snippetOf(`<p>${words}</p>`);
    assert.ok(snippet.endsWith('…'));
    assert.ok(snippet.length <= 241);
    assert.ok(words.startsWith(snippet.slice(0, -1)));
    assert.equal(snippetOf('<p>short</p>'), 'short');
  });

  it('folds text exactly as the regexes did, on every cut of real posts, for snippets and for the index', () => {
    const posts = loadSeedPostsFromFixtures();
    let compared = 0;
    for (const { html } of posts) {
      for (let end = html.length; end > 0; end -= 7) {
        const cut = html.slice(0, end);
        assert.equal(snippetOf(cut), slowSnippet(cut), cut);
        if (end % 5 === 0) assert.equal(htmlToText(cut, 32_000), referenceText(cut, 32_000), cut);
        compared++;
      }
    }
    assert.ok(compared > 1000, `${compared} cuts`);
  });

  it('folds random markup, spaces and entities exactly as the regexes did', () => {
    const next = seededRandom(19);
    for (let n = 0; n < 20_000; n++) {
      let html = '';
      const pieces = 1 + Math.floor(next() * 40);
      for (let p = 0; p < pieces; p++) html += PIECES[Math.floor(next() * PIECES.length)];
      for (const max of [3, 10, 50, Infinity])
        assert.equal(htmlToText(html, max), referenceText(html, max), JSON.stringify([html, max]));
    }
  });

  it('makes the same snippet when the text begins with scripts, styles or much markup', () => {
    const text = 'Words that come after the markup. '.repeat(20);
    const cases = [
      // a script or a style that begins in the head and ends beyond it: its code is not text
      `<p>Intro</p><script>${'if (a > b) x(); '.repeat(60)}</script><p>${text}</p>`,
      `<style>${'p > a { color: red } '.repeat(50)}</style><p>${text}</p>`,
      // a head whose text is a little short of the snippet's length
      `<p>${'word '.repeat(46)}</p>${'<br>'.repeat(100)}<p>${text}</p>`,
      // markup-heavy heads: a few words in many tags
      `${'<span class="a-long-class-name another-class">x</span>'.repeat(20)}<p>${text}</p>`,
      `<img src="${'a'.repeat(600)}">${text}`,
    ];
    for (const html of cases) assert.equal(snippetOf(html), slowSnippet(html), html.slice(0, 80));
  });
});
