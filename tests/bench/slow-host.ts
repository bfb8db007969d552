/**
 * `npm run bench -- slow-host` (issue 19): `syndic refresh --jsonl`, by the real CLI, on
 * five feeds of one host that keep a client waiting (one trickles a byte a second, one
 * holds the connection without answering, one stops after its headers, one halfway
 * through its body, one more trickles) and a healthy feed on another host, with the real
 * deadlines (30 s per request, 25 s per refresh: electron/engine/poller/refresh-deadlines.ts).
 * Records the wall time of the command, start-up included, and when the healthy feed's
 * line was printed. Before the refresh deadlines the same refresh took 90 s.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import { join } from 'node:path';
import { assertBuilt, CLI } from '../support/cli.js';
import { loopbackHosts, startFeedServer } from '../support/feed-server.js';
import { tempDir } from '../support/temp.js';

type Record = (key: string, value: string) => void;

const SLOW_PATHS = ['/trickle.rss', '/silent.rss', '/headers-only.rss', '/half.rss', '/trickle-2.rss'];

interface TimedRun {
  seconds: number;
  code: number | null;
  stderr: string;
  /** Each stdout line with the seconds since the start at which it arrived. */
  lines: { at: number; line: string }[];
}

/** Runs the built CLI with the Node flags of its `#!` line, timing each line it prints. */
function runTimed(args: string[]): Promise<TimedRun> {
  const flags = readFileSync(CLI, 'utf8')
    .split('\n', 1)[0]!
    .split(/\s+/)
    .filter((word) => word.startsWith('--'));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [...flags, CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: TimedRun['lines'] = [];
    let partial = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      const at = (performance.now() - started) / 1000;
      const parts = (partial + d.toString()).split('\n');
      partial = parts.pop()!;
      for (const line of parts) lines.push({ at, line });
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ seconds: (performance.now() - started) / 1000, code, stderr, lines }));
  });
}

export async function benchSlowHost(log: (line: string) => void, record: Record): Promise<void> {
  log('\nslow-host: five hanging or trickling feeds on one host, one healthy feed on another (real deadlines)');
  assertBuilt();
  const [slowAddress, healthyAddress] = loopbackHosts(2) as [string, string];
  const slow = await startFeedServer({ host: slowAddress });
  const healthy = await startFeedServer({ host: healthyAddress });
  const trickle = (_req: http.IncomingMessage, res: http.ServerResponse): void => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    const timer = setInterval(() => res.write(' '), 1000);
    res.on('close', () => clearInterval(timer));
  };
  slow.handle('/trickle.rss', trickle);
  slow.handle('/trickle-2.rss', trickle);
  slow.handle('/silent.rss', () => undefined);
  slow.handle('/headers-only.rss', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml' });
    res.flushHeaders();
  });
  slow.handle('/half.rss', (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': '10000' });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>half');
  });
  healthy.serve('/feed.rss', {
    body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Healthy</title><link>https://example.com/</link><item><title>One</title><guid>one</guid></item></channel></rss>',
    contentType: 'application/rss+xml',
  });
  // The slow feeds first: the healthy one is last in the queue.
  const urls = [...SLOW_PATHS.map((path) => slow.url(path)), healthy.url('/feed.rss')];
  const dir = tempDir('syndic-bench-');
  try {
    const opml = join(dir.path, 'slow-host.opml');
    writeFileSync(
      opml,
      `<?xml version="1.0"?><opml version="2.0"><head><title>Slow host</title></head><body>
${urls.map((url, i) => `<outline type="rss" text="Feed ${i}" xmlUrl="${url}"/>`).join('\n')}
</body></opml>`,
    );
    const data = join(dir.path, 'data');
    const imported = await runTimed(['import-opml', opml, '--data-dir', data]);
    if (imported.code !== 0) throw new Error(`import-opml failed: ${imported.stderr}`);
    const run = await runTimed(['refresh', '--jsonl', '--data-dir', data]);
    const healthyLine = run.lines.find((l) => l.line.includes(healthy.url('/feed.rss')));
    const statuses = run.lines.map((l) => (JSON.parse(l.line) as { status: string }).status);
    // The refresh's own time, from the summary line on stderr: the rest is start-up and exit.
    const ownSeconds = /\((\d+(?:\.\d+)?) s\)/.exec(run.stderr)?.[1] ?? '?';
    record(
      'refresh, 5 slow feeds on one host + 1 healthy (CLI, start-up incl.)',
      `${run.seconds.toFixed(1)} s (before: 90 s), of which the refresh itself ${ownSeconds} s; ` +
        `healthy feed printed at ${healthyLine?.at.toFixed(1) ?? '?'} s; ` +
        `${statuses.filter((s) => s === 'ok').length} ok, ${statuses.filter((s) => s === 'failed').length} failed, exit ${run.code}`,
    );
  } finally {
    await Promise.all([slow.close(), healthy.close()]);
    dir.remove();
  }
}
