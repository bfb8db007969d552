/**
 * Narrow windows: no sideways scrolling at any width down to 640 px, a one-line article
 * toolbar, the sidebar folding into a drawer below 1,200 px and one pane at a time below
 * 800 px, each with a way back. By mouse and by keyboard.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

/** Whether anything reaches past the window's right edge (what makes a page scroll sideways). */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`page ${document.documentElement.scrollWidth}`);
    for (const pane of document.querySelectorAll<HTMLElement>('.sidebar, .list-pane, .article-pane')) {
      const box = pane.getBoundingClientRect();
      if (box.width > 0 && box.right > width + 0.5) out.push(`${pane.className} ends at ${box.right}`);
    }
    return out;
  });
}

test('fits every window width down to 640 px', async ({ reader }) => {
  await reader.cli(['add', reader.feeds.url('/feeds/schneier.atom')]);
  const page = await reader.open();
  await page.locator('.article-row').first().click();
  await expect(page.locator('iframe.article-frame')).toBeVisible();

  for (const width of [1440, 1200, 1024, 900, 800, 720, 640]) {
    await page.setViewportSize({ width, height: 760 });
    // Below 800 px the article, opened by the click above, is the pane in front.
    expect(await overflow(page), `at ${width} px`).toEqual([]);
    const toolbar = page.getByRole('toolbar', { name: 'Article actions' });
    if (await toolbar.isVisible()) {
      const lines = await toolbar.evaluate((bar) => {
        const tops = new Set([...bar.querySelectorAll('button')].filter((b) => b.offsetParent).map((b) => b.offsetTop));
        return tops.size;
      });
      expect(lines, `toolbar lines at ${width} px`).toBe(1);
    }
  }
});

test('below 1,200 px the sidebar is a drawer behind a toggle', async ({ reader }) => {
  await reader.cli(['add', reader.feeds.url('/feeds/schneier.atom')]);
  const page = await reader.open();
  await page.setViewportSize({ width: 1024, height: 760 });
  const sidebar = page.getByRole('navigation', { name: 'Feeds and views' });
  const toggle = page.getByRole('button', { name: 'Feeds and views' });
  await expect(sidebar).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(sidebar).toBeVisible();
  // Choosing a view closes the drawer and shows it.
  await sidebar.getByRole('button', { name: /^Starred/ }).click();
  await expect(sidebar).toBeHidden();
  await expect(page.locator('.view-title')).toHaveText('Starred');
  // By keyboard: the toggle, then Escape closes.
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(sidebar).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sidebar).toBeHidden();
  await page.setViewportSize({ width: 1280, height: 760 });
  await expect(sidebar).toBeVisible();
  await expect(toggle).toBeHidden();
});

test('below 800 px one pane shows at a time, with a way back', async ({ reader }) => {
  await reader.cli(['add', reader.feeds.url('/feeds/schneier.atom')]);
  const page = await reader.open();
  await page.setViewportSize({ width: 640, height: 760 });
  const list = page.getByRole('region', { name: 'Articles', exact: true });
  const article = page.getByRole('region', { name: 'Article', exact: true });
  await expect(list).toBeVisible();
  await expect(article).toBeHidden();
  const row = page.locator('.article-row').first();
  const title = (await row.locator('.row-title').textContent())!;
  await row.click();
  await expect(list).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await reader.shot('narrow-article');
  await page.getByRole('button', { name: 'Articles' }).click();
  await expect(list).toBeVisible();
  await expect(article).toBeHidden();
  // The sidebar takes the screen from the toggle, and a view brings the list back.
  await page.getByRole('button', { name: 'Feeds and views' }).click();
  await expect(page.getByRole('navigation', { name: 'Feeds and views' })).toBeVisible();
  await expect(list).toBeHidden();
  await page.getByRole('button', { name: /^All/ }).click();
  await expect(list).toBeVisible();
});
