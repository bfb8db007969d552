/**
 * A rule over stored articles: the editor's live preview (how many of the newest articles
 * the conditions match, and the newest of those) and "Run on existing articles" (the
 * rule's actions on every stored article it matches). Both read in batches, newest first,
 * with the same view and conditions as the write path, so what the preview shows is what
 * the rule does to new articles.
 */
import type { ArticleId, FeedId } from '../../../shared/domain.js';
import type { RulePreview, RuleRunReport } from '../../../shared/rules.js';
import { articleSummaries } from '../store/articles.js';
import type { Db } from '../store/db.js';
import { applyRuleOutcomes, type RuledArticle, type RuleOutcome } from '../store/rule-outcome.js';
import { hasArticlesBefore, scanArticles, type ArticleState, type ScanWants } from '../store/rule-scan.js';
import { feedNamesAndTags } from '../store/rules.js';
import { cleanTagName } from '../store/tags.js';
import { storedFacts, type FeedFacts } from './article-facts.js';
import { FIELD } from './article-view.js';
import { ruleMatches, type CompiledRule } from './compiled-rule.js';
import { addActions, emptyOutcome, RuleSet } from './rule-set.js';

/** The preview reads this many of the newest articles: enough to judge a rule, quick to type against. */
export const PREVIEW_SCAN = 5_000;
/** The matches the preview lists. */
export const PREVIEW_NEWEST = 20;
const BATCH = 500;

/** Each feed's names and tags, read once per run. */
function feedFactsOf(db: Db): (feedId: FeedId) => FeedFacts {
  const feeds = new Map<FeedId, FeedFacts>();
  return (feedId) => {
    let facts = feeds.get(feedId);
    if (!facts) feeds.set(feedId, (facts = feedNamesAndTags(db, feedId)));
    return facts;
  };
}

function wantsOf(rule: CompiledRule, state: boolean): ScanWants {
  const reads = (field: number): boolean => rule.conditions.some((c) => c.field === field);
  return { html: reads(FIELD.content), enclosures: reads(FIELD.enclosure), state };
}

/**
 * Runs over stored articles newest first, up to `limit`, calling `matched` for each the
 * rule matches. Returns how many were read and the last one's sort key.
 */
function scan(
  db: Db,
  rule: CompiledRule,
  limit: number,
  state: boolean,
  matched: (row: { id: ArticleId; feedId: FeedId; state?: ArticleState }) => void,
  batchDone: () => void = () => {},
): { read: number; last: number | null } {
  const wants = wantsOf(rule, state);
  const view = new RuleSet([rule]).view(feedFactsOf(db));
  let read = 0;
  let last: number | null = null;
  while (read < limit) {
    const size = Math.min(BATCH, limit - read);
    const rows = scanArticles(db, last, size, wants);
    for (const row of rows) {
      view.load(storedFacts(row));
      if (ruleMatches(rule, view)) matched(row);
    }
    read += rows.length;
    if (rows.length) last = rows[rows.length - 1]!.key;
    batchDone();
    if (rows.length < size) break;
  }
  return { read, last };
}

export function previewRule(db: Db, rule: CompiledRule): RulePreview {
  let matched = 0;
  const newest: ArticleId[] = [];
  const { read, last } = scan(db, rule, PREVIEW_SCAN, false, ({ id }) => {
    matched++;
    if (newest.length < PREVIEW_NEWEST) newest.push(id);
  });
  const partial = read >= PREVIEW_SCAN && last !== null && hasArticlesBefore(db, last);
  return { matched, partial, newest: articleSummaries(db, newest), problem: null };
}

/** Tag names as the tags table compares them (NOCASE: ASCII letters only). */
function tagKey(name: string): string {
  return cleanTagName(name).replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** Whether applying the outcome changes anything about an article in this state. */
function changes(outcome: RuleOutcome, state: ArticleState, tagKeys: readonly string[]): boolean {
  return (
    ((outcome.read || outcome.mute) && !state.read) ||
    (outcome.mute && !state.muted) ||
    (outcome.star && !state.starred) ||
    (outcome.fullText && !state.fullText) ||
    tagKeys.some((key) => !state.tags.includes(key))
  );
}

/**
 * The rule's actions on every stored article it matches, a batch per transaction (a
 * synced article's changes go to the outbox with it, rule-outcome.ts). Notify is left
 * out: these articles are not news.
 */
export function applyRule(db: Db, rule: CompiledRule, now: number): RuleRunReport & { feedIds: FeedId[] } {
  const outcome = emptyOutcome();
  addActions(outcome, rule.name, rule.actions);
  outcome.notify = [];
  const tagKeys = outcome.tags.map(tagKey);
  let matched = 0;
  let changed = 0;
  let pending: RuledArticle[] = [];
  const feedIds = new Set<FeedId>();
  scan(
    db,
    rule,
    Infinity,
    true,
    ({ id, feedId, state }) => {
      matched++;
      if (!changes(outcome, state!, tagKeys)) return;
      pending.push({ id, outcome });
      feedIds.add(feedId);
    },
    () => {
      applyRuleOutcomes(db, pending, now);
      changed += pending.length;
      pending = [];
    },
  );
  return { matched, changed, feedIds: [...feedIds] };
}
