/** `syndic stats`: the reader's counts as one JSON line, for monitoring and benchmarks. */
import type { Account, Feed } from '../../../shared/domain.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { withService } from '../with-service.js';

/** Feeds, articles and unread per account, and its sync status. */
function perAccount(feeds: readonly Feed[], accounts: readonly Account[]) {
  return accounts.map((a) => {
    const own = feeds.filter((f) => f.accountId === a.id);
    return {
      id: a.id,
      kind: a.kind,
      name: a.name,
      feeds: own.length,
      articles: own.reduce((n, f) => n + f.articleCount, 0),
      unread: own.reduce((n, f) => n + f.unreadCount, 0),
      pendingChanges: a.pendingChanges,
      lastSyncAt: a.lastSyncAt,
      lastError: a.lastError,
    };
  });
}

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
          accounts: perAccount(feeds, await service.listAccounts()),
        }),
      );
      return EXIT.ok;
    });
  },
});
