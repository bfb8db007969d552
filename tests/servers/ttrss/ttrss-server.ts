/**
 * A REAL Tiny Tiny RSS server for the test suite, started from nothing and stopped again.
 *
 * Debian's tt-rss (API level 15) on PHP's built-in web server, with its own PostgreSQL 15
 * cluster in a temp dir, and a static feed server at http://198.51.100.7/ serving files from
 * a directory the test chooses. All of it runs inside a private network namespace made for
 * the run (`syndic-ttrss-<pid>-<random>`), because TT-RSS only fetches feeds on ports 80/443
 * at non-loopback addresses, and such an address must never be added to the machine's own
 * namespace. Test code that talks to TT-RSS as a client (Syndic) must run inside the
 * namespace too: use `spawn`, `exec`, `command` or `node` below.
 *
 * Needs root and the packages of install.sh; `ttrssAvailability()` / `ttrssSkip()` tell tests
 * when they cannot run (CI is root and must never skip). See README.md in this folder.
 */
import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { HelperConfig } from './ns-helper.js';

/** Debian packages the server needs (install.sh installs exactly these). */
export const TTRSS_PACKAGES = [
  'tt-rss',
  'dbconfig-no-thanks',
  'php-cli',
  'php-pgsql',
  'php-curl',
  'php-xml',
  'php-mbstring',
  'php-intl',
  'postgresql-15',
  'iproute2',
] as const;

const PG_BIN = '/usr/lib/postgresql/15/bin';
const TTRSS_SHARE = '/usr/share/tt-rss';
const PHP = '/usr/bin/php';
/** A documentation address (RFC 5737): only ever added inside our own namespace. */
export const FEED_HOST = '198.51.100.7';
const FEED_PORT = 80;
// The namespace is ours alone, so fixed ports cannot collide with anything.
const PG_PORT = 5432;
const DEFAULT_WEB_PORT = 8080;
const NS_PREFIX = 'syndic-ttrss-';
const NS_PATTERN = /^syndic-ttrss-(\d+)-[0-9a-f]+$/;
const HERE = path.dirname(fileURLToPath(import.meta.url));
/** libcurl (PHP) and others honour these; nothing outside the namespace is reachable anyway. */
const PHP_NOISE =
  /PHP (Warning|Deprecated|Notice): +(Undefined (array key|global variable|variable|property)|Array to string conversion|Trying to access array offset)|\] [\d.:]+ (Accepted|Closing)$|\] [\d.:]+ \[200\]: POST \/api\/$/;
const PROXY_VARS = ['http_proxy', 'https_proxy', 'ftp_proxy', 'all_proxy', 'no_proxy'];

export interface TtrssOptions {
  /** Directory served at http://198.51.100.7/ (default: a fresh one, removed by stop()). */
  feedDir?: string;
  /** Where TT-RSS's web server listens inside the namespace (default 127.0.0.1). */
  webHost?: '127.0.0.1' | typeof FEED_HOST;
  /** Its port (default 8080). */
  webPort?: number;
  /** PHP built-in server worker processes (PHP_CLI_SERVER_WORKERS, default 4). */
  phpWorkers?: number;
  /**
   * Keep PHP warnings on (default false). This 2021 TT-RSS was written for PHP 7, where a
   * missing array key was a notice (which it ignores); PHP 8 makes that a warning, and its
   * error handler builds a backtrace for each one: hundreds per getHeadlines page, which
   * makes a page with content 3x slower (640 ms instead of 200 ms for 200 articles) and
   * buries real errors in the log. By default our webroot copy ignores warnings as PHP 7 did.
   */
  phpWarnings?: boolean;
  /** Extra php.ini settings for the web server (`-d name=value`). */
  phpIni?: Record<string, string>;
  /** Progress lines; default: stderr. Pass `() => {}` to silence. */
  log?: (line: string) => void;
}

export interface ExecOptions {
  /** Run as this user (e.g. 'www-data'); default root. */
  user?: string;
  input?: string | Buffer;
  cwd?: string;
  /** Added to (and overriding) the inherited environment. */
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Reject when the command fails (default true). */
  check?: boolean;
  /** Name of the command in error messages. */
  label?: string;
}

export interface ExecResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface FeedRequest {
  method: string;
  path: string;
  status: number;
  userAgent: string;
  at: number;
}

export interface FeedServerInfo {
  host: string;
  port: number;
  /** 'http://198.51.100.7' */
  origin: string;
  /** The served directory. */
  dir: string;
  /** Full URL of a served file: url('a.xml') is 'http://198.51.100.7/a.xml'. */
  url(file: string): string;
  /** Writes a file into the served directory (creating subfolders) and returns its URL. */
  write(file: string, body: string | Buffer): string;
  /** Every request answered so far, oldest first. */
  requests(): FeedRequest[];
}

/** An answer of the TT-RSS JSON API. */
export interface TtrssAnswer {
  seq: number;
  status: number;
  content: unknown;
}

