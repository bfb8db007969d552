/**
 * The "Filter feeds" box over the sidebar's feeds: narrows them by title or address as
 * one types (case and accents aside), says how many match, Escape empties it and Down
 * goes on to the first feed shown.
 */
import { Search, X } from 'lucide-react';
import { t } from '../../i18n/translate.js';
import { FEED_FILTER_ID } from './focus-feed-filter.js';

interface Props {
  value: string;
  onChange: (value: string) => void;
  filtering: boolean;
  matches: number;
  /** Down from the box: the focus goes to the first item under it. */
  onDown: () => void;
}

export function FeedFilter({ value, onChange, filtering, matches, onDown }: Props) {
  return (
    <div className="feed-filter">
      <div className="feed-filter-box">
        <Search aria-hidden="true" className="icon-svg" />
        <input
          id={FEED_FILTER_ID}
          type="search"
          aria-label={t('sidebar.filter.label')}
          placeholder={t('sidebar.filter.placeholder')}
          title={t('sidebar.filter.title')}
          autoComplete="off"
          spellCheck={false}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && value) {
              // Emptied, and the focus stays: Escape again leaves the box (the app's own Escape).
              e.preventDefault();
              e.stopPropagation();
              onChange('');
            } else if (e.key === 'ArrowDown' && !e.shiftKey) {
              e.preventDefault();
              onDown();
            }
          }}
        />
        {value && (
          // Escape does this from the keyboard; the button is for the mouse.
          <button
            type="button"
            className="icon"
            tabIndex={-1}
            aria-label={t('sidebar.filter.clear')}
            onClick={() => onChange('')}
          >
            <X aria-hidden="true" className="icon-svg" />
          </button>
        )}
      </div>
      {/* Said as the list narrows; shown only when nothing is left. */}
      <p role="status" className={filtering && matches === 0 ? 'hint filter-status' : 'visually-hidden'}>
        {!filtering ? '' : matches === 0 ? t('sidebar.filter.none') : t('sidebar.filter.matches', { count: matches })}
      </p>
    </div>
  );
}
