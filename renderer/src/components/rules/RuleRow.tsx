/**
 * One rule in the Rules dialog, in its place in the order: an on/off switch, its name and
 * what it does in one line, and its buttons (earlier, later, edit, run on existing
 * articles, delete). Moving keeps the focus on the button pressed, in the rule's new place.
 */
import { ArrowDown, ArrowUp, Pencil, Play, Trash2 } from 'lucide-react';
import type { Rule } from '../../../../shared/rules.js';
import { t } from '../../i18n/translate.js';
import { confirmDeleteRule, confirmRunRule, editRule, moveRule, setRuleEnabled } from '../../state/actions/rules.js';
import { ruleSummary } from '../../state/rule-draft-text.js';

/** Focuses a rule's button again once the rule is drawn in its new place (or its other move button at an end). */
function refocus(ruleId: number, move: 'up' | 'down'): void {
  requestAnimationFrame(() => {
    const row = document.querySelector(`.rules [data-rule-id="${ruleId}"]`);
    const same = row?.querySelector<HTMLButtonElement>(`[data-move="${move}"]`);
    const other = row?.querySelector<HTMLButtonElement>(`[data-move="${move === 'up' ? 'down' : 'up'}"]`);
    (same && !same.disabled ? same : other)?.focus();
  });
}

export function RuleRow({ rule, first, last }: { rule: Rule; first: boolean; last: boolean }) {
  const move = (delta: 1 | -1) => {
    // The move shows at once (the engine confirms it after): the focus follows it in the next frame.
    void moveRule(rule.id, delta);
    refocus(rule.id, delta < 0 ? 'up' : 'down');
  };
  return (
    <li className="rule-row" data-rule-id={rule.id} data-enabled={rule.enabled}>
      <input
        type="checkbox"
        role="switch"
        checked={rule.enabled}
        aria-label={t('rules.enabled', { name: rule.name })}
        onChange={(e) => void setRuleEnabled(rule, e.target.checked)}
      />
      <div className="rule-main">
        <span className="rule-name">{rule.name}</span>
        <span className="muted small">{ruleSummary(rule)}</span>
      </div>
      <span className="rule-buttons">
        <button
          type="button"
          className="icon"
          data-move="up"
          disabled={first}
          aria-label={t('rules.moveUp', { name: rule.name })}
          title={t('rules.moveUp.title')}
          onClick={() => move(-1)}
        >
          <ArrowUp aria-hidden="true" className="icon-svg" />
        </button>
        <button
          type="button"
          className="icon"
          data-move="down"
          disabled={last}
          aria-label={t('rules.moveDown', { name: rule.name })}
          title={t('rules.moveDown.title')}
          onClick={() => move(1)}
        >
          <ArrowDown aria-hidden="true" className="icon-svg" />
        </button>
        <button
          type="button"
          className="icon"
          aria-label={t('rules.edit', { name: rule.name })}
          title={t('rules.edit.title')}
          onClick={() => editRule(rule.id)}
        >
          <Pencil aria-hidden="true" className="icon-svg" />
        </button>
        <button
          type="button"
          className="icon"
          aria-label={t('rules.run', { name: rule.name })}
          title={t('rules.run.tooltip')}
          onClick={() => void confirmRunRule(rule)}
        >
          <Play aria-hidden="true" className="icon-svg" />
        </button>
        <button
          type="button"
          className="icon"
          aria-label={t('rules.delete', { name: rule.name })}
          title={t('rules.delete.tooltip')}
          onClick={() => confirmDeleteRule(rule)}
        >
          <Trash2 aria-hidden="true" className="icon-svg" />
        </button>
      </span>
    </li>
  );
}