export interface TtrssServer {
  /** Base address inside the namespace, with a trailing slash; the API is at url + 'api/'. */
  url: string;
  apiUrl: string;
  user: string;
  password: string;
  /** The network namespace everything runs in. */
  netns: string;
  /** Temp dir holding the cluster, webroot, caches and logs (removed by stop()). */
  dir: string;
  webroot: string;
  feedServer: FeedServerInfo;
  /** A Unix socket piped to the web server, for HTTP from outside the namespace. */
  bridgeSocket: string;
  /** How long start took, in milliseconds. */
  startMs: number;
  /** Environment given to every process in the namespace: TTRSS_URL, TTRSS_USER, ... */
  clientEnv: Record<string, string>;

  /** The argv that runs `cmd args` inside the namespace (for spawnSync, execFile, ...). */
  command(cmd: string, args?: string[], options?: { user?: string }): { command: string; args: string[] };
  /** Spawns a process inside the namespace; stop() ends it if it is still running. */
  spawn(cmd: string, args?: string[], options?: SpawnOptions & { user?: string }): ChildProcess;
  /** Runs a shell command line (string) or an argv (array) inside the namespace. */
  exec(command: string | string[], options?: ExecOptions): Promise<ExecResult>;
  /** Runs a TypeScript (or JS) file with Node + tsx inside the namespace. */
  node(script: string, args?: string[], options?: ExecOptions): Promise<ExecResult>;
  /** `php update.php --feeds --force-update` as www-data: TT-RSS fetches every feed now. */
  updateFeeds(): Promise<ExecResult>;
  /** Runs SQL (any psql script, several statements, COPY ... FROM STDIN) as the owner of TT-RSS's tables; returns psql's unaligned, tuples-only output. */
  sql(script: string): Promise<string>;
  /** Like sql() for one query: its rows as arrays of column texts. */
  sqlRows(query: string): Promise<string[][]>;
  /**
   * Puts `count` articles straight into the tables of a feed that exists (subscribe first),
   * oldest first (increasing ids, as fetching would give), unread. Returns their ids' range.
   * For benchmarks: 10,000 take about half a second; no fetching involved. Runs ANALYZE.
   */
  loadArticles(
    feedId: number,
    count: number,
    options?: { owner?: number; bodyChars?: number; unread?: boolean },
  ): Promise<{ firstId: number; lastId: number }>;
  /** Creates a user with API access; returns its id. */
  createUser(login: string, password: string): Promise<number>;
  /** One JSON API call from the test process (through bridgeSocket). */
  api(request: Record<string, unknown>): Promise<TtrssAnswer>;
  /** Logs in through the API and returns the session id. */
  login(user?: string, password?: string): Promise<string>;
  /** Logs of PHP, PostgreSQL and the helper, for diagnostics. */
  logs(): string;
  /**
   * A TCP address in the TEST process's own namespace (http://127.0.0.1:PORT/, the base;
   * the API is under api/) forwarding to the web server through bridgeSocket, so a client
   * running in the test process itself can talk to TT-RSS. Opened on first call, closed by stop().
   */
  loopbackUrl(): Promise<string>;
  /** Ends every process started, removes the namespace and the temp dirs; throws if anything is left. */
  stop(): Promise<void>;
}

export type Availability = { ok: true } | { ok: false; reason: string };

/** Whether this machine can run the server: Linux, root, packages installed. */
export function ttrssAvailability(): Availability {
  if (process.platform !== 'linux') return { ok: false, reason: 'the TT-RSS server needs Linux' };
  if (process.getuid?.() !== 0) {
    return { ok: false, reason: 'the TT-RSS server needs root (network namespace, PostgreSQL as postgres)' };
  }
  const query = spawnSync('dpkg-query', ['-W', '-f=${Package} ${Status}\\n', ...TTRSS_PACKAGES], { encoding: 'utf8' });
  const installed = new Set(
    (query.stdout ?? '')
      .split('\n')
      .filter((line) => line.endsWith(' install ok installed'))
      .map((line) => line.split(' ')[0]),
  );
  const missing = TTRSS_PACKAGES.filter((p) => !installed.has(p));
  if (missing.length > 0) {
    return {
      ok: false,
      reason: `packages missing: ${missing.join(' ')} (run tests/servers/ttrss/install.sh as root)`,
    };
  }
  for (const file of [`${PG_BIN}/postgres`, `${PG_BIN}/initdb`, PHP, '/usr/bin/setpriv', tsxLoader()]) {
    if (!fs.existsSync(file)) return { ok: false, reason: `${file} is missing` };
  }
  return { ok: true };
}

/**
 * For node:test's `skip` option: false when the server can run, else the reason (printed by
 * the runner). Where skipping is not allowed (CI, or SYNDIC_REQUIRE_TTRSS=1) it throws
 * instead, so a machine that cannot run the server fails loudly.
 */
export function ttrssSkip(): string | false {
  const availability = ttrssAvailability();
  if (availability.ok) return false;
  if (process.env.SYNDIC_REQUIRE_TTRSS === '1' || process.env.CI) {
    throw new Error(`TT-RSS tests must run here but cannot: ${availability.reason}`);
  }
  return `TT-RSS server tests skipped: ${availability.reason}`;
}

/** Node arguments that load tsx, so a child Node can run .ts files. */
export function tsxImportArgs(): string[] {
  return ['--import', pathToFileURL(tsxLoader()).href];
}

function tsxLoader(): string {
  try {
    return createRequire(import.meta.url).resolve('tsx');
  } catch {
    return path.join(HERE, '../../../node_modules/tsx/dist/loader.mjs');
  }
}

