/**
 * The insert goal's own reference point, measured on this machine: "a plain schema with
 * FTS triggers takes about 7 s" to take 20,000 new articles into a million. Machines
 * differ (this one is a shared 2-core VM whose disk speed varies from day to day), so the
 * bench runs that plain schema next to Syndic's store, on the same articles in the same
 * run, the way it runs Newsboat next to the refresh.
 *
 * "Plain" as a first version of a reader would write it: one table with the bodies in it,
 * an autoincrement id, a unique (feed, guid) for the upsert, indexes for "newest first"
 * overall and per feed, FTS5 over the bodies kept in step by triggers, SQLite's default
 * merge settings, one transaction per feed. Its million articles are the big database's,
 * copied across once and cached beside it.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import type { ParsedItem } from '../../electron/engine/feeds/parse.js';

const PLAIN_VERSION = 1;

const SCHEMA = `
  CREATE TABLE feeds (id INTEGER PRIMARY KEY, url TEXT NOT NULL UNIQUE, title TEXT);
  CREATE TABLE articles (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid TEXT NOT NULL,
    url TEXT,
    title TEXT,
    author TEXT,
    summary TEXT,
    content TEXT,
    published_at INTEGER,
    read INTEGER NOT NULL DEFAULT 0,
    starred INTEGER NOT NULL DEFAULT 0,
    UNIQUE (feed_id, guid)
  );
  CREATE INDEX articles_published ON articles(published_at);
  CREATE INDEX articles_feed_published ON articles(feed_id, published_at);
  CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, author, summary, content, content = 'articles', content_rowid = 'id'
  );
  CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, author, summary, content)
      VALUES (new.id, new.title, new.author, new.summary, new.content);
  END;
  CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, author, summary, content)
      VALUES ('delete', old.id, old.title, old.author, old.summary, old.content);
  END;
  CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, author, summary, content)
      VALUES ('delete', old.id, old.title, old.author, old.summary, old.content);
    INSERT INTO articles_fts (rowid, title, author, summary, content)
      VALUES (new.id, new.title, new.author, new.summary, new.content);
  END;
`;

function open(path: string): Database.Database {
  const db = new Database(path);
  // The same durability settings as Syndic's store (store/db.ts), so only the design differs.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** The plain schema holding the big database's million articles, built once (about 80 s). */
function plainCopyOf(bigPath: string, log: (line: string) => void): string {
  const path = join(dirname(bigPath), `plain-v${PLAIN_VERSION}-from-${basename(bigPath)}`);
  if (existsSync(path)) return path;
  log('  (building the plain-schema copy of the 1,000,000 articles, once)');
  const building = `${path}.building`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(building + suffix, { force: true });
  const db = open(building);
  db.exec(SCHEMA);
  db.prepare('ATTACH ? AS big').run(bigPath);
  db.exec(`
    BEGIN;
    INSERT INTO feeds (id, url, title) SELECT id, url, title FROM big.feeds;
    INSERT INTO articles (feed_id, guid, url, title, author, summary, content, published_at, read, starred)
      SELECT a.feed_id, a.guid, a.url, a.title, a.author, c.summary, c.content, a.published_at, a.read, a.starred
      FROM big.articles a JOIN big.article_contents c ON c.article_id = a.id
      ORDER BY a.id;
    COMMIT;
  `);
  db.exec('DETACH big');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  renameSync(building, path);
  return path;
}

/**
 * Seconds the plain schema takes to upsert `feeds` (one array of items per feed, in the
 * big database's feed order) into a copy of its million articles, feeds taken in `order`.
 * Returns how many rows it wrote too, so a caller can see it did the same work.
 */
export function plainSchemaWrites(
  bigPath: string,
  workDir: string,
  feeds: readonly (readonly ParsedItem[])[],
  order: readonly number[],
  log: (line: string) => void,
): { seconds: number; written: number } {
  const path = join(workDir, 'plain.db');
  copyFileSync(plainCopyOf(bigPath, log), path);
  // As for Syndic's store: the copy's dirty pages would otherwise be written back during the run.
  execFileSync('sync');
  const db = open(path);
  try {
    db.prepare('SELECT count(*) FROM articles').get();
    const upsert = db.prepare(`
      INSERT INTO articles (feed_id, guid, url, title, author, summary, content, published_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (feed_id, guid) DO UPDATE SET
        url = excluded.url, title = excluded.title, author = excluded.author,
        summary = excluded.summary, content = excluded.content
      WHERE summary IS NOT excluded.summary OR content IS NOT excluded.content OR title IS NOT excluded.title
    `);
    const feedIds = db.prepare('SELECT id FROM feeds ORDER BY id').pluck().all() as number[];
    let written = 0;
    const started = performance.now();
    for (const i of order) {
      const feedId = feedIds[i]!;
      db.transaction(() => {
        for (const item of feeds[i]!) {
          written += upsert.run(
            feedId,
            item.id,
            item.link,
            item.title,
            item.author,
            item.summary,
            item.content,
            item.published,
          ).changes;
        }
      })();
    }
    return { seconds: (performance.now() - started) / 1000, written };
  } finally {
    db.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}
