/**
 * The article list as people know it from other readers: compact, cards and magazine
 * layouts chosen per view and kept; oldest first; day headings; marking above, below,
 * older than, and on scroll; a search's count and its matches. Each by mouse and by
 * keyboard. The feeds are made here, dated from now, and served on loopback.
 */
import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './axe.js';
import { expect, test, type Reader } from './fixtures.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Post {
  title: string;
  /** Publication time, epoch ms. */
  at: number;
  text?: string;
  /** A picture's path on the feed server. */
  thumb?: string;
}

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Serves an RSS feed of these posts at `path`, with media:thumbnail where a post has one. */
function serveFeed(reader: Reader, path: string, title: string, posts: Post[]): string {
  const items = posts
    .map(
      (p, i) =>
        `<item><title>${escapeXml(p.title)}</title><link>${reader.feeds.url(`${path}/${i}.html`)}</link>` +
        `<guid>${path}-${i}</guid><pubDate>${new Date(p.at).toUTCString()}</pubDate>` +
        `<description>${escapeXml(`<p>${p.text ?? `Text of ${p.title}`}</p>`)}</description>` +
        (p.thumb ? `<media:thumbnail url="${reader.feeds.url(p.thumb)}"/>` : '') +
        '</item>',
    )
    .join('\n');
  reader.feeds.serve(path, {
    body: `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>${title}</title>
<link>${reader.feeds.url('/')}</link><description>${title}</description>
${items}
</channel></rss>`,
    contentType: 'application/rss+xml',
  });
  return reader.feeds.url(path);
}

/** `n` posts an hour apart, the newest first: "Post 1" is the newest. */
function hourly(n: number, prefix = 'Post'): Post[] {
  const now = Date.now();
  return Array.from({ length: n }, (_, i) => ({ title: `${prefix} ${i + 1}`, at: now - (i + 1) * HOUR }));
}

const rows = (page: Page): Locator => page.locator('.article-row');
const titles = (page: Page): Promise<string[]> => page.locator('.article-row .row-title').allTextContents();

async function openFeed(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Feeds and views' })
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await expect(page.locator('.view-title')).toHaveText(name);
  await expect(rows(page).first()).toBeVisible();
}

/** Chooses an item of the "View options" menu by mouse. */
async function viewOption(page: Page, item: string): Promise<void> {
  await page.getByRole('button', { name: 'View options' }).click();
  await page.getByRole('menu', { name: 'View options' }).locator('[role^="menuitem"]', { hasText: item }).click();
  await expect(page.getByRole('menu')).toHaveCount(0);
}

/** Whether each row drawn is read, top to bottom. */
const readStates = (page: Page): Promise<boolean[]> =>
  rows(page).evaluateAll((all) => all.map((row) => row.classList.contains('read')));

/** Every article of the list, read or not, by title: scrolls through it (and so loads every page). */
async function everyReadState(page: Page): Promise<Map<string, boolean>> {
  const states = new Map<string, boolean>();
  const list = page.locator('.list-scroller');
  await list.evaluate((l) => l.scrollTo(0, 0));
  for (let i = 0; i < 200; i++) {
    const drawn = await rows(page).evaluateAll((all) =>
      all.map((r) => [r.querySelector('.row-title')!.textContent!, r.classList.contains('read')] as const),
    );
    for (const [title, read] of drawn) states.set(title, read);
    const atEnd = await list.evaluate((l) => {
      const end = l.scrollTop + l.clientHeight >= l.scrollHeight - 2;
      l.scrollTop += l.clientHeight / 2;
      return end && !document.querySelector('.list-loading');
    });
    if (atEnd) break;
    await page.waitForTimeout(30);
  }
  return states;
}

