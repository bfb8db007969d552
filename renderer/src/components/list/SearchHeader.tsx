/**
 * Above a search's results: how many there are ("1,000+" past the engine's cap) for what,
 * announced politely to screen readers, and a button that clears the search.
 */
import { X } from 'lucide-react';
import type { ArticleCount } from '../../../../shared/api.js';
import { resultsText } from '../../state/list-search.js';

export function SearchHeader({
  search,
  count,
  onClear,
}: {
  search: string;
  count: ArticleCount | null;
  onClear: () => void;
}) {
  return (
    <div className="search-header">
      <span className="search-summary" role="status">
        {count ? `${resultsText(count)} for “${search}”` : `Searching for “${search}”…`}
      </span>
      <button type="button" className="icon" aria-label="Clear search" title="Clear search" onClick={onClear}>
        <X aria-hidden="true" className="icon-svg" />
      </button>
    </div>
  );
}
