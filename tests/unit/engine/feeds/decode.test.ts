/**
 * Feeds other readers accept (issue 17, item 16): UTF-16 without a byte-order mark,
 * ISO-2022-JP, and a download cut inside its very last tag.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decodeFeedBytes } from '../../../../electron/engine/feeds/decode.js';
import { NotAFeedError, parseFeed } from '../../../../electron/engine/feeds/parse.js';
import { fixture, fixturesDir } from '../../../support/fixtures.js';

const URL = 'https://feeds.example/feed';
const quirk = (name: string): Buffer => readFileSync(join(fixturesDir, 'quirks', name));
const parse = (body: Buffer, contentType?: string) => parseFeed({ body, url: URL, contentType });

describe('decode: encodings the XML declaration names', () => {
  it('reads UTF-16 without a byte-order mark from its first bytes (XML 1.0, appendix F)', () => {
    const le = quirk('utf-16le-no-bom.atom');
    const be = quirk('utf-16be-no-bom.rdf');
    assert.equal(decodeFeedBytes(le).charset, 'utf-16le');
    assert.equal(decodeFeedBytes(be).charset, 'utf-16be');
    assert.deepEqual(parse(le), parse(fixture('feeds', 'schneier.atom')));
    assert.deepEqual(parse(be), parse(fixture('feeds', 'lwn.rdf')));
    // The bytes cannot be anything else, whatever the server's header says.
    assert.deepEqual(parse(le, 'application/atom+xml; charset=utf-16'), parse(fixture('feeds', 'schneier.atom')));
    assert.deepEqual(parse(be, 'text/xml; charset=utf-8'), parse(fixture('feeds', 'lwn.rdf')));
  });

  it('decodes ISO-2022-JP, which iconv-lite lacks, declared in the XML or the header', () => {
    for (const contentType of [undefined, 'application/rss+xml; charset=ISO-2022-JP']) {
      const feed = parse(quirk('iso-2022-jp.rss'), contentType);
      assert.equal(feed.title, '技術日記');
      assert.deepEqual(
        feed.items.map((i) => [i.title, i.author]),
        [
          ['こんにちは世界', '山田太郎'],
          ['文字コードの話', '山田太郎'],
        ],
      );
    }
    assert.equal(decodeFeedBytes(quirk('iso-2022-jp.rss')).charset, 'iso-2022-jp');
  });
});

describe('parse: a download cut in its last tag', () => {
  it('accepts "</rss" and "</feed" at the end of the file, with every item', () => {
    const rss = parse(quirk('truncated-end.rss'));
    assert.deepEqual(rss, parse(fixture('feeds', 'misc.rss')));
    assert.equal(rss.items.length, 8, 'every item of misc.rss');
    assert.deepEqual(parse(quirk('truncated-end.atom')), parse(fixture('feeds', 'schneier.atom')));
  });

  it('still refuses a feed cut inside the text of an item', () => {
    assert.throws(() => parse(fixture('edge', 'broken.xml')), NotAFeedError);
    const text = fixture('feeds', 'misc.rss').toString('utf8');
    const cutInText = text.slice(0, text.lastIndexOf('Learn more here.'));
    assert.throws(() => parseFeed({ body: cutInText, url: URL }), NotAFeedError);
  });
});
