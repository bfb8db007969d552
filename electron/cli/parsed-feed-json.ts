/** The `syndic parse` output: a normalised feed as stable, documented JSON. */
import type { ParsedFeed } from '../engine/feeds/parse.js';

const iso = (ms: number | null): string | null => (ms == null ? null : new Date(ms).toISOString());

export function parsedFeedToJson(feed: ParsedFeed): unknown {
  return {
    title: feed.title,
    link: feed.link,
    description: feed.description,
    items: feed.items.map((item) => ({
      id: item.id,
      title: item.title,
      link: item.link,
      author: item.author,
      published: iso(item.published),
      updated: iso(item.updated),
      summary: item.summary,
      content: item.content,
      categories: item.categories,
      thumbnail: item.thumbnailUrl,
      enclosures: item.enclosures.map((e) => ({
        url: e.url,
        type: e.type,
        length: e.length,
        duration: e.duration ?? null,
        image: e.imageUrl ?? null,
      })),
    })),
  };
}
