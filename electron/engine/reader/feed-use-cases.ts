/** The use cases of subscriptions: list, discover, add, edit, delete, and OPML in and out. */
import type { AddFeedRequest, AddFeedResult, FeedPatch } from '../../../shared/api.js';
import {
  LOCAL_ACCOUNT_ID,
  type DiscoveredFeed,
  type Feed,
  type FeedId,
  type OpmlImportReport,
} from '../../../shared/domain.js';
import { messageOf } from '../../../shared/error-message.js';
import { parseHttpUrl } from '../../../shared/url.js';
import { discoverFeeds } from '../feeds/discover.js';
import { FetchError, type FetchOptions } from '../feeds/fetch.js';
import { parseOpml, writeOpml } from '../feeds/opml.js';
import type { Poller } from '../poller/poller.js';
import * as articles from '../store/articles.js';
import * as feeds from '../store/feeds.js';
import { recordFeedAction } from '../store/outbox.js';
import * as tags from '../store/tags.js';
import type { AfterRefresh } from './after-refresh.js';
import type { ReaderContext } from './reader-context.js';
import { UserError } from './user-error.js';

/** How many of a feed's latest articles get their full text when the user turns it on. */
const FULL_TEXT_BACKFILL = 50;

/** The refresh interval a feed may have: the poller's floor, and a week. */
export const REFRESH_MINUTES = { min: 5, max: 7 * 24 * 60 } as const;

export class FeedUseCases {
  constructor(
    private readonly ctx: ReaderContext,
    private readonly fetchOptions: FetchOptions,
    private readonly poller: Poller,
    private readonly afterRefresh: AfterRefresh,
  ) {}

  requireFeed(id: FeedId): Feed {
    const feed = feeds.getFeed(this.ctx.db, id);
    if (!feed) throw new UserError(`There is no feed with id ${id}`);
    return feed;
  }

  listFeeds(): Feed[] {
    return feeds.listFeeds(this.ctx.db);
  }

  async discoverFeeds(url: string): Promise<DiscoveredFeed[]> {
    try {
      return await discoverFeeds(url, this.fetchOptions);
    } catch (error) {
      if (error instanceof FetchError) throw new UserError(`Could not open ${url}: ${error.message}`);
      throw error;
    }
  }

  async addFeed(request: AddFeedRequest): Promise<AddFeedResult> {
    const { db } = this.ctx;
    const address = request.url.trim();
    if (address === '') throw new UserError('Enter the address of a feed or of a site');
    const accountId = request.accountId ?? LOCAL_ACCOUNT_ID;
    const direct = parseHttpUrl(address);
    if (direct) {
      const existing = feeds.findFeedByUrl(db, direct.href, accountId);
      if (existing) return { kind: 'exists', feed: existing };
    }
    const candidates = await this.candidatesFor(address, accountId);
    if (candidates.length === 0) {
      throw new UserError(
        `No feed was found at ${address}. Check the address, or look for an RSS or Atom link on the site.`,
      );
    }
    if (candidates.length > 1) return { kind: 'choose', candidates };
    const candidate = candidates[0]!;
    // A sync account's feed is subscribed on its server by the next sync (the outbox), which
    // then fetches it; Syndic never polls it itself.
    const { feed, created } = db.transaction(() => {
      const inserted = feeds.insertFeed(
        db,
        { url: candidate.url, title: candidate.title, userTitle: request.title ?? null, accountId },
        this.ctx.now(),
      );
      if (inserted.created && accountId !== LOCAL_ACCOUNT_ID) {
        recordFeedAction(db, inserted.feed.id, 'subscribe', null, this.ctx.now());
      }
      return inserted;
    })();
    if (request.tags?.length)
      tags.setFeedTags(db, feed.id, [...new Set([...this.tagNames(feed), ...request.tags])], this.ctx.now());
    if (request.fetchFullText) feeds.updateFeedSettings(db, feed.id, { fetchFullText: true });
    if (created && accountId === LOCAL_ACCOUNT_ID) await this.poller.refresh([feed.id]).catch(() => undefined);
    this.ctx.countsChanged([feed.id]);
    return { kind: created ? 'added' : 'exists', feed: this.requireFeed(feed.id) };
  }

