/**
 * Finding search terms in text as the index finds them (shared/search-match.ts), and the
 * Porter stemmer it uses (shared/porter-stem.ts) checked against SQLite's own: every word
 * of the fixture feeds, and words made to reach each of the stemmer's rules.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { porterStem } from '../../../shared/porter-stem.js';
import { findMatches, foldWord, splitWords, textHas, wordsOf } from '../../../shared/search-match.js';

/** Words that reach each step of the Porter algorithm (from its paper's examples). */
const RULE_WORDS = `caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated troubled
sized hopping tanned falling hissing fizzed failing filing happy sky relational conditional rational valenci
hesitanci digitizer conformabli radicalli differentli vileli analogousli vietnamization predication operator
feudalism decisiveness hopefulness callousness formaliti sensitiviti sensibiliti triplicate formative formalize
electriciti electrical hopeful goodness revival allowance inference airliner gyroscopic adjustable defensible
irritant replacement adjustment dependent adoption homologou communism activate angulariti homologous effective
bowdlerize probate rate cease controll roll generalizations oscillators running runs ran encryption encrypted
agreement abilities eed bed sses ies ss s y ay ey oed`;

/** What SQLite's porter tokenizer makes of each word. */
function sqliteStems(words: string[]): string[] {
  const db = new Database(':memory:');
  try {
    db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'porter unicode61 remove_diacritics 2');
             CREATE VIRTUAL TABLE v USING fts5vocab(t, instance);`);
    const insert = db.prepare('INSERT INTO t (rowid, body) VALUES (?, ?)');
    db.transaction(() => words.forEach((w, i) => insert.run(i + 1, w)))();
    const stems = new Array<string>(words.length);
    for (const row of db.prepare('SELECT term, doc FROM v').all() as { term: string; doc: number }[])
      stems[row.doc - 1] = row.term;
    return stems;
  } finally {
    db.close();
  }
}

/** Our stem as text (porterStem returns UTF-8 bytes, one char each). */
const ourStem = (word: string): string => Buffer.from(porterStem(foldWord(word)), 'latin1').toString('utf8');

describe('porterStem', () => {
  it("agrees with SQLite's porter tokenizer on every word of the fixture feeds and on each rule", () => {
    const dir = new URL('../../fixtures/feeds', import.meta.url).pathname;
    const words = new Set(splitWords(RULE_WORDS));
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      if (/\.(xml|rss|atom|rdf|json)$/.test(file))
        for (const w of splitWords(readFileSync(join(dir, file), 'utf8'))) words.add(w);
    }
    const list = [...words];
    assert.ok(list.length > 1000, `only ${list.length} words`);
    const theirs = sqliteStems(list);
    const differ = list
      .filter((w, i) => ourStem(w) !== theirs[i])
      .map((w) => `${w}: ${ourStem(w)} / ${theirs[list.indexOf(w)]}`);
    assert.deepEqual(differ.slice(0, 20), []);
  });

  it('stems as the paper says', () => {
    assert.equal(porterStem('encryption'), 'encrypt');
    assert.equal(porterStem('encrypted'), 'encrypt');
    assert.equal(porterStem('ponies'), 'poni');
    assert.equal(porterStem('relational'), 'relat');
    assert.equal(porterStem('at'), 'at', 'under 3 bytes: as it is');
  });
});

describe('findMatches', () => {
  const ranges = (text: string, ...terms: [string[], boolean?][]) =>
    findMatches(
      text,
      terms.map(([words, prefix]) => ({ words, prefix: prefix ?? false })),
    ).map((r) => text.slice(r.start, r.end));

  it('matches whole words, stemmed, in any case and without diacritics', () => {
    assert.deepEqual(ranges('Encryption: encrypted, ENCRYPTS; decrypt', [['encrypt']]), [
      'Encryption',
      'encrypted',
      'ENCRYPTS',
    ]);
    assert.deepEqual(ranges('Un café à Zoë', [['cafe']], [['zoe']]), ['café', 'Zoë']);
    assert.deepEqual(ranges('cartography', [['cart']]), [], 'not inside a longer word');
  });

  it('matches a prefix from the start of a word', () => {
    assert.deepEqual(ranges('Encrypted encryption recrypt', [['encry'], true]), ['Encrypted', 'encryption']);
  });

  it('matches a phrase as adjacent words, whatever separates them', () => {
    assert.deepEqual(ranges('A hard drive; a hard, drive; hard disk drive', [['hard', 'drive']]), [
      'hard drive',
      'hard, drive',
    ]);
    assert.deepEqual(ranges('hard drives, hard drivers', [['hard', 'dri'], true]), ['hard drives', 'hard drivers']);
  });

  it('merges overlapping matches and keeps them in order', () => {
    assert.deepEqual(ranges('big hard drive here', [['drive']], [['hard', 'drive']], [['big']]), ['big', 'hard drive']);
    assert.deepEqual(ranges('nothing', [[]], [['']]), [], 'an empty term matches nothing');
    assert.deepEqual(ranges('', [['x']]), []);
  });

  it('reports offsets in the original text, astral characters included', () => {
    const text = '🙂 naïve 🙂 word';
    const [hit] = findMatches(text, [{ words: ['word'], prefix: false }]);
    assert.equal(text.slice(hit!.start, hit!.end), 'word');
    assert.deepEqual(
      wordsOf(text).map((w) => w.folded),
      ['naive', 'word'],
    );
  });
});

describe('textHas', () => {
  it('tells whether a feed name holds a term', () => {
    assert.equal(textHas('The Verge', { words: ['verge'], prefix: false }), true);
    assert.equal(textHas('Ars Technica', { words: ['tech'], prefix: true }), true);
    assert.equal(textHas('Ars Technica', { words: ['tech'], prefix: false }), false);
    assert.equal(textHas('Ars Technica', { words: ['technica', 'ars'], prefix: false }), false, 'order counts');
  });
});