/** Quotes a string as an SQL literal. */
export function sqlLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

// ---------------------------------------------------------------------------------------
// Small process utilities

function childEnv(extra?: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) {
    if (PROXY_VARS.includes(key.toLowerCase())) delete env[key];
  }
  return { ...env, ...extra };
}

/** argv running `cmd` in namespace `netns`, as `user` when given (setpriv execs, no extra process). */
function nsArgv(netns: string, cmd: string, args: string[], user?: string, deathSignal?: string) {
  const drop = user ? [`--reuid=${user}`, `--regid=${user}`, '--init-groups'] : [];
  // pdeathsig: if the test process dies without stop(), long-running servers go with it.
  const death = deathSignal ? ['--pdeathsig', deathSignal] : [];
  const wrap = drop.length || death.length ? ['setpriv', ...drop, ...death, '--'] : [];
  return { command: 'ip', args: ['netns', 'exec', netns, ...wrap, cmd, ...args] };
}

function run(command: string, args: string[], options: ExecOptions = {}): Promise<ExecResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: childEnv(options.env),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = {
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if ((options.check ?? true) && code !== 0) {
        const what = options.label ?? [command, ...args].join(' ');
        reject(
          new Error(
            `${what} failed (${signal ?? `exit ${code}`})\n--- stdout\n${tail(result.stdout)}\n--- stderr\n${tail(result.stderr)}`,
          ),
        );
      } else resolve(result);
    });
    child.stdin.on('error', () => {}); // a child that exits without reading its input
    child.stdin.end(options.input ?? '');
  });
}

function runSync(command: string, args: string[]): { ok: boolean; stdout: string } {
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: 30_000 });
  return { ok: r.status === 0, stdout: r.stdout ?? '' };
}

function tail(text: string, lines = 60): string {
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Whether a process exists and is not a zombie (an exited child not yet reaped by Node). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** What of ours could show up in the machine's own namespace: our link names, our address. */
function hostTraces(): string[] {
  const links = runSync('ip', ['-o', 'link']).stdout.split('\n');
  const addrs = runSync('ip', ['-o', 'addr']).stdout.split('\n');
  return [
    ...links.filter((l) => /^\d+: (ttrss0|ttrss1)[@:]/.test(l)).map((l) => `link ${l.split(':')[1]?.trim()}`),
    ...addrs.filter((l) => l.includes(` ${FEED_HOST}/`)).map(() => `address ${FEED_HOST}`),
  ];
}

function hostLinks(): string[] {
  return runSync('ip', ['-o', 'link'])
    .stdout.split('\n')
    .map((line) => line.split(':')[1]?.trim().split('@')[0] ?? '')
    .filter(Boolean)
    .sort();
}

function netnsList(): string[] {
  return runSync('ip', ['netns', 'list'])
    .stdout.split('\n')
    .map((line) => line.split(' ')[0] ?? '')
    .filter(Boolean);
}

function netnsPids(netns: string): number[] {
  return runSync('ip', ['netns', 'pids', netns])
    .stdout.split(/\s+/)
    .filter(Boolean)
    .map(Number)
    .filter((pid) => pid !== process.pid);
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* already gone */
  }
}

/**
 * The hard, synchronous end of a run (also used from process 'exit' and for namespaces left
 * by a crashed run): every process still in the namespace goes, then the namespace and the
 * temp dir. Only processes inside our own namespace are touched; we started all of them.
 */
function teardownSync(netns: string, dir: string): void {
  // PostgreSQL first, with a fast shutdown: a SIGKILLed postmaster would leave its SysV
  // shared memory segment behind on the machine.
  const pidFile = path.join(dir, 'pg', 'data', 'postmaster.pid');
  const postmaster = Number(fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').split('\n')[0] : NaN);
  if (netnsList().includes(netns)) {
    const inside = new Set(netnsPids(netns));
    if (inside.has(postmaster)) {
      signal(postmaster, 'SIGINT');
      for (let i = 0; i < 50 && alive(postmaster); i++) sleepSync(100);
    }
    for (const pid of netnsPids(netns)) signal(pid, 'SIGTERM');
    for (let i = 0; i < 20 && netnsPids(netns).length > 0; i++) sleepSync(100);
    for (let i = 0; i < 50; i++) {
      const left = netnsPids(netns);
      if (left.length === 0) break;
      for (const pid of left) signal(pid, 'SIGKILL');
      sleepSync(100);
    }
    runSync('ip', ['netns', 'delete', netns]);
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Removes namespaces (and their temp dirs) left by runs whose process is gone. */
export function cleanupStaleTtrss(log: (line: string) => void = () => {}): void {
  if (process.getuid?.() !== 0) return;
  for (const netns of netnsList()) {
    const match = NS_PATTERN.exec(netns);
    if (!match || alive(Number(match[1]))) continue;
    log(`removing namespace ${netns} left by a crashed run`);
    teardownSync(netns, path.join(os.tmpdir(), netns));
  }
}

// Servers still running, for cleanup when the process exits without stop().
const live = new Map<string, string>(); // netns -> dir
let hooksInstalled = false;

function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const [netns, dir] of live) teardownSync(netns, dir);
    live.clear();
  });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      for (const [netns, dir] of live) teardownSync(netns, dir);
      live.clear();
      process.kill(process.pid, sig); // and die of it as we would have
    });
  }
}

