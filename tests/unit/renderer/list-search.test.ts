/** A search in the list (renderer/src/state/list-search.ts): the header's count and the terms marked in each place. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indexingText, resultsText, rowTerms } from '../../../renderer/src/state/list-search.js';
import { splitHighlights } from '../../../renderer/src/search-highlight.js';

describe('search header', () => {
  it('says how many, with a plus past the cap', () => {
    assert.equal(resultsText({ count: 0, capped: false }, 'en'), '0 results');
    assert.equal(resultsText({ count: 1, capped: false }, 'en'), '1 result');
    assert.equal(resultsText({ count: 12, capped: false }, 'en'), '12 results');
    assert.equal(resultsText({ count: 1000, capped: true }, 'en'), '1,000+ results');
    assert.equal(resultsText({ count: 1000, capped: true }, 'de'), '1.000+ results');
  });

  it('says when the newest articles were not yet indexed, and nothing when all were', () => {
    assert.equal(indexingText(0), null);
    assert.equal(indexingText(1), '1 article is still being indexed: search again in a moment to include them');
    assert.match(indexingText(2500)!, /^2,500 articles are still being indexed/);
  });
});

describe('terms marked in a row', () => {
  const marked = (text: string, terms: Parameters<typeof splitHighlights>[1]) =>
    splitHighlights(text, terms)
      .filter((p) => p.match)
      .map((p) => p.text);

  it('marks a plain word in the title, the snippet and the author, not the feed', () => {
    const terms = rowTerms('garden')!;
    assert.deepEqual(marked('Gardens in winter', terms.title), ['Gardens']);
    assert.deepEqual(marked('the garden', terms.text), ['garden']);
    assert.deepEqual(marked('Garden Smith', terms.author), ['Garden']);
    assert.deepEqual(marked('Garden News', terms.feed), []);
  });

  it('marks a field’s term only in its field, and never an excluded word', () => {
    const terms = rowTerms('title:kitchen feed:news -garden')!;
    assert.deepEqual(marked('Kitchen garden', terms.title), ['Kitchen']);
    assert.deepEqual(marked('kitchen garden', terms.text), []);
    assert.deepEqual(marked('Garden News', terms.feed), ['News']);
  });

  it('marks nothing for a search of exclusions only, or of nothing', () => {
    assert.equal(rowTerms('-garden'), null);
    assert.equal(rowTerms('   '), null);
  });
});
