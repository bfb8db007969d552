/**
 * A hostile feed's article, shown as a user opens it: no script runs in the article's
 * frame or reaches the app's window, the sanitiser leaves nothing for the browser to
 * refuse, and links cannot run script. Its own file because the browser's security log
 * is read with Playwright's tracing off: tracing runs Playwright's script in the
 * sandboxed frame, which the browser refuses and logs like an attack would be.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixturesDir } from '../support/fixtures.js';
import { expect, test } from './fixtures.js';

test.use({ trace: 'off' });

/** A security message of the browser's log: a policy violation or a sandbox block. */
interface Refusal {
  text: string;
  url?: string;
  /** The innermost functions on the stack when the browser refused (none for an event or a load). */
  stack: string[];
}

/**
 * Expected, and harmless: the app's policy refuses the hostile inline handlers while the
 * sanitiser parses the HTML in the app's document, before it strips them. Nothing of them
 * was to run; anything else refused means hostile content got past the sanitiser.
 */
const refusedWhileSanitizing = (refusal: Refusal): boolean =>
  refusal.text.startsWith('Executing inline event handler') &&
  refusal.stack.some((name) => /(^|\.)sanitize$/.test(name));

test('a hostile feed’s article runs no script, in its frame or the app, and the browser has nothing to refuse', async ({
  reader,
}) => {
  // The fixture's attacks, and two more that reach for the app's window from the frame.
  reader.feeds.serve('/edge/hostile.rss', {
    body: readFileSync(join(fixturesDir, 'edge', 'hostile.rss'), 'utf8').replace(
      '<p>Hello</p>',
      '<p>Hello</p><img src="y" onerror="parent.__pwned = 4"><svg onload="parent.__pwned = 5"></svg>',
    ),
    contentType: 'application/rss+xml',
  });
  await reader.cli(['add', reader.feeds.url('/edge/hostile.rss')]);
  const page = await reader.open();
  // The browser's security log for the page and its frames, with the stack of each entry.
  const refusals: Refusal[] = [];
  const cdp = await page.context().newCDPSession(page);
  cdp.on('Log.entryAdded', ({ entry }) => {
    if (entry.source === 'security' || /Content Security Policy|Blocked script execution/.test(entry.text))
      refusals.push({
        text: entry.text,
        url: entry.url,
        stack: entry.stackTrace?.callFrames.slice(0, 5).map((f) => f.functionName) ?? [],
      });
  });
  await cdp.send('Log.enable');

  await page.locator('.article-row').first().click();
  const frame = page.frameLocator('iframe.article-frame');
  await expect(frame.locator('body')).toContainText('Hello');
  await expect(frame.locator('body')).toHaveAttribute('data-article', /\d+/);
  // The frame's images load (or fail) after its text, and their handlers would run then:
  // wait until every one has settled.
  await page.locator('iframe.article-frame').evaluate((iframe: HTMLIFrameElement) =>
    Promise.all(
      [...iframe.contentDocument!.images].map((img) =>
        img.complete
          ? null
          : new Promise((settled) => {
              img.addEventListener('load', settled, { once: true });
              img.addEventListener('error', settled, { once: true });
            }),
      ),
    ),
  );

  // Soft: a broken build fails every check it breaks, not only the first.
  const pwnedTop = await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned);
  const pwnedFrame = await page
    .locator('iframe.article-frame')
    .evaluate((iframe: HTMLIFrameElement) => (iframe.contentWindow as unknown as { __pwned?: number }).__pwned);
  expect.soft(pwnedFrame, 'no script ran in the article frame').toBeUndefined();
  expect.soft(pwnedTop, "no script reached the app's window").toBeUndefined();
  expect
    .soft(
      refusals.filter((r) => !refusedWhileSanitizing(r)),
      'no policy violation, no blocked script',
    )
    .toEqual([]);
  await expect.soft(frame.locator('script, iframe, form, svg, [onerror], [onload], [style]')).toHaveCount(0);
  const link = frame.locator('a').first();
  await expect.soft(link).not.toHaveAttribute('href', /javascript:/);
  await expect.soft(link).toHaveAttribute('target', '_blank');
  await expect.soft(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expect.soft(page.locator('iframe.article-frame')).toHaveAttribute('sandbox', /^(?!.*allow-scripts).*$/);
});
