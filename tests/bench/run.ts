/**
 * `npm run bench`: prints Syndic's speed and memory figures. Figures, not pass/fail: no
 * threshold here, the README records them. Everything runs on this machine over loopback.
 *
 *   parse       throughput of the parser (and rss-parser, for the record)
 *   refresh     1,000 feeds x 20 items over 100 loopback hosts with 50 ms latency: cold,
 *               then all-304, by the real `syndic` CLI; its peak memory; Newsboat on the
 *               same corpus
 *   rules       that cold refresh without and with 50 rules, in interleaved pairs (rules.ts)
 *   queries     on a generated 1,000,000-article database
 *   views       ten typical saved views on that database: page, counts, getCounts (views.ts)
 *   insert      a refresh that adds 20,000 articles to that database, beside the minimal
 *               refresher on the same feeds, and the store's share of it in-process, in
 *               interleaved rounds; the goal's reference for that share (insert.ts)
 *   ui          browser mode on 100,000 articles: start to first list, opening an article,
 *               frame times while scrolling the list in each layout (Chromium)
 *   ui-loop     the serving process's event-loop delay, and UI calls' times, during a cold
 *               1,000-feed refresh: the engine on its own thread against on the serving one
 *   sync        a real TT-RSS: first sync of 10,000 articles (seconds, memory, the server's
 *               share), then a sync with no change (requests, bytes, seconds)
 *   slow-host   `syndic refresh` with five hanging or trickling feeds on one host and a
 *               healthy feed on another, with the real deadlines (issue 19)
 *   kill9       100 refreshes killed with SIGKILL inside their writes: integrity and
 *               reported articles after each (kill9.ts)
 *   soak        500 feeds polled through a simulated day: memory, file descriptors and
 *               the database's size over it (soak.ts)
 *
 * Sections can be chosen: `npm run bench -- parse queries`.
 */
import { parseFeed } from '../../electron/engine/feeds/parse.js';
import * as articles from '../../electron/engine/store/articles.js';
import { createBackup } from '../../electron/engine/store/backup.js';
import { checkFile, checkFileQuickly } from '../../electron/engine/store/integrity.js';
import { getCounts } from '../../electron/engine/store/counts.js';
import { closeDatabase, openDatabase } from '../../electron/engine/store/db.js';
import type { ArticleQuery } from '../../shared/domain.js';
import { feedXml } from '../support/corpus.js';
import { contentTypeOf, fixture, seedFeedNames } from '../support/fixtures.js';
import { loadSeedPostsFromFixtures } from '../support/seed-posts.js';
import { tempDir } from '../support/temp.js';
import { BIG, bigDatabase, NOW, UI_SIZE } from './big-database.js';
import { benchViews } from './views.js';
import { benchUi } from './ui.js';
import { benchUiLoop } from './ui-loop.js';
import { benchSync } from './sync.js';
import { benchSlowHost } from './slow-host.js';
import { benchKill9 } from './kill9.js';
import { benchSoak } from './soak.js';
import { benchRules } from './rules.js';
import { benchRefresh } from './refresh.js';
import { benchInsert } from './insert.js';
import { median } from './summary.js';

const sections = new Set(process.argv.slice(2));
const wants = (name: string): boolean => sections.size === 0 || sections.has(name);
const results: Record<string, string> = {};
const log = (line: string): void => console.log(line);
const record = (key: string, value: string): void => {
  results[key] = value;
  log(`  ${key.padEnd(52)} ${value}`);
};

function timeRepeated(fn: () => void, runs: number): { median: number; max: number } {
  fn(); // warm the statement cache and the page cache
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return { median: median(times), max: Math.max(...times) };
}

async function benchParse(): Promise<void> {
  log('\nparse');
  const posts = loadSeedPostsFromFixtures();
  const docs: { body: Buffer; name: string }[] = [
    ...seedFeedNames().map((name) => ({ body: fixture('feeds', name), name })),
    ...Array.from({ length: 40 }, (_, i) => ({ body: Buffer.from(feedXml(i, 20, posts)), name: `generated-${i}.rss` })),
  ];
  const bytes = docs.reduce((sum, d) => sum + d.body.length, 0);
  const throughput = async (fn: (doc: { body: Buffer; name: string }) => unknown): Promise<number> => {
    for (const d of docs) await fn(d);
    let rounds = 0;
    const start = performance.now();
    while (performance.now() - start < 3000) {
      for (const d of docs) await fn(d);
      rounds++;
    }
    return (bytes * rounds) / ((performance.now() - start) / 1000) / 1e6;
  };
  const ours = await throughput((d) =>
    parseFeed({ body: d.body, url: 'https://bench.example/feed', contentType: contentTypeOf(d.name) }),
  );
  record('parse: Syndic (decode + feedsmith + normalise)', `${ours.toFixed(1)} MB/s`);
  const { default: RssParser } = await import('rss-parser');
  const rss = new RssParser();
  const xmlDocs = docs.filter((d) => !d.name.endsWith('.json'));
  const xmlBytes = xmlDocs.reduce((sum, d) => sum + d.body.length, 0);
  let rounds = 0;
  const start = performance.now();
  while (performance.now() - start < 3000) {
    for (const d of xmlDocs) await rss.parseString(d.body.toString('utf8'));
    rounds++;
  }
  record(
    'parse: rss-parser alone (XML only, no decoding)',
    `${((xmlBytes * rounds) / ((performance.now() - start) / 1000) / 1e6).toFixed(1)} MB/s`,
  );
}

