/**
 * What the Media RSS and iTunes namespaces say about an item (issue 17, item 5): YouTube's
 * thumbnail and description, thumbnails and descriptions nested in media:content or
 * media:group, and for podcasts each episode's playing time and artwork.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseFeed } from '../../../../electron/engine/feeds/parse.js';
import { fixturesDir } from '../../../support/fixtures.js';

const parse = (name: string) =>
  parseFeed({ body: readFileSync(join(fixturesDir, 'quirks', name)), url: 'https://feeds.example/feed' });

describe('parse: YouTube and Media RSS', () => {
  it("keeps a YouTube video's thumbnail and its description, as plain text escaped to HTML", () => {
    const [video, silent] = parse('youtube-channel.atom').items;
    assert.equal(video!.title, 'A Conversation With Rosario Dawson About Hulu’s "Dopesick"');
    assert.equal(video!.link, 'https://www.youtube.com/watch?v=0EwpNUvyot8');
    assert.equal(video!.thumbnailUrl, 'https://i2.ytimg.com/vi/0EwpNUvyot8/hqdefault.jpg');
    assert.equal(
      video!.summary,
      'Rosario Dawson talks about Dopesick &amp; the opioid crisis.\nRecorded live at The Atlantic Festival.\n\n' +
        'Subscribe: https://www.youtube.com/user/TheAtlantic?sub_confirmation=1\n' +
        'Read more at https://www.theatlantic.com/culture/.',
    );
    assert.equal(video!.content, null);
    assert.deepEqual(video!.enclosures, [], 'the Flash player address is not a file to play');
    assert.equal(silent!.summary, null, 'an empty description is no summary');
    assert.equal(silent!.thumbnailUrl, 'https://i3.ytimg.com/vi/H0No6x5FYGo/hqdefault.jpg');
  });

  it('finds thumbnails and descriptions nested in media:content and media:group (Vimeo)', () => {
    const [nested, grouped] = parse('video-media.rss').items;
    assert.equal(nested!.thumbnailUrl, 'https://i.vimeocdn.com/video/1800000001-d_960');
    assert.equal(grouped!.thumbnailUrl, 'https://cdn.studioreel.example/harbour.jpg');
    assert.equal(
      grouped!.summary,
      'Boats &lt;3 fog.\nShot on a phone: https://studioreel.example/harbour',
      'a plain description is escaped, not read as HTML',
    );
    assert.deepEqual(
      grouped!.enclosures,
      [{ url: 'https://cdn.studioreel.example/harbour-1080.mp4', type: 'video/mp4', length: null, duration: 94 }],
      "a group's alternatives are one file: the default one",
    );
  });
});

describe('parse: podcast episodes', () => {
  const items = parse('podcast-episodes.rss').items;
  const enclosure = (n: number) => items[n]!.enclosures[0]!;

  it('reads itunes:duration in each of its forms as seconds', () => {
    assert.deepEqual(
      [0, 1, 2].map((n) => enclosure(n).duration),
      [3723, 3723, 3723],
      '"1:02:03", "62:03" and "3723"',
    );
  });

  it("gives each episode its own artwork, else the show's", () => {
    assert.deepEqual(
      [0, 1, 2].map((n) => enclosure(n).imageUrl),
      [
        'https://nightshift.example/artwork/ep12.jpg',
        'https://nightshift.example/artwork/show-3000.jpg',
        'https://nightshift.example/artwork/ep10.jpg',
      ],
    );
  });

  it('makes a playable media:content the enclosure when there is none, with its duration', () => {
    assert.deepEqual(items[3]!.enclosures, [
      {
        url: 'https://media.nightshift.example/ep9.mp4',
        type: 'video/mp4',
        length: 104857600,
        duration: 1805,
        imageUrl: 'https://nightshift.example/artwork/show-3000.jpg',
      },
    ]);
    assert.equal(items[3]!.thumbnailUrl, 'https://nightshift.example/artwork/ep9-still.jpg');
  });

  it("reads a JSON Feed attachment's duration_in_seconds, and content_text with its breaks and links", () => {
    const [episode] = parse('podcast.json').items;
    assert.deepEqual(episode!.enclosures, [
      { url: 'https://media.nightshift.example/ep12.mp3', type: 'audio/mpeg', length: 59584512, duration: 3723 },
    ]);
    assert.equal(
      episode!.content,
      '<p>Plain text notes.<br>Second line.</p><p>Links: ' +
        '<a href="https://nightshift.example/notes/12">https://nightshift.example/notes/12</a></p>',
    );
  });

  it('leaves the notes as the feed wrote them: plain text keeps its line breaks for the reader', () => {
    assert.equal(items[0]!.summary, 'Plain text notes.\nSecond line.\n\nLinks: https://nightshift.example/notes/12');
  });
});
