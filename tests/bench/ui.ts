/**
 * The reader's own speed, in browser mode on a 100,000-article database, measured inside
 * Chromium: from navigation to the first article list, from a click on an article to its
 * text on screen, and frame times while the list scrolls, in each of its layouts.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CLI } from '../support/cli.js';
import { tempDir } from '../support/temp.js';
import { copyOfBigDatabase } from './big-database.js';

function serve(dataDir: string): Promise<{ url: string; stop: () => void }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--no-poll', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d;
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out);
      if (m) resolve({ url: m[1]!, stop: () => child.kill('SIGTERM') });
    });
    child.on('exit', (code) => reject(new Error(`syndic serve exited ${code}`)));
  });
}

const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

export async function benchUi(
  source: string,
  log: (line: string) => void,
  record: (key: string, value: string) => void,
): Promise<void> {
  log('\nui: browser mode on 100,000 articles (Chromium, headless)');
  const dir = tempDir('syndic-bench-ui-');
  const data = join(dir.path, 'data');
  mkdirSync(data);
  copyOfBigDatabase(source, data);
  const server = await serve(data);
  const executablePath =
    process.env.SYNDIC_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // Trade the token for the cookie first, so the timed load is the app alone.
    await page.goto(server.url);
    const starts: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.reload();
      await page.locator('.article-row').first().waitFor();
      starts.push(await page.evaluate(() => performance.now()));
    }
    record(
      'start to first article list (navigation start)',
      `${percentile(starts, 50).toFixed(0)} ms (worst ${Math.max(...starts).toFixed(0)} ms)`,
    );

    await page.getByRole('button', { name: /^All/ }).click();
    await page.locator('.article-row').first().waitFor();
    const opens: number[] = [];
    // In-page code is passed as text: the TypeScript loader would otherwise wrap its
    // functions in helpers that do not exist in the page.
    const openOne = `(async (index) => {
      const rows = document.querySelectorAll('.article-row');
      const row = rows[index % rows.length];
      const title = row.querySelector('.row-title').textContent;
      const id = row.id.replace('article-', '');
      const started = performance.now();
      row.click();
      await new Promise((resolve) => {
        // Done when the heading and the frame both show this article, and the frame has text.
        const check = () => {
          const heading = document.querySelector('#article-title');
          const frame = document.querySelector('iframe.article-frame');
          const body = frame && frame.contentDocument && frame.contentDocument.body;
          const shown = !frame || (body && body.dataset.article === id && body.textContent);
          if (heading && heading.textContent === title && shown) resolve();
          else requestAnimationFrame(check);
        };
        check();
      });
      return performance.now() - started;
    })`;
    for (let i = 0; i < 15; i++) opens.push(await page.evaluate<number>(`${openOne}(${i + 1})`));
    record(
      'open an article (click to text shown)',
      `${percentile(opens, 50).toFixed(1)} ms (worst ${Math.max(...opens).toFixed(1)} ms)`,
    );

    // Frame times while the list scrolls, in each layout (chosen as a user does, from the
    // View options menu; the pictures are placeholders here: the bench has no image cache).
    for (const [layout, name] of [
      ['compact', 'Compact list'],
      ['cards', 'Cards'],
      ['magazine', 'Magazine'],
    ] as const) {
      await page.getByRole('button', { name: 'View options' }).click();
      await page.getByRole('menuitemradio', { name }).click();
      await page.locator(`.article-row.layout-${layout}`).first().waitFor();
      await page.evaluate(`document.querySelector('.list-scroller').scrollTop = 0`);
      await page.waitForTimeout(300);
      const frames = await page.evaluate<{ deltas: number[]; scrolled: number; rows: number }>(`(async () => {
        const scroller = document.querySelector('.list-scroller');
        const seen = new Set();
        const deltas = [];
        let last = performance.now();
        const end = last + 5000;
        await new Promise((resolve) => {
          const step = (now) => {
            deltas.push(now - last);
            last = now;
            for (const row of scroller.querySelectorAll('.article-row')) seen.add(row.id);
            scroller.scrollTop += 120;
            if (now < end) requestAnimationFrame(step);
            else resolve();
          };
          requestAnimationFrame(step);
        });
        return { deltas, scrolled: scroller.scrollTop, rows: seen.size };
      })()`);
      const d = frames.deltas.slice(1);
      record(
        `scrolling the list (${layout}), 5 s at 120 px a frame`,
        `${d.length} frames, p95 ${percentile(d, 95).toFixed(1)} ms, worst ${Math.max(...d).toFixed(1)} ms, ${frames.rows.toLocaleString('en')} articles drawn`,
      );
    }
  } finally {
    await browser.close();
    server.stop();
    dir.remove();
  }
}
