/**
 * The rules file (`syndic rules export` / `import`, the editor's export): JSON, two-space
 * indented, a newline at the end, keys in one order, so export, import into an empty
 * Syndic and export again gives the same bytes. Reading checks the whole file before
 * anything is stored; the first problem is reported with its line, and for a rule the
 * schema refuses, the rule's number, name and the line it starts on.
 */
import type { Rule, RuleDraft, RulesFile } from '../../../shared/rules.js';
import { JsonSyntaxError, placeOf, walkJson } from './json-places.js';
import { canonicalDraft, checkDraft, DraftProblem } from './rule-drafts.js';

export const RULES_FILE_VERSION = 1;

/** A file refused whole: the message says where and why. */
export class RulesFileError extends Error {}

export function rulesFileText(rules: readonly Rule[]): string {
  const file: RulesFile = { syndicRules: RULES_FILE_VERSION, rules: rules.map(canonicalDraft) };
  return JSON.stringify(file, null, 2) + '\n';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The rules of a file, every one checked; a RulesFileError for the first problem. */
export function parseRulesFile(raw: string): RuleDraft[] {
  // Editors on Windows may save a byte-order mark; it is not part of the JSON.
  const text = raw.startsWith('\ufeff') ? raw.slice(1) : raw;
  const ruleStarts: number[] = [];
  let rulesAt = 0;
  try {
    walkJson(text, (path, offset) => {
      if (path.length === 1 && path[0] === 'rules') rulesAt = offset;
      if (path.length === 2 && path[0] === 'rules' && typeof path[1] === 'number') ruleStarts[path[1]] = offset;
    });
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new RulesFileError(`This is not valid JSON: ${error.message}.`);
    throw error;
  }
  const file: unknown = JSON.parse(text);
  const line = (offset: number): number => placeOf(text, offset).line;
  if (!isRecord(file) || !('syndicRules' in file))
    throw new RulesFileError('Line 1: this is not a Syndic rules file (it has no "syndicRules": 1).');
  if (file.syndicRules !== RULES_FILE_VERSION)
    throw new RulesFileError(
      `Line 1: this rules file is of version ${JSON.stringify(file.syndicRules)}; this Syndic reads version ${RULES_FILE_VERSION} (a newer Syndic may read it).`,
    );
  const extra = Object.keys(file).filter((key) => key !== 'syndicRules' && key !== 'rules');
  if (extra.length)
    throw new RulesFileError(`Line 1: unknown key "${extra[0]}" (a rules file holds "syndicRules" and "rules").`);
  if (!Array.isArray(file.rules))
    throw new RulesFileError(`Line ${line(rulesAt)}: "rules" must be a list of rules ([ … ]).`);
  return file.rules.map((rule: unknown, i) => {
    try {
      return checkDraft(rule);
    } catch (error) {
      if (!(error instanceof DraftProblem)) throw error;
      const name = isRecord(rule) && typeof rule.name === 'string' ? ` "${rule.name}"` : '';
      throw new RulesFileError(`Line ${line(ruleStarts[i] ?? 0)}: rule ${i + 1}${name}: ${error.message}.`);
    }
  });
}
