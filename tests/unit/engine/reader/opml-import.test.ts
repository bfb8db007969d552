/** What the import report counts: feeds, not lines. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReaderService } from '../../../../electron/engine/reader/reader-service.js';
import * as feedsStore from '../../../../electron/engine/store/feeds.js';
import { tempDatabase } from '../../../support/temp.js';

test('a feed listed under two folders is one feed added, not one "already followed"', async () => {
  const data = tempDatabase();
  const service = new ReaderService({ db: data.db, emit: () => {} });
  try {
    feedsStore.insertFeed(data.db, { url: 'https://old.example/feed', title: 'Old', siteUrl: null }, 0);
    const opml = `<opml version="2.0"><body>
      <outline text="News"><outline type="rss" text="A" xmlUrl="https://a.example/feed"/>
        <outline type="rss" text="Old" xmlUrl="https://old.example/feed"/></outline>
      <outline text="Tech"><outline type="rss" text="A" xmlUrl="https://a.example/feed"/>
        <outline type="rss" text="Old" xmlUrl="https://old.example/feed"/></outline>
    </body></opml>`;
    const report = await service.importOpml(opml);
    assert.deepEqual({ added: report.added, skipped: report.skipped }, { added: 1, skipped: 1 });
    // Both folders still tag it.
    const a = feedsStore.listFeeds(data.db).find((f) => f.url === 'https://a.example/feed')!;
    assert.equal(a.tags.length, 2);
  } finally {
    await service.shutdown();
    data.done();
  }
});
