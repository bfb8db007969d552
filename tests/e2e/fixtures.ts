/**
 * The e2e fixture: fixture feeds on a loopback server, a fresh data directory, and the
 * reader opened in browser mode (`syndic serve` + Chromium) or in Electron, the same
 * specs for both. Every server a test starts, it stops.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron, test as base, type Page } from '@playwright/test';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { contentTypeOf, fixture, seedFeedNames, siteFiles } from '../support/fixtures.js';
import { CLI } from '../support/cli.js';
import { electronBinaryPath } from '../../electron/launcher/electron-binary.js';
import { ensureElectronBinding, installedElectronTarget } from '../../electron/launcher/native-module.js';

export interface Reader {
  /** The reader's window; usable after open(). */
  page: Page;
  feeds: FeedServer;
  dataDir: string;
  /** Runs the CLI against this reader's data directory (to prepare a state before open()). */
  cli(args: string[]): Promise<string>;
  /** Starts the reader (browser mode or Electron) on the data directory and waits for it. */
  open(): Promise<Page>;
  shot(name: string): Promise<void>;
}

function run(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`syndic ${args.join(' ')} exited ${code}: ${err}`)),
    );
  });
}

function startServe(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--no-poll', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`syndic serve exited ${code}`)));
  });
}

const electronBinary = electronBinaryPath;

export function serveFixtures(server: FeedServer): void {
  for (const name of seedFeedNames())
    server.serve(`/feeds/${name}`, { body: fixture('feeds', name), contentType: contentTypeOf(name) });
  for (const name of ['hostile.rss', 'podcast.rss', 'broken.xml', 'summary-only.rss']) {
    server.serve(`/edge/${name}`, { body: fixture('edge', name), contentType: contentTypeOf(name) });
  }
  // The fixture site: a feed with pictures, the full page behind the summary-only feed.
  for (const [path, body, contentType] of siteFiles()) server.serve(path, { body, contentType });
  server.serve('/multi/', { body: fixture('edge', 'site.html'), contentType: 'text/html; charset=utf-8' });
  server.serve('/site/', {
    body: '<!doctype html><html><head><title>Schneier</title><link rel="alternate" type="application/atom+xml" title="Schneier on Security" href="/feeds/schneier.atom"></head><body>Blog</body></html>',
    contentType: 'text/html; charset=utf-8',
  });
}

export const test = base.extend<{ reader: Reader; mode: 'browser' | 'electron' }>({
  mode: ['browser', { option: true }],
  reader: async ({ mode, playwright }, use, testInfo) => {
    test.skip(
      mode === 'electron' && !electronBinary(),
      'Electron binary not installed here (ELECTRON_SKIP_BINARY_DOWNLOAD); these specs ran in browser mode',
    );
    const feeds = await startFeedServer();
    serveFixtures(feeds);
    const dataDir = mkdtempSync(join(tmpdir(), 'syndic-e2e-'));
    const cleanups: (() => Promise<unknown> | void)[] = [];
    let page: Page | null = null;

    const open = async (): Promise<Page> => {
      if (page) return page;
      if (mode === 'electron') {
        const appRoot = join(CLI, '..', '..', '..');
        // better-sqlite3 built for Electron (once, cached): what `npm start` uses too.
        const binding = ensureElectronBinding(appRoot, installedElectronTarget(appRoot), (line) => console.log(line));
        const app = await _electron.launch({
          executablePath: electronBinary()!,
          // Hosted Linux runners cannot set up Chromium's setuid sandbox; the windows' own
          // sandbox flags are what the unit tests pin.
          args: [...(process.platform === 'linux' ? ['--no-sandbox'] : []), appRoot],
          env: { ...process.env, SYNDIC_DATA_DIR: dataDir, SYNDIC_SQLITE_BINDING: binding },
        });
        cleanups.push(() => app.close());
        page = await app.firstWindow();
      } else {
        const served = await startServe(dataDir);
        cleanups.push(() => void served.child.kill('SIGTERM'));
        const browser = await playwright.chromium.launch(testInfo.project.use.launchOptions);
        cleanups.push(() => browser.close());
        const context = await browser.newContext({
          viewport: testInfo.project.use.viewport ?? { width: 1280, height: 800 },
        });
        page = await context.newPage();
        await page.goto(served.url);
      }
      await page.locator('.sidebar').waitFor();
      return page;
    };

    const reader: Reader = {
      get page(): Page {
        if (!page) throw new Error('call reader.open() first');
        return page;
      },
      feeds,
      dataDir,
      cli: (args) => run([...args, '--data-dir', dataDir]),
      open,
      shot: async (name) => {
        await page?.screenshot({ path: testInfo.outputPath(`${name}.png`) });
      },
    };
    try {
      await use(reader);
    } finally {
      for (const cleanup of cleanups.reverse()) await cleanup();
      await feeds.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
