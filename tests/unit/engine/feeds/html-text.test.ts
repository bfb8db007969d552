/**
 * Plain text and snippets from feed HTML (feeds/html-text.ts). The snippet converts a
 * short head of the HTML first; it must give exactly what converting the longer slice
 * gives, on real posts and on every cut of them, or list snippets would change with it.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlToText, snippetOf, snippetOfText } from '../../../../electron/engine/feeds/html-text.js';
import { loadSeedPostsFromFixtures } from '../../../support/seed-posts.js';

/** The snippet as the longer conversion alone makes it. */
const slowSnippet = (html: string, length = 240): string => snippetOfText(htmlToText(html, length + 40), length);

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

  it('makes the same snippet from a short head as from the whole slice, on every cut of real posts', () => {
    const posts = loadSeedPostsFromFixtures();
    let compared = 0;
    let fromHead = 0;
    for (const { html } of posts) {
      for (let end = Math.min(html.length, 3000); end > 0; end -= 7) {
        const cut = html.slice(0, end);
        assert.equal(snippetOf(cut), slowSnippet(cut), cut);
        compared++;
        if (cut.length > 560 && htmlToText(cut.slice(0, cut.lastIndexOf('>', 559) + 1), 280).length >= 280) fromHead++;
      }
    }
    // Both paths ran: the head's, and the fallback's.
    assert.ok(fromHead > 100 && fromHead < compared, `${fromHead} of ${compared} from the head`);
  });

  it('falls back to the whole slice when the head holds a script, a style or too little text', () => {
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
