/**
 * The search box's little language, parsed into terms the store turns into SQL and the
 * renderer highlights. Every term must hold (AND):
 *
 *   word      the word, stemmed ("encrypt" also finds "encryption")
 *   word*     a word beginning so
 *   "a b"     the words together, in this order
 *   -word     articles without it (also -"a b", -title:word)
 *   title:    author:    feed:    the term in the title, the author, or the feed's name
 *
 * Parsing never fails: a stray quote runs to the end, a lone `-` or `title:` with nothing
 * after it is dropped, and an unknown `name:` is plain text ("http://x" is the words
 * http and x). Nothing typed here reaches SQL or FTS5 as syntax (search-query.ts in the
 * store quotes every word).
 */
import { splitWords, type MatchTerm } from './search-match.js';

/** Where a term must occur: anywhere in the article (title, author, text), or in one place. */
export type SearchField = 'any' | 'title' | 'author' | 'feed';

export interface SearchTerm extends MatchTerm {
  field: SearchField;
  /** The words as typed, split where the index splits text; never empty. */
  words: string[];
  /** Typed in quotes, or one typed word holding several ("wi-fi"): the words must be adjacent. */
  phrase: boolean;
  /** Typed with a leading `-`: matching articles are left out. */
  negated: boolean;
  /** Typed with a trailing `*`: the last word matches any word beginning so. */
  prefix: boolean;
}

export interface SearchQuery {
  terms: SearchTerm[];
}

/** Where a highlight is drawn: which terms apply there. */
export type HighlightPlace = 'title' | 'author' | 'text' | 'feed';

/**
 * At most this many terms count; the rest of a very long query is ignored, so no input
 * can build an unbounded statement.
 */
export const MAX_TERMS = 32;

const FIELD_PREFIX = /^(title|author|feed):/i;

/** The syntax, for the `?` overlay: what to type, and what it finds. */
export const SEARCH_HELP: readonly { syntax: string; meaning: string }[] = [
  { syntax: 'word other', meaning: 'articles with both words (also "words", "wording")' },
  { syntax: 'word*', meaning: 'words beginning with "word"' },
  { syntax: '"a phrase"', meaning: 'the words together, in this order' },
  { syntax: '-word', meaning: 'leave out articles with the word (also -"a phrase")' },
  { syntax: 'title:word', meaning: 'the word in the title (also title:"a phrase")' },
  { syntax: 'author:name', meaning: 'the name in the author' },
  { syntax: 'feed:name', meaning: "the name in the feed's title" },
];

const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);

/** Parses what the user typed. Never throws; an empty or meaningless input has no terms. */
export function parseSearch(input: string): SearchQuery {
  const terms: SearchTerm[] = [];
  const s = String(input);
  let i = 0;
  while (i < s.length && terms.length < MAX_TERMS) {
    while (isSpace(s[i])) i++;
    if (i >= s.length) break;
    let negated = false;
    if (s[i] === '-') {
      negated = true;
      i++;
    }
    let field: SearchField = 'any';
    const named = FIELD_PREFIX.exec(s.slice(i, i + 7));
    if (named) {
      field = named[1]!.toLowerCase() as SearchField;
      i += named[0].length;
    }
    let text: string;
    let quoted = false;
    if (s[i] === '"') {
      // A phrase runs to the closing quote, or to the end when there is none.
      const close = s.indexOf('"', i + 1);
      const end = close < 0 ? s.length : close;
      text = s.slice(i + 1, end);
      quoted = true;
      i = close < 0 ? s.length : close + 1;
    } else {
      // A word runs to a space or a quote (`a"b c"` is the word a, then the phrase "b c").
      const start = i;
      while (i < s.length && !isSpace(s[i]) && s[i] !== '"') i++;
      text = s.slice(start, i);
    }
    let prefix = false;
    if (quoted && s[i] === '*') {
      prefix = true;
      i++;
    } else if (!quoted && text.endsWith('*')) {
      prefix = true;
    }
    const words = splitWords(text);
    // A prefix must hold a letter after its last word ("a*b" is two words, not a prefix).
    if (prefix && !quoted && !/[\p{L}\p{N}\p{Co}\p{M}]\**$/u.test(text)) prefix = false;
    if (!words.length) continue;
    terms.push({ field, words, phrase: quoted || words.length > 1, negated, prefix });
  }
  return { terms };
}

/**
 * The terms to mark in one place of an article: only terms that must be present (not
 * the excluded ones), and only those that apply there (a `title:` term in the title, a
 * plain term in the title, author and text, a `feed:` term only in the feed's name).
 */
export function highlightTerms(query: SearchQuery, place: HighlightPlace): SearchTerm[] {
  return query.terms.filter((t) => {
    if (t.negated) return false;
    return t.field === 'any' ? place !== 'feed' : t.field === place;
  });
}

/** The query written back in its canonical form (for a header such as "12 results for …"). */
export function formatSearch(query: SearchQuery): string {
  return query.terms
    .map((t) => {
      const body = t.phrase ? `"${t.words.join(' ')}"` : t.words[0]!;
      return `${t.negated ? '-' : ''}${t.field === 'any' ? '' : t.field + ':'}${body}${t.prefix ? '*' : ''}`;
    })
    .join(' ');
}
