/**
 * Reading: the reader settings (font, size, line width, line height) from the article
 * toolbar's "Aa" menu by keyboard and from the Settings dialog by mouse, restyling the
 * article frame in place and kept across a reload; a feed's open mode (full article
 * fetched from a loopback page, with its loading state and its fallback; the browser,
 * opened by a click and not by j/k); a search's matches marked in the article.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { fixturesDir } from '../support/fixtures.js';
import { seriousViolations } from './axe.js';
import { expect, test, type Reader } from './fixtures.js';

interface Item {
  title: string;
  path: string;
  html: string;
}

/** An RSS feed of the items, served on the loopback server, their links there too. */
function serveFeed(reader: Reader, path: string, title: string, items: Item[]): void {
  const day = Date.UTC(2026, 0, 20);
  const entries = items
    .map(
      (item, i) => `<item><title>${item.title}</title><link>${reader.feeds.url(item.path)}</link>
<guid>${item.path}</guid><pubDate>${new Date(day - i * 3_600_000).toUTCString()}</pubDate>
<description><![CDATA[${item.html}]]></description></item>`,
    )
    .join('\n');
  reader.feeds.serve(path, {
    body: `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>
<link>${reader.feeds.url('/')}</link>${entries}</channel></rss>`,
    contentType: 'application/rss+xml',
  });
}

/** The computed style of the article frame's body, read from the app (the frame runs no script). */
function frameBodyStyle(page: Page) {
  return page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.article-frame');
    const body = frame?.contentDocument?.body;
    if (!body) return null;
    const style = getComputedStyle(body);
    return {
      fontFamily: style.fontFamily,
      fontSize: style.fontSize,
      lineHeight: style.lineHeight,
      lineWidth: style.getPropertyValue('--reader-line-width').trim(),
    };
  });
}

const articlePane = (page: Page) => page.getByRole('region', { name: 'Article', exact: true });
const frameBody = (page: Page) => page.frameLocator('iframe.article-frame').locator('body');

test('reader settings from the toolbar by keyboard restyle the article in place and are kept', async ({ reader }) => {
  const picture = readFileSync(join(fixturesDir, 'site', 'img', 'photo-1.png'));
  reader.feeds.serve('/reading/photo.png', { body: picture, contentType: 'image/png' });
  serveFeed(reader, '/reading/type.rss', 'Typography Notes', [
    {
      title: 'Measure and leading',
      path: '/reading/measure.html',
      html: `<p>${'A line of text has a measure. '.repeat(30)}</p><p><img src="${reader.feeds.url('/reading/photo.png')}" alt="A photo" width="40" height="30"></p>`,
    },
  ]);
  await reader.cli(['add', reader.feeds.url('/reading/type.rss')]);
  const page = await reader.open();
  await page.locator('.article-row').first().click();
  await expect(frameBody(page)).toContainText('A line of text has a measure.');
  await expect(frameBody(page).locator('img')).toHaveJSProperty('complete', true);
  const before = (await frameBodyStyle(page))!;
  expect(before).toMatchObject({ fontSize: '17px', lineWidth: '70ch', lineHeight: '27.2px' });
  expect(before.fontFamily).toMatch(/^system-ui/);
  // A mark on the frame's image: the same element must still be there after every change.
  await page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe.article-frame')!;
    frame.contentDocument!.images[0]!.dataset.probe = 'kept';
  });

  // The "Aa" button, by keyboard: Enter opens the panel with the checked font focused.
  const button = page.getByRole('button', { name: 'Reading settings' });
  await button.focus();
  await page.keyboard.press('Enter');
  const panel = page.getByRole('dialog', { name: 'Reading settings' });
  await expect(panel).toBeVisible();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  await expect(panel.getByRole('radio', { name: 'System' })).toBeFocused();
  // The arrows walk the fonts: Sans serif, then Serif.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(panel.getByRole('radio', { name: 'Serif', exact: true })).toBeChecked();
  await expect.poll(async () => (await frameBodyStyle(page))?.fontFamily).toMatch(/^Charter,/);
  // Tab to the size: three steps up.
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('slider', { name: 'Text size' })).toBeFocused();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(panel.getByText('20 px')).toBeVisible();
  await expect.poll(async () => (await frameBodyStyle(page))?.fontSize).toBe('20px');
  // The line width: two steps narrower (5 characters each).
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('slider', { name: 'Line width' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await frameBodyStyle(page))?.lineWidth).toBe('60ch');
  // The line height: two tenths more.
  await page.keyboard.press('Tab');
  await expect(panel.getByRole('slider', { name: 'Line height' })).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await frameBodyStyle(page))?.lineHeight).toBe('36px');
  await reader.shot('reading-menu');
  // Escape closes the panel and gives focus back to its button.
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  // The header outside the frame takes the font, and lines up with the frame's column.
  const heading = articlePane(page).getByRole('heading', { level: 1 });
  await expect(heading).toHaveCSS('font-family', /^Charter,/);
  const columns = await page.evaluate(() => {
    const header = document.querySelector('.article-header')!.getBoundingClientRect();
    const frame = document.querySelector<HTMLIFrameElement>('iframe.article-frame')!;
    const body = frame.contentDocument!.body.getBoundingClientRect();
    const left = frame.getBoundingClientRect().left + body.left;
    return { header: [header.left, header.width], body: [left, body.width] };
  });
  expect(Math.abs(columns.header[0]! - columns.body[0]!)).toBeLessThan(2);
  expect(Math.abs(columns.header[1]! - columns.body[1]!)).toBeLessThan(2);
  // Restyled in place: the same image element, asked of its host once.
  await expect(frameBody(page).locator('img')).toHaveAttribute('data-probe', 'kept');
  // Through the frame's own stylesheet: no element of the article has a style attribute.
  await expect(page.frameLocator('iframe.article-frame').locator('[style]')).toHaveCount(0);
  expect(reader.feeds.requests.filter((r) => r.path === '/reading/photo.png')).toHaveLength(1);
  await reader.shot('reading-settings');

  // Kept: after a reload the article opens as it was set.
  await page.reload();
  await page.locator('.sidebar').waitFor();
  await page.getByRole('button', { name: /^All/ }).click();
  await page.locator('.article-row').first().click();
  await expect(frameBody(page)).toContainText('A line of text has a measure.');
  await expect
    .poll(() => frameBodyStyle(page))
    .toMatchObject({ fontSize: '20px', lineWidth: '60ch', lineHeight: '36px' });
  expect((await frameBodyStyle(page))!.fontFamily).toMatch(/^Charter,/);

  // The Settings dialog's Reading section holds the same settings, by mouse.
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const reading = page.getByRole('dialog', { name: 'Settings' }).getByRole('region', { name: 'Reading' });
  await expect(reading.getByRole('slider', { name: 'Text size' })).toHaveValue('20');
  await reader.shot('settings-reading');
  await reading.getByRole('radio', { name: 'Sans serif' }).click();
  await reading.getByRole('slider', { name: 'Text size' }).fill('24');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect.poll(async () => (await frameBodyStyle(page))?.fontSize).toBe('24px');
  expect((await frameBodyStyle(page))!.fontFamily).toMatch(/^["']?Helvetica Neue/);
  // And the menu's reset, by mouse.
  await button.click();
  await panel.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect.poll(async () => (await frameBodyStyle(page))?.fontSize).toBe('17px');
});

