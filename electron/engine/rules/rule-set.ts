/**
 * The enabled rules, compiled, in the order they run, and what running them on one
 * article decides: every matching rule's actions add up, until one says `stop`.
 */
import { assertNever } from '../../../shared/assert.js';
import type { RuleAction } from '../../../shared/rules.js';
import type { RuleOutcome } from '../store/rule-outcome.js';
import type { FeedFacts } from './article-facts.js';
import { ArticleView, FIELD, isScalar, type FieldIndex } from './article-view.js';
import { probesByField, ruleMatches, type CompiledRule } from './compiled-rule.js';
import { PatternGroups } from './pattern-groups.js';

/** From this many words to look for in one field, the field's text is sieved (text-sieve.ts). */
const SIEVE_FROM_PROBES = 3;

export function emptyOutcome(): RuleOutcome {
  return { read: false, star: false, mute: false, tags: [], fullText: false, notify: [] };
}

/** Adds a rule's actions to the outcome; true when one of them is `stop`. */
export function addActions(outcome: RuleOutcome, ruleName: string, actions: readonly RuleAction[]): boolean {
  let stop = false;
  for (const action of actions) {
    switch (action.type) {
      case 'mark-read':
        outcome.read = true;
        break;
      case 'star':
        outcome.star = true;
        break;
      case 'tag':
        if (!outcome.tags.includes(action.tag)) outcome.tags.push(action.tag);
        break;
      case 'mute':
        outcome.mute = true;
        break;
      case 'notify':
        if (!outcome.notify.includes(ruleName)) outcome.notify.push(ruleName);
        break;
      case 'full-text':
        outcome.fullText = true;
        break;
      case 'stop':
        stop = true;
        break;
      default:
        assertNever(action, 'rule action');
    }
  }
  return stop;
}

function decidesAnything(o: RuleOutcome): boolean {
  return o.read || o.star || o.mute || o.fullText || o.tags.length > 0 || o.notify.length > 0;
}

export class RuleSet {
  /** Scalar fields enough words are looked for in to sieve them. */
  private readonly sieveFields: FieldIndex[];
  private readonly groups: PatternGroups;
  /** A rule looks at an article's text: the parse worker makes it beside the item. */
  readonly readsText: boolean;

  constructor(readonly rules: readonly CompiledRule[]) {
    this.readsText = rules.some((r) => r.conditions.some((c) => c.field === FIELD.content));
    const probes = new Map<FieldIndex, number>();
    for (const rule of rules)
      for (const [field, n] of probesByField(rule)) probes.set(field, (probes.get(field) ?? 0) + n);
    this.sieveFields = [...probes].filter(([f, n]) => isScalar(f) && n >= SIEVE_FROM_PROBES).map(([f]) => f);
    this.groups = new PatternGroups(
      rules.flatMap((r) =>
        r.conditions.flatMap((c) =>
          c.check.op === 'matches' && isScalar(c.field) ? [{ field: c.field, pattern: c.check.pattern }] : [],
        ),
      ),
    );
  }

  /** A view to load articles into, one after another. */
  view(feedFacts: (feedId: number) => FeedFacts): ArticleView {
    return new ArticleView(feedFacts, this.sieveFields, this.groups);
  }

  /** Runs the rules on the article loaded in the view; null when none decided anything. */
  classify(view: ArticleView): RuleOutcome | null {
    let outcome: RuleOutcome | null = null;
    for (const rule of this.rules) {
      if (!ruleMatches(rule, view)) continue;
      outcome ??= emptyOutcome();
      if (addActions(outcome, rule.name, rule.actions)) break;
    }
    return outcome && decidesAnything(outcome) ? outcome : null;
  }
}
