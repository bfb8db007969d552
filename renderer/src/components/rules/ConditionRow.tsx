/**
 * One condition of a rule: what it looks at, how it compares, and the value, with names
 * and tags offered for the feed and tag fields. A problem the engine found with it (a
 * pattern RE2 refuses) is said under it and ties to its value box.
 */
import { useId } from 'react';
import { X } from 'lucide-react';
import { RULE_FIELDS, RULE_OPERATORS, type RuleCondition, type RuleField } from '../../../../shared/rules.js';
import { t } from '../../i18n/translate.js';
import { FIELD_LABELS, OPERATOR_LABELS } from '../../state/rule-draft-text.js';

interface Props {
  condition: RuleCondition;
  /** Its place, from 1, as the labels say it. */
  number: number;
  /** Names the value box may offer (feed titles, tag names, MIME types). */
  suggestions: string[];
  problem: string | null;
  canRemove: boolean;
  onChange: (condition: RuleCondition) => void;
  onRemove: () => void;
}

export function ConditionRow({ condition, number, suggestions, problem, canRemove, onChange, onRemove }: Props) {
  const id = useId();
  const placeholder = condition.op === 'matches' ? t('rules.value.pattern') : t('rules.value.text');
  return (
    <li className="rule-line">
      <select
        aria-label={t('rules.condition.field', { number })}
        value={condition.field}
        onChange={(e) => onChange({ ...condition, field: e.target.value as RuleField })}
      >
        {RULE_FIELDS.map((field) => (
          <option key={field} value={field}>
            {t(FIELD_LABELS[field])}
          </option>
        ))}
      </select>
      <select
        aria-label={t('rules.condition.op', { number })}
        value={condition.op}
        onChange={(e) => onChange({ ...condition, op: e.target.value as RuleCondition['op'] })}
      >
        {RULE_OPERATORS.map((op) => (
          <option key={op} value={op}>
            {t(OPERATOR_LABELS[op])}
          </option>
        ))}
      </select>
      <input
        aria-label={t('rules.condition.value', { number })}
        className={condition.op === 'matches' ? 'pattern' : undefined}
        value={condition.value}
        placeholder={placeholder}
        maxLength={1000}
        list={suggestions.length ? `${id}-suggestions` : undefined}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => onChange({ ...condition, value: e.target.value })}
      />
      {suggestions.length > 0 && (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      <button
        type="button"
        className="icon"
        disabled={!canRemove}
        aria-label={t('rules.condition.remove', { number })}
        onClick={onRemove}
      >
        <X aria-hidden="true" className="icon-svg" />
      </button>
      {problem && (
        <p className="error-text rule-problem" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
