/**
 * `npm run bench -- soak`: the engine polls 500 feeds through a simulated day and must not
 * grow. The ReaderService runs in this process with an injected clock, 15 simulated
 * minutes a round (96 rounds), as the app's engine runs it: due feeds refreshed as the
 * poller's timer would, the offline cache keeping images, the index merged after each
 * refresh, the hourly maintenance (backups every 6 hours, 2 kept) and "Tidy now" every 4
 * hours with retention on (20 read articles per feed, read ones older than a day). A user
 * reads the top of the unread list each round, opens a few, searches, stars one now and
 * then, and marks everything read every 2 hours. The feeds (soak-server.ts, its own
 * process) publish on their own periods, correct posts, drop old items, and some fail for
 * hours and recover. Every simulated hour, after a full GC: memory, open file
 * descriptors, the database's size and what it holds. Warm-up is the first 8 hours;
 * the verdict compares the end with it.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openApp, type RunningApp } from '../../electron/app/open-app.js';
import { DEFAULT_FETCH_OPTIONS } from '../../electron/engine/feeds/fetch.js';
import { inThreadParser } from '../../electron/engine/feeds/in-thread-parser.js';
import { createParsePool } from '../../electron/engine/feeds/parse-pool.js';
import { tempDir } from '../support/temp.js';

const FEEDS = 500;
const HOSTS = 25;
const ROUND_MINUTES = 15;
const ROUNDS = (24 * 60) / ROUND_MINUTES;
/** Two retention passes (hours 4 and 8): the end is compared with a sample taken just after one, as it is. */
const WARM_UP_HOURS = 8;
const KEEP_PER_FEED = 20;
const MINUTE = 60_000;
/** Monday 5 January 2026, midnight UTC: the simulated day. */
const START = Date.UTC(2026, 0, 5);
const MB = 1024 * 1024;

interface Sample {
  hour: number;
  rssMb: number;
  heapMb: number;
  externalMb: number;
  fds: number;
  sockets: number;
  dbMb: number;
  /** Pages in use (the file less its free pages): what the data takes. */
  usedMb: number;
  walMb: number;
  imagesMb: number;
  backupsMb: number;
  articles: number;
  unread: number;
  starred: number;
  removedRows: number;
  roundMs: number;
}

/**
 * Open descriptors of this process: sockets apart, since how many kept-alive connections
 * the pool holds at a given moment depends on timing (at most 2 per host, idle ones closed
 * after a few seconds); every other descriptor (files, pipes, event fds) must stay put.
 */
