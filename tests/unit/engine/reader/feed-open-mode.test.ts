/**
 * A feed's open mode (schema 8, feeds.open_as): set through ReaderService.updateFeed, kept
 * in a real SQLite file across a reopen, a preference of this device (nothing for a sync
 * account's server), refused at the door and by the table's CHECK when it is none of the
 * three.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import type { FeedOpenMode } from '../../../../shared/domain.js';
import { ARG_SCHEMAS } from '../../../../shared/api-schemas.js';
import { ReaderService } from '../../../../electron/engine/reader/reader-service.js';
import { insertAccount } from '../../../../electron/engine/store/accounts.js';
import { closeDatabase, openDatabase, type Db } from '../../../../electron/engine/store/db.js';
import { getFeed, insertFeed, updateFeedSettings } from '../../../../electron/engine/store/feeds.js';
import { pendingEntries } from '../../../../electron/engine/store/outbox.js';
import { tempDir } from '../../../support/temp.js';

const NOW = Date.UTC(2026, 0, 5);

/** A service over a database file in a fresh directory; `reopen` closes the file and opens it again. */
function setup(t: TestContext) {
  const dir = tempDir();
  const path = join(dir.path, 'syndic.db');
  let db: Db = openDatabase(path);
  let service = new ReaderService({ db, now: () => NOW });
  t.after(async () => {
    await service.shutdown();
    closeDatabase(db);
    dir.remove();
  });
  return {
    get db() {
      return db;
    },
    get service() {
      return service;
    },
    async reopen() {
      await service.shutdown();
      closeDatabase(db);
      db = openDatabase(path);
      service = new ReaderService({ db, now: () => NOW });
    },
  };
}

describe("a feed's open mode", () => {
  it("starts as the feed's content, and every mode set is kept across a reopen of the file", async (t) => {
    const rig = setup(t);
    const { feed } = insertFeed(rig.db, { url: 'https://example.com/feed.xml', title: 'Example' }, NOW);
    assert.equal(feed.openAs, 'feed');
    for (const mode of ['full', 'browser', 'feed'] satisfies FeedOpenMode[]) {
      const updated = await rig.service.updateFeed(feed.id, { openAs: mode });
      assert.equal(updated.openAs, mode);
      await rig.reopen();
      const listed = (await rig.service.listFeeds()).find((f) => f.id === feed.id);
      assert.equal(listed?.openAs, mode, `after setting ${mode}`);
    }
  });

  it('changes nothing else of the feed', async (t) => {
    const rig = setup(t);
    const { feed } = insertFeed(rig.db, { url: 'https://example.com/a.xml', title: 'A', userTitle: 'Mine' }, NOW);
    await rig.service.updateFeed(feed.id, { refreshMinutes: 60, fetchFullText: true });
    const before = getFeed(rig.db, feed.id)!;
    const after = await rig.service.updateFeed(feed.id, { openAs: 'browser' });
    assert.deepEqual({ ...after, openAs: before.openAs }, before);
  });

  it("is this device's preference: a sync account's feed records nothing for its server", async (t) => {
    const rig = setup(t);
    const accountId = insertAccount(
      rig.db,
      { kind: 'greader', name: 'FreshRSS', serverUrl: 'https://rss.example', username: 'me', secretStore: 'file' },
      NOW,
    );
    const { feed } = insertFeed(rig.db, { url: 'https://example.com/synced.xml', title: 'Synced', accountId }, NOW);
    const outboxBefore = pendingEntries(rig.db, accountId).length;
    const updated = await rig.service.updateFeed(feed.id, { openAs: 'full' });
    assert.equal(updated.openAs, 'full');
    assert.equal(pendingEntries(rig.db, accountId).length, outboxBefore);
  });

  it('is refused at the door when it is not one of the three', () => {
    const schema = ARG_SCHEMAS.updateFeed;
    assert.equal(schema.safeParse([1, { openAs: 'full' }]).success, true);
    for (const openAs of ['tab', '', 'Feed', null, 1]) {
      assert.equal(schema.safeParse([1, { openAs }]).success, false, JSON.stringify(openAs));
    }
  });

  it('is refused by the CHECK of feeds.open_as whatever writes the row', (t) => {
    const rig = setup(t);
    const { feed } = insertFeed(rig.db, { url: 'https://example.com/b.xml', title: 'B' }, NOW);
    updateFeedSettings(rig.db, feed.id, { openAs: 'full' });
    assert.throws(
      () => updateFeedSettings(rig.db, feed.id, { openAs: 'tab' as FeedOpenMode }),
      (error: Error & { code?: string }) => error.code === 'SQLITE_CONSTRAINT_CHECK',
    );
    // The refused write changed nothing.
    assert.equal(getFeed(rig.db, feed.id)?.openAs, 'full');
  });
});
