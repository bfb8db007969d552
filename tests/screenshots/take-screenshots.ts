/**
 * `npm run screenshots`: the README's pictures, taken from the real reader so they stay
 * true. The demo's feeds are served on loopback (demo-site.ts), a demo data directory is
 * made in a temp folder with the CLI (demo-data.ts), and for each picture of shots.ts browser
 * mode (`syndic serve --no-poll`) is started on a fresh copy of it, so no picture shows what
 * an earlier one did (an article it read, a setting it changed), and opened in Chromium with
 * Playwright. Everything this starts, it stops; the temp folder is removed.
 *
 *   reader.png       1280x800, light: sources and tags, the list, an article with a picture
 *   reader-dark.png  the same in the dark theme (the system's colour scheme)
 *   medium.png       1000x800: the sidebar folded into its drawer (closed), list and article
 *   narrow.png       700x800: one pane at a time, the article with its way back to the list
 *   podcast.png      an episode paused in the mini player while another one is read
 *   search.png       a search typed in the list's search box, one of its results open
 *   cards.png        the list in its cards layout (the videos, with their thumbnails)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium.js';
import { CLI, assertBuilt } from '../support/cli.js';
import { startFeedServer } from '../support/feed-server.js';
import { loopbackOnlyEnv, makeDemoDir } from './demo-data.js';
import { serveDemoSite } from './demo-site.js';
import { SHOTS, takeShot } from './shots.js';

const outDir = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

/** Starts browser mode on `dataDir`; what it says on stderr is shown only if it fails to start. */
function startServe(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--no-poll', '--data-dir', dataDir], {
      env: { ...process.env, ...loopbackOnlyEnv() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.on('data', (d: Buffer) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`syndic serve exited ${code} before it was ready: ${err}`)));
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

/** Runs `syndic serve` on `dataDir` while `use` runs, and stops it after. */
async function whileServed(dataDir: string, use: (url: string) => Promise<void>): Promise<void> {
  const served = await startServe(dataDir);
  try {
    await use(served.url);
  } finally {
    await stop(served.child);
  }
}

async function main(): Promise<void> {
  assertBuilt();
  mkdirSync(outDir, { recursive: true });
  const tempDir = mkdtempSync(join(tmpdir(), 'syndic-screenshots-'));
  const feeds = await startFeedServer();
  let browser: Browser | null = null;
  try {
    serveDemoSite(feeds);
    const demo = await makeDemoDir(feeds, tempDir);
    browser = await chromium.launch(chromiumLaunchOptions);
    for (const shot of SHOTS) {
      const copy = join(tempDir, shot.file.replace(/\.png$/, ''));
      cpSync(demo, copy, { recursive: true });
      await whileServed(copy, (url) => takeShot(browser!, url, shot, join(outDir, shot.file)));
      console.log(`wrote docs/screenshots/${shot.file}`);
    }
  } finally {
    await browser?.close();
    await feeds.close();
    rmSync(tempDir, { recursive: true, force: true });
  }
}

await main();