/** Sets a feed's "Open articles as" in its Edit dialog. */
async function setOpenMode(page: Page, feed: string, mode: 'Feed content' | 'Full article' | 'In the browser') {
  await page.getByRole('button', { name: `Edit ${feed}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit ${feed}` });
  await dialog.getByRole('group', { name: 'Open articles as' }).getByRole('radio', { name: mode }).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
}

test("a feed's open mode: the full article fetched, or the browser on a click and not on j/k", async ({ reader }) => {
  // The article page answers after a pause, so the pane's loading state can be seen.
  const page_ = readFileSync(join(fixturesDir, 'site', 'articles', 'full.html'));
  reader.feeds.handle('/reading/slow-full.html', (_req, res) => {
    setTimeout(() => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page_), 1_500);
  });
  reader.feeds.serve('/reading/gone.html', { body: 'Gone', status: 404, contentType: 'text/html' });
  serveFeed(reader, '/reading/summaries.rss', 'Summaries Daily', [
    { title: 'First summary', path: '/reading/slow-full.html', html: '<p>Only the start is in the feed.</p>' },
    { title: 'Second summary', path: '/reading/gone.html', html: '<p>The second start, in the feed.</p>' },
    { title: 'Third summary', path: '/reading/third.html', html: '<p>The third start, in the feed.</p>' },
  ]);
  await reader.cli(['add', reader.feeds.url('/reading/summaries.rss')]);
  const page = await reader.open();
  const appUrl = page.url();
  const rows = page.locator('.article-row');
  await expect(rows).toHaveCount(3);

  // Full article: fetched on opening, saying so, then shown; the feed's text one click away.
  await setOpenMode(page, 'Summaries Daily', 'Full article');
  await rows.filter({ hasText: 'First summary' }).click();
  await expect(articlePane(page).getByRole('status')).toContainText('Fetching the full article');
  await expect(frameBody(page)).toContainText('This is the whole article, which the feed only summarised.');
  await expect(articlePane(page).getByRole('status')).toHaveCount(0);
  await articlePane(page).getByRole('button', { name: 'Show feed text' }).click();
  await expect(frameBody(page)).toContainText('Only the start is in the feed.');
  // A page that cannot be fetched: the feed's text, and why.
  await rows.filter({ hasText: 'Second summary' }).click();
  await expect(articlePane(page).getByRole('status')).toContainText('The full article could not be fetched');
  await expect(frameBody(page)).toContainText('The second start, in the feed.');

  // In the browser: a click opens the page outside the app, which stays where it is.
  await setOpenMode(page, 'Summaries Daily', 'In the browser');
  const opened: string[] = [];
  page.context().on('page', (tab) => opened.push(tab.url()));
  const tab = page.context().waitForEvent('page');
  await rows.filter({ hasText: 'First summary' }).click();
  await (await tab).waitForLoadState();
  expect(opened).toHaveLength(1);
  await expect.poll(async () => (await tab).url()).toBe(reader.feeds.url('/reading/slow-full.html'));
  expect(page.url()).toBe(appUrl);
  const note = articlePane(page).getByRole('note', { name: 'Opens in the browser' });
  await expect(note).toBeVisible();
  await expect(page.locator('iframe.article-frame')).toHaveCount(0);
  await reader.shot('open-in-browser');
  // Passing by with j opens nothing: the note, and the way to the feed's content.
  await page.locator('.list-scroller').focus();
  await page.keyboard.press('j');
  await expect(articlePane(page).getByRole('heading', { level: 1, name: 'Second summary' })).toBeVisible();
  await expect(note).toBeVisible();
  await page.waitForTimeout(500);
  expect(opened).toHaveLength(1);
  await note.getByRole('button', { name: 'Show feed content' }).click();
  await expect(frameBody(page)).toContainText('The second start, in the feed.');
  // Enter is a choice: it opens the page.
  await page.keyboard.press('k');
  await expect(articlePane(page).getByRole('heading', { level: 1, name: 'First summary' })).toBeVisible();
  await page.locator('.list-scroller').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => opened.length).toBe(2);
  expect(page.url()).toBe(appUrl);
});

