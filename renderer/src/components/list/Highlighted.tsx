/**
 * Text with a search's matches marked: <mark class="search-hit"> around each, built as
 * React elements (never HTML), so a title cannot inject markup however it is written.
 */
import { Fragment } from 'react';
import type { MatchTerm } from '../../../../shared/search-match.js';
import { SEARCH_HIT_CLASS, splitHighlights } from '../../search-highlight.js';

export function Highlighted({ text, terms }: { text: string; terms: readonly MatchTerm[] | undefined }) {
  if (!terms?.length || !text) return <>{text}</>;
  return (
    <>
      {splitHighlights(text, terms).map((part, i) =>
        part.match ? (
          <mark key={i} className={SEARCH_HIT_CLASS}>
            {part.text}
          </mark>
        ) : (
          <Fragment key={i}>{part.text}</Fragment>
        ),
      )}
    </>
  );
}
