/**
 * A parsed search (shared/search-syntax.ts) as what the store can run: an FTS5 expression
 * over `articles_fts` (title, author, body), and the feeds whose names match `feed:` terms
 * (feed names are not in the index; there are few feeds, so they are matched here, with
 * the same words-and-stems rules as the index, and the view filters on their ids).
 *
 * Every word goes to FTS5 in double quotes and holds only letters and digits, so nothing
 * typed is read as FTS5 syntax. Excluded terms are subtracted inside FTS5 (`a NOT b`) when
 * there is something to subtract from; a search of exclusions only cannot be written in
 * FTS5, so the view then leaves out the ids FTS5 finds for them.
 */
import type { SearchQuery, SearchTerm } from '../../../shared/search-syntax.js';
import { stemOnlyShortens } from '../../../shared/porter-stem.js';
import { foldWord, textHas } from '../../../shared/search-match.js';
import { prepared, type Db } from './db.js';

export interface SearchSql {
  /** Articles must match this (FTS5 MATCH), excluded terms already subtracted; null when no text term must be present. */
  match: string | null;
  /** With no `match`: articles matching this are left out. */
  exclude: string | null;
  /** Articles must be in one of these feeds; null when the search names no feed. */
  feedIds: number[] | null;
  /** How many articles those feeds hold (to choose how to read them). */
  feedArticles: number;
}

/**
 * A typed prefix as the index should get it. FTS5 stems a prefix like any word, and a stem
 * that changes letters misses what the reader means: "encry" becomes "encri", no stored
 * stem begins so, and "encrypt" is not found. Shortened until stemming only cuts it
 * ("encr"), it finds every word beginning "encry", and a few more.
 */
export function indexPrefix(word: string): string {
  let prefix = foldWord(word);
  while (prefix.length > 1 && !stemOnlyShortens(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}

/** One term as an FTS5 phrase, with its column filter: `title : "hard drive"`, `"encrypt"*`. */
function ftsPhrase(term: SearchTerm): string {
  const column = term.field === 'title' || term.field === 'author' ? `${term.field} : ` : '';
  const typed = term.prefix
    ? [...term.words.slice(0, -1), indexPrefix(term.words[term.words.length - 1]!)]
    : term.words;
  // splitWords left letters, digits and marks only; the replace is a second lock on the quotes.
  const words = typed.map((w) => w.replace(/"/g, '')).join(' ');
  return `${column}"${words}"${term.prefix ? '*' : ''}`;
}

/** The FTS5 part of a search: what must match (minus exclusions), or what to exclude. */
export function ftsOf(query: SearchQuery): { match: string | null; exclude: string | null } {
  const text = query.terms.filter((t) => t.field !== 'feed');
  const wanted = text.filter((t) => !t.negated).map(ftsPhrase);
  const unwanted = text.filter((t) => t.negated).map(ftsPhrase);
  if (!wanted.length) return { match: null, exclude: unwanted.length ? unwanted.join(' OR ') : null };
  const must = wanted.join(' AND ');
  if (!unwanted.length) return { match: must, exclude: null };
  // NOT binds tighter than AND in FTS5: the parentheses keep "all of these, none of those".
  return { match: `(${must}) NOT (${unwanted.join(' OR ')})`, exclude: null };
}

interface FeedNameRow {
  id: number;
  title: string | null;
  user_title: string | null;
  url: string;
  article_count: number;
}

/** The names a feed goes by: the one the user gave it, its own, or its address's host. */
function namesOf(feed: FeedNameRow): string[] {
  const names = [feed.user_title, feed.title].filter((n): n is string => !!n);
  if (names.length) return names;
  try {
    return [new URL(feed.url).host];
  } catch {
    return [feed.url];
  }
}

/** The feeds every positive `feed:` term names and no negated one does; null without feed terms. */
function feedsOf(db: Db, query: SearchQuery): { ids: number[]; articles: number } | null {
  const terms = query.terms.filter((t) => t.field === 'feed');
  if (!terms.length) return null;
  const rows = prepared<[], FeedNameRow>(db, 'SELECT id, title, user_title, url, article_count FROM feeds').all();
  const kept = rows.filter((feed) => {
    const names = namesOf(feed);
    return terms.every((t) => names.some((name) => textHas(name, t)) !== t.negated);
  });
  return { ids: kept.map((f) => f.id), articles: kept.reduce((n, f) => n + f.article_count, 0) };
}

export function searchSql(db: Db, query: SearchQuery): SearchSql {
  const feeds = feedsOf(db, query);
  return { ...ftsOf(query), feedIds: feeds?.ids ?? null, feedArticles: feeds?.articles ?? 0 };
}