async function benchQueries(): Promise<void> {
  log('\nqueries on 1,000,000 articles (median and worst of 30 runs)');
  const big = bigDatabase(log);
  const db = openDatabase(big.path, { migrate: false });
  try {
    const count = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    log(`  (${count.toLocaleString('en')} articles, ${BIG.feeds} feeds)`);
    const page =
      (query: ArticleQuery, after: number | null = null) =>
      () =>
        articles.listArticles(db, { dedupe: true, ...query }, after, 50, NOW);
    const deep = (() => {
      let after: number | null = null;
      for (let i = 0; i < 200; i++) after = articles.listArticles(db, { view: 'all' }, after, 50, NOW).next;
      return after;
    })();
    const cases: [string, () => unknown][] = [
      ['page: all, newest 50', page({ view: 'all' })],
      ['page: all, 50 after 10,000 rows (keyset)', page({ view: 'all' }, deep)],
      ['page: unread', page({ view: 'unread' })],
      ['page: starred', page({ view: 'starred' })],
      ['page: today', page({ view: 'today' })],
      ['page: one feed, unread', page({ view: 'unread', feedId: 500 })],
      ['page: one tag (14% of articles)', page({ view: 'all', tags: [big.tags.big] })],
      ['page: one small tag (0.3%)', page({ view: 'unread', tags: [big.tags.small] })],
      ['page: tags a OR b', page({ view: 'unread', tags: [big.tags.a, big.tags.b], tagMode: 'any' })],
      ['page: tags a AND b', page({ view: 'all', tags: [big.tags.a, big.tags.b], tagMode: 'all' })],
      ['search: common word ("amazon")', page({ view: 'all', search: 'amazon' })],
      ['search: rare word ("helium")', page({ view: 'all', search: 'helium' })],
      ['search: phrase within unread ("hard drive")', page({ view: 'unread', search: '"hard drive"' })],
      ['unread counts (feeds, tags, smart views)', () => getCounts(db, NOW, true)],
    ];
    for (const [name, fn] of cases) {
      const t = timeRepeated(fn, 30);
      record(name, `${t.median.toFixed(2)} ms (worst ${t.max.toFixed(2)} ms)`);
    }
  } finally {
    closeDatabase(db);
  }
}

async function benchSafety(): Promise<void> {
  log('\ndata safety on the 1,000,000-article database');
  const big = bigDatabase(log);
  const dir = tempDir('syndic-bench-');
  try {
    let started = performance.now();
    const quick = checkFileQuickly(big.path);
    record('check at start (schema, small tables)', `${(performance.now() - started).toFixed(1)} ms, ${quick ?? 'ok'}`);
    started = performance.now();
    const problem = checkFile(big.path);
    record(
      'whole-file quick_check (before each backup, off the main thread)',
      `${((performance.now() - started) / 1000).toFixed(2)} s, ${problem ?? 'ok'}`,
    );
    const db = openDatabase(big.path, { migrate: false });
    try {
      started = performance.now();
      const backup = await createBackup(db, dir.path, Date.now(), 1);
      record(
        'online backup',
        `${((performance.now() - started) / 1000).toFixed(2)} s for ${(backup.bytes / 1024 / 1024).toFixed(0)} MB`,
      );
    } finally {
      closeDatabase(db);
    }
  } finally {
    dir.remove();
  }
}

const started = Date.now();
log(`Syndic benchmark, ${new Date().toISOString()}, node ${process.version}, ${process.platform}`);
if (wants('parse')) await benchParse();
if (wants('refresh')) await benchRefresh(log, record);
if (wants('rules')) await benchRules(log, record);
if (wants('queries')) await benchQueries();
if (wants('views')) benchViews(log, record);
if (wants('insert')) await benchInsert(log, record);
if (wants('safety')) await benchSafety();
if (wants('ui')) await benchUi(bigDatabase(log, UI_SIZE).path, log, record);
if (wants('ui-loop')) await benchUiLoop(log, record);
if (wants('sync')) await benchSync(log, record);
if (wants('slow-host')) await benchSlowHost(log, record);
if (wants('kill9')) await benchKill9(log, record);
if (wants('soak')) await benchSoak(log, record);
log(`\ndone in ${((Date.now() - started) / 1000).toFixed(0)} s`);
