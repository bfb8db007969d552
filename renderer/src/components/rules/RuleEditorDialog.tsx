/**
 * A rule's editor: its name, all or any of its conditions, its actions, whether it is on,
 * and a live preview of the newest articles its conditions match. A problem the engine
 * finds (a pattern it refuses) shows on the pattern's row. Save returns to the Rules dialog.
 */
import { useId, useState } from 'react';
import type { Rule, RuleDraft, RuleField } from '../../../../shared/rules.js';
import { t } from '../../i18n/translate.js';
import { closeDialog } from '../../state/actions/ui.js';
import {
  draftGap,
  draftOf,
  ENCLOSURE_SUGGESTIONS,
  newAction,
  newCondition,
  newRuleDraft,
  problemRow,
  removeAt,
  replaceAt,
  type DraftGap,
} from '../../state/rule-draft.js';
import { saveRule } from '../../state/actions/rules.js';
import { feedTitle } from '../../state/selectors.js';
import { useStore } from '../../state/store.js';
import { Modal } from '../Modal.js';
import { ActionRow } from './ActionRow.js';
import { ConditionRow } from './ConditionRow.js';
import { RulePreviewPanel } from './RulePreviewPanel.js';
import { useRulePreview, type RulePreviewState } from './use-rule-preview.js';

const GAP_MESSAGES = {
  name: 'rules.gap.name',
  'no-condition': 'rules.gap.noCondition',
  'condition-value': 'rules.gap.conditionValue',
  'no-action': 'rules.gap.noAction',
  'tag-name': 'rules.gap.tagName',
} as const satisfies Record<DraftGap, string>;

/** The engine's problem, placed: on an editor row, or for the whole rule (row null). */
function placedProblem(state: RulePreviewState): { row: number | null; problem: string } | null {
  if (state.kind !== 'shown' || !state.preview.problem) return null;
  const { problem } = state.preview;
  const sent = problemRow(problem, state.asked.conditions);
  return { row: sent === null ? null : state.rows[sent]!, problem };
}

export function RuleEditorDialog({ rule }: { rule: Rule | null }) {
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftOf(rule) : newRuleDraft()));
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const feeds = useStore((s) => s.feeds.feeds);
  const tags = useStore((s) => s.feeds.tags);
  const matchName = useId();
  const preview = useRulePreview(draft);
  const placed = placedProblem(preview);
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const suggestions = (field: RuleField): string[] =>
    field === 'feed'
      ? feeds.map(feedTitle)
      : field === 'tag'
        ? tags.map((tag) => tag.name)
        : field === 'enclosure'
          ? [...ENCLOSURE_SUGGESTIONS]
          : [];
  return (
    <Modal title={rule ? t('rules.editDialog.title', { name: rule.name }) : t('rules.newDialog.title')} wide>
      <form
        onSubmit={async (e) => {
          e.preventDefault();
          const gap = draftGap(draft);
          if (gap) return setProblem(t(GAP_MESSAGES[gap]));
          setBusy(true);
          const failed = await saveRule(rule?.id ?? null, { ...draft, name: draft.name.trim() });
          setBusy(false);
          if (failed) setProblem(failed);
          else closeDialog();
        }}
      >
        <label className="field">
          {t('rules.field.name')}
          <input
            autoFocus
            required
            maxLength={200}
            value={draft.name}
            onChange={(e) => set({ name: e.target.value })}
          />
        </label>
        <fieldset className="radio-group">
          <legend>{t('rules.match')}</legend>
          {(['all', 'any'] as const).map((match) => (
            <label key={match} className="check">
              <input type="radio" name={matchName} checked={draft.match === match} onChange={() => set({ match })} />
              {t(match === 'all' ? 'rules.match.all' : 'rules.match.any')}
            </label>
          ))}
        </fieldset>
        <fieldset className="radio-group rule-section">
          <legend>{t('rules.conditions')}</legend>
          <ol className="rule-lines">
            {draft.conditions.map((condition, i) => (
              <ConditionRow
                key={i}
                condition={condition}
                number={i + 1}
                suggestions={suggestions(condition.field)}
                problem={placed?.row === i ? placed.problem : null}
                canRemove={draft.conditions.length > 1}
                onChange={(c) => set({ conditions: replaceAt(draft.conditions, i, c) })}
                onRemove={() => set({ conditions: removeAt(draft.conditions, i) })}
              />
            ))}
          </ol>
          {placed && placed.row === null && (
            <p className="error-text" role="alert">
              {placed.problem}
            </p>
          )}
          <button type="button" onClick={() => set({ conditions: [...draft.conditions, newCondition()] })}>
            {t('rules.condition.add')}
          </button>
        </fieldset>
        <fieldset className="radio-group rule-section">
          <legend>{t('rules.actions')}</legend>
          <ol className="rule-lines">
            {draft.actions.map((action, i) => (
              <ActionRow
                key={i}
                action={action}
                number={i + 1}
                tagNames={tags.map((tag) => tag.name)}
                canRemove={draft.actions.length > 1}
                onChange={(a) => set({ actions: replaceAt(draft.actions, i, a) })}
                onRemove={() => set({ actions: removeAt(draft.actions, i) })}
              />
            ))}
          </ol>
          <button type="button" onClick={() => set({ actions: [...draft.actions, newAction('mark-read')] })}>
            {t('rules.action.add')}
          </button>
        </fieldset>
        <label className="check">
          <input type="checkbox" checked={draft.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
          {t('rules.field.enabled')}
        </label>
        <RulePreviewPanel state={preview} />
        {problem && (
          <p className="error-text" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={() => closeDialog()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('common.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
