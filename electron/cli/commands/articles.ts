/**
 * `syndic articles`: articles of every account, newest first, filtered as the window's
 * views are; tab-separated lines, or `--json` (an array of objects with at least id,
 * title, read, starred) for scripts.
 */
import type { ArticleQuery, ArticleSummary } from '../../../shared/domain.js';
import { defineCommand } from '../command.js';
import { EXIT } from '../exit-codes.js';
import { UsageError } from '../usage-error.js';
import { withService } from '../with-service.js';

const PAGE = 500;

function positiveInteger(raw: string, option: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`${option} needs a whole number above 0, not "${raw}"`);
  return value;
}

export const articlesCommand = defineCommand({
  name: 'articles',
  usage: '[--feed ID] [--tag T] [--unread] [--starred] [--search Q] [--limit N] [--json]',
  summary: 'articles of every account, newest first',
  maxArgs: 0,
  options: {
    feed: { type: 'string', value: 'ID', help: "only this feed's articles" },
    tag: { type: 'string', value: 'T', help: 'only articles tagged T (on the feed or the article)' },
    unread: { type: 'boolean', help: 'only unread articles' },
    starred: { type: 'boolean', help: 'only starred articles' },
    search: { type: 'string', value: 'Q', help: 'full-text search' },
    limit: { type: 'string', value: 'N', help: 'at most N articles (default 50)' },
    json: { type: 'boolean', help: 'print a JSON array' },
  },
  async run({ options, dataDir, io }) {
    if (options.unread === true && options.starred === true) throw new UsageError('--unread and --starred: choose one');
    const limit = options.limit === undefined ? 50 : positiveInteger(options.limit, '--limit');
    const query: ArticleQuery = {
      view: options.starred === true ? 'starred' : options.unread === true ? 'unread' : 'all',
      ...(options.feed !== undefined ? { feedId: positiveInteger(options.feed, '--feed') } : {}),
      ...(options.search !== undefined ? { search: options.search } : {}),
    };
    return withService(dataDir, io, async (service) => {
      if (options.tag !== undefined) {
        const tag = (await service.listTags()).find((t) => t.name.toLowerCase() === options.tag!.toLowerCase());
        if (!tag) {
          io.err(`syndic: there is no tag "${options.tag}"`);
          return EXIT.failed;
        }
        query.tags = [tag.id];
      }
      const found: ArticleSummary[] = [];
      let after: number | null = null;
      while (found.length < limit) {
        const page = await service.listArticles(query, after, Math.min(PAGE, limit - found.length));
        found.push(...page.articles);
        if (page.next == null || page.articles.length === 0) break;
        after = page.next;
      }
      if (options.json === true) {
        io.out(JSON.stringify(found));
      } else {
        for (const a of found) {
          const flags = `${a.read ? '-' : 'U'}${a.starred ? '*' : '-'}`;
          io.out(
            `${a.id}\t${flags}\t${new Date(a.publishedAt).toISOString().slice(0, 10)}\t${a.title ?? '(untitled)'}\t${a.url ?? ''}`,
          );
        }
      }
      return EXIT.ok;
    });
  },
});
