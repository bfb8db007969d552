/**
 * Loaded with `--import` into a real `syndic refresh --jsonl` (the built CLI, which leaves
 * better-sqlite3 outside its bundle, so this module patches the very class the engine
 * uses). It puts no hook in the product: it wraps better-sqlite3's `exec` and `pragma` in
 * this process only, to say on file descriptor 3 where the refresh's writes are, and to
 * make the kill of kill-in-write.ts land inside one of them. SYNDIC_TEST_KILL (JSON, a
 * KillPlan) says where:
 *
 *   row          inside the INSERT of the `row`-th article counted from the start of
 *                group `group` (a TEMP trigger calls back here mid-statement; a temporary
 *                trigger lives in this connection only and is never written to the file):
 *                the process freezes there and the parent kills it.
 *   commit-call  at the COMMIT of group `group` or a later one: every row, the group's
 *                full-text batch and the counters written, nothing committed. Frozen
 *                there, killed by the parent.
 *   commit       during that COMMIT, while SQLite appends the group's pages to the WAL.
 *                A COMMIT lasts a few milliseconds, too short for another process to aim
 *                at, so a watchdog thread of this process sends the SIGKILL itself, a
 *                random fraction of the previous COMMIT's duration after it began, if the
 *                COMMIT is still running then (else it tries the next one). The signal
 *                can still arrive microseconds after the COMMIT returned: the markers
 *                below then show it, and kill-in-write.ts runs that round again.
 *   checkpoint   during the checkpoint that folds the WAL into the database file as the
 *                command closes: the one write that changes the main file. Same watchdog.
 *
 * Group numbers count the refresh's group commits (GroupCommit's `BEGIN IMMEDIATE`).
 * Lines on fd 3: `begin N`, `commit N`, `committed N MICROS`, `checkpoint`,
 * `checkpointed MICROS`; `frozen KIND N` before a freeze; from the watchdog, `aim KIND N`
 * as the operation starts, and `missed KIND N` if it had ended when the watchdog looked
 * (an `aim` with no `missed` after it is the one that sent the SIGKILL). Group 0 is
 * the checkpoint.
 */
import { writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isMainThread, Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

export type KillKind = 'row' | 'commit-call' | 'commit' | 'checkpoint';

export interface KillPlan {
  kind: KillKind;
  /** The first group commit the kill may land in (1 = the refresh's first). */
  group: number;
  /** For `row`: which article row, counted from the start of `group`. */
  row: number;
  /** For the watchdog: where in the operation to aim, as a fraction of its expected length. */
  at: number;
}

const STATE_IDLE = 0;
const STATE_RUNNING = 1;
/** What the watchdog assumes a COMMIT takes before it has timed one. */
const FIRST_GUESS_MICROS = 2_000;

/** The watchdog: waits for an armed operation, spins for its delay, kills if it is still running. */
const WATCHDOG = `
const { workerData } = require('node:worker_threads');
const { writeSync } = require('node:fs');
const cell = new Int32Array(workerData.shared);
for (;;) {
  Atomics.wait(cell, 0, ${STATE_IDLE});
  const line = workerData.kind + ' ' + Atomics.load(cell, 2) + '\\n';
  writeSync(3, 'aim ' + line);
  const until = process.hrtime.bigint() + BigInt(Atomics.load(cell, 1)) * 1000n;
  while (process.hrtime.bigint() < until);
  // Nothing between the look and the signal: the kill lands within microseconds of it.
  if (Atomics.load(cell, 0) === ${STATE_RUNNING}) process.kill(process.pid, 'SIGKILL');
  writeSync(3, 'missed ' + line);
  while (Atomics.load(cell, 0) === ${STATE_RUNNING}) Atomics.wait(cell, 0, ${STATE_RUNNING}, 5);
}
`;

function say(line: string): void {
  writeSync(3, `${line}\n`); // synchronous: written before the next step, so before any kill
}

/** Stops the whole main thread (no timer, no statement, no commit) until the parent kills it. */
function freeze(line: string): never {
  say(line);
  const cell = new Int32Array(new SharedArrayBuffer(4));
  for (;;) Atomics.wait(cell, 0, 0, 60_000);
}

const micros = (since: bigint): number => Number((process.hrtime.bigint() - since) / 1000n);

function install(plan: KillPlan): void {
  const require = createRequire(import.meta.url);
  const Database = require('better-sqlite3') as typeof BetterSqlite3;
  const proto = Database.prototype;
  const exec = proto.exec;
  const pragma = proto.pragma;

  let group = 0;
  let rows = 0;
  let lastCommitMicros = FIRST_GUESS_MICROS;
  let at = plan.at;
  // [state, delay in µs, what is being aimed at (group number, or 0 for the checkpoint)]
  let cell: Int32Array | null = null;
  const watchdog = (): Int32Array => {
    if (cell) return cell;
    const shared = new SharedArrayBuffer(12);
    new Worker(WATCHDOG, { eval: true, workerData: { shared, kind: plan.kind }, execArgv: [] }).unref();
    return (cell = new Int32Array(shared));
  };
  // Started now, so it is waiting before the first operation it must aim at.
  if (plan.kind === 'commit' || plan.kind === 'checkpoint') watchdog();

  /** Runs `op` with the watchdog armed to fire `delay` µs after it begins. */
  const aimed = <T>(target: number, delay: number, op: () => T): T => {
    const c = watchdog();
    Atomics.store(c, 1, Math.max(0, Math.round(delay)));
    Atomics.store(c, 2, target);
    Atomics.store(c, 0, STATE_RUNNING);
    Atomics.notify(c, 0);
    try {
      return op();
    } finally {
      Atomics.store(c, 0, STATE_IDLE);
      Atomics.notify(c, 0);
    }
  };

  proto.exec = function (this: BetterSqlite3.Database, sql: string) {
    if (sql === 'BEGIN IMMEDIATE') {
      group++;
      if (plan.kind === 'row' && group === plan.group) {
        this.function('syndic_test_kill_row', () => {
          if (++rows === plan.row) freeze(`frozen row ${group}`);
          return null;
        });
        exec.call(
          this,
          `CREATE TEMP TRIGGER IF NOT EXISTS syndic_test_kill_row AFTER INSERT ON main.articles
           BEGIN SELECT syndic_test_kill_row(); END`,
        );
      }
      const result = exec.call(this, sql);
      say(`begin ${group}`);
      return result;
    }
    if (sql === 'COMMIT') {
      say(`commit ${group}`);
      const targeted = group >= plan.group;
      if (targeted && plan.kind === 'commit-call') freeze(`frozen commit-call ${group}`);
      const started = process.hrtime.bigint();
      const result =
        targeted && plan.kind === 'commit'
          ? aimed(group, at * lastCommitMicros, () => exec.call(this, sql))
          : exec.call(this, sql);
      lastCommitMicros = micros(started);
      // Still alive: the watchdog came after the COMMIT had returned. Aim earlier next time.
      if (targeted && plan.kind === 'commit') at /= 2;
      say(`committed ${group} ${lastCommitMicros}`);
      return result;
    }
    return exec.call(this, sql);
  } as typeof proto.exec;

  proto.pragma = function (this: BetterSqlite3.Database, source: string, options?: BetterSqlite3.PragmaOptions) {
    if (!source.startsWith('wal_checkpoint')) return pragma.call(this, source, options);
    say('checkpoint');
    const started = process.hrtime.bigint();
    // The checkpoint copies the whole WAL: aim within the time the last COMMIT took to
    // append a group's share of it, well inside the copy.
    const result =
      plan.kind === 'checkpoint'
        ? aimed(0, at * lastCommitMicros, () => pragma.call(this, source, options))
        : pragma.call(this, source, options);
    say(`checkpointed ${micros(started)}`);
    return result;
  } as typeof proto.pragma;
}

const raw = process.env.SYNDIC_TEST_KILL;
if (isMainThread && raw) install(JSON.parse(raw) as KillPlan);