  /**
   * The feeds at an address. For a sync account the server fetches the feed, and Syndic
   * may not reach it at all (a server's own network, a host only it resolves): an address
   * Syndic cannot open is given to the server as typed, which discovers or refuses it.
   */
  private async candidatesFor(address: string, accountId: number): Promise<DiscoveredFeed[]> {
    try {
      return await this.discoverFeeds(address);
    } catch (error) {
      const direct = parseHttpUrl(address);
      if (accountId === LOCAL_ACCOUNT_ID || !direct || !(error instanceof UserError)) throw error;
      return [{ url: direct.href, title: null, type: 'unknown' }];
    }
  }

  private tagNames(feed: Feed): string[] {
    const byId = new Map(tags.listTagRows(this.ctx.db).map((t) => [t.id, t.name]));
    return feed.tags.map((id) => byId.get(id)).filter((n): n is string => n != null);
  }

  updateFeed(feedId: FeedId, patch: FeedPatch): Feed {
    const { db } = this.ctx;
    const before = this.requireFeed(feedId);
    if (patch.url !== undefined) {
      const url = parseHttpUrl(patch.url);
      if (!url) throw new UserError(`"${patch.url}" is not an http or https address`);
      const other = feeds.findFeedByUrl(db, url.href);
      if (other && other.id !== feedId) throw new UserError(`Another feed already uses ${url.href}`);
      patch = { ...patch, url: url.href };
    }
    if (
      patch.refreshMinutes != null &&
      (patch.refreshMinutes < REFRESH_MINUTES.min || patch.refreshMinutes > REFRESH_MINUTES.max)
    ) {
      throw new UserError('The refresh interval must be between 5 minutes and 7 days');
    }
    feeds.updateFeedSettings(db, feedId, patch);
    if (patch.fetchFullText && !before.fetchFullText) {
      // Turning full articles on fetches them for what the feed already has, not only for what comes next.
      this.afterRefresh.queueForOffline(articles.withoutFullContent(db, feedId, FULL_TEXT_BACKFILL));
    }
    this.ctx.emit('feeds-changed', { feedIds: [feedId] });
    return this.requireFeed(feedId);
  }

  deleteFeed(feedId: FeedId): void {
    this.requireFeed(feedId);
    feeds.deleteFeed(this.ctx.db, feedId);
    this.ctx.countsChanged([feedId]);
  }

  importOpml(text: string): OpmlImportReport {
    const { db } = this.ctx;
    const parsed = parseOpml(text);
    const report: OpmlImportReport = { added: 0, skipped: 0, tagsCreated: 0, problems: parsed.problems };
    const tagsBefore = tags.listTagRows(db).length;
    const now = this.ctx.now();
    // Counted by feed, not by line: an export lists a feed once under each of its folders,
    // and its second line is the same new feed, not one "already followed".
    const added = new Set<FeedId>();
    const existing = new Set<FeedId>();
    db.transaction(() => {
      for (const entry of parsed.feeds) {
        try {
          const { feed, created } = feeds.insertFeed(
            db,
            { url: entry.url, title: entry.title, siteUrl: entry.siteUrl },
            now,
          );
          // A feed already subscribed is skipped; its folders still tag it.
          if (created) added.add(feed.id);
          else if (!added.has(feed.id)) existing.add(feed.id);
          for (const name of entry.tags) tags.addFeedTag(db, feed.id, tags.ensureTag(db, name, now));
        } catch (error) {
          report.problems.push({ line: entry.line, message: messageOf(error) });
        }
      }
    })();
    report.added = added.size;
    report.skipped = existing.size;
    report.tagsCreated = tags.listTagRows(db).length - tagsBefore;
    report.problems.sort((a, b) => a.line - b.line);
    this.ctx.countsChanged([]);
    return report;
  }

  exportOpml(): string {
    const { db } = this.ctx;
    const names = new Map(tags.listTagRows(db).map((t) => [t.id, t.name]));
    return writeOpml(
      feeds.listFeeds(db).map((f) => ({
        url: f.url,
        title: f.userTitle ?? f.title ?? f.url,
        siteUrl: f.siteUrl,
        tags: f.tags.map((id) => names.get(id)!).filter(Boolean),
      })),
      new Date(this.ctx.now()),
    );
  }
}
