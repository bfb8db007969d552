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
import { prepared, type Db } from './db.js';
import { CountDeltas } from './feed-counts.js';
import { recordArticleAction, recordArticleTag } from './outbox.js';
import { ensureTag } from './tags.js';

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
  // Set-based, not the user's one-article functions in a loop: a rule set may act on most of
  // a cold refresh's 20,000 articles, and a call per article (its savepoint, its statements,
  // its outbox statements) cost that refresh's writes several times the CPU this does
  // (docs/performance.md, "Rules"). The counts and outbox records are the ones
  // setReadExactly and setStarred keep. For a new article most of this finds nothing to do
  // (the insert wrote its flags, article-upsert.ts) unless a sync set the server's state since.
  db.transaction(() => {
    const ids = (pick: (o: RuleOutcome) => boolean): ArticleId[] =>
      ruled.filter(({ outcome }) => pick(outcome)).map(({ id }) => id);
    // 1. Read, muted ones too: the feeds' unread counters follow, and the outbox.
    const toRead = ids((o) => o.read || o.mute);
    if (toRead.length) {
      const read = prepared<[string], { id: number; feed_id: number }>(
        db,
        'UPDATE articles SET read = 1 WHERE id IN (SELECT value FROM json_each(?)) AND read = 0 RETURNING id, feed_id',
      ).all(JSON.stringify(toRead));
      const counts = new CountDeltas();
      for (const row of read) counts.readChanged(row.feed_id, true);
      counts.apply(db);
      recordArticleAction(
        db,
        read.map((r) => r.id),
        'read',
        now,
      );
    }
    // 2. Muted; starred, and the outbox; the full-text queue.
    const toMute = ids((o) => o.mute);
    if (toMute.length)
      prepared(db, 'UPDATE articles SET muted = 1 WHERE id IN (SELECT value FROM json_each(?)) AND muted = 0').run(
        JSON.stringify(toMute),
      );
    const toStar = ids((o) => o.star);
    if (toStar.length) {
      const starred = prepared<[string], { id: number }>(
        db,
        'UPDATE articles SET starred = 1 WHERE id IN (SELECT value FROM json_each(?)) AND starred = 0 RETURNING id',
      ).all(JSON.stringify(toStar));
      recordArticleAction(
        db,
        starred.map((r) => r.id),
        'star',
        now,
      );
    }
    const fullText = prepared(
      db,
      `INSERT INTO offline_queue (article_id, queued_at, full_text) VALUES (?, ?, 1)
       ON CONFLICT (article_id) DO UPDATE SET full_text = 1`,
    );
    for (const { id, outcome } of ruled) if (outcome.fullText) fullText.run(id, now);
    // 3. Tags: each found or created once; a synced article's new tag goes to the outbox.
    const tags = new Map<string, { id: number; name: string }>();
    const addTag = prepared(db, 'INSERT OR IGNORE INTO article_tags (tag_id, article_id) VALUES (?, ?)');
    const nameOf = prepared<[number], { name: string }>(db, 'SELECT name FROM tags WHERE id = ?');
    const tagged = ruled.filter(({ outcome }) => outcome.tags.length > 0);
    const synced = tagged.length
      ? syncedArticles(
          db,
          tagged.map(({ id }) => id),
        )
      : new Set<ArticleId>();
    for (const { id, outcome } of tagged) {
      for (const wanted of outcome.tags) {
        let tag = tags.get(wanted);
        if (!tag) {
          const tagId = ensureTag(db, wanted, now);
          tags.set(wanted, (tag = { id: tagId, name: nameOf.get(tagId)?.name ?? wanted }));
        }
        if (addTag.run(tag.id, id).changes > 0 && synced.has(id)) recordArticleTag(db, id, tag.name, true, now);
      }
    }
  })();
}

/** Those of the articles that belong to a sync account (only their changes go to an outbox). */
function syncedArticles(db: Db, ids: readonly ArticleId[]): Set<ArticleId> {
  return new Set(
    prepared<[string], { article_id: number }>(
      db,
      'SELECT article_id FROM synced_articles WHERE article_id IN (SELECT value FROM json_each(?))',
    )
      .all(JSON.stringify(ids))
      .map((r) => r.article_id),
  );
}

/** Whether a rule asked for this queued article's full text (the offline cache fetches it then). */
export function wantsFullText(db: Db, id: ArticleId): boolean {
  return (
    prepared<[number], { full_text: number }>(db, 'SELECT full_text FROM offline_queue WHERE article_id = ?').get(id)
      ?.full_text === 1
  );
}
