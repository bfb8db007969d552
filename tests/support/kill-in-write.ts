/**
 * kill -9 during a refresh, aimed inside its writes: the suite's kill-in-write test (a few
 * rounds) and `npm run bench -- kill9` (100) both run these rounds. Each round is a real
 * `syndic refresh --jsonl` (the built CLI) of a loopback corpus whose feeds all changed,
 * on the same data dir as the rounds before it, killed where kill-in-write-hooks.ts aims:
 * inside an article INSERT, at a group's COMMIT, during the COMMIT, or during the
 * checkpoint at close. After each kill the database must pass `integrity_check` and hold
 * every article any refresh reported stored (a --jsonl line is printed only after its
 * feed's transaction committed), with one full-text entry per article and counters that
 * match the rows.
 */
import { spawn } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '../../electron/engine/store/db.js';
import { catchUpSearchIndex } from '../../electron/engine/store/search-indexing.js';
import { assertBuilt, CLI, cliNodeFlags, runCli } from './cli.js';
import { startCorpus } from './corpus.js';
import type { KillKind, KillPlan } from './kill-in-write-hooks.js';
import { tempDir } from './temp.js';
import { seededRandom } from './seeded-random.js';

const HOOKS = fileURLToPath(new URL('./kill-in-write-hooks.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export const KILL_KINDS: readonly KillKind[] = ['row', 'commit-call', 'commit', 'checkpoint'];
const MAX_ATTEMPTS = 5;

export interface KillOptions {
  rounds: number;
  feeds: number;
  items: number;
  hosts: number;
  latencyMs: number;
  seed: number;
  /** A line per round (the bench prints them; the test keeps quiet). */
  log?: (line: string) => void;
}

export interface RoundResult {
  round: number;
  plan: KillPlan;
  /** Where the kill came: `frozen row 2`, `killed in commit 3`... or null if it was not killed. */
  landedAt: string | null;
  /** Its last write marker before the kill showed a transaction (or the checkpoint) still open. */
  insideWrite: boolean;
  killed: boolean;
  /** Times the watchdog came after the COMMIT it aimed at had returned (it then aims at the next). */
  misses: number;
  /**
   * Refreshes this round took. A watchdog's SIGKILL can land a few microseconds after
   * the COMMIT or checkpoint returned (the child's markers then show it finished), or
   * miss every COMMIT of a refresh; that refresh is checked like the others and the round
   * is run again on changed feeds, up to MAX_ATTEMPTS.
   */
  attempts: number;
  /** The WAL's size right after the kill: frames the kill left in it, committed or not. */
  walBytes: number;
  reportedThisRound: number;
  integrity: string;
  lost: number;
  /** A full-text index or a counter out of step with the rows, described. */
  problems: string[];
}

export interface KillReport {
  rounds: RoundResult[];
  landed: number;
  integrityOk: number;
  reported: number;
  lost: number;
  articles: number;
  seconds: number;
}

function lines(stream: Readable, onLine: (line: string) => void): void {
  let buffer = '';
  stream.on('data', (chunk: Buffer) => {
    buffer += chunk;
    const complete = buffer.split('\n');
    buffer = complete.pop()!;
    for (const line of complete) onLine(line);
  });
}

interface ChildRun {
  stored: number[];
  markers: string[];
  signal: NodeJS.Signals | null;
  code: number | null;
  stderr: string;
  walBytes: number;
}

/** One `syndic refresh --jsonl` with the hooks loaded; killed by us when it freezes, or by its watchdog. */
function refreshWithPlan(data: string, plan: KillPlan): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...cliNodeFlags(), '--import', 'tsx', '--import', HOOKS, CLI, 'refresh', '--jsonl', '--data-dir', data],
      {
        cwd: ROOT,
        env: { ...process.env, SYNDIC_TEST_KILL: JSON.stringify(plan) },
        stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      },
    );
    const run: ChildRun = { stored: [], markers: [], signal: null, code: null, stderr: '', walBytes: 0 };
    lines(child.stdout!, (line) => run.stored.push(...(JSON.parse(line) as { stored: number[] }).stored));
    child.stderr!.on('data', (d: Buffer) => (run.stderr += d));
    lines(child.stdio[3] as Readable, (line) => {
      run.markers.push(line);
      if (line.startsWith('frozen ')) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      run.code = code;
      run.signal = signal;
      try {
        run.walBytes = statSync(join(data, 'syndic.db-wal')).size;
      } catch {
        run.walBytes = 0; // a clean close removes it
      }
      resolve(run);
    });
  });
}

