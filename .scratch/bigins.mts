// In-process: the store's write time for 1,000 feeds x 20 new items into a copy of the 1M db.
import { copyFileSync, rmSync } from 'node:fs';
import { openDatabase, closeDatabase } from '/work/main/electron/store/db.ts';
import { GroupCommit } from '/work/main/electron/store/group-commit.ts';
import { upsertFeedArticles } from '/work/main/electron/store/article-upsert.ts';
import { parseFeed } from '/work/main/electron/feeds/parse.ts';
import { prepareItem } from '/work/main/electron/feeds/prepare-item.ts';
import { feedXml } from '/work/main/tests/support/corpus.ts';
import { loadSeedPostsFromFixtures } from '/work/main/tests/support/seed-posts.ts';
const variant = process.argv[2] ?? 'base';
const base = Number(process.argv[3] ?? Date.UTC(2024, 0, 15));
const cacheMb = Number(process.argv[4] ?? 8);
const posts = loadSeedPostsFromFixtures();
const feeds: any[][] = [];
for (let f = 0; f < 1000; f++) {
  const parsed = await parseFeed({ body: Buffer.from(feedXml(f, 20, posts, base)), url: 'https://x/feed', contentType: 'application/rss+xml' });
  feeds.push(parsed.items.map(prepareItem));
}
if (process.env.COMPRESS) { const z = await import('node:zlib'); let before = 0, after = 0; for (const items of feeds) for (const it of items) { if (it.summary) { const b = Buffer.from(it.summary); before += b.length; it.summary = z.deflateRawSync(b, { level: Number(process.env.COMPRESS) }); after += it.summary.length; } } console.log('compressed', before, '->', after); }
const path = '/tmp/bi/syndic.db';
for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
if (process.env.SRC !== 'empty') copyFileSync(process.env.SRC ?? '/tmp/syndic-bench/big-v2.4-1000x1000.db', path);
if (process.env.PS) { const D = (await import('/work/main/node_modules/better-sqlite3/lib/index.js')).default; const r = new D(path); r.pragma('page_size = ' + process.env.PS); r.exec('CREATE TABLE _x(a); DROP TABLE _x'); r.close(); }
(await import('node:child_process')).execSync('sync');
const db = openDatabase(path, { cacheMb });
if (variant === 'nofts') db.exec('DROP TABLE articles_fts; CREATE TABLE articles_fts(title, author, body)');
if (variant === 'void') db.exec("DROP TABLE articles_fts; CREATE TABLE articles_fts(title, author, body); CREATE TRIGGER fts_void BEFORE INSERT ON articles_fts BEGIN SELECT RAISE(IGNORE); END;");
if (variant === 'void-noidx') db.exec("DROP TABLE articles_fts; CREATE TABLE articles_fts(title, author, body); CREATE TRIGGER fts_void BEFORE INSERT ON articles_fts BEGIN SELECT RAISE(IGNORE); END; DROP INDEX articles_story_key; DROP INDEX articles_feed_unread; DROP INDEX articles_unread;");
if (variant === 'nofts-noidx') db.exec('DROP TABLE articles_fts; CREATE TABLE articles_fts(title, author, body); DROP INDEX articles_story_key; DROP INDEX articles_dup; DROP INDEX articles_dup_unread; DROP INDEX articles_story;');
if (variant.startsWith('hash')) {
  const h = (x: string | null) => { if (x == null) return null; let a = 0x811c9dc5, b = 0x01000193 ^ 0x5bd1e995; for (let i = 0; i < x.length; i++) { const c = x.charCodeAt(i); a = Math.imul(a ^ c, 16777619); b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15); } return (a >>> 0) * 2097152 + ((b >>> 0) & 0x1fffff); };
  (db as any).function('h', { deterministic: true }, h);
  if (variant === 'hash-nofts') db.exec('DROP TABLE articles_fts; CREATE TABLE articles_fts(title, author, body)');
  const t = performance.now();
  if (!process.env.PREBUILT) db.exec('DROP INDEX articles_story_key; CREATE INDEX articles_story_hash ON articles(h(story_key)) WHERE story_key IS NOT NULL');
  console.log('hash index built in', (performance.now() - t).toFixed(0), 'ms');
}
db.prepare('SELECT count(*) FROM articles').get();
if (process.env.AM) db.exec(`INSERT INTO articles_fts(articles_fts, rank) VALUES ('automerge', ${process.env.AM}); INSERT INTO articles_fts(articles_fts, rank) VALUES ('crisismerge', ${process.env.CM ?? 16})`);
if (process.env.SYNC) db.pragma('synchronous = ' + process.env.SYNC);
if (process.env.BGCKPT) {
  db.pragma('wal_autocheckpoint = 0');
  const { Worker } = await import('node:worker_threads');
  const w = new Worker(`
    const D = require('/work/main/node_modules/better-sqlite3');
    const db = new D(${JSON.stringify(path)});
    db.pragma('synchronous = NORMAL'); db.pragma('busy_timeout = 5000');
    const { parentPort } = require('node:worker_threads');
    let busy = 0, n = 0;
    const tick = () => { const t = performance.now(); const r = db.pragma('wal_checkpoint(PASSIVE)'); busy += performance.now() - t; n++; };
    const iv = setInterval(tick, ${Number(process.env.BGCKPT)});
    parentPort.on('message', () => { clearInterval(iv); parentPort.postMessage({busy, n}); db.close(); });
  `, { eval: true });
  (globalThis as any).bgWorker = w;
}
if (process.env.AC) db.pragma('wal_autocheckpoint = ' + process.env.AC);
if (process.env.MMAP) db.pragma('mmap_size = ' + process.env.MMAP);
if (process.env.NOCKPT) db.pragma('wal_autocheckpoint = 0');
if (process.env.SRC === 'empty') for (let f = 0; f < 1000; f++) db.prepare('INSERT INTO feeds (url, created_at) VALUES (?, 0)').run('https://f' + f);
const ids = db.prepare('SELECT id FROM feeds ORDER BY id').pluck().all() as number[];
// shuffle feed order in groups like the network would
const order = ids.map((id, i) => [id, i]).sort((a, b) => ((a[1] * 7919) % 1000) - ((b[1] * 7919) % 1000));
const timing = new Map<string, number>();
const origPrepare = (db as any).prepare.bind(db);
if (process.env.REWRITE) db.exec('CREATE TABLE contents2 (id INTEGER PRIMARY KEY, article_id INTEGER, canonical_url TEXT, summary TEXT, content TEXT, full_content TEXT, categories TEXT, enclosures TEXT)');
(db as any).prepare = (sql: string) => {
  if (process.env.REWRITE) sql = sql.replace('INSERT INTO article_contents (article_id', 'INSERT INTO contents2 (article_id');
  let dupFirst = false;
  if (variant.startsWith('hash') && sql.includes('WHERE story_key = ? AND feed_id <> ?')) { sql = sql.replace('WHERE story_key = ? AND feed_id <> ?', 'WHERE h(story_key) = h(?) AND story_key = ? AND feed_id <> ?'); dupFirst = true; }
  const st = origPrepare(sql);
  for (const m of ['run', 'get', 'all']) {
    const f = st[m].bind(st);
    st[m] = (...a: any[]) => { const t = performance.now(); if (dupFirst) a = [a[0], ...a]; try { return f(...a); } finally { timing.set(sql, (timing.get(sql) ?? 0) + performance.now() - t); } };
  }
  return st;
};
if (process.env.PAUSE) { console.log('PID', process.pid); (await import('node:fs')).writeFileSync('/tmp/bi.pid', String(process.pid)); await new Promise(r => setTimeout(r, 3000)); }
let commitMs = 0;
const t0 = performance.now();
let n = 0;
const group = new GroupCommit(db, { maxFeeds: Number(process.env.MF ?? 50), maxMs: 1e9 });
for (const [id, i] of order) {
  n += group.write(() => process.env.SP1 ? upsertFeedArticles(db, id, feeds[i], Date.now()) : db.transaction(() => upsertFeedArticles(db, id, feeds[i], Date.now()))()).inserted.length;
  const tc = performance.now(); group.feedDone(); commitMs += performance.now() - tc;
}
group.commit();
const ms = performance.now() - t0;
if ((globalThis as any).bgWorker) { const w = (globalThis as any).bgWorker; const r = await new Promise(res => { w.once('message', res); w.postMessage('stop'); }); console.log('bg checkpoints', JSON.stringify(r)); await w.terminate(); }
if (process.env.POSTMERGE) {
  const tm = performance.now(); let steps = 0;
  const tc = () => (db.prepare('SELECT total_changes() AS n').get() as any).n;
  for (;;) { const b = tc(); db.prepare("INSERT INTO articles_fts (articles_fts, rank) VALUES ('merge', ?)").run(Number(process.env.POSTMERGE)); steps++; if (tc() - b < 2) break; }
  console.log('post-refresh merge', (performance.now() - tm).toFixed(0), 'ms in', steps, 'steps');
}
console.log('wal MB', ((await import('node:fs')).statSync(path + '-wal').size / 1e6).toFixed(0));
if (process.env.KEEPWAL) copyFileSync(path + '-wal', '/tmp/bi/keep.wal');
const t1 = performance.now();
db.pragma('wal_checkpoint(TRUNCATE)');
console.log('writeTo', (globalThis as any).gcw, 'release', (globalThis as any).gcr, 'COMMIT', (globalThis as any).gcc);
console.log(variant, 'base', new Date(base).toISOString().slice(0, 10), 'cache', cacheMb, ':', n, 'new in', ms.toFixed(0), 'ms; commits', commitMs.toFixed(0), 'ms; checkpoint', (performance.now() - t1).toFixed(0), 'ms');
for (const [k, v] of [...timing].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(v.toFixed(0).padStart(6), k.replace(/\s+/g, ' ').slice(0, 110));
db.close();
