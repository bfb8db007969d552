import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseOpml, writeOpml } from '../../../../electron/engine/feeds/opml.js';

const SAMPLE = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>My feeds</title></head>
  <body>
    <outline text="Tech">
      <outline text="Linux">
        <outline type="rss" text="LWN" xmlUrl="https://lwn.net/headlines/rss" htmlUrl="https://lwn.net/"/>
      </outline>
      <outline type="rss" text="Ars &amp; more" xmlUrl="https://ars.example/feed?a=1&amp;b=2"/>
    </outline>
    <outline type="rss" text="Broken" xmlUrl="javascript:alert(1)"/>
    <outline type="rss" text="Empty" xmlUrl=""/>
    <outline type="rss" text="Top" xmlUrl="https://top.example/feed" category="/News/World,Daily"/>
    <outline text="Podcasts"><outline text="Pod" xmlUrl="https://pod.example/rss"></outline></outline>
  </body>
</opml>`;

describe('OPML', () => {
  it('reads nested outlines as tags and reports each bad line', () => {
    const parsed = parseOpml(SAMPLE);
    assert.equal(parsed.title, 'My feeds');
    assert.deepEqual(
      parsed.feeds.map((f) => [f.url, f.tags]),
      [
        ['https://lwn.net/headlines/rss', ['Tech', 'Linux']],
        ['https://ars.example/feed?a=1&b=2', ['Tech']],
        ['https://top.example/feed', ['News', 'World', 'Daily']],
        ['https://pod.example/rss', ['Podcasts']],
      ],
    );
    assert.equal(parsed.feeds[1]!.title, 'Ars & more');
    assert.deepEqual(
      parsed.problems.map((p) => p.line),
      [11, 12],
    );
    assert.match(parsed.problems[0]!.message, /javascript:alert\(1\)/);
  });

  it('refuses a file that is not OPML', () => {
    const parsed = parseOpml('<html><body>hi</body></html>');
    assert.equal(parsed.feeds.length, 0);
    assert.match(parsed.problems[0]!.message, /not OPML/);
  });

  it('writes tags as outlines and reads back the same feeds and tags', () => {
    const feeds = [
      { url: 'https://a.example/feed', title: 'A & B', siteUrl: 'https://a.example/', tags: ['News', 'Tech'] },
      { url: 'https://c.example/feed', title: 'C "quoted"', siteUrl: null, tags: [] },
    ];
    const back = parseOpml(writeOpml(feeds, new Date(0)));
    assert.deepEqual(back.problems, []);
    const merged = new Map<string, Set<string>>();
    for (const f of back.feeds) merged.set(f.url, new Set([...(merged.get(f.url) ?? []), ...f.tags]));
    assert.deepEqual([...merged.get('https://a.example/feed')!].sort(), ['News', 'Tech']);
    assert.deepEqual([...merged.get('https://c.example/feed')!], []);
    assert.equal(back.feeds.find((f) => f.url === 'https://c.example/feed')!.title, 'C "quoted"');
  });
});
