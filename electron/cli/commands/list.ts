/**
 * `syndic list`: one line per feed, tab-separated for `cut` and `awk`: id, unread/total,
 * title, address, tags, and `ok` or the feed's last error.
 */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { withService } from '../with-service.js';

export const listCommand = defineCommand({
  name: 'list',
  usage: '',
  summary: 'feeds with unread counts and errors',
  maxArgs: 0,
  options: {},
  async run({ dataDir, io }) {
    return withService(dataDir, io, async (service) => {
      const feeds = await service.listFeeds();
      const tagNames = new Map((await service.listTags()).map((t) => [t.id, t.name]));
      for (const f of feeds) {
        const tags = f.tags.map((id) => tagNames.get(id)).join(',');
        const status = f.lastError ? `ERROR ${f.lastError.message}` : 'ok';
        io.out(
          `${f.id}\t${f.unreadCount}/${f.articleCount}\t${f.userTitle ?? f.title ?? '(untitled)'}\t${f.url}\t${tags}\t${status}`,
        );
      }
      return EXIT.ok;
    });
  },
});
