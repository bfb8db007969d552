/**
 * `npm run screenshots`: the README's pictures, taken from the real reader so they stay
 * true. The fixture feeds are served on loopback, a demo data directory is made in a temp
 * folder with the CLI (import-opml, refresh, cache), browser mode (`syndic serve --no-poll`) is
 * opened in Chromium with Playwright, an article is opened, and the window is saved to
 * docs/screenshots/. Everything this starts, it stops; the temp folder is removed.
 *
 *   reader.png       1280x800, light: sources and tags, the list, an article open
 *   reader-dark.png  the same in the dark theme (the system's colour scheme)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium.js';
import { CLI, assertBuilt, runCli } from '../support/cli.js';
import { startFeedServer, type FeedServer } from '../support/feed-server.js';
import { contentTypeOf, fixture, siteFiles } from '../support/fixtures.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'docs', 'screenshots');

/** The demo subscriptions: [fixture feed, folder (a tag in Syndic)]. */
const SUBSCRIPTIONS: [name: string, folder: string][] = [
  ['schneier.atom', 'Security'],
  ['torrentfreak.rss', 'News'],
  ['lwn.rdf', 'Linux'],
  ['cloudflare.json', 'Engineering'],
  ['backblaze.json', 'Engineering'],
  ['aws.rss', 'Engineering'],
  ['youtube.atom', 'Video'],
];
/** The article opened in the pictures. */
const ARTICLE = /Perfect 10 Takes Giganews to Supreme Court/;
/** Articles read beforehand, so the list shows read and unread ones. */
const ALREADY_READ = 3;

const launchOptions = chromiumLaunchOptions;

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function opml(feeds: FeedServer): string {
  const folders = new Map<string, string[]>();
  for (const [name, folder] of SUBSCRIPTIONS) {
    const lines = folders.get(folder) ?? [];
    lines.push(
      `      <outline type="rss" text="${escapeXml(name)}" xmlUrl="${escapeXml(feeds.url(`/feeds/${name}`))}"/>`,
    );
    folders.set(folder, lines);
  }
  const body = [...folders]
    .map(([folder, lines]) => `    <outline text="${escapeXml(folder)}">\n${lines.join('\n')}\n    </outline>`)
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0">
  <head><title>Syndic demo</title></head>
  <body>
${body}
    <outline type="rss" text="Pictures" xmlUrl="${escapeXml(feeds.url('/images.rss'))}"/>
  </body>
</opml>
`;
}

async function cli(args: string[]): Promise<string> {
  const result = await runCli(args);
  if (result.code !== 0) throw new Error(`syndic ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

function startServe(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--no-poll', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`syndic serve exited ${code} before it was ready`)));
  });
}

/**
 * A window of the given size. Nothing leaves the machine: the feeds' favicons live on their
 * real sites, so they are refused at once (the reader shows each feed's letter) rather than
 * left loading, which would make each picture differ.
 */
async function newContext(
  browser: Browser,
  width: number,
  height: number,
  colorScheme: 'light' | 'dark',
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
  return context;
}

/** Opens the reader on All, opens the chosen article, and waits for the window to settle. */
async function readerAt(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.sidebar').waitFor();
  await page.getByRole('button', { name: /^All/ }).click();
  const rows = page.locator('.article-row');
  await rows.first().waitFor();
  const article = rows.filter({ hasText: ARTICLE }).first();
  await article.click();
  await page.getByRole('heading', { level: 1, name: ARTICLE }).waitFor();
  await page.frameLocator('iframe.article-frame').locator('body').getByText(/\w+/).first().waitFor();
  // The list's first rows get focus and hover styles from the clicks: move the pointer away.
  await page.mouse.move(0, 0);
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

async function main(): Promise<void> {
  assertBuilt();
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'syndic-screenshots-'));
  const feeds = await startFeedServer();
  let served: { child: ChildProcess; url: string } | null = null;
  let browser: Browser | null = null;
  try {
    for (const [name] of SUBSCRIPTIONS)
      feeds.serve(`/feeds/${name}`, { body: fixture('feeds', name), contentType: contentTypeOf(name) });
    for (const [path, body, contentType] of siteFiles()) feeds.serve(path, { body, contentType });

    const opmlFile = join(dataDir, 'demo.opml');
    writeFileSync(opmlFile, opml(feeds));
    const data = ['--data-dir', join(dataDir, 'data')];
    await cli(['import-opml', opmlFile, ...data]);
    await cli(['refresh', ...data]);
    await cli(['cache', ...data]);

    served = await startServe(join(dataDir, 'data'));
    browser = await chromium.launch(launchOptions);

    // As in a reader in use: a few of the newest articles already read (every other one), one starred.
    {
      const context = await newContext(browser, 1280, 800, 'light');
      const page = await context.newPage();
      await page.goto(served.url);
      await page.locator('.sidebar').waitFor();
      await page.getByRole('button', { name: /^All/ }).click();
      const rows = page.locator('.article-row');
      await rows.first().waitFor();
      for (let i = 1; i <= ALREADY_READ; i++) {
        await rows.nth(i * 2).click();
        await page
          .locator('.article-row.read')
          .nth(i - 1)
          .waitFor();
      }
      await page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: /Star/ }).click();
      await page.locator('.article-row .star.on').waitFor();
      await context.close();
    }

    const shots: [file: string, width: number, height: number, scheme: 'light' | 'dark'][] = [
      ['reader.png', 1280, 800, 'light'],
      ['reader-dark.png', 1280, 800, 'dark'],
    ];
    for (const [file, width, height, colorScheme] of shots) {
      const context = await newContext(browser, width, height, colorScheme);
      const page = await context.newPage();
      await readerAt(page, served.url);
      await page.screenshot({ path: join(outDir, file) });
      console.log(`wrote docs/screenshots/${file}`);
      await context.close();
    }
  } finally {
    await browser?.close();
    if (served) {
      const child = served.child;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
    await feeds.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