test("a search's matches are marked in the article's title and text, the first brought into view", async ({
  reader,
}) => {
  const filler = Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i + 1} is about something else.</p>`).join('');
  serveFeed(reader, '/reading/animals.rss', 'Animal Facts', [
    {
      title: 'The quokka smiles',
      path: '/reading/quokka.html',
      html: '<p>A quokka lives on an island. <b>Quokkas</b> are small.</p>',
    },
    {
      title: 'Deep down',
      path: '/reading/deep.html',
      html: `${filler}<p id="far">At last a wombat appears.</p>`,
    },
  ]);
  await reader.cli(['add', reader.feeds.url('/reading/animals.rss')]);
  const page = await reader.open();
  await page.getByLabel('Search articles').fill('quokka');
  await expect(page.locator('.article-row')).toHaveCount(1);
  await page.locator('.article-row').first().click();
  const title = articlePane(page).getByRole('heading', { level: 1 });
  await expect(title.locator('mark.search-hit')).toHaveText('quokka');
  await expect(frameBody(page).locator('mark.search-hit')).toHaveText(['quokka', 'Quokkas']);
  // Visible: the mark has a background of its own.
  const markBackground = await title.locator('mark.search-hit').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(markBackground).not.toBe('rgba(0, 0, 0, 0)');
  await reader.shot('search-in-article');

  // A match far down the text: the pane scrolls to it.
  await page.getByLabel('Search articles').fill('wombat');
  // The other article's row, until the new results replace it.
  await expect(page.locator('.article-row')).toHaveText([/Deep down/]);
  await page.locator('.article-row').first().click();
  await expect(frameBody(page).locator('mark.search-hit')).toHaveText('wombat');
  await expect.poll(() => page.locator('.article-pane').evaluate((el) => el.scrollTop)).toBeGreaterThan(200);
  const place = await page.evaluate(() => {
    const pane = document.querySelector('.article-pane')!.getBoundingClientRect();
    const frame = document.querySelector<HTMLIFrameElement>('iframe.article-frame')!;
    const mark = frame.contentDocument!.querySelector('mark.search-hit')!.getBoundingClientRect();
    const top = frame.getBoundingClientRect().top + mark.top;
    return { top, paneTop: pane.top, paneBottom: pane.bottom };
  });
  expect(place.top).toBeGreaterThan(place.paneTop);
  expect(place.top).toBeLessThan(place.paneBottom);

  // No search, no marks.
  await page.getByLabel('Search articles').fill('');
  await expect(frameBody(page).locator('mark.search-hit')).toHaveCount(0);
});

test('the reading menu, the open-mode choice and the browser note pass axe, light and dark', async ({ reader }) => {
  serveFeed(reader, '/reading/axe.rss', 'Checked Feed', [
    { title: 'Checked article', path: '/reading/checked.html', html: '<p>Some text to read.</p>' },
  ]);
  await reader.cli(['add', reader.feeds.url('/reading/axe.rss')]);
  const page = await reader.open();
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    await page.getByRole('button', { name: 'Edit Checked Feed' }).click();
    found.push(...(await seriousViolations(page, `${theme} edit feed`)));
    await reader.shot(`edit-feed-open-mode-${theme}`);
    await page.keyboard.press('Escape');
    await setOpenMode(page, 'Checked Feed', 'In the browser');
    await page.locator('.list-scroller').focus();
    await page.keyboard.press('j');
    await expect(articlePane(page).getByRole('note', { name: 'Opens in the browser' })).toBeVisible();
    await page.getByRole('button', { name: 'Reading settings' }).click();
    await expect(page.getByRole('dialog', { name: 'Reading settings' })).toBeVisible();
    found.push(...(await seriousViolations(page, `${theme} reading menu and browser note`)));
    await page.keyboard.press('Escape');
    await setOpenMode(page, 'Checked Feed', 'Feed content');
  }
  expect(found).toEqual([]);
});
