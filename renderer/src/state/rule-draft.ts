/**
 * The rule editor's draft, as pure rules: a new rule, changing one condition or action,
 * whether the draft is complete enough to preview and to save, and which condition row an
 * engine's problem ("a pattern RE2 refuses") belongs to.
 */
import type { Rule, RuleAction, RuleActionType, RuleCondition, RuleDraft, RuleField } from '../../../shared/rules.js';

export function newCondition(field: RuleField = 'title'): RuleCondition {
  return { field, op: 'contains', value: '' };
}

export function newAction(type: RuleActionType): RuleAction {
  return type === 'tag' ? { type, tag: '' } : { type };
}

export function newRuleDraft(): RuleDraft {
  return { name: '', enabled: true, match: 'all', conditions: [newCondition()], actions: [newAction('mark-read')] };
}

/** A stored rule as a draft: what updateRule takes back. */
export function draftOf(rule: Rule): RuleDraft {
  return {
    name: rule.name,
    enabled: rule.enabled,
    match: rule.match,
    conditions: rule.conditions,
    actions: rule.actions,
  };
}

/** The list with item `index` replaced. */
export function replaceAt<T>(items: readonly T[], index: number, item: T): T[] {
  return items.map((old, i) => (i === index ? item : old));
}

/** The list without item `index`. */
export function removeAt<T>(items: readonly T[], index: number): T[] {
  return items.filter((_, i) => i !== index);
}

/** An action changed to another type (a tag action keeps its tag name when it stays one). */
export function retypeAction(action: RuleAction, type: RuleActionType): RuleAction {
  if (type === action.type) return action;
  return newAction(type);
}

/** A draft the engine can preview, and where each of its conditions sits in the editor's rows. */
export interface PreviewDraft {
  draft: RuleDraft;
  /** The editor row of each condition sent (rows still without a value are left out). */
  rows: number[];
}

/** The draft as the preview sends it: the conditions with a value (an empty row is one being written). */
export function previewable(draft: RuleDraft): PreviewDraft | null {
  const rows = draft.conditions.flatMap((c, i) => (c.value.trim() !== '' ? [i] : []));
  if (!rows.length) return null;
  // The preview looks at the conditions only; a placeholder name and action keep the draft valid.
  return {
    draft: {
      ...draft,
      name: draft.name.trim() || 'preview',
      conditions: rows.map((i) => draft.conditions[i]!),
      actions: [{ type: 'mark-read' }],
    },
    rows,
  };
}

/** What stops the draft being saved, as the first missing piece; null when it can be saved. */
export type DraftGap = 'name' | 'condition-value' | 'tag-name' | 'no-condition' | 'no-action';

export function draftGap(draft: RuleDraft): DraftGap | null {
  if (!draft.name.trim()) return 'name';
  if (!draft.conditions.length) return 'no-condition';
  if (draft.conditions.some((c) => !c.value.trim())) return 'condition-value';
  if (!draft.actions.length) return 'no-action';
  if (draft.actions.some((a) => a.type === 'tag' && !a.tag.trim())) return 'tag-name';
  return null;
}

/**
 * The condition row a problem names: the engine names it by its place ("condition 2") or
 * quotes its pattern; null when neither is found (the problem is then shown for the rule).
 */
export function problemRow(problem: string | null, conditions: readonly RuleCondition[]): number | null {
  if (!problem) return null;
  const numbered = /\bcondition\s+(\d+)/i.exec(problem);
  if (numbered) {
    const index = Number(numbered[1]) - 1;
    if (index >= 0 && index < conditions.length) return index;
  }
  const quoted = conditions.findIndex((c) => c.op === 'matches' && c.value !== '' && problem.includes(c.value));
  if (quoted >= 0) return quoted;
  const patterns = conditions.flatMap((c, i) => (c.op === 'matches' ? [i] : []));
  return patterns.length === 1 ? patterns[0]! : null;
}

/** Whether two drafts say the same (the preview is asked again only when the draft changed). */
export function sameDraft(a: RuleDraft | null, b: RuleDraft | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** What the value box of an attachment condition offers: the common kinds of MIME type. */
export const ENCLOSURE_SUGGESTIONS: readonly string[] = [
  'audio',
  'video',
  'image',
  'audio/mpeg',
  'video/mp4',
  'application/pdf',
];
