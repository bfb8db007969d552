/** `syndic stats`: the reader's counts as one JSON line, for monitoring and benchmarks. */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { withService } from '../with-service.js';

export const statsCommand = defineCommand({
  name: 'stats',
  usage: '',
  summary: 'counts of feeds, articles, unread, starred',
  maxArgs: 0,
  options: {},
  async run({ dataDir, io }) {
    return withService(dataDir, io, async (service) => {
      const counts = await service.getCounts();
      const feeds = await service.listFeeds();
      const failing = feeds.filter((f) => f.lastError).length;
      io.out(
        JSON.stringify({
          feeds: feeds.length,
          failingFeeds: failing,
          articles: counts.all,
          unread: counts.unread,
          starred: counts.starred,
          today: counts.today,
          tags: Object.keys(counts.tags).length,
        }),
      );
      return EXIT.ok;
    });
  },
});
