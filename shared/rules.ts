/**
 * Rules: what happens to a new article before it shows up anywhere. A rule is conditions
 * (all or any of them must hold) and actions, run in the user's order on every new
 * article of every account; `stop` ends the run for that article.
 *
 * The same shape is stored, crosses the ReaderApi, and is what `syndic rules export`
 * writes and `import` reads, so a file round-trips exactly. Pure: no Node, no DOM.
 */
import { z } from 'zod';

export type RuleId = number;

/** What a condition looks at. `content` is the article's text without markup; `domain` the link's host. */
export type RuleField = 'title' | 'content' | 'author' | 'link' | 'domain' | 'feed' | 'tag' | 'enclosure';
export const RULE_FIELDS: readonly RuleField[] = [
  'title',
  'content',
  'author',
  'link',
  'domain',
  'feed',
  'tag',
  'enclosure',
];

/**
 * How a condition compares. `contains` and `is` ignore case and accents; `matches` is a
 * regular expression run by a linear-time engine (RE2 syntax: no backreferences or
 * lookaround), so no pattern can stall a refresh.
 */
export type RuleOperator = 'contains' | 'not-contains' | 'is' | 'matches';
export const RULE_OPERATORS: readonly RuleOperator[] = ['contains', 'not-contains', 'is', 'matches'];

/**
 * One condition. For `feed`, the value is compared with the feed's name and its address;
 * for `tag`, with each of the feed's tag names (the condition holds when one does); for
 * `enclosure`, with each attachment's MIME type ("audio/mpeg"; `contains` "audio").
 */
export interface RuleCondition {
  field: RuleField;
  op: RuleOperator;
  value: string;
}

export type RuleAction =
  | { type: 'mark-read' }
  | { type: 'star' }
  | { type: 'tag'; tag: string }
  /** Read, and hidden from All and Unread; still in its feed, its tags and searches. */
  | { type: 'mute' }
  | { type: 'notify' }
  /** Fetch and keep the full article (readability), as the feed's "full text" setting does. */
  | { type: 'full-text' }
  /** No later rule runs on this article. */
  | { type: 'stop' };
export type RuleActionType = RuleAction['type'];
export const RULE_ACTION_TYPES: readonly RuleActionType[] = [
  'mark-read',
  'star',
  'tag',
  'mute',
  'notify',
  'full-text',
  'stop',
];

/** A rule as the user writes it (the editor, an import file). */
export interface RuleDraft {
  name: string;
  enabled: boolean;
  match: 'all' | 'any';
  conditions: RuleCondition[];
  actions: RuleAction[];
}

/** A stored rule: the draft, with its id and place in the order (0 runs first). */
export interface Rule extends RuleDraft {
  id: RuleId;
  position: number;
}

/** The most rules, conditions per rule and characters per value a rule set may hold. */
export const RULE_LIMITS = { rules: 1000, conditions: 50, actions: 20, value: 1000, name: 200 } as const;

const text = (max: number) => z.string().max(max);

export const ruleConditionSchema = z.strictObject({
  field: z.enum(RULE_FIELDS as [RuleField, ...RuleField[]]),
  op: z.enum(RULE_OPERATORS as [RuleOperator, ...RuleOperator[]]),
  value: text(RULE_LIMITS.value).min(1, 'a condition needs a value'),
});

export const ruleActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('mark-read') }),
  z.strictObject({ type: z.literal('star') }),
  z.strictObject({ type: z.literal('tag'), tag: text(200).trim().min(1, 'a tag action needs a tag name') }),
  z.strictObject({ type: z.literal('mute') }),
  z.strictObject({ type: z.literal('notify') }),
  z.strictObject({ type: z.literal('full-text') }),
  z.strictObject({ type: z.literal('stop') }),
]);

export const ruleDraftSchema = z.strictObject({
  name: text(RULE_LIMITS.name).trim().min(1, 'a rule needs a name'),
  enabled: z.boolean(),
  match: z.enum(['all', 'any']),
  conditions: z.array(ruleConditionSchema).min(1, 'a rule needs a condition').max(RULE_LIMITS.conditions),
  actions: z.array(ruleActionSchema).min(1, 'a rule needs an action').max(RULE_LIMITS.actions),
});

/** The file `syndic rules export` writes: the rules in their order. */
export interface RulesFile {
  syndicRules: 1;
  rules: RuleDraft[];
}

/** What "Run on existing articles" (and its preview) reports. */
export interface RuleRunReport {
  /** Articles the rule's conditions match. */
  matched: number;
  /** Articles an action changed (already read ones are not counted for mark-read). */
  changed: number;
}

/** The editor's live preview: how many stored articles match, and the newest of them. */
export interface RulePreview {
  matched: number;
  /** More articles were not looked at (the preview reads the newest ones only). */
  partial: boolean;
  newest: import('./domain.js').ArticleSummary[];
  /** Why the draft cannot run (a pattern RE2 refuses), naming the condition; null when it can. */
  problem: string | null;
}

export interface RulesImportReport {
  imported: number;
}
