/**
 * `syndic add <url>`: subscribes to a feed, or to a site's feed when the address is a web
 * page, through the same use case as the window's Add dialog.
 */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';
import { withService } from '../with-service.js';

export const addCommand = defineCommand({
  name: 'add',
  usage: '<url> [--tag T]... [--full-text]',
  summary:
    'subscribe to a feed (or a site: its feed is found); --full-text\n' +
    "keeps each article's full page (for summary-only feeds)",
  maxArgs: 1,
  options: {
    tag: { type: 'string', multiple: true, value: 'T', help: 'file the feed under tag T; give it again for more tags' },
    'full-text': { type: 'boolean', help: "keep each article's full page (for summary-only feeds)" },
  },
  async run({ args, options, dataDir, io }) {
    const [url] = args;
    if (!url) throw new UsageError('needs a URL');
    return withService(dataDir, io, async (service) => {
      const result = await service.addFeed({ url, tags: options.tag, fetchFullText: options['full-text'] === true });
      if (result.kind === 'choose') {
        // The candidates go to stdout, so a script can pick one and run `add` again.
        io.err('That site offers several feeds; add one of them:');
        for (const c of result.candidates) io.out(`${c.url}\t${c.title ?? ''}`);
        return EXIT.failed;
      }
      const feed = result.feed;
      io.out(
        `${result.kind === 'added' ? 'Added' : 'Already subscribed to'} ${feed.userTitle ?? feed.title ?? feed.url} (${feed.url}): ${feed.articleCount} articles`,
      );
      // Subscribed all the same: the feed stays, and its next refresh may succeed.
      if (feed.lastError) io.err(`but its refresh failed: ${feed.lastError.message}. ${feed.lastError.hint}`);
      return feed.lastError ? EXIT.failed : EXIT.ok;
    });
  },
});
