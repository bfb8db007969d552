/** The search box's language (shared/search-syntax.ts): terms, the hostile inputs it must survive, highlights. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  formatSearch,
  highlightTerms,
  MAX_TERMS,
  parseSearch,
  SEARCH_HELP,
  type SearchTerm,
} from '../../../shared/search-syntax.js';

/** A term with the defaults of a plain word. */
function term(words: string[], over: Partial<SearchTerm> = {}): SearchTerm {
  return { field: 'any', words, phrase: words.length > 1, negated: false, prefix: false, ...over };
}

describe('parseSearch', () => {
  it('reads words, phrases, prefixes and exclusions', () => {
    assert.deepEqual(parseSearch('cloud  flare').terms, [term(['cloud']), term(['flare'])]);
    assert.deepEqual(parseSearch('"hard drive" failure').terms, [
      term(['hard', 'drive'], { phrase: true }),
      term(['failure']),
    ]);
    assert.deepEqual(parseSearch('encry*').terms, [term(['encry'], { prefix: true })]);
    assert.deepEqual(parseSearch('"hard dri"*').terms, [term(['hard', 'dri'], { prefix: true })]);
    assert.deepEqual(parseSearch('-spam -"press release"').terms, [
      term(['spam'], { negated: true }),
      term(['press', 'release'], { negated: true }),
    ]);
    assert.deepEqual(parseSearch('"one"').terms, [term(['one'], { phrase: true })], 'a quoted word');
  });

  it('reads title:, author: and feed:, in any case, with words or phrases', () => {
    assert.deepEqual(parseSearch('title:rust').terms, [term(['rust'], { field: 'title' })]);
    assert.deepEqual(parseSearch('Author:"Jane Doe"').terms, [
      term(['Jane', 'Doe'], { field: 'author', phrase: true }),
    ]);
    assert.deepEqual(parseSearch('feed:verge*').terms, [term(['verge'], { field: 'feed', prefix: true })]);
    assert.deepEqual(parseSearch('-title:"a b"*').terms, [
      term(['a', 'b'], { field: 'title', negated: true, prefix: true }),
    ]);
  });

  it('splits a word where the index splits text, so "wi-fi" is its two words together', () => {
    assert.deepEqual(parseSearch('wi-fi').terms, [term(['wi', 'fi'])]);
    assert.deepEqual(parseSearch('e-mail*').terms, [term(['e', 'mail'], { prefix: true })]);
    assert.deepEqual(
      parseSearch('http://example.com').terms,
      [term(['http', 'example', 'com'])],
      'an unknown name: is text',
    );
    assert.deepEqual(parseSearch('C++ #rust').terms, [term(['C']), term(['rust'])]);
    assert.deepEqual(parseSearch('café Zoë').terms, [term(['café']), term(['Zoë'])]);
  });

  it('ends a word at a quote, and runs an unclosed quote to the end', () => {
    assert.deepEqual(parseSearch('a"b c"').terms, [term(['a']), term(['b', 'c'], { phrase: true })]);
    assert.deepEqual(parseSearch('"hard drive').terms, [term(['hard', 'drive'], { phrase: true })]);
    assert.deepEqual(parseSearch('title:"unterminated').terms, [
      term(['unterminated'], { field: 'title', phrase: true }),
    ]);
  });

  it('drops what holds no word: a lone -, a stray quote, an empty field, stars', () => {
    for (const input of [
      '',
      '   ',
      '-',
      '- -',
      '"',
      '""',
      '" "',
      '*',
      '**',
      '-*',
      'title:',
      'feed: ',
      '-author:',
      '\u0000',
      '()',
      '^',
    ]) {
      assert.deepEqual(parseSearch(input).terms, [], JSON.stringify(input));
    }
    assert.deepEqual(parseSearch('- word').terms, [term(['word'])], 'a - standing alone excludes nothing');
    assert.deepEqual(parseSearch('title: word').terms, [term(['word'])], 'an empty field is dropped, not carried over');
    assert.deepEqual(parseSearch('a*b').terms, [term(['a', 'b'])], 'a star inside a word is not a prefix');
    assert.deepEqual(parseSearch('foo-*').terms, [term(['foo'])], 'nor one after punctuation');
  });

  it('keeps FTS5 operators as plain words', () => {
    assert.deepEqual(parseSearch('NEAR(a, b) OR NOT c').terms, [
      term(['NEAR', 'a']),
      term(['b']),
      term(['OR']),
      term(['NOT']),
      term(['c']),
    ]);
  });

  it(`never throws, and keeps at most ${MAX_TERMS} terms`, () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['a', 'b', ' ', '"', '-', '*', ':', 'title:', 'feed:', '(', ')', '\\', 'é', '\u0301', '🙂', '\n'];
    for (let n = 0; n < 2000; n++) {
      const input = Array.from(
        { length: Math.floor(random() * 30) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      const { terms } = parseSearch(input);
      for (const t of terms) assert.ok(t.words.length > 0 && t.words.every((w) => w.length > 0), JSON.stringify(input));
    }
    assert.equal(parseSearch(Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ')).terms.length, MAX_TERMS);
  });
});

describe('highlightTerms', () => {
  const query = parseSearch('rust -go title:async author:jane feed:verge "hard drive"');
  const words = (place: Parameters<typeof highlightTerms>[1]) =>
    highlightTerms(query, place).map((t) => t.words.join(' '));

  it('gives only the terms that must be present, for the place they apply to', () => {
    assert.deepEqual(words('text'), ['rust', 'hard drive']);
    assert.deepEqual(words('title'), ['rust', 'async', 'hard drive']);
    assert.deepEqual(words('author'), ['rust', 'jane', 'hard drive']);
    assert.deepEqual(words('feed'), ['verge']);
  });
});

describe('formatSearch and the help', () => {
  it('writes a query back in its canonical form', () => {
    assert.equal(formatSearch(parseSearch('  Title:"a  b"*  -x   wi-fi ')), 'title:"a b"* -x "wi fi"');
    assert.equal(formatSearch(parseSearch('"')), '');
  });

  it('lists every part of the syntax', () => {
    const text = SEARCH_HELP.map((h) => h.syntax).join(' ');
    for (const part of ['word*', '"a phrase"', '-word', 'title:', 'author:', 'feed:'])
      assert.ok(text.includes(part), part);
  });
});
