/**
 * Finding a search's terms in a piece of text the way the full-text index finds them:
 * text is split into words where FTS5's unicode61 tokenizer splits it (letters, digits and
 * private-use characters make words, anything else separates them), each word is folded
 * (lower case, diacritics removed) and stemmed (porter-stem.ts), and a term matches a run
 * of words. The renderer marks what a search found with it; the store matches feed titles,
 * which are not in the index, with it.
 */
import { porterStem } from './porter-stem.js';

/** One word of a text: where it stands, and the key the index would store for it. */
export interface Word {
  start: number;
  end: number;
  /** Folded, not stemmed: what a typed prefix is compared with. */
  folded: string;
  /** Folded and stemmed: what the index stores. */
  stem: string;
}

/** What to look for: words in sequence, the last one a prefix when `prefix`. */
export interface MatchTerm {
  words: readonly string[];
  prefix: boolean;
}

export interface TextRange {
  start: number;
  end: number;
}

/** A letter, digit or private-use character starts a word; combining marks stay in it. */
const WORD = /[\p{L}\p{N}\p{Co}][\p{L}\p{N}\p{Co}\p{M}]*/gu;

/** Lower case without diacritics, as unicode61 with remove_diacritics 2 folds a word. */
export function foldWord(word: string): string {
  return word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
}

/** The words of a text, in order. */
export function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const folded = foldWord(m[0]);
    words.push({ start: m.index, end: m.index + m[0].length, folded, stem: porterStem(folded) });
  }
  return words;
}

/** The words of a typed string, split where the index splits text ("wi-fi" is two words). */
export function splitWords(text: string): string[] {
  return [...text.matchAll(WORD)].map((m) => m[0]);
}

interface Compiled {
  stems: string[];
  /** The last word as typed (folded): a word that begins with it matches a prefix term too. */
  lastFolded: string;
  prefix: boolean;
}

function compile(term: MatchTerm): Compiled | null {
  const folded = term.words.map(foldWord).filter(Boolean);
  if (!folded.length) return null;
  return { stems: folded.map(porterStem), lastFolded: folded[folded.length - 1]!, prefix: term.prefix };
}

function wordMatches(word: Word, stem: string, last: boolean, term: Compiled): boolean {
  if (!(last && term.prefix)) return word.stem === stem;
  // The index compares stems (it stems the typed prefix too); a word that simply begins
  // with what was typed is marked as well, which is what the reader expects to see.
  return word.stem.startsWith(stem) || word.folded.startsWith(term.lastFolded);
}

/** Where `term` occurs among `words`, in order, not overlapping. */
function occurrences(words: readonly Word[], term: Compiled): TextRange[] {
  const found: TextRange[] = [];
  const n = term.stems.length;
  for (let i = 0; i + n <= words.length; i++) {
    let all = true;
    for (let j = 0; j < n && all; j++) all = wordMatches(words[i + j]!, term.stems[j]!, j === n - 1, term);
    if (!all) continue;
    found.push({ start: words[i]!.start, end: words[i + n - 1]!.end });
    i += n - 1;
  }
  return found;
}

/** Sorted ranges, overlapping or touching ones merged. */
function merged(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: TextRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ ...r });
  }
  return out;
}

/** Where any of the terms occurs in the text: sorted, merged ranges of UTF-16 offsets. */
export function findMatches(text: string, terms: readonly MatchTerm[]): TextRange[] {
  const compiled = terms.map(compile).filter((t): t is Compiled => t !== null);
  if (!compiled.length || !text) return [];
  const words = wordsOf(text);
  return merged(compiled.flatMap((t) => occurrences(words, t)));
}

/** Whether the term occurs in the text at all. */
export function textHas(text: string, term: MatchTerm): boolean {
  const compiled = compile(term);
  return compiled !== null && occurrences(wordsOf(text), compiled).length > 0;
}
