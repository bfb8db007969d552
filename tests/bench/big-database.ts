/**
 * A generated database (1,000,000 articles for the queries, 100,000 for the UI), written through the
 * store's own write path (so its indexes and counters are what the app builds). Cached
 * between runs, keyed by the schema version and this generator's version.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ParsedItem } from '../../electron/engine/feeds/parse.js';
import { upsertFeedArticles } from '../../electron/engine/store/article-upsert.js';
import { closeDatabase, openDatabase, type Db } from '../../electron/engine/store/db.js';
import { recountFeeds } from '../../electron/engine/store/feed-counts.js';
import { insertFeed } from '../../electron/engine/store/feeds.js';
import { LATEST_VERSION } from '../../electron/engine/store/migrate.js';
import { mergeSearchIndexNow } from '../../electron/engine/store/search-index.js';
import { catchUpSearchIndex } from '../../electron/engine/store/search-indexing.js';
import { removeSearchIndex, searchIndexPath } from '../../electron/engine/store/search-file.js';
import { addFeedTag, ensureTag, tagArticle } from '../../electron/engine/store/tags.js';
import { loadSeedPostsFromFixtures } from '../support/seed-posts.js';

const GENERATOR_VERSION = 5;
export interface Size {
  feeds: number;
  perFeed: number;
}
export const BIG: Size = { feeds: 1000, perFeed: 1000 };
export const UI_SIZE: Size = { feeds: 100, perFeed: 1000 };
export const NOW = Date.UTC(2024, 5, 1, 12);

export interface BigDatabase {
  path: string;
  /** Tag covering ~14% of articles; tag covering 0.3%; two ordinary tags. */
  tags: { big: number; small: number; a: number; b: number };
}

const cacheDir = (): string => join(process.env.SYNDIC_BENCH_CACHE ?? join(tmpdir(), 'syndic-bench'));

function cachePath(size: Size): string {
  mkdirSync(cacheDir(), { recursive: true });
  return join(cacheDir(), `big-v${LATEST_VERSION}.${GENERATOR_VERSION}-${size.feeds}x${size.perFeed}.db`);
}

/** The same generator's database cached at an older schema: migrating a copy is faster than generating. */
function olderCache(size: Size): string | null {
  const suffix = `.${GENERATOR_VERSION}-${size.feeds}x${size.perFeed}.db`;
  const older = readdirSync(cacheDir())
    .filter((name) => name.startsWith('big-v') && name.endsWith(suffix))
    .map((name) => ({ name, version: Number(name.slice('big-v'.length, -suffix.length)) }))
    .filter((c) => c.version < LATEST_VERSION)
    .sort((a, b) => b.version - a.version)[0];
  return older ? join(cacheDir(), older.name) : null;
}

/** Moves a database and its index file (store/search-file.ts). */
function moveDatabase(from: string, to: string): void {
  renameSync(from, to);
  renameSync(searchIndexPath(from)!, searchIndexPath(to)!);
}

function tagIds(db: Db): BigDatabase['tags'] {
  const id = (name: string): number => db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(name) as number;
  return { big: id('big'), small: id('small'), a: id('tag-1'), b: id('tag-2') };
}

