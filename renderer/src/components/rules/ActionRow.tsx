/** One action of a rule: which, and for "Add tag" the tag's name (known tags offered). */
import { useId } from 'react';
import { X } from 'lucide-react';
import { RULE_ACTION_TYPES, type RuleAction, type RuleActionType } from '../../../../shared/rules.js';
import { t } from '../../i18n/translate.js';
import { retypeAction } from '../../state/rule-draft.js';
import { ACTION_LABELS } from '../../state/rule-draft-text.js';

interface Props {
  action: RuleAction;
  number: number;
  tagNames: string[];
  canRemove: boolean;
  onChange: (action: RuleAction) => void;
  onRemove: () => void;
}

export function ActionRow({ action, number, tagNames, canRemove, onChange, onRemove }: Props) {
  const id = useId();
  return (
    <li className="rule-line">
      <select
        aria-label={t('rules.action.which', { number })}
        value={action.type}
        onChange={(e) => onChange(retypeAction(action, e.target.value as RuleActionType))}
      >
        {RULE_ACTION_TYPES.map((type) => (
          <option key={type} value={type}>
            {t(ACTION_LABELS[type])}
          </option>
        ))}
      </select>
      {action.type === 'tag' && (
        <>
          <input
            aria-label={t('rules.action.tagName', { number })}
            value={action.tag}
            placeholder={t('rules.action.tagName.placeholder')}
            maxLength={200}
            list={`${id}-tags`}
            onChange={(e) => onChange({ type: 'tag', tag: e.target.value })}
          />
          <datalist id={`${id}-tags`}>
            {tagNames.map((name) => (
              <option key={name} value={name} />
            ))}
          </datalist>
        </>
      )}
      <span className="spacer" />
      <button
        type="button"
        className="icon"
        disabled={!canRemove}
        aria-label={t('rules.action.remove', { number })}
        onClick={onRemove}
      >
        <X aria-hidden="true" className="icon-svg" />
      </button>
    </li>
  );
}
