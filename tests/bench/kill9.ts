/**
 * `npm run bench -- kill9`: a hundred `syndic refresh` runs killed with SIGKILL inside
 * their writes (an article INSERT, a COMMIT about to run, a COMMIT running, the checkpoint
 * at close, in turn), on one data dir, checked after every kill. The rounds themselves are
 * tests/support/kill-in-write.ts, which the suite runs five of.
 */
import { KILL_KINDS, killRefreshesInWrites } from '../support/kill-in-write.js';

const ROUNDS = 100;

export async function benchKill9(
  log: (line: string) => void,
  record: (key: string, value: string) => void,
): Promise<void> {
  log(`\nkill9: ${ROUNDS} refreshes of 100 changed feeds x 6 items, each killed inside a write`);
  const report = await killRefreshesInWrites({
    rounds: ROUNDS,
    feeds: 100,
    items: 6,
    hosts: 4,
    latencyMs: 15,
    seed: 20261206,
    log,
  });
  const rounds = report.rounds;
  const byKind = KILL_KINDS.map((kind) => {
    const of = rounds.filter((r) => r.plan.kind === kind);
    return `${kind} ${of.filter((r) => r.landedAt !== null && r.insideWrite).length}/${of.length}`;
  });
  const wal = rounds.map((r) => r.walBytes / 1024 / 1024).sort((a, b) => a - b);
  const problems = rounds.flatMap((r) => r.problems.map((p) => `round ${r.round}: ${p}`));
  record('rounds', String(rounds.length));
  record('rounds killed inside a write', `${report.landed} (${byKind.join(', ')})`);
  record('integrity_check ok', `${report.integrityOk}/${rounds.length}`);
  record('articles lost (of those reported stored)', `${report.lost} of ${report.reported}`);
  record('index or counters out of step', problems.length ? problems.join('; ') : 'none');
  record(
    'WAL left by the kill',
    `median ${wal[Math.floor(wal.length / 2)]!.toFixed(1)} MB, largest ${wal.at(-1)!.toFixed(1)} MB`,
  );
  record(
    'watchdog misses (aimed again); late kills (re-run)',
    `${rounds.reduce((sum, r) => sum + r.misses, 0)}; ${rounds.reduce((sum, r) => sum + r.attempts - 1, 0)}`,
  );
  record('articles stored at the end', String(report.articles));
  record('time', `${report.seconds.toFixed(0)} s`);
}
