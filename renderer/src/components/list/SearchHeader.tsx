/**
 * Above a search's results: how many there are ("1,000+" past the engine's cap) for what,
 * announced politely to screen readers, whether the newest articles are still being indexed
 * (so may be missing), and a button that clears the search.
 */
import { X } from 'lucide-react';
import type { ArticleCount } from '../../../../shared/api.js';
import { t } from '../../i18n/translate.js';
import { indexingText, resultsText } from '../../state/list-search.js';

export function SearchHeader({
  search,
  count,
  indexing,
  onClear,
}: {
  search: string;
  count: ArticleCount | null;
  /** Articles the index had not yet taken in when the search ran. */
  indexing: number;
  onClear: () => void;
}) {
  return (
    <div className="search-header">
      <span className="search-summary" role="status">
        {count
          ? t('list.search.summary', { results: resultsText(count), search })
          : t('list.search.searching', { search })}
        {indexing > 0 && <span className="search-indexing">{indexingText(indexing)}</span>}
      </span>
      <button
        type="button"
        className="icon"
        aria-label={t('list.search.clear')}
        title={t('list.search.clear')}
        onClick={onClear}
      >
        <X aria-hidden="true" className="icon-svg" />
      </button>
    </div>
  );
}
