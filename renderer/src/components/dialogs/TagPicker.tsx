/** Tags as removable chips plus a text box (Enter or comma adds), suggesting known tags. */
import { useId, useState } from 'react';
import { t } from '../../i18n/translate.js';

export function TagPicker({
  label,
  value,
  known,
  onChange,
}: {
  label: string;
  value: string[];
  known: string[];
  onChange: (tags: string[]) => void;
}) {
  const [draft, setDraft] = useState('');
  const listId = useId();
  const add = (raw: string) => {
    const name = raw.replace(/,/g, ' ').trim();
    if (name && !value.some((tag) => tag.toLowerCase() === name.toLowerCase())) onChange([...value, name]);
    setDraft('');
  };
  return (
    <div className="field">
      <label htmlFor={`${listId}-input`}>{label}</label>
      <ul className="chips">
        {value.map((tag) => (
          <li key={tag} className="chip">
            #{tag}
            <button
              type="button"
              className="icon"
              aria-label={t('tags.remove', { name: tag })}
              onClick={() => onChange(value.filter((other) => other !== tag))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <input
        id={`${listId}-input`}
        list={listId}
        value={draft}
        placeholder={t('tags.placeholder')}
        onChange={(e) => (e.target.value.endsWith(',') ? add(e.target.value) : setDraft(e.target.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && draft.trim()) {
            e.preventDefault();
            add(draft);
          }
        }}
        onBlur={() => draft.trim() && add(draft)}
      />
      <datalist id={listId}>
        {known.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </div>
  );
}
