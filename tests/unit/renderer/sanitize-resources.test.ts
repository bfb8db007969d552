/**
 * What the article frame may load (renderer/src/article-resources.ts through the
 * sanitiser): a cached image is shown from the cache and no remote candidate of it
 * survives (`<img srcset>`, a `<picture>`'s `<source srcset>`); a local address (every
 * way of writing one) is shown only from the cache; every other attribute that would
 * load something is gone.
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

const ORIGIN = 'http://127.0.0.1:5000';
const cache = (cached: Record<string, string>) => ({ cached, base: 'https://news.example/post/1', origin: ORIGIN });

/** The sanitised HTML as a document, to read attributes back. */
function shown(html: string, cached: Record<string, string> = {}): Document {
  return new JSDOM(sanitizeArticleHtml(html, cache(cached))).window.document;
}

const attr = (doc: Document, selector: string, name: string) => doc.querySelector(selector)?.getAttribute(name) ?? null;

describe('what the article frame loads', () => {
  it("drops a picture's remote sources when its image is cached (issue 19, item 1)", () => {
    const doc = shown(
      '<picture><source type="image/webp" srcset="https://cdn.example/a.webp 1x, https://cdn.example/a@2x.webp 2x" ' +
        'sizes="100vw"><img src="https://cdn.example/a.jpg" alt=""></picture>',
      { 'https://cdn.example/a.jpg': '/cache/images/aa' },
    );
    assert.equal(attr(doc, 'img', 'src'), `${ORIGIN}/cache/images/aa`);
    assert.equal(attr(doc, 'source', 'srcset'), null, 'the browser would prefer the source and fetch it');
    assert.equal(attr(doc, 'source', 'sizes'), null);
  });

  it('shows only cached candidates of a srcset that has any, on <source> and <img> alike', () => {
    const doc = shown(
      '<picture><source srcset="https://cdn.example/b.webp 1x, https://cdn.example/b@2x.webp 2x">' +
        '<img src="https://cdn.example/b.jpg" srcset="https://cdn.example/b.jpg 1x, https://cdn.example/b@2x.jpg 2x"></picture>',
      { 'https://cdn.example/b@2x.webp': '/cache/images/bb', 'https://cdn.example/b@2x.jpg': '/cache/images/cc' },
    );
    assert.equal(attr(doc, 'source', 'srcset'), `${ORIGIN}/cache/images/bb 2x`);
    assert.equal(attr(doc, 'img', 'srcset'), `${ORIGIN}/cache/images/cc 2x`);
  });

  it('keeps remote public candidates when nothing is cached, as it keeps an uncached <img>', () => {
    const doc = shown(
      '<picture><source srcset="https://cdn.example/c.webp" sizes="50vw"><img src="https://cdn.example/c.jpg"></picture>',
    );
    assert.equal(attr(doc, 'source', 'srcset'), 'https://cdn.example/c.webp');
    assert.equal(attr(doc, 'img', 'src'), 'https://cdn.example/c.jpg');
  });

  it('removes the candidates and sizes a srcset may not name', () => {
    const doc = shown(
      '<img src="https://cdn.example/d.jpg" srcset="http://192.168.1.1/d.jpg 1x, https://cdn.example/d2.jpg 2x">' +
        '<img id="all-bad" src="https://cdn.example/e.jpg" srcset="javascript:alert(1) 1x" sizes="10vw">',
    );
    assert.equal(attr(doc, 'img', 'srcset'), 'https://cdn.example/d2.jpg 2x');
    assert.equal(attr(doc, '#all-bad', 'srcset'), null);
    assert.equal(attr(doc, '#all-bad', 'sizes'), null);
  });

  it('never lets the frame ask a local address itself, however it is written', () => {
    const local = [
      'http://127.0.0.1/x',
      'http://2130706433/x',
      'http://0x7f.0.0.1/x',
      'http://0177.0.0.1/x',
      'http://127.1/x',
      'http://[::1]/x',
      'http://[::ffff:127.0.0.1]/x',
      'http://[::ffff:c0a8:101]/x',
      'http://[64:ff9b::a00:1]/x',
      'http://10.0.0.1/x',
      'http://192.168.1.1/x',
      'http://[fd00::1]/x',
      'http://169.254.169.254/x',
      'http://[fe80::1]/x',
      'http://100.64.0.1/x',
      'http://0.0.0.0/x',
      'http://0/x',
      'http://localhost:8080/x',
      'http://api.localhost/x',
      'http://printer.local/x',
      'http://router.home.arpa/x',
      'http://nas/x',
    ];
    for (const url of local) {
      const doc = shown(
        `<img src="${url}"><picture><source srcset="${url} 1x"><img src="https://cdn.example/p.jpg"></picture>` +
          `<video src="${url}" poster="${url}"><source src="${url}"><track src="${url}"></video><audio src="${url}"></audio>`,
      );
      const loads = [...doc.querySelectorAll('[src], [srcset], [poster]')].flatMap((el) =>
        ['src', 'srcset', 'poster'].map((name) => el.getAttribute(name)).filter((value) => value?.includes('/x')),
      );
      assert.deepEqual(loads, [], url);
    }
  });

  it('shows a local address from the cache, where the engine checked it against its feed', () => {
    const doc = shown('<img src="http://192.168.1.20/photo.jpg">', {
      'http://192.168.1.20/photo.jpg': '/cache/images/dd',
    });
    assert.equal(attr(doc, 'img', 'src'), `${ORIGIN}/cache/images/dd`);
  });

  it('keeps public media and data: images, and refuses data: as media', () => {
    const doc = shown(
      '<video src="https://media.example/v.mp4" poster="data:image/png;base64,AAAA"></video>' +
        '<audio src="data:audio/ogg;base64,AAAA"></audio><img src="data:image/gif;base64,R0lGOD">',
    );
    assert.equal(attr(doc, 'video', 'src'), 'https://media.example/v.mp4');
    assert.equal(attr(doc, 'video', 'poster'), 'data:image/png;base64,AAAA');
    assert.equal(attr(doc, 'audio', 'src'), null);
    assert.equal(attr(doc, 'img', 'src'), 'data:image/gif;base64,R0lGOD');
  });

  it('leaves no other attribute that loads: background, style, SVG href and xlink:href', () => {
    const html = sanitizeArticleHtml(
      '<table background="https://t.example/bg.png"><tr><td background="http://10.0.0.1/bg.png">x</td></tr></table>' +
        '<svg><image href="http://10.0.0.1/a.png"/><use xlink:href="http://10.0.0.1/s.svg#x"/></svg>' +
        '<p style="background:url(http://10.0.0.1/c.png)">y</p><div lowsrc="http://10.0.0.1/l.png" ' +
        'dynsrc="http://10.0.0.1/d.avi" longdesc="http://10.0.0.1/l">z</div>',
      cache({}),
    );
    assert.doesNotMatch(html, /t\.example|10\.0\.0\.1/);
  });
});