// ---------------------------------------------------------------------------------------
// Setup steps

/** Copies the package's webroot; its relative symlinks would dangle in the copy, so they are re-pointed (absolute). */
function copyWebroot(src: string, dst: string): void {
  fs.mkdirSync(dst, { mode: 0o755 });
  for (const entry of fs.readdirSync(src, { withFileTypes: true })) {
    const from = path.join(src, entry.name);
    const to = path.join(dst, entry.name);
    if (entry.isSymbolicLink()) fs.symlinkSync(path.resolve(src, fs.readlinkSync(from)), to);
    else if (entry.isDirectory()) copyWebroot(from, to);
    else fs.copyFileSync(from, to);
  }
}

function configPhp(c: { selfUrl: string; lockDir: string; cacheDir: string; iconsDir: string }): string {
  const s = (v: string) => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return `<?php
// Written by tests/servers/ttrss/ttrss-server.ts for one test run.
define('DB_TYPE', 'pgsql');
define('DB_HOST', '127.0.0.1');
define('DB_PORT', ${PG_PORT});
define('DB_USER', 'ttrss');
define('DB_NAME', 'ttrss');
define('DB_PASS', 'ttrss');
define('MYSQL_CHARSET', 'UTF8');
define('SELF_URL_PATH', ${s(c.selfUrl)});
define('SINGLE_USER_MODE', false);
define('SIMPLE_UPDATE_MODE', false);
define('PHP_EXECUTABLE', ${s(PHP)});
define('LOCK_DIRECTORY', ${s(c.lockDir)});
define('CACHE_DIR', ${s(c.cacheDir)});
define('ICONS_DIR', ${s(c.iconsDir)});
define('ICONS_URL', 'feed-icons');
define('AUTH_AUTO_CREATE', true);
define('AUTH_AUTO_LOGIN', true);
define('FORCE_ARTICLE_PURGE', 0);
define('ENABLE_REGISTRATION', false);
define('REG_NOTIFY_ADDRESS', 'nobody@example.invalid');
define('REG_MAX_USERS', 10);
define('SESSION_COOKIE_LIFETIME', 86400);
define('SMTP_FROM_NAME', 'Tiny Tiny RSS');
define('SMTP_FROM_ADDRESS', 'nobody@example.invalid');
define('DIGEST_SUBJECT', '[tt-rss] New headlines for last 24 hours');
define('CHECK_FOR_UPDATES', false);
define('ENABLE_GZIP_OUTPUT', false);
define('PLUGINS', 'auth_internal');
// Empty: PHP's own error log, i.e. the web server's stderr (logs/php.log). The 'sql' logger
// of this version breaks on PHP 8 (it formats backtraces with array arguments and floods the
// log with "Array to string conversion" for every request).
define('LOG_DESTINATION', '');
// By default update.php skips users who have not logged in for 30 days (or never):
// tests load feeds before anyone logs in.
define('DAEMON_UPDATE_LOGIN_LIMIT', 0);
define('CONFIG_VERSION', 26);
`;
}

/** Every default preference for a user (what TT-RSS does at first login), with the API on. */
function userPrefsSql(uid: string): string {
  return `
INSERT INTO ttrss_user_prefs (owner_uid, pref_name, profile, value)
  SELECT ${uid}, pref_name, NULL, def_value FROM ttrss_prefs
  WHERE pref_name NOT IN (SELECT pref_name FROM ttrss_user_prefs WHERE owner_uid = ${uid} AND profile IS NULL);
UPDATE ttrss_user_prefs SET value = 'true'
  WHERE owner_uid = ${uid} AND profile IS NULL AND pref_name = 'ENABLE_API_ACCESS';`;
}

// ---------------------------------------------------------------------------------------

