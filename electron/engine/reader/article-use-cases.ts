/** The use cases of reading: list and open articles, mark read (with undo), star, full text. */
import type { ArticleCount, MarkReadResult } from '../../../shared/api.js';
import { cachedImageAddress } from '../../../shared/cached-image.js';
import type { Article, ArticleCursor, ArticleId, ArticlePage, ArticleQuery } from '../../../shared/domain.js';
import { messageOf } from '../../../shared/error-message.js';
import type { OfflineCache } from '../offline/offline-cache.js';
import * as articles from '../store/articles.js';
import { cachedImagesOf, touchArticleImages } from '../store/images.js';
import { getSettings } from '../store/settings.js';
import type { ReaderContext } from './reader-context.js';
import type { UndoLog } from './undo-log.js';
import { UserError } from './user-error.js';

/** The most articles one page of a list may hold. */
export const PAGE_LIMIT = 500;

/**
 * Counts stop here: past it the header says "1,000+". Counting a common word exactly at a
 * million articles would read every one of its matches; stopping bounds a count to about
 * a thousand rows, a few milliseconds.
 */
export const COUNT_CAP = 1000;

export class ArticleUseCases {
  constructor(
    private readonly ctx: ReaderContext,
    private readonly offline: OfflineCache,
    private readonly undo: UndoLog,
  ) {}

  listArticles(query: ArticleQuery, after: ArticleCursor | null, limit: number): ArticlePage {
    const dedupe = query.dedupe ?? getSettings(this.ctx.db).dedupe;
    const pageSize = Math.max(1, Math.min(limit, PAGE_LIMIT));
    return articles.listArticles(this.ctx.db, { ...query, dedupe }, after, pageSize, this.ctx.now());
  }

  countArticles(query: ArticleQuery): ArticleCount {
    // The same "show a post once" default as the list, so the count is what the list shows.
    const dedupe = query.dedupe ?? getSettings(this.ctx.db).dedupe;
    const n = articles.countArticles(this.ctx.db, { ...query, dedupe }, COUNT_CAP + 1, this.ctx.now());
    return { count: Math.min(n, COUNT_CAP), capped: n > COUNT_CAP };
  }

  getArticle(articleId: ArticleId): Article | null {
    const article = articles.getArticle(this.ctx.db, articleId);
    if (!article) return null;
    // Opening an article makes its images the last the cache would evict.
    touchArticleImages(this.ctx.db, articleId, this.ctx.now());
    return this.withCachedImages(article);
  }

  private withCachedImages(article: Article): Article {
    const cached: Record<string, string> = {};
    for (const [url, hash] of cachedImagesOf(this.ctx.db, article.id)) cached[url] = cachedImageAddress(hash);
    return { ...article, cachedImages: cached };
  }

  markRead(articleIds: ArticleId[], read: boolean): MarkReadResult {
    const changed = articles.markRead(this.ctx.db, articleIds, read);
    if (changed.length) this.ctx.countsChanged(articles.articleFeedIds(this.ctx.db, changed));
    return { count: changed.length, undoToken: this.undo.remember(changed, read) };
  }

  markViewRead(query: ArticleQuery, before: number | null): MarkReadResult {
    const changed = articles.markViewRead(this.ctx.db, query, before, this.ctx.now());
    if (changed.length) this.ctx.countsChanged(articles.articleFeedIds(this.ctx.db, changed));
    return { count: changed.length, undoToken: this.undo.remember(changed, true) };
  }

  undoMarkRead(undoToken: string): number {
    const entry = this.undo.take(undoToken);
    if (!entry) throw new UserError('There is nothing to undo any more');
    // Exactly the articles that changed go back, copies included (they were in the list).
    const count = articles.setReadExactly(this.ctx.db, entry.ids, !entry.read);
    this.ctx.countsChanged(articles.articleFeedIds(this.ctx.db, entry.ids));
    return count;
  }

  setStarred(articleId: ArticleId, starred: boolean): void {
    if (!articles.setStarred(this.ctx.db, articleId, starred))
      throw new UserError(`There is no article with id ${articleId}`);
    this.ctx.countsChanged([]);
  }

  async fetchFullArticle(articleId: ArticleId): Promise<Article> {
    if (!articles.getArticle(this.ctx.db, articleId)) throw new UserError(`There is no article with id ${articleId}`);
    try {
      await this.offline.cacheArticle(articleId, true);
    } catch (error) {
      const reason = messageOf(error);
      throw new UserError(`The full article could not be fetched: ${reason}. The feed's own text is still shown.`);
    }
    this.ctx.emit('articles-changed', { feedIds: [] });
    return this.withCachedImages(articles.getArticle(this.ctx.db, articleId)!);
  }
}
