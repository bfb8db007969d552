/**
 * Rules: the Rules dialog's list (loaded while it is open), saving an edited rule, turning
 * one on or off, moving it in the order, deleting it, running it on the stored articles
 * after saying how many it matches, the editor's live preview, and the rules file out and in.
 */
import type { Rule, RuleDraft, RuleId, RulePreview } from '../../../../shared/rules.js';
import { api } from '../../api.js';
import { download } from '../../download.js';
import { t } from '../../i18n/translate.js';
import { draftOf } from '../rule-draft.js';
import { movedOrder } from '../saved-views.js';
import { getState, update, type Dialog } from '../store.js';
import { reloadSidebar } from './feeds.js';
import { loadList } from './list.js';
import { attempt, errorMessage, showToast } from './toasts.js';
import { openDialog } from './ui.js';

function setRules(rules: Rule[]): void {
  update((s) => ({ ui: { ...s.ui, rules } }));
}

export async function loadRules(): Promise<void> {
  const rules = await attempt(() => api.listRules());
  if (rules) setRules(rules);
}

/** Opens the Rules dialog; from another dialog (the settings), closing it returns there. */
export function openRules(back?: Dialog): void {
  openDialog(back ? { kind: 'rules', back } : { kind: 'rules' });
  void loadRules();
}

/** The Rules dialog as it is open now (with its way back), for the dialogs opened from it to return to. */
function rulesDialog(): Dialog {
  const open = getState().ui.dialog;
  return open?.kind === 'rules' ? open : { kind: 'rules' };
}

export function editRule(ruleId: RuleId | null): void {
  openDialog({ kind: 'edit-rule', ruleId, back: rulesDialog() });
}

/** Creates or updates a rule. Returns what went wrong (the engine's words), or null. */
export async function saveRule(ruleId: RuleId | null, draft: RuleDraft): Promise<string | null> {
  try {
    if (ruleId === null) await api.createRule(draft);
    else await api.updateRule(ruleId, draft);
    await loadRules();
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}

export async function setRuleEnabled(rule: Rule, enabled: boolean): Promise<void> {
  setRules((getState().ui.rules ?? []).map((r) => (r.id === rule.id ? { ...r, enabled } : r)));
  await attempt(() => api.updateRule(rule.id, { ...draftOf(rule), enabled }));
  await loadRules();
}

/** Moves a rule one place earlier or later in the order they run in; false at that end. */
export async function moveRule(ruleId: RuleId, delta: 1 | -1): Promise<boolean> {
  const rules = getState().ui.rules ?? [];
  const order = movedOrder(
    rules.map((r) => r.id),
    ruleId,
    delta,
  );
  if (!order) return false;
  const byId = new Map(rules.map((r) => [r.id, r]));
  setRules(order.map((id) => byId.get(id)!));
  const saved = await attempt(() => api.reorderRules(order));
  if (saved) setRules(saved);
  else await loadRules();
  return true;
}

export function confirmDeleteRule(rule: Rule): void {
  openDialog({
    kind: 'confirm',
    title: t('rules.delete.title'),
    message: t('rules.delete.message', { name: rule.name }),
    confirm: t('rules.delete.confirm'),
    back: rulesDialog(),
    onConfirm: () =>
      void attempt(async () => {
        await api.deleteRule(rule.id);
        await loadRules();
      }),
  });
}

/** "Run on existing articles": how many the rule matches, asked first; then its actions on them. */
export async function confirmRunRule(rule: Rule): Promise<void> {
  const preview = await attempt(() => api.previewRule(draftOf(rule)));
  if (!preview) return;
  if (preview.problem) return showToast(preview.problem, 'error');
  if (!preview.matched) return showToast(t('rules.run.none', { name: rule.name }));
  openDialog({
    kind: 'confirm',
    title: t('rules.run.title', { name: rule.name }),
    message: t(preview.partial ? 'rules.run.messageAtLeast' : 'rules.run.message', { count: preview.matched }),
    confirm: t('rules.run.confirm'),
    back: rulesDialog(),
    onConfirm: () =>
      void attempt(async () => {
        const report = await api.applyRule(rule.id);
        showToast(t('rules.run.done', { matched: report.matched, changed: report.changed }));
        await Promise.all([reloadSidebar(), loadList()]);
      }),
  });
}

/** The editor's live preview of a draft's conditions. */
export function previewRuleDraft(draft: RuleDraft): Promise<RulePreview> {
  return api.previewRule(draft);
}

export async function exportRulesFile(): Promise<void> {
  const text = await attempt(() => api.exportRules());
  if (text !== undefined) download(text, 'application/json', 'syndic-rules.json');
}

/** Adds the rules of a file; returns the engine's reason when it refuses the file, else null. */
export async function importRulesFile(file: File): Promise<string | null> {
  try {
    const report = await api.importRules(await file.text());
    await loadRules();
    showToast(t('rules.imported', { count: report.imported }));
    return null;
  } catch (error) {
    return errorMessage(error);
  }
}