/** Where the kill came, by the child's markers: a freeze, or the watchdog's last aim it did not miss. */
function landedAtOf(markers: string[]): string | null {
  const frozen = markers.find((m) => m.startsWith('frozen '));
  if (frozen) return frozen;
  const last = markers.filter((m) => /^(aim|missed) /.test(m)).at(-1);
  return last?.startsWith('aim ') ? `killed in ${last.slice('aim '.length)}` : null;
}

/** Whether the markers before the kill end inside a group transaction or the checkpoint. */
function endedInsideWrite(markers: string[]): boolean {
  const writes = markers.filter((m) => /^(begin|commit|committed|checkpoint|checkpointed) /.test(`${m} `));
  const last = writes.at(-1) ?? '';
  return /^(begin|commit|checkpoint)( |$)/.test(last);
}

/** The checks after a kill, on the database as the next start finds it. */
function check(dbPath: string, reported: Set<number>): { integrity: string; lost: number; problems: string[] } {
  // No migration: the parent's checkout may be a schema ahead of the built CLI it tests.
  const db = openDatabase(dbPath, { migrate: false });
  try {
    const integrity = String(db.pragma('integrity_check', { simple: true }));
    const has = db.prepare('SELECT 1 FROM articles WHERE id = ?').pluck();
    const lost = [...reported].filter((id) => !has.get(id)).length;
    const problems: string[] = [];
    const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    // The index is written behind the writes (schema 11): what it had not taken in must be
    // queued, so the next start's indexer, as here, finds every article.
    catchUpSearchIndex(db);
    const indexed = db.prepare('SELECT count(*) FROM articles_fts').pluck().get() as number;
    if (indexed !== articles) problems.push(`${articles} articles but ${indexed} full-text entries after catching up`);
    // As many entries as articles, and each article's own there (its rowid is the sort key, schema 12).
    const missing = db
      .prepare(
        'SELECT count(*) FROM articles a WHERE NOT EXISTS (SELECT 1 FROM articles_fts f WHERE f.rowid = a.sort_key)',
      )
      .pluck()
      .get() as number;
    if (missing) problems.push(`${missing} articles without their full-text entry after catching up`);
    const wrong = db
      .prepare(
        `SELECT f.id FROM feeds f
         WHERE f.article_count != (SELECT count(*) FROM articles a WHERE a.feed_id = f.id)
            OR f.unread_count != (SELECT count(*) FROM articles a WHERE a.feed_id = f.id AND a.read = 0)`,
      )
      .pluck()
      .all() as number[];
    if (wrong.length) problems.push(`counters wrong for feeds ${wrong.join(', ')}`);
    return { integrity, lost, problems };
  } finally {
    closeDatabase(db);
  }
}

/**
 * Where round `round` aims: the kinds in turn, the group, row and moment drawn from the
 * seed. A group holds at most 50 feeds (DEFAULT_GROUP), so however fast the machine, at
 * least (feeds - 50) x items rows are written from the second group on: the row aimed at
 * is always reached.
 */
function planFor(round: number, next: () => number, options: KillOptions): KillPlan {
  const group = 1 + Math.floor(next() * 2);
  const rowsFromGroup = (options.feeds - 50 * (group - 1)) * options.items;
  return {
    kind: KILL_KINDS[round % KILL_KINDS.length]!,
    group,
    row: 1 + Math.floor(next() * Math.max(1, Math.min(rowsFromGroup, 25 * options.items))),
    at: 0.05 + next() * 0.85,
  };
}

