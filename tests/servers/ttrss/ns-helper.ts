/**
 * The small Node process that ttrss-server.ts starts INSIDE the test's network namespace.
 * It does two jobs there:
 *
 * 1. The static feed server: files from a directory the test chooses, on port 80 at the
 *    documentation address 198.51.100.7. TT-RSS refuses feed URLs on loopback or on ports
 *    other than 80/443 (its SSRF guard), so feeds must live at such an address.
 * 2. A bridge for the test process, which stays in the machine's own namespace and so cannot
 *    reach 127.0.0.1 inside this one: a Unix socket (sockets on the file system cross
 *    network namespaces) whose connections are piped to TT-RSS's web server.
 *
 * It reports on stdout, one JSON object a line: `{"t":"ready"}` once both listen, then
 * `{"t":"req",...}` for every feed request (tests can check what TT-RSS fetched). It exits when
 * its stdin closes, so it never outlives the process that started it.
 *
 * Usage: node --import tsx ns-helper.ts '<json HelperConfig>'
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

export interface HelperConfig {
  feedDir: string;
  feedHost: string;
  feedPort: number;
  bridgeSocket: string;
  webHost: string;
  webPort: number;
}

const TYPES: Record<string, string> = {
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.json': 'application/feed+json; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
};

function emit(event: Record<string, unknown>): void {
  process.stdout.write(JSON.stringify(event) + '\n');
}

function serveFeeds(config: HelperConfig): http.Server {
  const root = path.resolve(config.feedDir);
  return http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://feeds');
    const done = (status: number): void => {
      emit({
        t: 'req',
        method: req.method,
        path: url.pathname + url.search,
        status,
        userAgent: req.headers['user-agent'] ?? '',
        at: Date.now(),
      });
    };
    let rel: string;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400).end();
      return done(400);
    }
    const file = path.resolve(root, '.' + rel);
    // Never serve anything outside the chosen directory.
    if (file !== root && !file.startsWith(root + path.sep)) {
      res.writeHead(403).end();
      return done(403);
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return done(404);
    }
    // Validators like a real web server, so conditional fetches behave as on the internet.
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const lastModified = new Date(Math.floor(stat.mtimeMs / 1000) * 1000).toUTCString();
    const headers = {
      'content-type': TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      etag,
      'last-modified': lastModified,
    };
    const inm = req.headers['if-none-match'];
    const ims = req.headers['if-modified-since'];
    if ((inm && inm === etag) || (!inm && ims && Date.parse(ims) >= Date.parse(lastModified))) {
      res.writeHead(304, headers).end();
      return done(304);
    }
    const body = fs.readFileSync(file);
    res.writeHead(200, { ...headers, 'content-length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    return done(200);
  });
}

function bridge(config: HelperConfig): net.Server {
  return net.createServer((client) => {
    const upstream = net.connect(config.webPort, config.webHost);
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
}

function listen(server: net.Server, ...args: [number, string] | [string]): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(...(args as [number, string]), () => resolve());
  });
}

async function main(): Promise<void> {
  const raw = process.argv[2];
  if (!raw) throw new Error('usage: ns-helper.ts <json config>');
  const config = JSON.parse(raw) as HelperConfig;
  const feeds = serveFeeds(config);
  const api = bridge(config);
  await listen(feeds, config.feedPort, config.feedHost);
  await listen(api, config.bridgeSocket);
  // The bridge socket must be usable by the test process only: it runs as root like us.
  fs.chmodSync(config.bridgeSocket, 0o600);
  // Exit with the parent: when it dies (even by SIGKILL) our stdin pipe closes.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
  emit({ t: 'ready' });
}

main().catch((err: unknown) => {
  process.stderr.write(`ns-helper: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
