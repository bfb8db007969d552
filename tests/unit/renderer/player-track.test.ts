/** What of an article the player plays (components/media/track.ts): the enclosure, its length and artwork. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Article, Enclosure } from '../../../shared/domain.js';
import { mediaKindOf, trackOf } from '../../../renderer/src/components/media/track.js';

const ORIGIN = 'http://127.0.0.1:4000';

function article(enclosures: Enclosure[], fields: Partial<Article> = {}): Article {
  return {
    id: 7,
    feedId: 1,
    title: 'Episode 2',
    url: 'https://pod.example/2',
    author: null,
    publishedAt: 0,
    snippet: '',
    duplicateCount: 0,
    read: false,
    starred: false,
    thumbnailUrl: null,
    tags: [],
    guid: 'ep-2',
    canonicalUrl: null,
    summary: null,
    content: null,
    fullContent: null,
    cachedImages: {},
    categories: [],
    enclosures,
    updatedAt: null,
    fetchedAt: 0,
    ...fields,
  };
}

const audio = (fields: Partial<Enclosure> = {}): Enclosure => ({
  url: 'https://pod.example/ep2.mp3',
  type: 'audio/mpeg',
  length: 1000,
  ...fields,
});

describe('the track of an article', () => {
  it('tells audio from video by type, and by file name when the feed gives no type', () => {
    assert.equal(mediaKindOf({ url: 'https://x.example/a', type: 'audio/mpeg' }), 'audio');
    assert.equal(mediaKindOf({ url: 'https://x.example/a', type: 'video/mp4' }), 'video');
    assert.equal(mediaKindOf({ url: 'https://x.example/a.mp3', type: 'application/pdf' }), null);
    assert.equal(mediaKindOf({ url: 'https://x.example/ep.M4A?x=1', type: null }), 'audio');
    assert.equal(mediaKindOf({ url: 'https://x.example/clip.webm', type: null }), 'video');
    assert.equal(mediaKindOf({ url: 'https://x.example/file.zip', type: null }), null);
    assert.equal(mediaKindOf({ url: 'not a url', type: null }), null);
  });

  it('takes the first playable enclosure with the length the feed gave', () => {
    const pdf = { url: 'https://pod.example/notes.pdf', type: 'application/pdf', length: null };
    const track = trackOf(article([pdf, audio({ duration: 5400 })]), ORIGIN)!;
    assert.equal(track.url, 'https://pod.example/ep2.mp3');
    assert.equal(track.kind, 'audio');
    assert.equal(track.duration, 5400);
    assert.equal(track.articleId, 7);
    assert.equal(trackOf(article([audio({ duration: 0 })]), ORIGIN)!.duration, null, 'a zero length says nothing');
    assert.equal(trackOf(article([pdf]), ORIGIN), null);
  });

  it('shows the episode’s artwork, else the article’s thumbnail, the offline copy when kept', () => {
    const thumbnailUrl = 'https://pod.example/thumb.jpg';
    const withArt = article([audio({ imageUrl: 'https://pod.example/art.jpg' })], { thumbnailUrl });
    assert.equal(trackOf(withArt, ORIGIN)!.artwork, 'https://pod.example/art.jpg');
    const thumbOnly = article([audio()], { thumbnailUrl, cachedImages: { [thumbnailUrl]: '/cache/images/ab12' } });
    assert.equal(trackOf(thumbOnly, ORIGIN)!.artwork, `${ORIGIN}/cache/images/ab12`);
    assert.equal(trackOf(article([audio()]), ORIGIN)!.artwork, null);
  });

  it('names an untitled article’s track', () => {
    assert.equal(trackOf(article([audio()], { title: null }), ORIGIN)!.title, '(untitled)');
  });
});