export async function killRefreshesInWrites(options: KillOptions): Promise<KillReport> {
  assertBuilt();
  const started = performance.now();
  const corpus = await startCorpus({
    feeds: options.feeds,
    items: options.items,
    hosts: options.hosts,
    latencyMs: options.latencyMs,
  });
  const dir = tempDir('syndic-kill-');
  try {
    const data = join(dir.path, 'data');
    const opml = join(dir.path, 'corpus.opml');
    writeFileSync(opml, corpus.opml);
    const imported = await runCli(['import-opml', opml, '--data-dir', data]);
    if (imported.code !== 0) throw new Error(`import-opml failed: ${imported.stderr}`);
    const original = Array.from({ length: options.feeds }, (_, f) => corpus.feedXml(f));
    const next = seededRandom(options.seed);
    const reported = new Set<number>();
    const results: RoundResult[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const plan = planFor(round, next, options);
      let result = null as RoundResult | null; // not narrowed to null: the loop reads the last attempt
      for (let attempt = 1; attempt <= MAX_ATTEMPTS && !result?.insideWrite; attempt++) {
        // New guids and links in every feed: each refresh has feeds x items articles to write.
        for (let f = 0; f < options.feeds; f++) {
          corpus.setFeed(f, original[f]!.replaceAll('/posts/', `/r${round}.${attempt}/posts/`));
        }
        // A COMMIT is over sooner than the one before it often enough that the watchdog's
        // delay misses it every time in a round: each attempt after the first aims earlier.
        const run = await refreshWithPlan(data, { ...plan, at: plan.at / 2 ** (attempt - 1) });
        for (const id of run.stored) reported.add(id);
        const killed = run.signal === 'SIGKILL';
        if (!killed && run.code !== 0) throw new Error(`round ${round}: refresh exited ${run.code}: ${run.stderr}`);
        const after = check(join(data, 'syndic.db'), reported);
        result = {
          round,
          plan,
          landedAt: killed ? landedAtOf(run.markers) : null,
          insideWrite: killed && endedInsideWrite(run.markers),
          killed,
          misses: (result?.misses ?? 0) + run.markers.filter((m) => m.startsWith('missed ')).length,
          attempts: attempt,
          walBytes: run.walBytes,
          reportedThisRound: run.stored.length,
          ...after,
          // A late kill's checks count too: any attempt's problem is the round's.
          integrity: result && result.integrity !== 'ok' ? result.integrity : after.integrity,
          lost: Math.max(result?.lost ?? 0, after.lost),
          problems: [...(result?.problems ?? []), ...after.problems],
        };
      }
      if (!result) throw new Error('no attempt ran');
      results.push(result);
      options.log?.(
        `  round ${String(round + 1).padStart(3)}: ${(result.landedAt ?? (result.killed ? 'killed elsewhere' : 'not killed')).padEnd(24)} ` +
          `${result.insideWrite ? 'in a write' : 'NOT in a write'}${result.attempts > 1 ? ` (attempt ${result.attempts})` : ''}, ` +
          `WAL ${(result.walBytes / 1024 / 1024).toFixed(1)} MB, ${result.reportedThisRound} reported, ` +
          `integrity ${result.integrity}, lost ${result.lost}` +
          (result.problems.length ? `, ${result.problems.join('; ')}` : ''),
      );
    }
    const db = openDatabase(join(data, 'syndic.db'), { migrate: false });
    const articles = db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    closeDatabase(db);
    return {
      rounds: results,
      landed: results.filter((r) => r.landedAt !== null && r.insideWrite).length,
      integrityOk: results.filter((r) => r.integrity === 'ok').length,
      reported: reported.size,
      lost: Math.max(0, ...results.map((r) => r.lost)),
      articles,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    dir.remove();
    await corpus.close();
  }
}
