/** Plain-text bodies as HTML (shared/plain-text-html.ts): paragraphs, line breaks, links, escaping. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isPlainText, plainTextToHtml } from '../../../shared/plain-text-html.js';

describe('isPlainText', () => {
  it('is true for text without a tag, escaped characters and stray brackets included', () => {
    assert.equal(isPlainText('Plain text notes.\nSecond line.'), true);
    assert.equal(isPlainText('Tom &amp; Jerry &lt;3'), true);
    assert.equal(isPlainText('a < b, and c > d'), true);
    assert.equal(isPlainText(''), true);
  });

  it('is false for HTML: a tag, a closing tag, a self-closing tag or a comment', () => {
    for (const html of ['<p>Hi</p>', 'Hi<br>there', 'one <img src="x.png" alt=""/>', 'end</div>', '<!-- c -->x']) {
      assert.equal(isPlainText(html), false, html);
    }
  });
});

describe('plainTextToHtml', () => {
  it('makes blank-line-separated blocks paragraphs and single newlines breaks', () => {
    assert.equal(plainTextToHtml('Plain text notes.\nSecond line.'), '<p>Plain text notes.<br>Second line.</p>');
    assert.equal(plainTextToHtml('One.\r\n\r\n  \r\nTwo,\rstill two.\n\n\n'), '<p>One.</p><p>Two,<br>still two.</p>');
    assert.equal(plainTextToHtml('  \n \n'), '');
  });

  it('links http(s) addresses, leaving out the punctuation around them', () => {
    assert.equal(
      plainTextToHtml(
        'Notes: https://pod.example/notes/12.\nSee (http://a.example/x?q=1&amp;r=2), or <https://b.example/y>',
      ),
      '<p>Notes: <a href="https://pod.example/notes/12">https://pod.example/notes/12</a>.<br>' +
        'See (<a href="http://a.example/x?q=1&amp;r=2">http://a.example/x?q=1&amp;r=2</a>), ' +
        'or &lt;<a href="https://b.example/y">https://b.example/y</a>&gt;</p>',
    );
    assert.equal(
      plainTextToHtml('https://en.wikipedia.example/wiki/Foo_(bar)!'),
      '<p><a href="https://en.wikipedia.example/wiki/Foo_(bar)">https://en.wikipedia.example/wiki/Foo_(bar)</a>!</p>',
    );
    assert.equal(
      plainTextToHtml('ftp://x.example/ and javascript:alert(1)'),
      '<p>ftp://x.example/ and javascript:alert(1)</p>',
    );
  });

  it('escapes everything else, keeping character references the text already has', () => {
    assert.equal(
      plainTextToHtml('a < b & c > d "q" AT&T &amp; &#8211; &#x2014; &eacute;'),
      '<p>a &lt; b &amp; c &gt; d &quot;q&quot; AT&amp;T &amp; &#8211; &#x2014; &eacute;</p>',
    );
    assert.equal(
      plainTextToHtml('https://x.example/"onmouseover="alert(1)'),
      '<p><a href="https://x.example/">https://x.example/</a>&quot;onmouseover=&quot;alert(1)</p>',
      'a quote ends an address: it can never leave the attribute',
    );
  });
});
