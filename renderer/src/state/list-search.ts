/**
 * What the list shows of a search: the header's count ("12 results", "1,000+ results")
 * and the terms to mark in each place of a row (a `title:` term only in titles, a `feed:`
 * term only in feed names, excluded words nowhere), parsed once per search.
 */
import type { ArticleCount } from '../../../shared/api.js';
import { highlightTerms, parseSearch, type SearchTerm } from '../../../shared/search-syntax.js';
import { t } from '../i18n/translate.js';

/** "12 results", "1 result", "1,000+ results" (the number in the window's locale). */
export function resultsText(count: ArticleCount, locale?: string): string {
  const n = count.count.toLocaleString(locale);
  return count.capped ? t('list.search.resultsCapped', { n }) : t('list.search.results', { count: count.count, n });
}

/**
 * What the header adds when the search ran before the index had the newest articles (it
 * is written behind each refresh): null when it had them all.
 */
export function indexingText(indexing: number): string | null {
  return indexing > 0 ? t('list.search.indexing', { count: indexing }) : null;
}

export interface RowTerms {
  title: SearchTerm[];
  text: SearchTerm[];
  author: SearchTerm[];
  feed: SearchTerm[];
}

/** The terms to mark in a row's places, or null when the search marks nothing. */
export function rowTerms(search: string): RowTerms | null {
  const query = parseSearch(search);
  const terms: RowTerms = {
    title: highlightTerms(query, 'title'),
    text: highlightTerms(query, 'text'),
    author: highlightTerms(query, 'author'),
    feed: highlightTerms(query, 'feed'),
  };
  return Object.values(terms).some((list) => list.length) ? terms : null;
}
