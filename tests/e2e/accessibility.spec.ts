/**
 * Accessibility: axe-core finds no serious or critical violation on each main screen, in
 * both themes; the app is crossed in a few Tab stops (one per pane, roving focus inside);
 * a skip link; the open article is announced.
 */
import type { Page } from '@playwright/test';
import { seriousViolations as violations } from './axe.js';
import { expect, test, type Reader } from './fixtures.js';

async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
}

async function screens(reader: Reader, theme: 'light' | 'dark'): Promise<string[]> {
  const page = reader.page;
  await setTheme(page, theme);
  const found: string[] = [];
  // The three panes with an article open.
  await page.locator('.article-row').first().click();
  await expect(page.locator('.article-header h1')).toBeVisible();
  found.push(...(await violations(page, `${theme} reading`)));
  // A feed with its error.
  await page.getByRole('button', { name: /^Later broken/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The last refresh failed' })).toBeVisible();
  found.push(...(await violations(page, `${theme} failing feed`)));
  // Dialogs.
  await page.getByRole('button', { name: 'Add feed' }).click();
  found.push(...(await violations(page, `${theme} add feed`)));
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  found.push(...(await violations(page, `${theme} settings`)));
  await page.keyboard.press('Escape');
  await page.locator('body').press('?');
  found.push(...(await violations(page, `${theme} shortcuts`)));
  await page.keyboard.press('Escape');
  // A narrow window.
  await page.setViewportSize({ width: 700, height: 760 });
  found.push(...(await violations(page, `${theme} narrow`)));
  await page.setViewportSize({ width: 1280, height: 800 });
  return found;
}

test('no serious or critical axe violation on the main screens, light and dark', async ({ reader }) => {
  test.setTimeout(180_000);
  reader.feeds.serve('/edge/later-broken.rss', {
    body: '<rss version="2.0"><channel><title>Later broken</title><item><title>x</title><guid>x</guid></item></channel></rss>',
  });
  await reader.cli(['add', reader.feeds.url('/feeds/schneier.atom'), '--tag', 'Security']);
  await reader.cli(['add', reader.feeds.url('/feeds/aws.rss'), '--tag', 'Cloud']);
  await reader.cli(['add', reader.feeds.url('/edge/later-broken.rss')]);
  reader.feeds.serve('/edge/later-broken.rss', {
    body: '<html><body>We moved!</body></html>',
    contentType: 'text/html',
  });
  await reader.cli(['refresh']).catch(() => undefined);
  const page = await reader.open();
  await expect(page.locator('.article-row').first()).toBeVisible();
  const found = [...(await screens(reader, 'light')), ...(await screens(reader, 'dark'))];
  expect(found).toEqual([]);
});

test('the welcome screen passes axe too', async ({ reader }) => {
  const page = await reader.open();
  await expect(page.getByRole('heading', { name: 'Welcome to Syndic' })).toBeVisible();
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    expect(await violations(page, `${theme} welcome`)).toEqual([]);
  }
});

test('a few Tab stops cross the app; a skip link leads to the list; the open article is announced', async ({
  reader,
}) => {
  for (const name of ['schneier.atom', 'aws.rss', 'lwn.rdf', 'misc.rss', 'torrentfreak.rss'])
    await reader.cli(['add', reader.feeds.url(`/feeds/${name}`)]);
  const page = await reader.open();
  await expect(page.locator('.article-row').first()).toBeVisible();
  await page.locator('.article-row').first().click();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  // Tab from the top until focus comes back round to the first stop.
  const stops: string[] = [];
  await page.keyboard.press('Tab');
  const first = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? '');
  for (let i = 0; i < 200; i++) {
    stops.push(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ''));
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? '')) === first) break;
  }
  expect(stops.length, stops.join('\n')).toBeLessThanOrEqual(40);

  // The skip link is the first stop, and leads to the article list.
  const skip = page.getByRole('link', { name: 'Skip to the article list' });
  const firstTabbable = await page.evaluate(
    () => document.querySelector('a[href], button:not([tabindex="-1"]), input, [tabindex="0"]')?.textContent,
  );
  expect(firstTabbable).toBe('Skip to the article list');
  await skip.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('listbox')).toBeFocused();

  // Moving to an article is said aloud.
  await page.keyboard.press('ArrowDown');
  const title = await page.locator('.article-row[aria-selected="true"] .row-title').textContent();
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: title! })).toHaveCount(1);
});
