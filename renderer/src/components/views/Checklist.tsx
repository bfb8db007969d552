/**
 * A fieldset of checkboxes over a scrolling list (a view's feeds, its tags), with a filter
 * box once the list is long. Nothing chosen means "any" (the legend's hint says so).
 */
import { useId, useState } from 'react';
import { t } from '../../i18n/translate.js';

export interface ChecklistItem {
  id: number;
  label: string;
}

/** Past this many items a filter box helps find one. */
const FILTER_FROM = 8;

export function Checklist({
  legend,
  hint,
  items,
  chosen,
  onChange,
}: {
  legend: string;
  hint: string;
  items: ChecklistItem[];
  chosen: number[];
  onChange: (ids: number[]) => void;
}) {
  const [filter, setFilter] = useState('');
  const hintId = useId();
  const wanted = filter.trim().toLowerCase();
  const shown = wanted ? items.filter((i) => i.label.toLowerCase().includes(wanted) || chosen.includes(i.id)) : items;
  const toggle = (id: number, on: boolean) => onChange(on ? [...chosen, id] : chosen.filter((other) => other !== id));
  return (
    <fieldset className="radio-group checklist" aria-describedby={hintId}>
      <legend>{legend}</legend>
      <p className="muted small" id={hintId}>
        {chosen.length ? t('views.checklist.chosen', { count: chosen.length }) : hint}
      </p>
      {items.length > FILTER_FROM && (
        <input
          type="search"
          className="checklist-filter"
          aria-label={t('views.checklist.filter', { what: legend })}
          placeholder={t('views.checklist.filter.placeholder')}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
      )}
      <ul className="checklist-items">
        {shown.map((item) => (
          <li key={item.id}>
            <label className="check">
              <input
                type="checkbox"
                checked={chosen.includes(item.id)}
                onChange={(e) => toggle(item.id, e.target.checked)}
              />
              {item.label}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
