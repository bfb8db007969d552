/**
 * The use cases of rules: list, create, update, delete, reorder, preview, run on stored
 * articles, export and import; and the classifier the write paths call for every new
 * article (rule-classifier.ts). Every change tells the windows the new list
 * ('rules-changed') and has the classifier compile the rules again. A draft is checked
 * here as at the door, so the command line gets the same clear refusal as the window.
 */
import {
  RULE_LIMITS,
  type Rule,
  type RuleDraft,
  type RuleId,
  type RulePreview,
  type RuleRunReport,
  type RulesImportReport,
} from '../../../shared/rules.js';
import type { ReaderContext } from '../reader/reader-context.js';
import { UserError } from '../reader/user-error.js';
import * as store from '../store/rules.js';
import { compileRule, ConditionProblem } from './compiled-rule.js';
import type { NewArticleHooks } from './new-article-hooks.js';
import { RuleClassifier } from './rule-classifier.js';
import { checkDraft, DraftProblem } from './rule-drafts.js';
import { applyRule, previewRule } from './rule-run.js';
import { parseRulesFile, RulesFileError, rulesFileText } from './rules-file.js';

export class RuleUseCases {
  private readonly rules: RuleClassifier;

  constructor(private readonly ctx: ReaderContext) {
    this.rules = new RuleClassifier(ctx.db, () => store.listRules(ctx.db));
  }

  /**
   * What the refresh and sync write paths call for new articles: the current rules
   * (recompiled after a change), whether they read text, and `inserted`.
   */
  newArticleHooks(inserted: NewArticleHooks['inserted']): NewArticleHooks {
    return { classify: this.rules.classify, readsText: this.rules.readsText, inserted };
  }

  list(): Rule[] {
    return store.listRules(this.ctx.db);
  }

  create(draft: RuleDraft): Rule {
    const checked = this.checked(draft);
    this.makeRoom(1);
    const [id] = store.appendRules(this.ctx.db, [checked], this.ctx.now());
    this.changed();
    return this.rule(id!);
  }

  update(id: RuleId, draft: RuleDraft): Rule {
    const checked = this.checked(draft);
    if (!store.updateRule(this.ctx.db, id, checked)) throw unknown(id);
    this.changed();
    return this.rule(id);
  }

  delete(id: RuleId): void {
    if (!store.deleteRule(this.ctx.db, id)) throw unknown(id);
    this.changed();
  }

  reorder(ids: RuleId[]): Rule[] {
    if (!store.reorderRules(this.ctx.db, ids))
      throw new UserError('The new order must name every rule once. Reload the rules and try again.');
    return this.changed();
  }

  /** What the draft matches among the newest articles; a pattern that cannot run is `problem`. */
  preview(draft: RuleDraft): RulePreview {
    try {
      return previewRule(this.ctx.db, compileRule(draft, null));
    } catch (error) {
      if (error instanceof ConditionProblem) return { matched: 0, partial: false, newest: [], problem: error.message };
      throw error;
    }
  }

  /** Runs one rule's actions on every stored article it matches (even a rule switched off). */
  apply(id: RuleId): RuleRunReport {
    const rule = this.rule(id);
    let compiled;
    try {
      compiled = compileRule(rule, id);
    } catch (error) {
      if (error instanceof ConditionProblem)
        throw new UserError(`The rule "${rule.name}" cannot run: ${error.message}.`);
      throw error;
    }
    const { matched, changed, feedIds } = applyRule(this.ctx.db, compiled, this.ctx.now());
    if (changed) {
      this.ctx.emit('articles-changed', { feedIds });
      this.ctx.countsChanged([]);
    }
    return { matched, changed };
  }

  exportText(): string {
    return rulesFileText(this.list());
  }

  /** Adds the file's rules after the existing ones; a file with any problem adds nothing. */
  importText(text: string): RulesImportReport {
    let drafts: RuleDraft[];
    try {
      drafts = parseRulesFile(text);
    } catch (error) {
      if (error instanceof RulesFileError) throw new UserError(`The rules file was not imported. ${error.message}`);
      throw error;
    }
    this.makeRoom(drafts.length, 'The rules file was not imported. ');
    store.appendRules(this.ctx.db, drafts, this.ctx.now());
    this.changed();
    return { imported: drafts.length };
  }

  /** The draft as it will be stored, or a refusal naming the rule and what to fix. */
  private checked(draft: RuleDraft): RuleDraft {
    try {
      return checkDraft(draft);
    } catch (error) {
      if (error instanceof DraftProblem) {
        const name = typeof draft?.name === 'string' && draft.name.trim() ? ` "${draft.name.trim()}"` : '';
        throw new UserError(`The rule${name} cannot be saved: ${error.message}.`);
      }
      throw error;
    }
  }

  private makeRoom(adding: number, before = ''): void {
    const total = store.countRules(this.ctx.db) + adding;
    if (total > RULE_LIMITS.rules)
      throw new UserError(
        `${before}Syndic keeps at most ${RULE_LIMITS.rules} rules; this would make ${total}. Delete some rules first.`,
      );
  }

  private rule(id: RuleId): Rule {
    const rule = store.getRule(this.ctx.db, id);
    if (!rule) throw unknown(id);
    return rule;
  }

  private changed(): Rule[] {
    this.rules.invalidate();
    const rules = this.list();
    this.ctx.emit('rules-changed', rules);
    return rules;
  }
}

function unknown(id: RuleId): UserError {
  return new UserError(`There is no rule with id ${id}.`);
}
