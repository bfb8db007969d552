/**
 * The reading keys people bring from other readers: Up/Down through the list, Space to page
 * the article and on to the next unread at its end (NetNewsWire), Shift+Space back,
 * Left/Right between panes, Enter for the original.
 */
import { expect, test } from './fixtures.js';

test('Up and Down move through the list, Space pages on to the next unread', async ({ reader }) => {
  await reader.cli(['add', reader.feeds.url('/feeds/schneier.atom')]);
  const page = await reader.open();
  // A short window, so an article is longer than its pane.
  await page.setViewportSize({ width: 1280, height: 420 });
  const rows = page.locator('.article-row');
  await expect(rows.first()).toBeVisible();
  await page.locator('body').press('ArrowDown');
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.locator('body').press('ArrowDown');
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.locator('body').press('ArrowUp');
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(page.frameLocator('iframe.article-frame').locator('body')).toContainText(/\w+/);

  const pane = page.locator('.article-pane');
  const scrollTop = () => pane.evaluate((p) => p.scrollTop);
  const scrollable = await pane.evaluate((p) => p.scrollHeight > p.clientHeight + 2);
  expect(scrollable, 'the first article is longer than the pane').toBe(true);
  await page.locator('body').press(' ');
  await expect.poll(scrollTop).toBeGreaterThan(100);
  const paged = await scrollTop();
  await page.locator('body').press('Shift+ ');
  await expect.poll(scrollTop).toBeLessThan(paged);

  // Space to the end of the article, then once more: the next unread (the third: the
  // second was read when Down went through it).
  for (let i = 0; i < 40 && (await rows.nth(2).getAttribute('aria-selected')) !== 'true'; i++) {
    await page.locator('body').press(' ');
    await page.waitForTimeout(30);
  }
  await expect(rows.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect.poll(scrollTop).toBe(0);
});

test('Left and Right move focus between the panes; Enter opens the original', async ({ reader }) => {
  await reader.cli(['add', reader.feeds.url('/feeds/schneier.atom')]);
  const page = await reader.open();
  const list = page.getByRole('listbox');
  await expect(page.locator('.article-row').first()).toBeVisible();
  await list.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  await expect(
    page.getByRole('navigation', { name: 'Feeds and views' }).getByRole('button', { name: /^Unread/ }),
  ).toBeFocused();
  // Up and Down walk the sidebar's items there.
  await page.keyboard.press('ArrowDown');
  await expect(
    page.getByRole('navigation', { name: 'Feeds and views' }).getByRole('button', { name: /^Starred/ }),
  ).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(list).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('region', { name: 'Article', exact: true })).toBeFocused();

  // The original never leaves this machine: the test answers for the site.
  await page.context().route('https://www.schneier.com/**', (route) => route.fulfill({ body: 'the original' }));
  const opened = page.waitForEvent('popup');
  await page.keyboard.press('Enter');
  const popup = await opened;
  await popup.waitForURL(/schneier/);
  expect(popup.url()).toMatch(/^https:\/\/www\.schneier\.com\//);
  await popup.close();
});
