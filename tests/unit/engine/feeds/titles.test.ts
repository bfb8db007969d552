/**
 * Titles are plain text everywhere (issue 17, item 1): an Atom title of type "html" and an
 * RSS title with escaped markup come out with their entities decoded and tags removed,
 * while an Atom title of type "text" keeps exactly what it says.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseFeed } from '../../../../electron/engine/feeds/parse.js';
import { fixturesDir } from '../../../support/fixtures.js';

const parse = (name: string) =>
  parseFeed({ body: readFileSync(join(fixturesDir, 'quirks', name)), url: 'https://feeds.example/feed' });

describe('parse: titles are plain text', () => {
  it('decodes the entities and drops the tags of Atom type="html" titles (WordPress)', () => {
    const feed = parse('wordpress-html-titles.atom');
    assert.equal(feed.title, 'Notes & Queries – a blog');
    assert.deepEqual(
      feed.items.map((i) => i.title),
      ['Q&A – part 1', 'Why x<y isn’t "obvious"', 'Fish & chips &amp; peas'],
      'a type="text" title is already plain: it keeps its "&amp;"',
    );
    assert.deepEqual(feed.items[0]!.categories, ['Q&A']);
  });

  it('decodes RSS titles whose markup is escaped, feed title included', () => {
    const feed = parse('escaped-titles.rss');
    assert.equal(feed.title, 'Café & Bar – the news');
    assert.deepEqual(
      feed.items.map((i) => i.title),
      ['Q&A – part 1', 'New: the spring menu …'],
    );
  });
});
