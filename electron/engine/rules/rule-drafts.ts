/**
 * Checking a rule before it is stored, wherever it comes from (the editor, the command
 * line, an imported file): the schema (shared/rules.ts), every pattern compiled (one RE2
 * refuses is refused here, not at the next refresh), every tag name one the store takes.
 * A checked draft has its keys in one order, so what is exported reads back the same.
 */
import { ruleDraftSchema, type RuleAction, type RuleDraft } from '../../../shared/rules.js';
import { cleanTagName, TagNameError } from '../store/tags.js';
import { compileConditions, ConditionProblem } from './compiled-rule.js';

/** What is wrong with a draft, and where in it ("condition 2", "action 1, tag", "name"). */
export class DraftProblem extends Error {
  constructor(
    readonly where: string,
    readonly reason: string,
  ) {
    super(where ? `${where}: ${reason}` : reason);
  }
}

/** A schema path in words: ['conditions', 1, 'value'] is "condition 2, value". */
function placeOf(path: readonly PropertyKey[]): string {
  const words: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = path[i + 1];
    if ((key === 'conditions' || key === 'actions') && typeof next === 'number') {
      words.push(`${key === 'conditions' ? 'condition' : 'action'} ${next + 1}`);
      i++;
    } else words.push(String(key));
  }
  return words.join(', ');
}

/** The draft with its keys in the schema's order and nothing else. */
export function canonicalDraft(d: RuleDraft): RuleDraft {
  return {
    name: d.name,
    enabled: d.enabled,
    match: d.match,
    conditions: d.conditions.map(({ field, op, value }) => ({ field, op, value })),
    actions: d.actions.map((a): RuleAction => (a.type === 'tag' ? { type: 'tag', tag: a.tag } : { type: a.type })),
  };
}

/** The draft as it will be stored, or a DraftProblem saying what to fix. */
export function checkDraft(input: unknown): RuleDraft {
  const parsed = ruleDraftSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new DraftProblem(placeOf(issue.path), issue.message);
  }
  const draft = canonicalDraft(parsed.data);
  try {
    compileConditions(draft.conditions);
  } catch (error) {
    if (error instanceof ConditionProblem) throw new DraftProblem(`condition ${error.condition}`, error.reason);
    throw error;
  }
  draft.actions.forEach((action, i) => {
    if (action.type !== 'tag') return;
    try {
      cleanTagName(action.tag);
    } catch (error) {
      if (error instanceof TagNameError) throw new DraftProblem(`action ${i + 1}`, error.message);
      throw error;
    }
  });
  return draft;
}
