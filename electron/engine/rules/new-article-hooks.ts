/**
 * What the write paths (a feed's refresh, an account's sync) call for new articles: the
 * rules, inside the transaction that inserts them, and the notifications, told which
 * articles arrived. Both paths take the same hooks, so a rule treats an article alike
 * whichever account brought it.
 */
import type { ArticleId, FeedId } from '../../../shared/domain.js';
import type { ClassifyArticle, RuledArticle } from '../store/rule-outcome.js';

/** New articles one feed's write inserted. */
export interface InsertedArticles {
  feedId: FeedId;
  ids: ArticleId[];
  /** Those some rule matched, with what it decided (a rule may ask to notify). */
  ruled: RuledArticle[];
  /** The feed's first articles (a new or imported feed, an account's first sync): never notified. */
  firstFetch: boolean;
}

export interface NewArticleHooks {
  /** The rules as they are now (recompiled when they change). */
  classify: ClassifyArticle;
  /** Whether the rules read articles' text: the parse worker then makes it (off this thread). */
  readsText?: () => boolean;
  /** Called inside the inserting transaction, once the rules' outcomes are written. */
  inserted: (inserted: InsertedArticles) => void;
}
