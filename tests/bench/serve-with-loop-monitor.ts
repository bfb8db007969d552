/**
 * Browser mode, as `syndic serve` runs it, with its own event loop watched: the process
 * that serves the window. Started by ui-loop.ts as a child. Prints its address; on the
 * line "start" on stdin it resets the delay histogram, on "report" it prints the figures
 * as one JSON line. Argument: the data dir; SYNDIC_BENCH_ENGINE: worker | in-process.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { serveBrowserMode } from '../../electron/app/browser-mode.js';

const root = new URL('../../', import.meta.url);
const [dataDir] = process.argv.slice(2);
const engine = process.env.SYNDIC_BENCH_ENGINE === 'in-process' ? 'in-process' : 'worker';
// 1 ms resolution: the goal is about tens of milliseconds.
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();

let stop!: () => void;
const until = new Promise<void>((resolve) => (stop = resolve));
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  if (line === 'start') delay.reset();
  if (line === 'report') {
    const ms = (ns: number): number => Math.round(ns / 1e5) / 10;
    process.stdout.write(
      JSON.stringify({
        p50: ms(delay.percentile(50)),
        p99: ms(delay.percentile(99)),
        max: ms(delay.max),
        rssMb: Math.round(process.memoryUsage().rss / 1024 / 1024),
      }) + '\n',
    );
  }
  if (line === 'stop') stop();
});

await serveBrowserMode({
  dataDir: dataDir!,
  port: 0,
  poll: false,
  engine,
  rendererDir: new URL('dist/renderer/', root).pathname,
  engineWorker: new URL('dist/electron/engine-worker.js', root),
  io: { out: (line) => process.stdout.write(line + '\n'), err: () => undefined },
  until,
});
// Stdin stays open (the parent holds it): nothing else would end this process.
commands.close();
