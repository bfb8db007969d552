/**
 * The rules as the write paths run them, on every new article of a refresh or a sync,
 * inside the transaction that inserts it. Compiled once and kept until they change: the
 * use cases drop them after each edit here, and another connection's commit (`syndic
 * rules import` while the app runs, a restored backup) is noticed by SQLite's
 * data_version, checked once per synchronous stretch of writing, not per article. A
 * feed's names and tags are read once per stretch too (a feed's articles are written in
 * one), so a rename or a new tag counts from the next refresh on.
 */
import type { FeedId } from '../../../shared/domain.js';
import type { Rule } from '../../../shared/rules.js';
import type { PreparedItem } from '../feeds/prepare-item.js';
import type { Db } from '../store/db.js';
import type { ClassifyArticle, RuleOutcome } from '../store/rule-outcome.js';
import { feedNamesAndTags, otherWritersVersion } from '../store/rules.js';
import { itemFacts, type FeedFacts } from './article-facts.js';
import type { ArticleView } from './article-view.js';
import { compileRule, type CompiledRule } from './compiled-rule.js';
import { RuleSet } from './rule-set.js';

/** The enabled rules that compile, in order; one that does not is left out and logged. */
export function compileEnabled(rules: readonly Rule[]): RuleSet {
  const compiled: CompiledRule[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    try {
      compiled.push(compileRule(rule, rule.id));
    } catch (error) {
      console.error(`Syndic: rule ${rule.id} ("${rule.name}") left out: ${String(error)}`);
    }
  }
  return new RuleSet(compiled);
}

export class RuleClassifier {
  private set: RuleSet | null = null;
  private view: ArticleView | null = null;
  private otherWriters = -1;
  /** The version was checked in this synchronous stretch (cleared by a microtask). */
  private checked = false;
  private readonly feeds = new Map<FeedId, FeedFacts>();
  private failed = false;

  constructor(
    private readonly db: Db,
    private readonly rules: () => Rule[],
  ) {}

  /** The rules were changed on this connection: compile them again before the next article. */
  invalidate(): void {
    this.set = null;
  }

  /** Whether a rule reads an article's text (asked before each feed is parsed). */
  readonly readsText = (): boolean => {
    try {
      return this.current().readsText;
    } catch {
      return false;
    }
  };

  readonly classify: ClassifyArticle = (feedId: FeedId, item: PreparedItem): RuleOutcome | null => {
    try {
      const set = this.current();
      if (set.rules.length === 0) return null;
      const view = this.view!;
      view.load(itemFacts(feedId, item));
      return set.classify(view);
    } catch (error) {
      // A fault here must not cost the feed its new articles: they arrive unruled.
      if (!this.failed) console.error('Syndic: the rules could not run on a new article', error);
      this.failed = true;
      return null;
    }
  };

  private current(): RuleSet {
    if (!this.checked) {
      this.checked = true;
      queueMicrotask(() => {
        this.checked = false;
        this.feeds.clear();
      });
      const version = otherWritersVersion(this.db);
      if (version !== this.otherWriters) {
        this.otherWriters = version;
        this.set = null;
      }
    }
    if (!this.set) {
      this.set = compileEnabled(this.rules());
      this.view = this.set.view((feedId) => this.feedFacts(feedId));
    }
    return this.set;
  }

  private feedFacts(feedId: FeedId): FeedFacts {
    let facts = this.feeds.get(feedId);
    if (!facts) this.feeds.set(feedId, (facts = feedNamesAndTags(this.db, feedId)));
    return facts;
  }
}