export function bigDatabase(log: (line: string) => void, size: Size = BIG): BigDatabase {
  const path = cachePath(size);
  if (existsSync(path)) {
    const db = openDatabase(path, { readonly: true, migrate: false });
    const tags = tagIds(db);
    db.close();
    return { path, tags };
  }
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  removeSearchIndex(building);
  const older = olderCache(size);
  if (older) {
    const seconds = (since: number): string => ((Date.now() - since) / 1000).toFixed(1);
    log(`  migrating a copy of ${older} to schema ${LATEST_VERSION}`);
    let started = Date.now();
    copyFileSync(older, building);
    log(`  copied in ${seconds(started)} s`);
    // What a user's first start after the upgrade waits for: opening runs the migrations.
    started = Date.now();
    const db = openDatabase(building);
    log(`  opened and migrated in ${seconds(started)} s`);
    started = Date.now();
    catchUpSearchIndex(db);
    mergeSearchIndexNow(db);
    closeDatabase(db);
    moveDatabase(building, path);
    log(`  search index caught up and merged in ${seconds(started)} s`);
    return bigDatabase(log, size);
  }
  const db = openDatabase(building);
  const posts = loadSeedPostsFromFixtures();
  const started = Date.now();
  const tag = (name: string): number => ensureTag(db, name, NOW);
  const big = tag('big');
  const small = tag('small');
  const ordinary = Array.from({ length: 50 }, (_, i) => tag(`tag-${i}`));
  for (let f = 0; f < size.feeds; f++) {
    const feedId = insertFeed(db, { url: `https://site${f}.example/feed.xml`, title: `Feed ${f}` }, NOW).feed.id;
    addFeedTag(db, feedId, ordinary[f % 50]!);
    if (f % 3 === 0) addFeedTag(db, feedId, ordinary[(f + 1) % 50]!);
    if (f % 7 === 0) addFeedTag(db, feedId, big);
    if (f < 3) addFeedTag(db, feedId, small);
    const items: ParsedItem[] = [];
    for (let i = 0; i < size.perFeed; i++) {
      const n = f * size.perFeed + i;
      const post = posts[n % posts.length]!;
      const offset = (n * 131) % Math.max(1, post.html.length - 700);
      // One item in a hundred is a copy of another feed's post (same link, other guid).
      const link =
        i % 100 === 0 && f > 0 ? `https://site${f - 1}.example/p/${i + 1}` : `https://site${f}.example/p/${i}`;
      items.push({
        id: `https://site${f}.example/p/${i}#guid`,
        title: `${post.title || 'Video'} ${n}`,
        link,
        author: post.author,
        // Spread over about two years, newest feeds interleaved with oldest.
        published: NOW - ((n * 7919) % (size.feeds * size.perFeed)) * 60_000,
        updated: null,
        summary: null,
        content: post.html.slice(offset, offset + 700),
        categories: [],
        // One feed in fifty is a podcast: every item has an episode (2% of articles).
        enclosures:
          f % 50 === 25 ? [{ url: `https://site${f}.example/e/${i}.mp3`, type: 'audio/mpeg', length: 1_000_000 }] : [],
        thumbnailUrl: null,
      });
    }
    upsertFeedArticles(db, feedId, items, NOW);
    if (f % 100 === 99)
      log(`  generated ${(f + 1) * size.perFeed} articles (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  }
  // 70% read, 0.5% starred, 0.5% muted by a rule (muting marks read), a few hundred
  // articles tagged on their own.
  db.exec('UPDATE articles SET read = 1 WHERE (id / 7) % 10 < 7');
  db.exec('UPDATE articles SET starred = 1 WHERE (id / 11) % 200 = 0');
  db.exec('UPDATE articles SET muted = 1, read = 1 WHERE (id / 17) % 200 = 0');
  recountFeeds(db, null);
  const someIds = db.prepare('SELECT id FROM articles WHERE (id / 13) % 2000 = 0').pluck().all() as number[];
  for (const id of someIds) tagArticle(db, id, small);
  // What the indexer does behind the writes, and to a grown index (store/search-index.ts).
  catchUpSearchIndex(db);
  mergeSearchIndexNow(db);
  db.pragma('optimize');
  closeDatabase(db);
  moveDatabase(building, path);
  log(
    `  generated the ${(size.feeds * size.perFeed).toLocaleString('en')}-article database in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
  const ro = openDatabase(path, { readonly: true, migrate: false });
  const tags = tagIds(ro);
  ro.close();
  return { path, tags };
}

/** A private copy of the big database and its index file, for benchmarks that write. */
export function copyOfBigDatabase(source: string, dir: string): string {
  const target = join(dir, 'syndic.db');
  copyFileSync(source, target);
  copyFileSync(searchIndexPath(source)!, searchIndexPath(target)!);
  return target;
}