function descriptors(): { fds: number; sockets: number } {
  let fds = 0;
  let sockets = 0;
  for (const name of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${name}`).startsWith('socket:')) sockets++;
      else fds++;
    } catch {
      // closed between the listing and the look
    }
  }
  return { fds, sockets };
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

function folderBytes(path: string): number {
  if (!existsSync(path)) return 0;
  let total = 0;
  for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += sizeOf(join(entry.parentPath, entry.name));
  }
  return total;
}

/** The feeds' web, started in its own process. */
async function startWeb(): Promise<{
  child: ChildProcess;
  feedUrls: string[];
  setTime: (now: number) => Promise<void>;
}> {
  const script = fileURLToPath(new URL('./soak-server.ts', import.meta.url));
  const child = fork(script, [String(FEEDS), String(HOSTS), String(START)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const feedUrls = await new Promise<string[]>((resolve, reject) => {
    child.once('message', (m: { feedUrls: string[] }) => resolve(m.feedUrls));
    child.once('exit', (code) => reject(new Error(`soak-server exited ${code}`)));
  });
  const setTime = (now: number): Promise<void> =>
    new Promise((resolve) => {
      child.once('message', () => resolve());
      child.send({ now });
    });
  return { child, feedUrls, setTime };
}

/** The bundled parse worker, as the app runs it, when a build is there; else in-thread. */
function parser(): { parser: ReturnType<typeof createParsePool>; where: string } {
  const script = new URL('../../dist/electron/parse-worker.js', import.meta.url);
  if (!existsSync(fileURLToPath(script))) return { parser: inThreadParser, where: 'in-thread (no build)' };
  return { parser: createParsePool(undefined, script), where: 'worker thread (dist/electron/parse-worker.js)' };
}

/** What a user does in 15 minutes: reads the top of the list, opens some, searches, stars. */
async function userRound(app: RunningApp, round: number): Promise<void> {
  const { service } = app;
  const page = await service.listArticles({ view: 'unread' }, null, 50);
  const read = page.articles.slice(0, 20).map((a) => a.id);
  for (const id of read.slice(0, 3)) await service.getArticle(id);
  if (read.length) await service.markRead(read, true);
  await service.getCounts();
  if (round % 4 === 0) await service.listArticles({ view: 'all', search: 'the' }, null, 50);
  if (round % 12 === 0 && page.articles[0]) await service.setStarred(page.articles[0].id, true);
  if (round % 8 === 0) await service.markViewRead({ view: 'unread' }, null);
}

function sample(app: RunningApp, dataDir: string, hour: number, roundMs: number): Sample {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const memory = process.memoryUsage();
  const count = (sql: string): number => app.db.prepare(sql).pluck().get() as number;
  const dbPath = join(dataDir, 'syndic.db');
  return {
    hour,
    rssMb: memory.rss / MB,
    heapMb: memory.heapUsed / MB,
    externalMb: memory.external / MB,
    ...descriptors(),
    dbMb: sizeOf(dbPath) / MB,
    usedMb:
      ((app.db.pragma('page_count', { simple: true }) as number) -
        (app.db.pragma('freelist_count', { simple: true }) as number)) *
      ((app.db.pragma('page_size', { simple: true }) as number) / MB),
    walMb: sizeOf(`${dbPath}-wal`) / MB,
    imagesMb: folderBytes(join(dataDir, 'images')) / MB,
    backupsMb: folderBytes(join(dataDir, 'backups')) / MB,
    articles: count('SELECT count(*) FROM articles'),
    unread: count('SELECT count(*) FROM articles WHERE read = 0'),
    starred: count('SELECT count(*) FROM articles WHERE starred = 1'),
    removedRows: count('SELECT count(*) FROM removed_articles'),
    roundMs,
  };
}

/** Bytes each table and index takes (SQLite's dbstat): its pages, and the data in them. */
function tableBytes(app: RunningApp): Map<string, { pages: number; data: number }> {
  const rows = app.db
    .prepare('SELECT name, sum(pgsize) AS pages, sum(pgsize - unused) AS data FROM dbstat GROUP BY name')
    .all() as { name: string; pages: number; data: number }[];
  return new Map(rows.map((r) => [r.name, { pages: r.pages, data: r.data }]));
}

const pct = (from: number, to: number): string => `${to >= from ? '+' : ''}${(((to - from) / from) * 100).toFixed(1)}%`;

export async function benchSoak(
  log: (line: string) => void,
  record: (key: string, value: string) => void,
): Promise<void> {
  log(`\nsoak: ${FEEDS} feeds over ${HOSTS} hosts, a simulated day in ${ROUNDS} rounds of ${ROUND_MINUTES} minutes`);
  if (process.platform !== 'linux') {
    log('  skipped: descriptors are counted in /proc/self/fd and hosts told apart by 127.0.x.y, both Linux');
    return;
  }
  if (!(globalThis as { gc?: unknown }).gc) log('  (no --expose-gc: memory is sampled without a full GC first)');
  const dir = tempDir('syndic-soak-');
  const web = await startWeb();
  const dataDir = join(dir.path, 'data');
  const clock = { now: START };
  const parse = parser();
  log(`  parsing: ${parse.where}`);
  /** Feeds that failed at least once: by the end they must be back, or waiting out their backoff. */
  const failedFeeds = new Set<number>();
  const app = openApp({
    dataDir,
    onFeedDone: (result) => {
      if (result.status === 'failed') failedFeeds.add(result.feedId);
    },
    now: () => clock.now,
    parser: parse.parser,
    isOnline: () => true,
    // The clock is compressed, so are the timeouts: a feed that never answers costs a
    // round 2 s of real time, not 30.
    fetchOptions: { ...DEFAULT_FETCH_OPTIONS, connectTimeoutMs: 1_000, totalTimeoutMs: 2_000 },
  });
  const started = performance.now();
  try {
    const { service } = app;
    const opml = `<?xml version="1.0"?><opml version="2.0"><body>
${web.feedUrls.map((url, i) => `<outline type="rss" text="Soak ${i}" xmlUrl="${url}"/>`).join('\n')}
</body></opml>`;
    await service.importOpml(opml);
    // The default polling interval (an hour, with each feed's jitter): about 125 feeds a round.
    await service.updateSettings({
      keepPerFeed: KEEP_PER_FEED,
      keepReadDays: 1,
      backupEveryHours: 6,
      backupsKept: 2,
    });
    const samples: Sample[] = [];
    let warmTables: ReturnType<typeof tableBytes> = new Map();
    const totals = { fetched: 0, failed: 0, notModified: 0, newArticles: 0, updated: 0, removed: 0 };
    log(
      '  hour   RSS MB  heap MB  ext MB  fds + sockets  db MB  in use  WAL MB  images MB  backups MB  articles  unread  removed rows  round ms',
    );
    for (let round = 1; round <= ROUNDS; round++) {
      const roundStarted = performance.now();
      clock.now = START + round * ROUND_MINUTES * MINUTE;
      await web.setTime(clock.now);
      const summary = await service.poller.refreshDue();
      if (summary) {
        totals.fetched += summary.ok + summary.failed + summary.notModified;
        totals.failed += summary.failed;
        totals.notModified += summary.notModified;
        totals.newArticles += summary.newArticles;
        totals.updated += summary.updatedArticles;
      }
      await service.offline.whenIdle();
      await userRound(app, round);
      // The app's hourly maintenance, and "Tidy now" (retention, VACUUM if worth it) every 4 hours.
      if (round % 4 === 0) await service.maintenance.runDue();
      if (round % 16 === 0) totals.removed += (await service.runMaintenance()).removed;
      const roundMs = performance.now() - roundStarted;
      if (round % 4 === 0) {
        const s = sample(app, dataDir, (round * ROUND_MINUTES) / 60, roundMs);
        samples.push(s);
        if (s.hour === WARM_UP_HOURS) warmTables = tableBytes(app);
        log(
          `  ${String(s.hour).padStart(4)}  ${s.rssMb.toFixed(1).padStart(7)}  ${s.heapMb.toFixed(1).padStart(7)}  ` +
            `${s.externalMb.toFixed(1).padStart(6)}  ${String(s.fds).padStart(4)} + ${String(s.sockets).padStart(3)}     ` +
            `${s.dbMb.toFixed(1).padStart(5)}  ${s.usedMb.toFixed(1).padStart(6)}  ${s.walMb.toFixed(1).padStart(6)}  ${s.imagesMb.toFixed(1).padStart(9)}  ` +
            `${s.backupsMb.toFixed(1).padStart(10)}  ${String(s.articles).padStart(8)}  ${String(s.unread).padStart(6)}  ` +
            `${String(s.removedRows).padStart(12)}  ${roundMs.toFixed(0).padStart(8)}`,
        );
      }
    }
    const warm = samples.find((s) => s.hour === WARM_UP_HOURS)!;
    const after = samples.filter((s) => s.hour >= WARM_UP_HOURS);
    const last = samples.at(-1)!;
    const peak = (key: keyof Sample): number => Math.max(...after.map((s) => s[key]));
    const bound = FEEDS * KEEP_PER_FEED + last.unread + last.starred;
    record(
      'feeds fetched over the day',
      `${totals.fetched} (${totals.notModified} not modified, ${totals.failed} failed); ` +
        `${totals.newArticles} new articles, ${totals.updated} corrected, ${totals.removed} removed by retention`,
    );
    record(
      `RSS after GC, hour ${WARM_UP_HOURS} to 24 (peak after warm-up)`,
      `${warm.rssMb.toFixed(1)} to ${last.rssMb.toFixed(1)} MB, ${pct(warm.rssMb, last.rssMb)} (peak ${peak('rssMb').toFixed(1)} MB, ${pct(warm.rssMb, peak('rssMb'))})`,
    );
    record(
      `heap used after GC, hour ${WARM_UP_HOURS} to 24 (peak)`,
      `${warm.heapMb.toFixed(1)} to ${last.heapMb.toFixed(1)} MB, ${pct(warm.heapMb, last.heapMb)} (peak ${peak('heapMb').toFixed(1)} MB)`,
    );
    record(
      `descriptors other than sockets, hour ${WARM_UP_HOURS} to 24 (peak)`,
      `${warm.fds} to ${last.fds} (peak ${peak('fds')}); sockets ${warm.sockets} to ${last.sockets} (peak ${peak('sockets')}, pool limit ${2 * HOSTS} + the offline cache's)`,
    );
    record(
      'database file (peak), WAL at the end',
      `${warm.dbMb.toFixed(1)} MB at hour ${WARM_UP_HOURS}, ${last.dbMb.toFixed(1)} MB at 24 (peak ${peak('dbMb').toFixed(1)} MB); WAL ${last.walMb.toFixed(1)} MB`,
    );
    const mb = (bytes: number): string => `${bytes >= 0 ? '+' : ''}${(bytes / MB).toFixed(1)}`;
    const growth = [...tableBytes(app)]
      .map(([name, now]) => {
        const then = warmTables.get(name) ?? { pages: 0, data: 0 };
        return { name, pages: now.pages - then.pages, data: now.data - then.data };
      })
      .filter((t) => Math.abs(t.pages) >= 0.1 * MB)
      .sort((a, b) => b.pages - a.pages)
      .map((t) => `${t.name} ${mb(t.pages)} (data ${mb(t.data)})`);
    record(
      `pages in use, hour ${WARM_UP_HOURS} to 24`,
      `${warm.usedMb.toFixed(1)} to ${last.usedMb.toFixed(1)} MB (${pct(warm.usedMb, last.usedMb)}); by table, MB of pages (of data in them): ${growth.join(', ') || 'no change over 0.1 MB'}`,
    );
    record(
      'articles at the end, and retention’s bound',
      `${last.articles} (${last.unread} unread, ${last.starred} starred); bound ${FEEDS} x ${KEEP_PER_FEED} + unread + starred = ${bound}`,
    );
    const stillFailing = app.db.prepare('SELECT next_fetch_at FROM feeds WHERE error_count > 0').pluck().all() as (
      number | null
    )[];
    const nextTry = Math.max(0, ...stillFailing.map((at) => ((at ?? clock.now) - clock.now) / 60 / MINUTE));
    record(
      'feeds that failed, back by the end',
      `${failedFeeds.size} failed at some point, ${failedFeeds.size - stillFailing.length} fetched fine since; ` +
        `${stillFailing.length} still in backoff` +
        (stillFailing.length ? ` (next try within ${nextTry.toFixed(1)} h)` : ''),
    );
    record(
      'removed_articles rows (what retention remembers)',
      `${warm.removedRows} at hour ${WARM_UP_HOURS}, ${last.removedRows} at 24`,
    );
    record('image cache, backups', `${last.imagesMb.toFixed(1)} MB, ${last.backupsMb.toFixed(1)} MB`);
    const memoryFlat = last.rssMb <= warm.rssMb * 1.1 && last.heapMb <= warm.heapMb * 1.1;
    const fdsFlat = peak('fds') <= warm.fds + 2;
    const dbBounded = last.articles <= bound;
    record(
      'verdict',
      `memory ${memoryFlat ? 'flat' : 'GROWING'} (RSS ${pct(warm.rssMb, last.rssMb)}, heap ${pct(warm.heapMb, last.heapMb)}; limit +10%), ` +
        `descriptors ${fdsFlat ? 'flat' : 'GROWING'}, articles ${dbBounded ? 'within' : 'OVER'} retention's bound`,
    );
    const rounds = samples.map((x) => x.roundMs).sort((a, b) => a - b);
    record(
      'time',
      `${((performance.now() - started) / 1000).toFixed(0)} s (an hour's last round: median ${rounds[Math.floor(rounds.length / 2)]!.toFixed(0)} ms, slowest ${rounds.at(-1)!.toFixed(0)} ms)`,
    );
  } finally {
    await app.close();
    web.child.send({ close: true });
    dir.remove();
  }
}
