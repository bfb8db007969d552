/** The posts of the committed seed fixtures, as plain data for generated corpora. */
import { parseFeed } from '../../electron/engine/feeds/parse.js';
import { contentTypeOf, fixture, seedFeedNames } from './fixtures.js';

export interface CorpusPost {
  title: string;
  author: string | null;
  html: string;
}

let cached: CorpusPost[] | null = null;

export function loadSeedPostsFromFixtures(): CorpusPost[] {
  cached ??= seedFeedNames()
    .filter((n) => n !== 'syndicated.rss')
    .flatMap((name) =>
      parseFeed({
        body: fixture('feeds', name),
        url: 'https://seed.example/',
        contentType: contentTypeOf(name),
      }).items.map((i) => ({
        title: i.title ?? '',
        author: i.author,
        html: i.content ?? i.summary ?? '',
      })),
    );
  return cached;
}
