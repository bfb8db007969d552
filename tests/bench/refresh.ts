/**
 * `npm run bench -- refresh`: the cold refresh of 1,000 feeds x 20 items on 100 loopback
 * hosts with 50 ms latency, side by side with the two references issue 19 (item 11) sets
 * it against, in interleaved rounds so that the machine's load falls on all three alike:
 *
 * - Syndic: the real `syndic refresh`, cold, then again with every feed answering 304;
 * - the minimal refresher (minimal-refresher.mjs: HTTP, a SAX parser, INSERT OR IGNORE),
 *   whose CPU time is the floor Syndic's should stay within twice of;
 * - Newsboat (`newsboat -x reload`, default settings), where it is installed.
 *
 * Each is measured for wall time, CPU time (all threads) and peak resident memory.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertBuilt } from '../support/cli.js';
import { startCorpus } from '../support/corpus.js';
import { tempDir } from '../support/temp.js';
import { runCli, runMeasured, type RunStats } from './measured-run.js';
import { median, range } from './summary.js';

type Log = (line: string) => void;
type Record = (key: string, value: string) => void;

/** The floor item 11 measures against; the insert bench (insert.ts) runs it too. */
export const MINIMAL_REFRESHER = fileURLToPath(new URL('./minimal-refresher.mjs', import.meta.url));
const ROUNDS = Number(process.env.SYNDIC_BENCH_ROUNDS ?? 3);

const figures = (run: RunStats): string =>
  `${run.seconds.toFixed(2)} s, CPU ${run.cpuSeconds.toFixed(2)} s, peak ${run.peakMb.toFixed(0)} MB`;

function newsboatPath(): string | null {
  if (process.env.SYNDIC_BENCH_SKIP_NEWSBOAT) return null;
  try {
    return execFileSync('sh', ['-c', 'command -v newsboat'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

export async function benchRefresh(log: Log, record: Record): Promise<void> {
  log(`\nrefresh: 1,000 feeds x 20 items, 100 loopback hosts, 50 ms latency, ${ROUNDS} interleaved rounds`);
  assertBuilt();
  const corpus = await startCorpus({ feeds: 1000, items: 20, hosts: 100, latencyMs: 50 });
  const newsboat = newsboatPath();
  if (!newsboat)
    record(
      'newsboat -x reload',
      process.env.SYNDIC_BENCH_SKIP_NEWSBOAT
        ? 'skipped (SYNDIC_BENCH_SKIP_NEWSBOAT)'
        : 'not installed (apt-get install newsboat)',
    );
  const syndic: RunStats[] = [];
  const minimal: RunStats[] = [];
  const nb: RunStats[] = [];
  const dir = tempDir('syndic-bench-');
  try {
    const opml = join(dir.path, 'corpus.opml');
    writeFileSync(opml, corpus.opml);
    const urls = join(dir.path, 'urls');
    writeFileSync(urls, corpus.feedUrls.join('\n') + '\n');
    for (let round = 1; round <= ROUNDS; round++) {
      const data = join(dir.path, `data-${round}`);
      const imported = await runCli(['import-opml', opml, '--data-dir', data]);
      if (round === 1) record('import-opml of 1,000 feeds', `${imported.seconds.toFixed(2)} s`);
      const cold = await runCli(['refresh', '--data-dir', data]);
      if (cold.code !== 0) throw new Error(`cold refresh failed: ${cold.stderr}`);
      syndic.push(cold);
      // The summary is printed when the refresh has ended; the command then closes the
      // database and exits (it starts no indexer: the next search indexes the new articles).
      const ended = `refresh ended ${(cold.firstStdoutSeconds ?? cold.seconds).toFixed(2)} s`;
      record(`round ${round}: Syndic, cold`, `${figures(cold)}, ${ended}  (${cold.stdout.trim()})`);
      if (round === 1) {
        // The command line leaves the index to whoever searches next (no indexer thread in
        // a command's short run): its first search takes in the 20,000 articles first.
        const search = await runCli(['articles', '--search', 'security', '--limit', '5', '--data-dir', data]);
        const again = await runCli(['articles', '--search', 'security', '--limit', '5', '--data-dir', data]);
        record(
          'round 1: syndic articles --search, indexing the 20,000 first',
          `${figures(search)}; the next search ${again.seconds.toFixed(2)} s`,
        );
        const warm = await runCli(['refresh', '--data-dir', data]);
        record('round 1: Syndic, all 304', `${figures(warm)}  (${warm.stdout.trim()})`);
      }

      const small = await runMeasured(process.execPath, [
        MINIMAL_REFRESHER,
        urls,
        join(dir.path, `minimal-${round}.db`),
      ]);
      if (small.code !== 0) throw new Error(`the minimal refresher failed: ${small.stderr}`);
      minimal.push(small);
      record(`round ${round}: minimal refresher`, `${figures(small)}  (${small.stdout.trim()})`);

      if (newsboat) {
        const nbDir = join(dir.path, `newsboat-${round}`);
        mkdirSync(nbDir);
        writeFileSync(join(nbDir, 'config'), '');
        const args = ['-u', urls, '-c', join(nbDir, 'cache.db'), '-C', join(nbDir, 'config'), '-x', 'reload'];
        const run = await runMeasured(newsboat, args, { ...process.env, HOME: nbDir });
        if (run.code !== 0) throw new Error(`newsboat exited ${run.code}: ${run.stderr}`);
        nb.push(run);
        record(`round ${round}: newsboat -x reload (default settings)`, figures(run));
      }
    }
    const cpu = syndic.map((s, i) => s.cpuSeconds / minimal[i]!.cpuSeconds);
    record(
      'Syndic cold, over the rounds',
      `${range(syndic.map((s) => s.seconds))} s, CPU ${range(syndic.map((s) => s.cpuSeconds))} s, ` +
        `peak ${range(
          syndic.map((s) => s.peakMb),
          0,
        )} MB`,
    );
    record(
      "Syndic's CPU against the minimal refresher's",
      // Round by round and the median: the range alone hides how many rounds met the goal.
      `${cpu.map((r) => r.toFixed(2)).join(', ')}x, median ${median(cpu).toFixed(2)}x (goal: at most 2x); ` +
        `minimal ${range(minimal.map((s) => s.cpuSeconds))} s`,
    );
    if (nb.length)
      record(
        'newsboat, over the rounds',
        `${range(nb.map((s) => s.seconds))} s (Syndic ${range(
          nb.map((s, i) => s.seconds / syndic[i]!.seconds),
          1,
        )}x faster), CPU ${range(nb.map((s) => s.cpuSeconds))} s`,
      );
  } finally {
    await corpus.close();
    dir.remove();
  }
}
