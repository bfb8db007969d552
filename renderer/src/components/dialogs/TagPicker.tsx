/** Tags as removable chips plus a text box (Enter or comma adds), suggesting known tags. */
import { useId, useState } from 'react';

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
    if (name && !value.some((t) => t.toLowerCase() === name.toLowerCase())) onChange([...value, name]);
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
              aria-label={`Remove tag ${tag}`}
              onClick={() => onChange(value.filter((t) => t !== tag))}
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
        placeholder="Type a tag and press Enter"
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
