/**
 * Reading offline: articles refreshed and cached while the site was up are read after it
 * is gone, their images from the local cache and a summary-only feed's full article
 * from the store; and the full article fetched on demand from the reading pane.
 */
import { expect, test, type Reader } from './fixtures.js';

/** Every image in the article frame, with whether it loaded and from where. */
async function frameImages(reader: Reader): Promise<{ src: string; loaded: boolean }[]> {
  const frame = reader.page.frameLocator('iframe.article-frame');
  await frame.locator('body').waitFor();
  return frame.locator('img').evaluateAll((images) =>
    (images as HTMLImageElement[]).map((img) => ({
      src: img.currentSrc || img.src,
      loaded: img.complete && img.naturalWidth > 0,
    })),
  );
}

test('reads articles with their images and a full article with the site gone', async ({ reader }) => {
  // The site has a favicon, which the Pictures feed shows in the sidebar, from the cache.
  const favicon =
    '<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16"><rect width="16" height="16" fill="#c60"/></svg>';
  reader.feeds.serve('/favicon.ico', { body: favicon, contentType: 'image/svg+xml' });
  await reader.cli(['add', reader.feeds.url('/images.rss')]);
  await reader.cli(['add', reader.feeds.url('/edge/summary-only.rss'), '--full-text']);
  const cached = await reader.cli(['cache']);
  expect(cached).toMatch(/Offline cache: 5 images .* 0 articles still queued/);
  // The network goes: the site's server stops.
  await reader.feeds.close();

  const page = await reader.open();
  // The app's own origin: http://127.0.0.1:port in browser mode, syndic-app://app in Electron.
  const cachePrefix = (await page.evaluate(() => location.origin)) + '/cache/images/';
  // The site's icon from the cache; the other feed's site is elsewhere and unreachable: its letter.
  const feedList = page.getByRole('list', { name: 'Feeds' });
  const icon = feedList.getByRole('button', { name: /^Pictures/ }).locator('img.feed-icon');
  await expect
    .poll(() =>
      icon.evaluate((img: HTMLImageElement) => ({ src: img.src, loaded: img.complete && img.naturalWidth > 0 })),
    )
    .toEqual({ src: expect.stringMatching(new RegExp(`^${cachePrefix}[0-9a-f]{64}$`)), loaded: true });
  await expect(feedList.getByRole('button', { name: /^Summaries only/ }).locator('.feed-icon.letter')).toBeVisible();
  await page
    .getByRole('list', { name: 'Feeds' })
    .getByRole('button', { name: /^Pictures/ })
    .click();
  const rows = page.locator('.article-row');
  await expect(rows).toHaveCount(3);
  for (let i = 0; i < 3; i++) {
    await rows.nth(i).click();
    await expect(
      page.getByRole('heading', { level: 1, name: (await rows.nth(i).locator('.row-title').textContent())! }),
    ).toBeVisible();
    await expect
      .poll(() => frameImages(reader), { message: `images of article ${i + 1}` })
      .toEqual([{ src: expect.stringMatching(new RegExp(`^${cachePrefix}[0-9a-f]{64}$`)), loaded: true }]);
  }
  await reader.shot('offline-images');

  await page
    .getByRole('list', { name: 'Feeds' })
    .getByRole('button', { name: /^Summaries only/ })
    .click();
  await rows.first().click();
  const body = page.frameLocator('iframe.article-frame').locator('body');
  await expect(body).toContainText('This is the whole article, which the feed only summarised.');
  await expect(body).not.toContainText('3 comments');
  await expect
    .poll(() => frameImages(reader))
    .toEqual([{ src: expect.stringMatching(new RegExp(`^${cachePrefix}`)), loaded: true }]);
  // The feed's own text is one click away.
  await page.getByRole('button', { name: 'Show feed text' }).click();
  await expect(body).toContainText('Only the first sentence is in the feed');
  await reader.shot('offline-full-article');
});

test('fetches the full article on demand from the reading pane', async ({ reader }) => {
  await reader.cli(['add', reader.feeds.url('/edge/summary-only.rss')]);
  const page = await reader.open();
  await page.locator('.article-row').first().click();
  const body = page.frameLocator('iframe.article-frame').locator('body');
  await expect(body).toContainText('Only the first sentence is in the feed');
  await page.getByRole('button', { name: 'Full article' }).click();
  await expect(body).toContainText('This is the whole article, which the feed only summarised.');
  await expect(page.getByRole('button', { name: 'Show feed text' })).toBeVisible();
});
