/**
 * What the rules decided for new articles, written in the transaction that inserted them
 * (see article-upsert.ts), so an article is never seen, counted or notified before its
 * rules have run. The decision itself is made outside the store (engine/rules/); here it
 * only becomes rows: read, starred and muted flags, tags, the full-text queue, and for a
 * sync account's article the outbox entries that send read, star and tags to its server,
 * exactly as the user's own changes do.
 */
import type { ArticleId, FeedId } from '../../../shared/domain.js';
import type { PreparedItem } from '../feeds/prepare-item.js';
import { setReadExactly, setStarred } from './articles.js';
import { prepared, type Db } from './db.js';
import { ensureTag, tagArticle } from './tags.js';

/** The sum of the actions every rule that matched asked for, in rule order up to a `stop`. */
export interface RuleOutcome {
  read: boolean;
  star: boolean;
  /** Read, and left out of All and Unread. */
  mute: boolean;
  /** Tag names to put on the article. */
  tags: string[];
  fullText: boolean;
  /** Names of the rules that asked for a notification. */
  notify: string[];
}

/** Runs the rules on one new article; null when no rule matched (most articles). */
export type ClassifyArticle = (feedId: FeedId, item: PreparedItem) => RuleOutcome | null;

export interface RuledArticle {
  id: ArticleId;
  outcome: RuleOutcome;
}

/**
 * Applies the outcomes. Call inside the inserting transaction; for a sync account's
 * articles, after they are mapped to their server ids (the outbox finds them through
 * that mapping).
 */
export function applyRuleOutcomes(db: Db, ruled: readonly RuledArticle[], now: number): void {
  if (!ruled.length) return;
  db.transaction(() => {
    const mute = prepared(db, 'UPDATE articles SET muted = 1 WHERE id = ?');
    const fullText = prepared(
      db,
      `INSERT INTO offline_queue (article_id, queued_at, full_text) VALUES (?, ?, 1)
       ON CONFLICT (article_id) DO UPDATE SET full_text = 1`,
    );
    for (const { id, outcome } of ruled) {
      if (outcome.read || outcome.mute) setReadExactly(db, [id], true);
      if (outcome.mute) mute.run(id);
      if (outcome.star) setStarred(db, id, true);
      for (const name of outcome.tags) tagArticle(db, id, ensureTag(db, name, now));
      if (outcome.fullText) fullText.run(id, now);
    }
  })();
}

/** Whether a rule asked for this queued article's full text (the offline cache fetches it then). */
export function wantsFullText(db: Db, id: ArticleId): boolean {
  return (
    prepared<[number], { full_text: number }>(db, 'SELECT full_text FROM offline_queue WHERE article_id = ?').get(id)
      ?.full_text === 1
  );
}
