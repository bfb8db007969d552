/**
 * kill -9 in the middle of a refresh, fifty times in a row on the same data directory:
 * every time the database passes integrity_check, and every article a refresh reported
 * stored (its --jsonl line is printed only after that feed's transaction committed) is
 * there. The feeds change before each round, so every refresh has new articles to write,
 * and the kill lands at a different moment each time, on an event, never after a delay:
 * after a random number of committed feeds (their --jsonl lines), or when the refresh asks
 * a random feed's server for it, which can fall before, during or after the first writes.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { closeDatabase, openDatabase } from '../../../electron/engine/store/db.js';
import { recountFeeds } from '../../../electron/engine/store/feed-counts.js';
import { catchUpSearchIndex } from '../../../electron/engine/store/search-indexing.js';
import { assertBuilt, runCli, startCli } from '../../support/cli.js';
import { startCorpus, type Corpus } from '../../support/corpus.js';
import { tempDir } from '../../support/temp.js';
import { seededRandom } from '../../support/seeded-random.js';

const ROUNDS = 50;
const FEEDS = 40;

describe('kill -9 during refresh', () => {
  let corpus: Corpus;
  let dir: ReturnType<typeof tempDir>;
  let data: string;
  const original: string[] = [];

  before(async () => {
    assertBuilt();
    corpus = await startCorpus({ feeds: FEEDS, items: 10, hosts: 4, latencyMs: 15 });
    for (let f = 0; f < FEEDS; f++) original.push(corpus.feedXml(f));
    dir = tempDir();
    data = join(dir.path, 'data');
    const opml = join(dir.path, 'corpus.opml');
    writeFileSync(opml, corpus.opml);
    assert.equal((await runCli(['import-opml', opml, '--data-dir', data])).code, 0);
  });
  after(async () => {
    dir.remove();
    await corpus.close();
  });

  it(`leaves the database whole with every reported article, ${ROUNDS} times in a row`, async () => {
    const next = seededRandom(20261121);
    const reported = new Set<number>();
    let killedMidway = 0;
    /** Rounds killed before any feed was reported committed, and after some were. */
    const killed = { beforeFirstCommit: 0, afterCommits: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      // New guids and links in every feed: this round's refresh has 400 articles to write.
      for (let f = 0; f < FEEDS; f++) corpus.setFeed(f, original[f]!.replaceAll('/posts/', `/r${round}/posts/`));
      const byLines = next() < 0.6;
      const afterLines = 1 + Math.floor(next() * 25);
      const atFeed = Math.floor(next() * FEEDS);
      const feedServer = corpus.servers[atFeed % corpus.servers.length]!;
      const feedPath = new URL(corpus.feedUrls[atFeed]!).pathname;
      const askedBefore = feedServer.requests.filter((r) => r.path === feedPath).length;
      const child = startCli(['refresh', '--jsonl', '--data-dir', data]);
      let buffer = '';
      let lines = 0;
      const kill = (): void => {
        if (child.exitCode !== null || child.killed) return;
        child.kill('SIGKILL');
        if (lines === 0) killed.beforeFirstCommit++;
        else killed.afterCommits++;
      };
      if (!byLines) void feedServer.requested(feedPath, askedBefore + 1).then(kill);
      const exit = await new Promise<number | null>((resolve) => {
        child.stdout!.on('data', (chunk: Buffer) => {
          buffer += chunk;
          const complete = buffer.split('\n');
          buffer = complete.pop()!;
          for (const line of complete) {
            for (const id of JSON.parse(line).stored as number[]) reported.add(id);
            lines++;
            if (byLines && lines >= afterLines) kill();
          }
        });
        child.on('close', (code) => resolve(code));
      });
      if (exit === null) killedMidway++;

      const db = openDatabase(join(data, 'syndic.db'));
      try {
        assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', `round ${round}: integrity`);
        const has = db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck();
        const missing = [...reported].filter((id) => !has.get(id));
        assert.deepEqual(missing, [], `round ${round}: every reported article is stored`);
        // The counters were written in the same transactions as the articles; the full-text
        // index behind them (schema 11) finds every article once the next start has caught up.
        const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
        catchUpSearchIndex(db);
        const indexed = db.prepare('SELECT count(*) FROM articles_fts').pluck().get() as number;
        assert.equal(indexed, articles, `round ${round}: one index entry per article`);
        const kept = db.prepare('SELECT id, unread_count, article_count FROM feeds ORDER BY id').all();
        recountFeeds(db, null);
        assert.deepEqual(
          db.prepare('SELECT id, unread_count, article_count FROM feeds ORDER BY id').all(),
          kept,
          `round ${round}: counters`,
        );
      } finally {
        closeDatabase(db);
      }
    }
    assert.ok(killedMidway >= ROUNDS * 0.8, `${killedMidway} of ${ROUNDS} refreshes were killed before they ended`);
    assert.ok(killed.beforeFirstCommit >= 5 && killed.afterCommits >= 5, JSON.stringify(killed));
  });
});
