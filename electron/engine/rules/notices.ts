/**
 * Desktop notifications for new articles. The write paths tell this what each feed's
 * write inserted (new-article-hooks.ts); when the refresh or sync ends, the articles are
 * grouped by what asked to hear about them, and one notice goes out per group ("5 new in
 * Security"), never one per article. Who asks, first claim wins, so an article is in one
 * notice only: a rule's notify action, then a saved view, a tag, a feed.
 *
 * Never notified: a feed's first articles (a new or imported feed, an account's first
 * sync: its back catalogue), anything while Do not disturb is on, and, for tags and feeds,
 * articles a rule already marked read or muted.
 */
import type { ArticleId, NewArticlesNotice } from '../../../shared/domain.js';
import { viewQuery, type SavedView } from '../../../shared/saved-views.js';
import type { ReaderContext } from '../reader/reader-context.js';
import { idsInView, newArticleRows, notifyingFeeds, notifyingTagsByFeed } from '../store/notice-sources.js';
import { getSettings } from '../store/settings.js';
import type { InsertedArticles } from './new-article-hooks.js';

/** More groups than this in one refresh become one notice for the rest. */
const MAX_NOTICES = 4;
/**
 * How long a saved view that searches waits for the index to take in the new articles
 * (it is written behind the refresh, schema 11); past it, those not yet indexed are left
 * to the tag's or the feed's notice.
 */
const INDEX_WAIT_MS = 10_000;

interface Group {
  source: string;
  ids: ArticleId[];
}

export class Notices {
  private pending: InsertedArticles[] = [];

  constructor(
    private readonly ctx: ReaderContext,
    private readonly savedViews: () => SavedView[],
    /** The search index: waits until it has caught up, or the time has passed. */
    private readonly searchIndex: { caughtUp: (timeoutMs: number) => Promise<unknown> },
  ) {}

  /** The hook the write paths call (inside their transaction: it only takes note). */
  collector(): (inserted: InsertedArticles) => void {
    return (inserted) => {
      if (!inserted.firstFetch) this.pending.push(inserted);
    };
  }

  /**
   * A refresh or a sync ended: send what it brought, grouped. Returns what was sent; at
   * once, unless a saved view that notifies searches: then once the index has the articles.
   */
  async send(): Promise<NewArticlesNotice[]> {
    const batch = this.pending;
    this.pending = [];
    const { db } = this.ctx;
    try {
      if (!batch.length || !db.open || getSettings(db).doNotDisturb) return [];
      if (this.savedViews().some((v) => v.notify && viewQuery(v).search)) {
        await this.searchIndex.caughtUp(INDEX_WAIT_MS);
        if (!db.open) return [];
      }
      const notices = this.noticesFor(batch);
      for (const notice of notices) this.ctx.emit('new-articles-notice', notice);
      return notices;
    } catch (error) {
      // Called when a refresh ends, by no one who could answer: a missed notice is no
      // reason to stop the engine.
      console.error(`Syndic: could not send the new-article notices: ${String(error)}`);
      return [];
    }
  }

  private noticesFor(batch: readonly InsertedArticles[]): NewArticlesNotice[] {
    const { db } = this.ctx;
    const rows = newArticleRows(
      db,
      batch.flatMap((b) => b.ids),
    );
    if (!rows.length) return [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    const claimed = new Set<ArticleId>();
    const groups = new Map<string, Group>();
    const claim = (key: string, source: string, id: ArticleId): void => {
      if (claimed.has(id) || !byId.has(id)) return;
      claimed.add(id);
      const group = groups.get(key) ?? groups.set(key, { source, ids: [] }).get(key)!;
      group.ids.push(id);
    };
    // 1. Rules that said "notify", in the order the articles arrived.
    for (const { ruled } of batch)
      for (const { id, outcome } of ruled) for (const name of outcome.notify) claim(`rule:${name}`, name, id);
    // 2. Saved views with notifications on, asked in one query each over just these articles.
    const ids = rows.map((r) => r.id);
    for (const view of this.savedViews().filter((v) => v.notify)) {
      const inView = idsInView(db, viewQuery(view), ids, this.ctx.now());
      for (const id of ids) if (inView.has(id)) claim(`view:${view.id}`, view.name, id);
    }
    // 3. Tags, then 4. feeds: what the user did not already dismiss by rule.
    const tagsByFeed = notifyingTagsByFeed(db);
    const feeds = notifyingFeeds(db);
    for (const row of rows) {
      if (row.read || row.muted) continue;
      const tag = tagsByFeed.get(row.feedId)?.[0];
      if (tag !== undefined) claim(`tag:${tag}`, tag, row.id);
      const feed = feeds.get(row.feedId);
      if (feed !== undefined) claim(`feed:${row.feedId}`, feed, row.id);
    }
    return this.word([...groups.values()], byId, new Map(ids.map((id, place) => [id, place])));
  }

  /** `place`: each article's place newest first (ids are in arrival order, not in date order). */
  private word(
    groups: Group[],
    byId: Map<ArticleId, { title: string | null }>,
    place: Map<ArticleId, number>,
  ): NewArticlesNotice[] {
    const newestFirst = (a: ArticleId, b: ArticleId): number => place.get(a)! - place.get(b)!;
    // Newest article first within a group; the biggest groups first.
    for (const g of groups) g.ids.sort(newestFirst);
    groups.sort((a, b) => b.ids.length - a.ids.length);
    const shown = groups.length > MAX_NOTICES ? groups.slice(0, MAX_NOTICES - 1) : groups;
    const rest = groups.slice(shown.length);
    if (rest.length) {
      const ids = rest.flatMap((g) => g.ids).sort(newestFirst);
      shown.push({ source: rest.map((g) => g.source).join(', '), ids });
    }
    return shown.map((g) => {
      const newest = g.ids[0]!;
      return {
        title: `${g.ids.length} new in ${g.source}`,
        source: g.source,
        body: byId.get(newest)?.title ?? '',
        articleId: newest,
        count: g.ids.length,
      };
    });
  }
}
