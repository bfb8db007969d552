/**
 * A rule made ready to run: each condition's value folded (or its pattern compiled) once,
 * when the rule is saved or the rules are loaded, never per article; the conditions put
 * cheapest first, so an "all" rule whose feed does not match never reads the body.
 */
import { assertNever } from '../../../shared/assert.js';
import type { RuleAction, RuleCondition, RuleDraft, RuleId } from '../../../shared/rules.js';
import { FIELD, type ArticleView, type FieldIndex } from './article-view.js';
import { compilePattern, PatternError, probeOf, type CompiledPattern, type Probe } from './rule-pattern.js';
import { domainOfValue, foldText, inDomain } from './rule-text.js';

export type Check =
  | { op: 'contains'; probe: Probe; negate: boolean }
  | { op: 'is'; folded: string }
  /** `domain is`: the host or a parent domain. */
  | { op: 'in-domain'; domain: string }
  | { op: 'matches'; pattern: CompiledPattern };

export interface CompiledCondition {
  field: FieldIndex;
  check: Check;
}

export interface CompiledRule {
  /** Null for a draft being previewed. */
  id: RuleId | null;
  name: string;
  all: boolean;
  conditions: CompiledCondition[];
  actions: readonly RuleAction[];
}

/** A condition that cannot run, by its place in the rule (1 is the first). */
export class ConditionProblem extends Error {
  constructor(
    readonly condition: number,
    readonly reason: string,
  ) {
    super(`Condition ${condition}: ${reason}`);
  }
}

function checkOf(condition: RuleCondition, field: FieldIndex): Check {
  switch (condition.op) {
    case 'contains':
    case 'not-contains':
      return { op: 'contains', probe: probeOf(foldText(condition.value)), negate: condition.op === 'not-contains' };
    case 'is':
      return field === FIELD.domain
        ? { op: 'in-domain', domain: domainOfValue(condition.value) }
        : { op: 'is', folded: foldText(condition.value.trim()) };
    case 'matches':
      return { op: 'matches', pattern: compilePattern(condition.value) };
    default:
      return assertNever(condition.op, 'rule operator');
  }
}

/** Rough cost of a condition, to test the cheap ones first (the answer does not change). */
function costOf(c: CompiledCondition): number {
  const field = c.field === FIELD.feed || c.field === FIELD.tag ? 0 : c.field === FIELD.content ? 3 : 1;
  return field + (c.check.op === 'matches' ? 4 : 0);
}

/** Compiles the conditions; throws a ConditionProblem for one that cannot run. */
export function compileConditions(conditions: readonly RuleCondition[]): CompiledCondition[] {
  const compiled = conditions.map((condition, i) => {
    const field = FIELD[condition.field];
    try {
      return { field, check: checkOf(condition, field) };
    } catch (error) {
      if (error instanceof PatternError) throw new ConditionProblem(i + 1, error.message);
      throw error;
    }
  });
  return compiled
    .map((c, i) => ({ c, i, cost: costOf(c) }))
    .sort((a, b) => a.cost - b.cost || a.i - b.i)
    .map(({ c }) => c);
}

export function compileRule(draft: RuleDraft, id: RuleId | null): CompiledRule {
  return {
    id,
    name: draft.name,
    all: draft.match === 'all',
    conditions: compileConditions(draft.conditions),
    actions: draft.actions,
  };
}

function holds(c: CompiledCondition, view: ArticleView): boolean {
  const check = c.check;
  switch (check.op) {
    case 'contains':
      return view.contains(c.field, check.probe) !== check.negate;
    case 'is':
      for (const value of view.foldedValues(c.field)) if (value.trim() === check.folded) return true;
      return false;
    case 'in-domain':
      for (const host of view.values(c.field)) if (inDomain(host, check.domain)) return true;
      return false;
    case 'matches': {
      const { requirement } = check.pattern;
      if (requirement && !view.mayMeet(c.field, requirement)) return false;
      return view.matches(c.field, check.pattern);
    }
    default:
      return assertNever(check, 'condition');
  }
}

/** Whether the rule's conditions hold for the article in the view (all of them, or any). */
export function ruleMatches(rule: CompiledRule, view: ArticleView): boolean {
  if (rule.all) {
    for (const c of rule.conditions) if (!holds(c, view)) return false;
    return true;
  }
  for (const c of rule.conditions) if (holds(c, view)) return true;
  return false;
}

/** The words a rule looks for in each field (to decide which fields are worth sieving). */
export function probesByField(rule: CompiledRule): Map<FieldIndex, number> {
  const counts = new Map<FieldIndex, number>();
  const add = (field: FieldIndex, n: number): void => void counts.set(field, (counts.get(field) ?? 0) + n);
  for (const c of rule.conditions) {
    if (c.check.op === 'contains' && c.check.probe.runs) add(c.field, 1);
    if (c.check.op === 'matches' && c.check.pattern.requirement) add(c.field, 1);
  }
  return counts;
}
