/**
 * `syndic mark ID... --read|--unread|--star|--unstar`: the same use cases as the window's
 * keys, so a synced article's change goes to its server through the outbox.
 */
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';
import { withService } from '../with-service.js';

export const markCommand = defineCommand({
  name: 'mark',
  usage: 'ID... --read|--unread|--star|--unstar',
  summary: 'mark articles read or unread, star or unstar them',
  maxArgs: 10_000,
  options: {
    read: { type: 'boolean', help: 'mark read' },
    unread: { type: 'boolean', help: 'mark unread' },
    star: { type: 'boolean', help: 'star' },
    unstar: { type: 'boolean', help: 'remove the star' },
  },
  async run({ args, options, dataDir, io }) {
    const chosen = (['read', 'unread', 'star', 'unstar'] as const).filter((o) => options[o] === true);
    if (chosen.length !== 1) throw new UsageError('say one of --read, --unread, --star, --unstar');
    if (args.length === 0) throw new UsageError('give the ids of the articles (from `syndic articles`)');
    const ids = args.map((raw) => {
      const id = Number(raw);
      if (!Number.isSafeInteger(id) || id < 1) throw new UsageError(`"${raw}" is not an article id`);
      return id;
    });
    const action = chosen[0]!;
    return withService(dataDir, io, async (service) => {
      const missing: number[] = [];
      for (const id of ids) if (!(await service.getArticle(id))) missing.push(id);
      if (missing.length) {
        io.err(`syndic: no article with id ${missing.join(', ')}; nothing was marked`);
        return EXIT.failed;
      }
      if (action === 'read' || action === 'unread') {
        const { count } = await service.markRead(ids, action === 'read');
        io.err(`${count} articles marked ${action}`);
      } else {
        for (const id of ids) await service.setStarred(id, action === 'star');
        io.err(`${ids.length} articles ${action === 'star' ? 'starred' : 'unstarred'}`);
      }
      return EXIT.ok;
    });
  },
});
