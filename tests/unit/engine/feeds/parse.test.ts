import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { NotAFeedError, parseFeed } from '../../../../electron/engine/feeds/parse.js';
import { contentTypeOf, fixture, seedFeedNames } from '../../../support/fixtures.js';

const FEED_URL = 'https://feeds.example/dir/feed.xml';
const parse = (kind: 'feeds' | 'edge', name: string, contentType?: string) =>
  parseFeed({ body: fixture(kind, name), url: FEED_URL, contentType: contentType ?? contentTypeOf(name) });

describe('parse: the seed corpus', () => {
  it('reads every seed feed in every format', () => {
    const formats = new Set<string>();
    for (const name of seedFeedNames()) {
      const feed = parse('feeds', name);
      formats.add(feed.format);
      assert.ok(feed.title, `${name} has a title`);
      assert.ok(feed.items.length > 0, `${name} has items`);
      for (const item of feed.items) {
        assert.ok(item.id, `${name}: every item has an id`);
        assert.ok(item.published && item.published > Date.UTC(2023, 0, 1), `${name}: dates are epoch ms`);
        assert.match(item.link ?? '', /^https?:\/\//, `${name}: links are absolute`);
      }
    }
    assert.deepEqual([...formats].sort(), ['atom', 'json', 'rdf', 'rss']);
  });

  it('keeps authors, categories, the missing author and subscriber-only titles', () => {
    const aws = parse('feeds', 'aws.rss');
    const first = aws.items[0]!;
    assert.equal(typeof first.author, 'string');
    assert.ok(aws.items.some((i) => i.categories.includes('Proxima')));
    assert.ok(aws.items.some((i) => i.categories.includes('event')));
    assert.ok(first.content?.includes('<p>'), 'content:encoded is the content');

    const lwn = parse('feeds', 'lwn.rdf');
    assert.ok(lwn.items.some((i) => i.title?.startsWith('[$]')));
    assert.ok(
      lwn.items.some((i) => i.author === null),
      'a post with no author keeps none',
    );
  });

  it('reads YouTube entries: title, link and thumbnail, no body', () => {
    const yt = parse('feeds', 'youtube.atom');
    const video = yt.items.find((i) => i.title?.includes('Dopesick'))!;
    assert.equal(video.link, 'https://www.youtube.com/watch?v=0EwpNUvyot8');
    assert.equal(video.thumbnailUrl, 'https://i.ytimg.com/vi/0EwpNUvyot8/hqdefault.jpg');
    assert.equal(video.content, null);
    assert.equal(video.author, 'The Atlantic');
  });

  it('reads JSON Feed 1.0 and 1.1 authors and tags', () => {
    const bb = parse('feeds', 'backblaze.json');
    assert.equal(bb.format, 'json');
    assert.ok(bb.items.every((i) => i.author));
    const cf = parse('feeds', 'cloudflare.json');
    assert.ok(
      cf.items.every((i) => i.author),
      'JSON Feed 1.0 "author" object',
    );
  });

  it('keeps typographic characters and accented names exactly', () => {
    const all = seedFeedNames().flatMap((n) => parse('feeds', n).items);
    assert.ok(all.some((i) => i.title?.includes('’')));
    assert.ok(all.some((i) => (i.content ?? '').includes('Sébastien')));
  });
});

describe('parse: encodings', () => {
  const cases: [string, string, string | undefined][] = [
    ['windows-1252.rss', 'It’s “smart” – 5 € … Sébastien', undefined],
    ['iso-8859-1-header.rss', 'Crème brûlée à la française', 'application/rss+xml; charset=ISO-8859-1'],
    ['iso-8859-15.rss', 'Prix : 10 € œuvre', undefined],
    ['koi8-r.rss', 'Привет, мир', undefined],
    ['shift_jis.rss', 'こんにちは世界', undefined],
    ['gb2312.rss', '你好，世界', undefined],
    ['utf-16-bom.rss', 'Ünïcödé', undefined],
  ];
  for (const [name, title, contentType] of cases) {
    it(`decodes ${name}`, () => {
      assert.equal(parse('edge', name, contentType).items[0]!.title, title);
    });
  }

  it('lets the HTTP charset win over the XML declaration', () => {
    // The file declares nothing; without the header it would be read as UTF-8 and garbled.
    const garbled = parse('edge', 'iso-8859-1-header.rss', 'application/rss+xml');
    assert.notEqual(garbled.items[0]!.title, 'Crème brûlée à la française');
  });
});

describe('parse: broken and hostile feeds', () => {
  it('reads <rss> without a version, a raw &, and text before <?xml', () => {
    assert.equal(parse('edge', 'no-version.rss').items[0]!.title, 'Still a feed');
    const amp = parse('edge', 'raw-ampersand.rss');
    assert.equal(amp.items[0]!.link, 'https://amp.example/post?id=1&lang=en');
    assert.equal(amp.items[0]!.title, 'Salt & pepper');
    assert.equal(parse('edge', 'junk-before-xml.rss').items[0]!.title, 'After junk');
  });

  it('keeps the other entries when one Atom date is invalid', () => {
    const feed = parse('edge', 'atom-bad-date.atom');
    assert.equal(feed.items.length, 3);
    assert.equal(feed.items[0]!.published, null, 'an unreadable date is left for the store to fill');
    assert.equal(feed.items[1]!.published, Date.UTC(2024, 0, 2, 3, 4, 5));
    assert.equal(feed.items[2]!.published, Date.UTC(2024, 0, 2, 1, 4, 5), 'offsets are applied');
  });

  it('decodes HTML named entities', () => {
    const feed = parse('edge', 'html-entities.rss');
    assert.equal(feed.title, 'Café news');
    assert.equal(feed.items[0]!.title, 'Sébastien — “quoted” & €€');
  });

  it('expands no DTD entity and fetches nothing', () => {
    const feed = parse('edge', 'dtd-entities.rss');
    assert.ok(feed.title!.length < 100, 'the billion-laughs entity is not expanded');
    assert.ok(!feed.items[0]!.title!.includes('root:'), 'no local file is read');
  });

  it('survives a "<"-heavy item', () => {
    const feed = parse('edge', 'lt-heavy.rss');
    assert.equal(feed.items[0]!.summary!.length, 200_000);
  });

  it('drops javascript: links', () => {
    assert.equal(parse('edge', 'hostile.rss').items[0]!.link, null);
  });

  it('refuses web pages, truncated XML and empty bodies with NotAFeedError', () => {
    assert.throws(() => parse('edge', 'not-a-feed.html'), NotAFeedError);
    assert.throws(() => parse('edge', 'broken.xml'), NotAFeedError);
    assert.throws(() => parseFeed({ body: '', url: FEED_URL }), NotAFeedError);
    assert.throws(() => parseFeed({ body: '{"not": "a feed"', url: FEED_URL }), NotAFeedError);
  });
});

describe('parse: normalisation', () => {
  it('resolves links against xml:base and the feed URL', () => {
    const atom = parse('edge', 'xml-base.atom');
    assert.equal(atom.items[0]!.link, 'https://base.example/blog/posts/one.html');
    assert.ok(atom.items[0]!.content!.includes('href="https://base.example/blog/about"'));
    assert.ok(atom.items[0]!.content!.includes('src="https://base.example/blog/posts/img/pic.png"'));
    assert.equal(atom.items[1]!.link, 'https://other.example/x/two.html');
    const rss = parse('edge', 'relative-links.rss');
    assert.equal(rss.items[0]!.link, 'https://feeds.example/posts/1');
    assert.equal(rss.link, 'https://feeds.example/');
  });

  it('gives stable ids: guid, else link, else a hash of title and content', () => {
    const a = parse('edge', 'missing-ids.rss');
    const b = parse('edge', 'missing-ids.rss');
    assert.equal(a.items[0]!.id, 'https://noid.example/a');
    assert.match(a.items[1]!.id, /^sha1:/);
    assert.notEqual(a.items[1]!.id, a.items[2]!.id);
    assert.deepEqual(
      a.items.map((i) => i.id),
      b.items.map((i) => i.id),
    );
  });

  it('reads Atom text, html and xhtml constructs', () => {
    const item = parse('edge', 'atom-xhtml.atom').items[0]!;
    assert.equal(item.title, 'Bold title');
    assert.equal(item.summary, 'Plain &lt;not a tag&gt;');
    assert.equal(item.content, '<p>Hello <em>world</em></p>');
  });

  it('reads line ends as XML does: "\\r\\n" and a lone "\\r" are "\\n", in text and in CDATA', () => {
    // The parser only normalises when it finds a "\\r" (a patch: most bodies hold none).
    const feed = (eol: string) =>
      parseFeed({
        body: [
          '<?xml version="1.0"?>',
          '<rss version="2.0"><channel><title>Line ends</title><item>',
          '<guid>https://eol.example/1</guid><title>One</title>',
          '<description>first line',
          'second line</description>',
          '<content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"><![CDATA[<pre>a',
          'b</pre>]]></content:encoded>',
          '</item></channel></rss>',
        ].join(eol),
        url: FEED_URL,
      }).items[0]!;
    for (const eol of ['\r\n', '\r']) {
      const item = feed(eol);
      assert.equal(item.summary, 'first line\nsecond line', JSON.stringify(eol));
      assert.equal(item.content, '<pre>a\nb</pre>', JSON.stringify(eol));
    }
  });

  it('reads enclosures, thumbnails and the feed author of podcasts', () => {
    const item = parse('edge', 'podcast.rss').items[0]!;
    assert.deepEqual(item.enclosures, [{ url: 'https://pod.example/ep1.mp3', type: 'audio/mpeg', length: 12345678 }]);
    assert.equal(item.thumbnailUrl, 'https://pod.example/ep1.jpg');
    assert.equal(item.author, 'Pod People');
    assert.equal(item.link, null, 'a guid that is not a URL is not a link');
    assert.equal(item.published, Date.UTC(2024, 0, 2, 7));
  });
});
