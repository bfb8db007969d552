/**
 * The words of rules: each field, comparison and action by its catalogue id, and a rule in
 * one line for the Rules dialog ("Title contains “Sponsored” → Mute").
 */
import type { Rule, RuleAction, RuleActionType, RuleField, RuleOperator } from '../../../shared/rules.js';
import type { MessageId } from '../i18n/messages-en.js';
import { t } from '../i18n/translate.js';

export const FIELD_LABELS: Record<RuleField, MessageId> = {
  title: 'rules.field.title',
  content: 'rules.field.content',
  author: 'rules.field.author',
  link: 'rules.field.link',
  domain: 'rules.field.domain',
  feed: 'rules.field.feed',
  tag: 'rules.field.tag',
  enclosure: 'rules.field.enclosure',
};

export const OPERATOR_LABELS: Record<RuleOperator, MessageId> = {
  contains: 'rules.op.contains',
  'not-contains': 'rules.op.notContains',
  is: 'rules.op.is',
  matches: 'rules.op.matches',
};

export const ACTION_LABELS: Record<RuleActionType, MessageId> = {
  'mark-read': 'rules.action.markRead',
  star: 'rules.action.star',
  tag: 'rules.action.tag',
  mute: 'rules.action.mute',
  notify: 'rules.action.notify',
  'full-text': 'rules.action.fullText',
  stop: 'rules.action.stop',
};

/** Actions in a rule's one-line summary: shorter than the editor's choices. */
const ACTION_SUMMARIES: Record<Exclude<RuleActionType, 'tag'>, MessageId> = {
  'mark-read': 'rules.summary.markRead',
  star: 'rules.summary.star',
  mute: 'rules.summary.mute',
  notify: 'rules.summary.notify',
  'full-text': 'rules.summary.fullText',
  stop: 'rules.summary.stop',
};

function actionText(action: RuleAction): string {
  return action.type === 'tag' ? t('rules.summary.tagAction', { tag: action.tag }) : t(ACTION_SUMMARIES[action.type]);
}

/** A rule in one line: its conditions joined by "and" or "or", then its actions. */
export function ruleSummary(rule: Pick<Rule, 'match' | 'conditions' | 'actions'>): string {
  const conditions = rule.conditions.map((c) =>
    t('rules.summary.condition', { field: t(FIELD_LABELS[c.field]), op: t(OPERATOR_LABELS[c.op]), value: c.value }),
  );
  const join = rule.match === 'all' ? 'rules.summary.and' : 'rules.summary.or';
  const when = conditions.length ? conditions.reduce((first, next) => t(join, { first, next })) : '';
  return t('rules.summary', { when, then: rule.actions.map(actionText).join(t('rules.summary.listSeparator')) });
}