export async function startTtrss(options: TtrssOptions = {}): Promise<TtrssServer> {
  const availability = ttrssAvailability();
  if (!availability.ok) throw new Error(`cannot start TT-RSS: ${availability.reason}`);
  const began = Date.now();
  const log =
    options.log ??
    ((line: string) => process.stderr.write(`[ttrss +${((Date.now() - began) / 1000).toFixed(1)}s] ${line}\n`));
  cleanupStaleTtrss(log);

  const netns = `${NS_PREFIX}${process.pid}-${randomBytes(3).toString('hex')}`;
  const dir = path.join(os.tmpdir(), netns);
  const webHost = options.webHost ?? '127.0.0.1';
  const webPort = options.webPort ?? DEFAULT_WEB_PORT;
  const url = `http://${webHost}:${webPort}/`;
  const user = 'admin';
  const password = 'password';
  const d = {
    pg: path.join(dir, 'pg'),
    data: path.join(dir, 'pg', 'data'),
    www: path.join(dir, 'www'),
    varDir: path.join(dir, 'var'),
    lock: path.join(dir, 'var', 'lock'),
    cache: path.join(dir, 'var', 'cache'),
    icons: path.join(dir, 'var', 'feed-icons'),
    logs: path.join(dir, 'logs'),
    run: path.join(dir, 'run'),
    feeds: options.feedDir ? path.resolve(options.feedDir) : path.join(dir, 'feeds'),
  };
  const logFiles = {
    php: path.join(d.logs, 'php.log'),
    pg: path.join(d.logs, 'postgresql.log'),
    helper: path.join(d.logs, 'helper.log'),
  };
  const bridgeSocket = path.join(d.run, 'web.sock');
  const clientEnv: Record<string, string> = {
    TTRSS_URL: url,
    TTRSS_API_URL: `${url}api/`,
    TTRSS_USER: user,
    TTRSS_PASSWORD: password,
    TTRSS_FEED_ORIGIN: `http://${FEED_HOST}`,
    TTRSS_NETNS: netns,
  };
  // Checked before and after: nothing of ours may ever appear in the machine's namespace.
  log(`host interfaces: ${hostLinks().join(' ')}`);
  const tracesBefore = hostTraces();
  // Long-running services: PostgreSQL, PHP, the helper (feed server + bridge).
  const services = new Map<string, ChildProcess>();
  const spawned = new Set<ChildProcess>();
  const feedRequests: FeedRequest[] = [];
  let helper: ChildProcess | undefined;
  let stopped = false;
  // The TCP forwarder of loopbackUrl(), opened on demand, and its open connections.
  let loopback: Promise<{ server: net.Server; url: string }> | null = null;
  const loopbackSockets = new Set<net.Socket>();

  const readLogs = (): string =>
    Object.entries(logFiles)
      .map(([name, file]) => {
        let text: string;
        try {
          text = fs.readFileSync(file, 'utf8');
        } catch {
          text = '(none)';
        }
        // TT-RSS of 2021 on PHP 8 warns about every missing array key on every request, and
        // the server logs each connection: hide that noise here (the file keeps it all).
        if (name === 'php')
          text = text
            .split('\n')
            .filter((line) => !PHP_NOISE.test(line))
            .join('\n');
        return `----- ${name} log (${file})\n${tail(text, 80)}`;
      })
      .join('\n');

  const inNs = (cmd: string, args: string[] = [], o: ExecOptions = {}) => {
    const argv = nsArgv(netns, cmd, args, o.user);
    return run(argv.command, argv.args, { ...o, env: { ...clientEnv, ...o.env } });
  };
  const psql = (script: string, db = 'ttrss', role = 'ttrss', extra: string[] = []) =>
    run(
      `${PG_BIN}/psql`,
      ['-h', d.pg, '-p', String(PG_PORT), '-U', role, '-d', db, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-At', ...extra],
      { input: script, label: 'psql' },
    ).then((r) => r.stdout.replace(/\n$/, ''));

  /** A long-running service in the namespace, in its own process group, output to a log file. */
  const startService = (
    name: string,
    cmd: string,
    args: string[],
    o: { user?: string; cwd?: string; env?: NodeJS.ProcessEnv; logFile: string; deathSignal?: string },
  ) => {
    const fd = fs.openSync(o.logFile, 'a');
    const argv = nsArgv(netns, cmd, args, o.user, o.deathSignal ?? 'KILL');
    const child = spawn(argv.command, argv.args, {
      cwd: o.cwd,
      env: childEnv({ ...clientEnv, ...o.env }),
      stdio: ['ignore', fd, fd],
      detached: true,
    });
    fs.closeSync(fd);
    child.on('exit', (code, sig) => {
      if (!stopped) log(`${name} exited unexpectedly (${sig ?? `exit ${code}`})`);
    });
    services.set(name, child);
    return child;
  };

  const waitFor = async (what: string, test: () => Promise<boolean>, timeoutMs: number, child?: ChildProcess) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (child && child.exitCode !== null) throw new Error(`${what}: process exited (${child.exitCode})`);
      if (await test().catch(() => false)) return;
      if (Date.now() > deadline) throw new Error(`${what}: not ready after ${timeoutMs} ms`);
      await sleep(100);
    }
  };

  const apiCall = (request: Record<string, unknown>): Promise<TtrssAnswer> =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(request);
      const req = http.request(
        {
          socketPath: bridgeSocket,
          method: 'POST',
          path: '/api/',
          headers: {
            host: `${webHost}:${webPort}`,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
          timeout: 60_000,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            try {
              resolve(JSON.parse(text) as TtrssAnswer);
            } catch {
              reject(new Error(`TT-RSS answered ${res.statusCode} with non-JSON: ${text.slice(0, 500)}`));
            }
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('TT-RSS API call timed out')));
      req.on('error', reject);
      req.end(body);
    });

  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    const t = Date.now();
    if (loopback !== null) {
      const { server: forwarder } = await loopback.catch(() => ({ server: null }));
      for (const socket of loopbackSockets) socket.destroy();
      if (forwarder !== null) await new Promise<void>((resolve) => forwarder.close(() => resolve()));
    }
    helper?.stdin?.end();
    for (const child of spawned) if (child.exitCode === null) child.kill('SIGTERM');
    // Fast shutdown for PostgreSQL (SIGINT), TERM to the PHP server's process group (its
    // workers); the helper goes when its stdin closes. teardownSync then makes sure.
    const exits = [...services.values()].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
        }),
    );
    const pgPid = services.get('PostgreSQL')?.pid;
    if (pgPid !== undefined) signal(pgPid, 'SIGINT');
    const phpPid = services.get('PHP web server')?.pid;
    if (phpPid !== undefined) signal(-phpPid, 'SIGTERM');
    await Promise.race([Promise.all(exits), sleep(8000)]);
    teardownSync(netns, dir);
    live.delete(netns);
    // Let Node reap what teardownSync killed, so exit events and states are current.
    for (
      let i = 0;
      i < 20 && [...services.values(), ...spawned].some((c) => c.exitCode === null && c.signalCode === null);
      i++
    ) {
      await sleep(50);
    }
    if (options.feedDir === undefined) fs.rmSync(d.feeds, { recursive: true, force: true });
    // Verify, rather than hope, that nothing is left.
    const problems: string[] = [];
    if (netnsList().includes(netns)) problems.push(`namespace ${netns} still exists`);
    for (const [name, child] of [...services, ...[...spawned].map((c) => [c.spawnargs.join(' '), c] as const)]) {
      if (child.pid !== undefined && child.exitCode === null && child.signalCode === null && alive(child.pid)) {
        problems.push(`${name} (pid ${child.pid}) still running`);
      }
    }
    if (fs.existsSync(dir)) problems.push(`${dir} still exists`);
    const traces = hostTraces().filter((t) => !tracesBefore.includes(t));
    if (traces.length > 0) problems.push(`on the host: ${traces.join(', ')}`);
    if (problems.length > 0) throw new Error(`TT-RSS stop left things behind: ${problems.join('; ')}`);
    log(`stopped in ${Date.now() - t} ms; namespace, processes and ${dir} gone`);
  };

  try {
    // -- The namespace. Everything below happens inside it; nothing is added to the host.
    log(`creating network namespace ${netns}`);
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755); // www-data and postgres must traverse it
    live.set(netns, dir);
    installExitHooks();
    await run('ip', ['netns', 'add', netns]);
    await run('ip', ['-n', netns, 'link', 'set', 'lo', 'up']);
    // A veth pair created directly in the namespace: a namespace with only `lo` looks offline
    // to Syndic (no non-internal interface), so its poller and offline cache would idle.
    await run('ip', ['-n', netns, 'link', 'add', 'ttrss0', 'type', 'veth', 'peer', 'name', 'ttrss1']);
    await run('ip', ['-n', netns, 'link', 'set', 'ttrss0', 'up']);
    await run('ip', ['-n', netns, 'link', 'set', 'ttrss1', 'up']);
    await run('ip', ['-n', netns, 'addr', 'add', `${FEED_HOST}/32`, 'dev', 'ttrss0']);
    if (hostTraces().some((t) => !tracesBefore.includes(t))) {
      throw new Error(`our interfaces appeared on the host: ${hostTraces().join(', ')}`);
    }

    for (const p of [d.varDir, d.lock, d.cache, d.icons, d.logs, d.run, d.pg])
      fs.mkdirSync(p, { recursive: true, mode: 0o755 });
    for (const sub of ['images', 'upload', 'export', 'feeds', 'js'])
      fs.mkdirSync(path.join(d.cache, sub), { mode: 0o755 });
    fs.mkdirSync(d.feeds, { recursive: true });
    // TT-RSS writes its caches, locks and icons as www-data; the cluster belongs to postgres.
    await run('chown', ['-R', 'www-data:www-data', d.varDir]);
    await run('chown', ['postgres:postgres', d.pg]);
    fs.chmodSync(d.pg, 0o700);

    // -- PostgreSQL: initdb (the slowest step) runs while the rest is prepared.
    log('initdb');
    const initdb = inNs(
      `${PG_BIN}/initdb`,
      ['-D', d.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync', '--no-instructions'],
      { user: 'postgres', cwd: d.pg, label: 'initdb' },
    );

    // -- The feed server and the bridge.
    const helperConfig: HelperConfig = {
      feedDir: d.feeds,
      feedHost: FEED_HOST,
      feedPort: FEED_PORT,
      bridgeSocket,
      webHost,
      webPort,
    };
    const helperArgv = nsArgv(netns, process.execPath, [
      ...tsxImportArgs(),
      path.join(HERE, 'ns-helper.ts'),
      JSON.stringify(helperConfig),
    ]);
    const helperLog = fs.openSync(logFiles.helper, 'a');
    const h = spawn(helperArgv.command, helperArgv.args, {
      env: childEnv(clientEnv),
      stdio: ['pipe', 'pipe', helperLog],
      detached: true,
    });
    fs.closeSync(helperLog);
    helper = h;
    const helperReady = new Promise<void>((resolve, reject) => {
      let buffered = '';
      h.stdout?.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        let nl: number;
        while ((nl = buffered.indexOf('\n')) >= 0) {
          const line = buffered.slice(0, nl);
          buffered = buffered.slice(nl + 1);
          try {
            const event = JSON.parse(line) as { t: string } & FeedRequest;
            if (event.t === 'ready') resolve();
            else if (event.t === 'req') {
              const { method, path: p, status, userAgent, at } = event;
              feedRequests.push({ method, path: p, status, userAgent, at });
            }
          } catch {
            /* not ours */
          }
        }
      });
      h.on('exit', (code) => {
        if (!stopped) log(`feed server helper exited (${code})`);
        reject(new Error(`feed server helper exited (${code})`));
      });
    });
    helperReady.catch(() => {}); // handled where awaited
    services.set('feed server helper', h);

    // -- The webroot copy with its own config.php.
    copyWebroot(path.join(TTRSS_SHARE, 'www'), d.www);
    fs.rmSync(path.join(d.www, 'config.php'));
    fs.writeFileSync(
      path.join(d.www, 'config.php'),
      configPhp({ selfUrl: url.replace(/\/$/, ''), lockDir: d.lock, cacheDir: d.cache, iconsDir: d.icons }),
      { mode: 0o644 },
    );
    if (!options.phpWarnings) {
      const functionsPhp = path.join(d.www, 'include', 'functions.php');
      const stock = 'error_reporting(E_ALL & ~E_NOTICE & ~E_DEPRECATED);';
      const source = fs.readFileSync(functionsPhp, 'utf8');
      if (source.includes(stock)) {
        fs.writeFileSync(
          functionsPhp,
          source.replace(stock, 'error_reporting(E_ALL & ~E_NOTICE & ~E_DEPRECATED & ~E_WARNING);'),
        );
      } else log('note: could not silence PHP 8 warnings (include/functions.php changed); the API will be slower');
    }
    fs.rmSync(path.join(d.www, 'feed-icons'));
    fs.symlinkSync(d.icons, path.join(d.www, 'feed-icons'));

    await initdb;
    log('starting PostgreSQL');
    const pg = startService(
      'PostgreSQL',
      `${PG_BIN}/postgres`,
      [
        '-D',
        d.data,
        '-c',
        'listen_addresses=127.0.0.1',
        '-c',
        `port=${PG_PORT}`,
        '-c',
        `unix_socket_directories=${d.pg}`,
        // Test data: durability is worthless here, speed is not.
        '-c',
        'fsync=off',
        '-c',
        'synchronous_commit=off',
        '-c',
        'full_page_writes=off',
      ],
      // If the test process dies, SIGQUIT (immediate shutdown) rather than KILL: a killed
      // postmaster leaves its SysV shared memory segment on the machine.
      { user: 'postgres', cwd: d.pg, logFile: logFiles.pg, deathSignal: 'QUIT' },
    );

    // -- PHP's built-in web server as www-data (it may start before the database is up).
    log(`starting PHP web server at ${url}`);
    const php = startService(
      'PHP web server',
      PHP,
      [
        '-S',
        `${webHost}:${webPort}`,
        '-t',
        d.www,
        '-d',
        'display_errors=0',
        '-d',
        'log_errors=1',
        ...Object.entries(options.phpIni ?? {}).flatMap(([k, v]) => ['-d', `${k}=${v}`]),
      ],
      {
        user: 'www-data',
        cwd: d.www,
        env: { PHP_CLI_SERVER_WORKERS: String(options.phpWorkers ?? 4), HOME: d.varDir },
        logFile: logFiles.php,
      },
    );

    await waitFor(
      'PostgreSQL',
      async () =>
        (
          await run(
            `${PG_BIN}/pg_isready`,
            ['-q', '-h', d.pg, '-p', String(PG_PORT), '-U', 'postgres', '-d', 'postgres'],
            { check: false },
          )
        ).code === 0,
      20_000,
      pg,
    );
    log('loading the TT-RSS schema');
    await psql(
      `CREATE ROLE ttrss LOGIN PASSWORD 'ttrss';
CREATE DATABASE ttrss OWNER ttrss ENCODING 'UTF8' TEMPLATE template0;`,
      'postgres',
      'postgres',
    );
    await psql(fs.readFileSync(path.join(TTRSS_SHARE, 'schema', 'ttrss_schema_pgsql.sql'), 'utf8'));
    await psql(userPrefsSql('1'));

    await Promise.race([
      helperReady,
      sleep(20_000).then(() => Promise.reject(new Error('feed server helper: not ready after 20 s'))),
    ]);
    await waitFor(
      'PHP web server',
      async () => typeof (await apiCall({ op: 'getApiLevel' })).status === 'number',
      20_000,
      php,
    );
    // A first login proves the whole chain (PHP, pgsql driver, sessions, API access).
    const probe = await apiCall({ op: 'login', user, password });
    const sid = (probe.content as { session_id?: string } | undefined)?.session_id;
    if (probe.status !== 0 || !sid) throw new Error(`API login failed: ${JSON.stringify(probe)}`);
    await apiCall({ op: 'logout', sid });
  } catch (error) {
    log(`start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.stderr.write(readLogs() + '\n');
    try {
      const errors = await psql(
        'SELECT created_at, errno, errstr, filename, lineno FROM ttrss_error_log ORDER BY id DESC LIMIT 20',
      );
      if (errors) process.stderr.write(`----- ttrss_error_log\n${errors}\n`);
    } catch {
      /* no database yet */
    }
    await stop().catch((e: unknown) => log(`cleanup after failed start: ${String(e)}`));
    throw error;
  }

  const startMs = Date.now() - began;
  log(
    `TT-RSS ready at ${url} (API ${url}api/) in namespace ${netns}, feeds at http://${FEED_HOST}/ — started in ${startMs} ms`,
  );

  const feedServer: FeedServerInfo = {
    host: FEED_HOST,
    port: FEED_PORT,
    origin: `http://${FEED_HOST}`,
    dir: d.feeds,
    url: (file) => `http://${FEED_HOST}/${file.replace(/^\/+/, '')}`,
    write: (file, body) => {
      const target = path.join(d.feeds, file);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, body);
      return feedServer.url(file);
    },
    requests: () => feedRequests.slice(),
  };

  const server: TtrssServer = {
    url,
    apiUrl: `${url}api/`,
    user,
    password,
    netns,
    dir,
    webroot: d.www,
    feedServer,
    bridgeSocket,
    startMs,
    clientEnv,
    command: (cmd, args = [], o = {}) => nsArgv(netns, cmd, args, o.user),
    spawn: (cmd, args = [], o = {}) => {
      const { user: asUser, env, ...rest } = o;
      const argv = nsArgv(netns, cmd, args, asUser);
      const child = spawn(argv.command, argv.args, { ...rest, env: childEnv({ ...clientEnv, ...env }) });
      spawned.add(child);
      child.on('exit', () => spawned.delete(child));
      return child;
    },
    exec: (command, o = {}) =>
      typeof command === 'string' ? inNs('sh', ['-c', command], o) : inNs(command[0] ?? 'true', command.slice(1), o),
    node: (script, args = [], o = {}) =>
      inNs(process.execPath, [...tsxImportArgs(), script, ...args], { cwd: path.join(HERE, '../../..'), ...o }),
    updateFeeds: () =>
      inNs(PHP, ['update.php', '--feeds', '--force-update'], {
        user: 'www-data',
        cwd: d.www,
        env: { HOME: d.varDir },
        timeoutMs: 300_000,
        label: 'update.php --feeds',
      }),
    sql: (script) => psql(script),
    sqlRows: async (query) => {
      const out = await psql(query, 'ttrss', 'ttrss', ['-F', '\x1f', '-R', '\x1e']);
      return out === '' ? [] : out.split('\x1e').map((row) => row.split('\x1f'));
    },
    loadArticles: async (feedId, count, o = {}) => {
      const owner = Math.trunc(o.owner ?? 1);
      const feed = Math.trunc(feedId);
      const tag = randomBytes(4).toString('hex'); // guids stay unique over several loads
      const filler = sqlLiteral('x'.repeat(Math.max(0, Math.trunc(o.bodyChars ?? 0))));
      const rows = await psql(`
WITH e AS (
  INSERT INTO ttrss_entries (title, guid, link, updated, content, content_hash, date_entered, date_updated, author)
  SELECT 'Article ' || n, 'bulk-${tag}-' || n, 'http://${FEED_HOST}/bulk/${tag}/' || n || '.html',
         NOW() - ((${count} - n) || ' seconds')::interval,
         '<p>Body of article ' || n || '.</p><p>' || ${filler} || '</p>', 'SHA1:' || md5('${tag}' || n),
         NOW(), NOW(), 'Bulk Author'
  FROM generate_series(1, ${Math.trunc(count)}) AS n
  ORDER BY n
  RETURNING id)
INSERT INTO ttrss_user_entries (ref_id, uuid, feed_id, owner_uid, tag_cache, label_cache, unread)
  SELECT id, '', ${feed}, ${owner}, '', '', ${o.unread === false ? 'false' : 'true'} FROM e ORDER BY id
  RETURNING ref_id;`);
      // Fresh statistics, as autovacuum would soon give: without them the planner's guesses
      // make getHeadlines pages with content about twice as slow.
      await psql('ANALYZE ttrss_entries; ANALYZE ttrss_user_entries;');
      const ids = rows.split('\n').map(Number);
      return { firstId: Math.min(...ids), lastId: Math.max(...ids) };
    },
    createUser: async (login, pass) => {
      // Unsalted SHA1 is the schema's own format for admin; TT-RSS upgrades it at first login.
      const hash = `SHA1:${createHash('sha1').update(pass).digest('hex')}`;
      const id = Number(
        await psql(
          `INSERT INTO ttrss_users (login, pwd_hash, access_level, created) VALUES (${sqlLiteral(login)}, ${sqlLiteral(hash)}, 0, NOW()) RETURNING id;`,
        ),
      );
      await psql(userPrefsSql(String(id)));
      return id;
    },
    api: apiCall,
    login: async (u = user, p = password) => {
      const answer = await apiCall({ op: 'login', user: u, password: p });
      const sid = (answer.content as { session_id?: string } | undefined)?.session_id;
      if (answer.status !== 0 || !sid) throw new Error(`login as ${u} failed: ${JSON.stringify(answer)}`);
      return sid;
    },
    logs: readLogs,
    loopbackUrl: async () => {
      if (stopped) throw new Error('TT-RSS is stopped');
      loopback ??= new Promise((resolve, reject) => {
        const forwarder = net.createServer((client) => {
          const upstream = net.connect(bridgeSocket);
          for (const socket of [client, upstream]) {
            loopbackSockets.add(socket);
            socket.on('close', () => loopbackSockets.delete(socket));
          }
          client.pipe(upstream).pipe(client);
          client.on('error', () => upstream.destroy());
          upstream.on('error', () => client.destroy());
        });
        forwarder.once('error', reject);
        forwarder.listen(0, '127.0.0.1', () => {
          const address = forwarder.address() as net.AddressInfo;
          resolve({ server: forwarder, url: `http://127.0.0.1:${address.port}/` });
        });
      });
      return (await loopback).url;
    },
    stop,
  };
  return server;
}
