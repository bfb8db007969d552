/**
 * The window's responsiveness during a cold 1,000-feed refresh (1,000 feeds on 100
 * loopback hosts, 50 ms latency): the event-loop delay of the process that serves the
 * window (browser mode's server), and how long UI calls take meanwhile (open a list, open
 * an article, star it, search), with the engine on its own thread (as shipped) and on the
 * serving thread (as before), one round each, interleaved.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { CLI } from '../support/cli.js';
import { startCorpus } from '../support/corpus.js';
import { tempDir } from '../support/temp.js';

type Record = (key: string, value: string) => void;

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

function runCli(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: 'ignore' });
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`syndic ${args[0]} exited ${code}`))));
  });
}

/** The serving child, its address, and a way to ask it for a line of figures. */
async function startServer(
  dataDir: string,
  engine: string,
): Promise<{ child: ChildProcess; url: URL; tell: (line: string) => void; ask: (line: string) => Promise<string> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(import.meta.dirname, 'serve-with-loop-monitor.ts'), dataDir],
    { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, SYNDIC_BENCH_ENGINE: engine } },
  );
  const lines = createInterface({ input: child.stdout! });
  const waiting: ((line: string) => void)[] = [];
  lines.on('line', (line) => waiting.shift()?.(line));
  const next = (): Promise<string> => new Promise((resolve) => waiting.push(resolve));
  const first = await next();
  const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(first);
  if (!match) throw new Error(`unexpected first line from the server: ${first}`);
  return {
    child,
    url: new URL(match[1]!),
    tell: (line) => child.stdin!.write(line + '\n'),
    ask: (line) => {
      const answer = next();
      child.stdin!.write(line + '\n');
      return answer;
    },
  };
}

/** A ReaderApi client over the WebSocket, as the renderer's api.ts talks to it. */
async function connect(
  url: URL,
): Promise<{ call: (method: string, ...args: unknown[]) => Promise<unknown>; close: () => void }> {
  const token = url.searchParams.get('token')!;
  const ws = new WebSocket(`ws://${url.host}/api?token=${encodeURIComponent(token)}`, {
    headers: { origin: `http://${url.host}` },
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, (reply: { ok: boolean; result?: unknown; error?: { message: string } }) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as { id?: number };
    if (typeof message.id === 'number') pending.get(message.id)?.(message as never);
  });
  return {
    call: (method, ...args) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, (reply) => (reply.ok ? resolve(reply.result) : reject(new Error(reply.error?.message))));
        ws.send(JSON.stringify({ id, method, args }));
      }),
    close: () => ws.close(),
  };
}

interface Round {
  loop: { p50: number; p99: number; max: number; rssMb: number };
  actions: number[];
  refreshSeconds: number;
}

async function oneRound(opml: string, engine: string): Promise<Round> {
  const dir = tempDir('syndic-bench-loop-');
  const server = await (async () => {
    const data = join(dir.path, 'data');
    await runCli(['import-opml', opml, '--data-dir', data]);
    return startServer(data, engine);
  })();
  try {
    const api = await connect(server.url);
    server.tell('start');
    const actions: number[] = [];
    const started = performance.now();
    let refreshing = true;
    const refresh = api.call('refresh', null).finally(() => (refreshing = false));
    // What a reader does while the refresh runs: a list, an article, a star, a search.
    while (refreshing) {
      const time = async (work: () => Promise<unknown>): Promise<unknown> => {
        const t = performance.now();
        const result = await work();
        actions.push(performance.now() - t);
        return result;
      };
      const page = (await time(() => api.call('listArticles', { view: 'all' }, null, 50))) as {
        articles: { id: number }[];
      };
      const first = page.articles[0];
      if (first) {
        await time(() => api.call('getArticle', first.id));
        await time(() => api.call('setStarred', first.id, true));
      }
      await time(() => api.call('listArticles', { view: 'all', search: 'security' }, null, 50));
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await refresh;
    const refreshSeconds = (performance.now() - started) / 1000;
    const loop = JSON.parse(await server.ask('report')) as Round['loop'];
    api.close();
    return { loop, actions, refreshSeconds };
  } finally {
    server.tell('stop');
    await new Promise((resolve) => server.child.once('exit', resolve));
    dir.remove();
  }
}

export async function benchUiLoop(log: (line: string) => void, record: Record): Promise<void> {
  log('\nui-loop: the serving process during a cold refresh of 1,000 feeds (100 hosts, 50 ms latency)');
  const feeds = Number(process.env.SYNDIC_BENCH_LOOP_FEEDS ?? 1000);
  const corpus = await startCorpus({ feeds, items: 20, hosts: Math.min(100, feeds), latencyMs: 50 });
  const dir = tempDir('syndic-bench-loop-opml-');
  try {
    const opml = join(dir.path, 'corpus.opml');
    writeFileSync(opml, corpus.opml);
    const rounds = Number(process.env.SYNDIC_BENCH_ROUNDS ?? 1);
    for (let i = 0; i < rounds; i++) {
      for (const engine of ['in-process', 'worker']) {
        const round = await oneRound(opml, engine);
        const label = engine === 'worker' ? 'engine on its own thread' : 'engine on the serving thread (before)';
        record(
          `loop delay, ${label}`,
          `p50 ${round.loop.p50} ms, p99 ${round.loop.p99} ms, max ${round.loop.max} ms (refresh ${round.refreshSeconds.toFixed(1)} s, serving process ${round.loop.rssMb} MB)`,
        );
        record(
          `UI calls during the refresh, ${label}`,
          `${round.actions.length} calls: p50 ${percentile(round.actions, 50).toFixed(0)} ms, p99 ${percentile(round.actions, 99).toFixed(0)} ms, max ${Math.max(...round.actions).toFixed(0)} ms`,
        );
      }
    }
  } finally {
    await corpus.close();
    dir.remove();
  }
}