test('layouts: compact, cards and magazine, chosen per view and kept after a reload', async ({ reader }) => {
  const posts = hourly(8).map((p, i) => ({ ...p, thumb: `/img/photo-${(i % 3) + 1}.png` }));
  await reader.cli(['add', serveFeed(reader, '/pictures.rss', 'Pictures', posts)]);
  await reader.cli(['add', serveFeed(reader, '/words.rss', 'Words', hourly(5, 'Word'))]);
  // The engine keeps a copy of each thumbnail; the list shows only that copy.
  await reader.cli(['cache']);
  const browserAsked = () =>
    reader.feeds.requests.filter((r) => r.path.startsWith('/img/') && /Chrom/.test(String(r.headers['user-agent'])));

  const page = await reader.open();
  // A wide list pane, so magazine tiles sit side by side.
  await page.evaluate(() => localStorage.setItem('syndic.list', '720'));
  await page.reload();
  await openFeed(page, 'Pictures');
  await expect(rows(page).first()).toHaveClass(/layout-compact/);
  await expect(page.locator('.article-row img')).toHaveCount(0);

  // By mouse: cards, with the cached pictures.
  await viewOption(page, 'Cards');
  await expect(rows(page).first()).toHaveClass(/layout-cards/);
  const cachePrefix = (await page.evaluate(() => location.origin)) + '/cache/images/';
  const pictures = page.locator('.article-row img.thumb');
  await expect(pictures).toHaveCount(8);
  await expect
    .poll(() =>
      pictures.evaluateAll((images) =>
        (images as HTMLImageElement[]).every((img) => img.complete && img.naturalWidth > 0),
      ),
    )
    .toBe(true);
  for (const src of await pictures.evaluateAll((images) => (images as HTMLImageElement[]).map((i) => i.src)))
    expect(src.startsWith(cachePrefix), src).toBe(true);
  await expect(page.locator('.article-row.layout-cards .row-snippet').first()).toContainText('Text of Post 1');
  await reader.shot('list-cards');

  // By keyboard: the button opens the menu on its first item; Down twice, Enter: magazine.
  const button = page.getByRole('button', { name: 'View options' });
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'View options' });
  await expect(menu.getByRole('menuitemradio', { name: 'Compact list' })).toBeFocused();
  await expect(menu.getByRole('menuitemradio', { name: 'Cards' })).toHaveAttribute('aria-checked', 'true');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitemradio', { name: 'Magazine' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(rows(page).first()).toHaveClass(/layout-magazine/);
  // Tiles side by side, in rows the virtualiser draws.
  expect(await page.locator('.tile-row').first().locator('.article-row').count()).toBeGreaterThan(1);
  await reader.shot('list-magazine');
  await expect
    .poll(
      async () => new Set(await rows(page).evaluateAll((all) => all.map((r) => r.getBoundingClientRect().top))).size,
    )
    .toBeLessThan(await rows(page).count());
  // j and k walk the tiles in the list's order.
  await page.locator('body').press('j');
  await expect(rows(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.locator('body').press('j');
  await expect(rows(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.locator('body').press('k');
  await expect(rows(page).nth(0)).toHaveAttribute('aria-selected', 'true');
  // Escape leaves the menu untouched, focus back on its button.
  await button.focus();
  await page.keyboard.press('ArrowDown');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(rows(page).first()).toHaveClass(/layout-magazine/);

  // The layout is this view's: another view keeps the default.
  await openFeed(page, 'Words');
  await expect(rows(page).first()).toHaveClass(/layout-compact/);

  // Kept after a reload.
  await page.reload();
  await openFeed(page, 'Pictures');
  await expect(rows(page).first()).toHaveClass(/layout-magazine/);
  await expect(page.locator('.article-row img.thumb')).toHaveCount(8);
  await openFeed(page, 'Words');
  await expect(rows(page).first()).toHaveClass(/layout-compact/);
  expect(browserAsked(), 'the window never asks the pictures’ own address').toEqual([]);
});

test('oldest first lists from the other end and pages on through every article', async ({ reader }) => {
  await reader.cli(['add', serveFeed(reader, '/long.rss', 'Long', hourly(130))]);
  const page = await reader.open();
  await openFeed(page, 'Long');
  await expect(rows(page).first().locator('.row-title')).toHaveText('Post 1');

  // By keyboard: the order's radio items are after the layouts.
  const button = page.getByRole('button', { name: 'View options' });
  await button.focus();
  await page.keyboard.press('Enter');
  const oldest = page.getByRole('menuitemradio', { name: 'Oldest first' });
  for (let i = 0; i < 6 && !(await oldest.evaluate((e) => e === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await expect(oldest).toBeFocused();
  await page.keyboard.press(' ');
  await expect(rows(page).first().locator('.row-title')).toHaveText('Post 130');
  await expect(rows(page).nth(1).locator('.row-title')).toHaveText('Post 129');

  // To the end of the list: the second page follows on, each article once, newest last.
  const list = page.getByRole('listbox');
  await list.focus();
  const seen = new Set<string>();
  for (let i = 0; i < 60 && !seen.has('Post 1'); i++) {
    for (const t of await titles(page)) seen.add(t);
    await list.evaluate((l) => (l.scrollTop += 600));
    await page.waitForTimeout(50);
  }
  for (const t of await titles(page)) seen.add(t);
  expect(seen.size).toBe(130);
  await expect(rows(page).last().locator('.row-title')).toHaveText('Post 1');

  // Kept after a reload; the mouse brings newest first back.
  await page.reload();
  await openFeed(page, 'Long');
  await expect(rows(page).first().locator('.row-title')).toHaveText('Post 130');
  await viewOption(page, 'Newest first');
  await expect(rows(page).first().locator('.row-title')).toHaveText('Post 1');
});

test('day headings between the rows, skipped by j and k', async ({ reader }) => {
  const now = Date.now();
  const midnight = new Date(now).setHours(0, 0, 0, 0);
  const posts: Post[] = [
    { title: 'Earlier today', at: Math.max(midnight, now - 5 * 60_000) },
    { title: 'Late yesterday', at: midnight - 2 * HOUR },
    { title: 'Early yesterday', at: midnight - 20 * HOUR },
    { title: 'Three days ago', at: midnight - 2 * DAY - 12 * HOUR },
  ];
  await reader.cli(['add', serveFeed(reader, '/days.rss', 'Days', posts)]);
  const page = await reader.open();
  await openFeed(page, 'Days');
  await expect(page.locator('.day-heading')).toHaveCount(0);

  // By keyboard: the check item is found by its first letter.
  await page.getByRole('button', { name: 'View options' }).focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('g');
  await expect(page.getByRole('menuitemcheckbox', { name: 'Group by day' })).toBeFocused();
  await expect(page.getByRole('menuitemcheckbox', { name: 'Group by day' })).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('Enter');

  const weekday = await page.evaluate(
    (at) => new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' }).format(at),
    posts[3]!.at,
  );
  await expect(page.locator('.day-heading')).toHaveText(['Today', 'Yesterday', weekday]);
  // Headings are not options: hidden from screen readers, and the listbox holds options only.
  for (const heading of await page.locator('.day-heading').all()) {
    await expect(heading).toHaveAttribute('aria-hidden', 'true');
    await expect(heading).not.toHaveAttribute('tabindex');
  }
  await expect(page.getByRole('option')).toHaveCount(4);
  // The headings sit between the rows in the list's order.
  const order = await page.locator('.day-heading, .article-row .row-title').evaluateAll((all) =>
    all
      .map((e) => ({ top: e.getBoundingClientRect().top, text: e.textContent }))
      .sort((a, b) => a.top - b.top)
      .map((e) => e.text),
  );
  expect(order).toEqual([
    'Today',
    'Earlier today',
    'Yesterday',
    'Late yesterday',
    'Early yesterday',
    weekday,
    'Three days ago',
  ]);
  // j goes from the last of today to the first of yesterday, over the heading.
  await page.locator('body').press('j');
  await page.locator('body').press('j');
  await expect(page.getByRole('option', { name: /Late yesterday/ })).toHaveAttribute('aria-selected', 'true');

  // Oldest first: the same headings, the other way up; off again by the mouse.
  await viewOption(page, 'Oldest first');
  await expect(page.locator('.day-heading')).toHaveText([weekday, 'Yesterday', 'Today']);
  await viewOption(page, 'Group by day');
  await expect(page.locator('.day-heading')).toHaveCount(0);
});

test('mark above and below as read: a row’s menu, the keys and the view’s menu, in either order', async ({
  reader,
}) => {
  await reader.cli(['add', serveFeed(reader, '/many.rss', 'Many', hourly(130))]);
  const page = await reader.open();
  await openFeed(page, 'Many');

  // A right-click on the fifth row: mark the four above it read.
  await rows(page).nth(4).click({ button: 'right' });
  const rowMenu = page.getByRole('menu', { name: 'Article: Post 5' });
  await expect(rowMenu).toBeVisible();
  await rowMenu.getByRole('menuitem', { name: 'Mark above as read' }).click();
  await expect.poll(() => readStates(page).then((s) => s.slice(0, 6))).toEqual([true, true, true, true, false, false]);
  await expect(page.getByText('Marked 4 articles read')).toBeVisible();
  // Undo brings them back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect
    .poll(() => readStates(page).then((s) => s.slice(0, 6)))
    .toEqual([false, false, false, false, false, false]);

  // By keyboard: j opens (and reads) the first three; m makes the first unread again.
  // (Each is read once it has loaded: a j pressed sooner moves on and leaves it unread.)
  await page.getByRole('listbox').focus();
  await page.keyboard.press('j');
  await expect(rows(page).nth(0)).toHaveClass(/\bread\b/);
  await page.keyboard.press('m');
  await expect(rows(page).nth(0)).not.toHaveClass(/\bread\b/);
  for (const i of [1, 2]) {
    await page.keyboard.press('j');
    await expect(rows(page).nth(i)).toHaveClass(/\bread\b/);
  }
  await expect(rows(page).nth(2)).toHaveAttribute('aria-selected', 'true');
  // Shift+J: everything below the third, the 30 not loaded yet too.
  await page.keyboard.press('Shift+J');
  await expect(page.getByText('Marked 127 articles read')).toBeVisible();
  await page.reload();
  await openFeed(page, 'Many');
  const states = await everyReadState(page);
  expect(states.size).toBe(130);
  expect([...states].filter(([, read]) => !read).map(([title]) => title)).toEqual(['Post 1']);

  // Oldest first, Shift+F10 on a row opens its menu; "below" is now the newer ones.
  await viewOption(page, 'Oldest first');
  await expect(rows(page).first().locator('.row-title')).toHaveText('Post 130');
  await page.getByRole('listbox').focus();
  // Down to "Post 2", the 129th row: past the first page.
  const post2 = page.getByRole('option', { name: /Post 2\b/ });
  for (let i = 0; i < 20 && !(await post2.isVisible()); i++) {
    await page.evaluate(() => document.querySelector('.list-scroller')!.scrollTo(0, 1e6));
    await page.waitForTimeout(100);
  }
  await post2.click();
  await page.getByRole('listbox').focus();
  await page.keyboard.press('Shift+F10');
  const menu = page.getByRole('menu', { name: 'Article: Post 2' });
  await expect(menu.getByRole('menuitem', { name: 'Mark above as read' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByText('Marked 1 article read')).toBeVisible();
  await expect(page.getByRole('option', { name: /Post 1\b/ })).toHaveClass(/\bread\b/);
  await expect(page.getByRole('listbox')).toBeFocused();
  // Escape closes the row's menu and gives focus back to the list.
  await page.keyboard.press('Shift+F10');
  await expect(page.getByRole('menu')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(page.getByRole('listbox')).toBeFocused();

  // The view's own menu says the keys and does the same.
  await page.getByRole('button', { name: 'Mark as read options' }).click();
  const viewMenu = page.getByRole('menu', { name: 'Mark as read options' });
  await expect(viewMenu.getByRole('menuitem', { name: 'Mark above the selected article as read' })).toHaveAttribute(
    'aria-keyshortcuts',
    'Shift+K',
  );
  await viewMenu.getByRole('menuitem', { name: 'Mark below the selected article as read' }).click();
  await expect(page.getByText('Nothing unread below this article')).toBeVisible();
});

test('mark older than a day or a week as read, with undo', async ({ reader }) => {
  const now = Date.now();
  const posts: Post[] = [
    { title: 'Two hours old', at: now - 2 * HOUR },
    { title: 'Thirty hours old', at: now - 30 * HOUR },
    { title: 'Four days old', at: now - 4 * DAY },
    { title: 'Ten days old', at: now - 10 * DAY },
  ];
  await reader.cli(['add', serveFeed(reader, '/ages.rss', 'Ages', posts)]);
  const page = await reader.open();
  await openFeed(page, 'Ages');

  // By mouse: older than a week.
  await page.getByRole('button', { name: 'Mark as read options' }).click();
  await page.getByRole('menuitem', { name: 'Mark older than a week as read' }).click();
  await expect.poll(() => readStates(page)).toEqual([false, false, false, true]);
  await expect(page.getByText('Marked 1 article read')).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => readStates(page)).toEqual([false, false, false, false]);

  // By keyboard: Up opens the menu at its last item, Up again is "older than a day".
  const button = page.getByRole('button', { name: 'Mark as read options' });
  await button.focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Mark older than a week as read' })).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitem', { name: 'Mark older than a day as read' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => readStates(page)).toEqual([false, true, true, true]);
  await expect(page.getByText('Marked 3 articles read')).toBeVisible();
  // The engine marked them, not only the rows: still so after a reload.
  await page.reload();
  await openFeed(page, 'Ages');
  await expect.poll(() => readStates(page)).toEqual([false, true, true, true]);
});

test('mark as read on scroll: what passes the top, a batch at a time, never on a reload', async ({ reader }) => {
  await reader.cli(['add', serveFeed(reader, '/scroll.rss', 'Scrolled', hourly(60))]);
  await reader.cli(['add', serveFeed(reader, '/other.rss', 'Other', hourly(60, 'Other'))]);
  const page = await reader.open();
  await page.setViewportSize({ width: 1280, height: 600 });
  // The calls the window makes (browser mode: over a WebSocket, opened again by a reload).
  const calls: string[] = [];
  page.on('websocket', (ws) => ws.on('framesent', (f) => calls.push(String(f.payload))));
  await page.reload();
  await openFeed(page, 'Scrolled');
  const list = page.getByRole('listbox');

  // Off (the default): scrolling marks nothing.
  await list.focus();
  await page.keyboard.press('PageDown');
  await page.waitForTimeout(800);
  expect(await readStates(page).then((s) => s.filter(Boolean).length)).toBe(0);
  await list.evaluate((l) => l.scrollTo(0, 0));

  // On, by keyboard: the menu's last item.
  await page.getByRole('button', { name: 'View options' }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitemcheckbox', { name: 'Mark as read on scroll' })).toBeFocused();
  await page.keyboard.press('Enter');
  // Saved: the menu shows it checked when opened again.
  await page.keyboard.press('ArrowUp');
  await expect(page.getByRole('menuitemcheckbox', { name: 'Mark as read on scroll' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.keyboard.press('Escape');
  await list.focus();
  const before = calls.filter((c) => c.includes('"method":"markRead"')).length;
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('PageDown');
    await page.waitForTimeout(60);
  }
  // The rows wholly above the top are read; those on screen, even in part, are not.
  const drawn = () =>
    list.evaluate((l) => {
      const top = l.getBoundingClientRect().top;
      return [...l.querySelectorAll('.article-row')].map((r) => ({
        title: r.querySelector('.row-title')!.textContent!,
        above: r.getBoundingClientRect().bottom <= top + 1,
        read: r.classList.contains('read'),
      }));
    });
  await expect.poll(async () => (await drawn()).filter((r) => r.above !== r.read).map((r) => r.title)).toEqual([]);
  const above = (await drawn()).filter((r) => r.above).length;
  expect(above, 'the rows drawn above the top (the overscan)').toBeGreaterThan(3);
  const scrolledPast = await list.evaluate((l) => l.scrollTop);
  expect(scrolledPast).toBeGreaterThan(1000);
  const requests = calls.filter((c) => c.includes('"method":"markRead"')).length - before;
  expect(requests, 'sent in batches, not a request a row').toBeLessThanOrEqual(4);
  expect(requests).toBeGreaterThan(0);

  // Another view loads at the top: nothing of it is marked, however far the last one was.
  await page
    .getByRole('navigation', { name: 'Feeds and views' })
    .getByRole('button', { name: /^Other/ })
    .first()
    .click();
  await expect(rows(page).first().locator('.row-title')).toHaveText('Other 1');
  await page.waitForTimeout(800);
  expect((await readStates(page)).filter(Boolean)).toEqual([]);
  // And it is kept: after a reload, the first ones (scrolled past) are read, through the engine.
  await page.reload();
  await openFeed(page, 'Scrolled');
  await expect.poll(async () => (await readStates(page)).slice(0, 5)).toEqual([true, true, true, true, true]);
});

test('a search says how many it found and marks the words; clear it by mouse or keys', async ({ reader }) => {
  const posts: Post[] = [
    { title: 'Gardens in winter', at: Date.now() - HOUR, text: 'Planting gardens while it snows' },
    { title: 'Kitchen notes', at: Date.now() - 2 * HOUR, text: 'Nothing about the garden at all... or is it' },
    { title: 'Unrelated', at: Date.now() - 3 * HOUR, text: 'Trains and boats' },
  ];
  await reader.cli(['add', serveFeed(reader, '/garden.rss', 'Garden', posts)]);
  const page = await reader.open();
  await openFeed(page, 'Garden');
  await viewOption(page, 'Cards');

  await page.locator('body').press('/');
  await page.keyboard.type('garden');
  await page.keyboard.press('Enter');
  const summary = page.getByRole('status').filter({ hasText: /results? for/ });
  await expect(summary).toHaveText('2 results for “garden”');
  await expect(rows(page)).toHaveCount(2);
  // Matches are marks in titles and snippets, made as elements, words found as the index finds them.
  await expect(page.locator('.row-title mark.search-hit')).toHaveText(['Gardens']);
  await expect(page.locator('.row-snippet mark.search-hit')).toHaveText(['gardens', 'garden']);
  await reader.shot('list-search');

  // Cleared by keyboard: Enter on the header's button, and the search box has focus again.
  const clear = page.getByRole('button', { name: 'Clear search' });
  await clear.focus();
  await page.keyboard.press('Enter');
  await expect(summary).toHaveCount(0);
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toHaveValue('');
  await expect(page.getByRole('searchbox', { name: 'Search articles' })).toBeFocused();
  await expect(rows(page)).toHaveCount(3);
  await expect(page.locator('mark.search-hit')).toHaveCount(0);

  // One result, and the mouse.
  await page.getByRole('searchbox', { name: 'Search articles' }).fill('title:kitchen');
  await expect(summary).toHaveText('1 result for “title:kitchen”');
  await expect(page.locator('.row-title mark.search-hit')).toHaveText(['Kitchen']);
  await page.getByRole('button', { name: 'Clear search' }).click();
  await expect(summary).toHaveCount(0);
  await expect(rows(page)).toHaveCount(3);
});

test('axe finds nothing serious in the layouts, the day headings, the search header and the menus', async ({
  reader,
}) => {
  // Eighteen analyses: more than the default minute.
  test.slow();
  const posts = hourly(30).map((p, i) => ({
    ...p,
    at: p.at - i * 6 * HOUR,
    thumb: i % 2 ? '/img/photo-1.png' : undefined,
  }));
  await reader.cli(['add', serveFeed(reader, '/axe.rss', 'Axe', posts)]);
  await reader.cli(['cache']);
  const page = await reader.open();
  await openFeed(page, 'Axe');
  await viewOption(page, 'Group by day');
  const found: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    for (const layout of ['Compact list', 'Cards', 'Magazine']) {
      await viewOption(page, layout);
      await page.locator('body').press('j');
      found.push(...(await seriousViolations(page, `${theme} ${layout}`)));
    }
    await page.locator('body').press('/');
    await page.keyboard.type('post');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status').filter({ hasText: /results? for/ })).toBeVisible();
    found.push(...(await seriousViolations(page, `${theme} search`)));
    await page.getByRole('button', { name: 'Clear search' }).click();
    await page.getByRole('button', { name: 'View options' }).click();
    found.push(...(await seriousViolations(page, `${theme} view options`)));
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').focus();
    await page.keyboard.press('Shift+F10');
    await expect(page.getByRole('menu')).toBeVisible();
    found.push(...(await seriousViolations(page, `${theme} article menu`)));
    await page.keyboard.press('Escape');
  }
  expect(found).toEqual([]);
});
