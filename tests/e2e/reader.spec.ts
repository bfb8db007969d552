/**
 * The reader's flows, as a user does them, by mouse and by keyboard. Each main screen is
 * saved as a screenshot in the test output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Reader } from './fixtures.js';

/** Subscribes the reader to fixture feeds through the CLI, tagged, before it opens. */
async function subscribe(reader: Reader, feeds: [path: string, tags: string[]][]): Promise<void> {
  for (const [path, tags] of feeds)
    await reader.cli(['add', reader.feeds.url(path), ...tags.flatMap((t) => ['--tag', t])]);
}

const unreadCount = (reader: Reader) =>
  reader.page
    .getByRole('list', { name: 'Smart views' })
    .getByRole('button', { name: /^Unread/ })
    .locator('.count');

test('a new user sees how to start', async ({ reader }) => {
  const page = await reader.open();
  await expect(page.getByRole('heading', { name: 'Welcome to Syndic' })).toBeVisible();
  // One welcome, not the same buttons in two panes.
  await expect(page.getByRole('button', { name: 'Add a feed' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Import OPML…' })).toHaveCount(2); // the welcome's and the sidebar footer's
  const chooser = page.waitForEvent('filechooser');
  await page
    .getByRole('region', { name: 'Articles', exact: true })
    .getByRole('button', { name: 'Import OPML…' })
    .click();
  await chooser;
  await reader.shot('empty-state');
});

test('adds a feed by a site address, and chooses among a site’s feeds', async ({ reader }) => {
  const page = await reader.open();
  await page.getByRole('button', { name: 'Add feed' }).click();
  await page.getByLabel('Feed or site address').fill(reader.feeds.url('/site/'));
  await page.getByLabel('Feed or site address').press('Enter');
  await expect(
    page.getByRole('list', { name: 'Feeds' }).getByRole('button', { name: /^Schneier on Security/ }),
  ).toBeVisible();
  await expect(page.locator('.article-row')).toHaveCount(4);

  await page.getByRole('button', { name: 'Add feed' }).click();
  await page.getByLabel('Feed or site address').fill(reader.feeds.url('/multi/'));
  await page.getByLabel('Feed or site address').press('Enter');
  await expect(page.getByText('This site has several feeds. Which one?')).toBeVisible();
  await reader.shot('add-feed-choose');
  // Each format is named once, as its authors spell it.
  await expect(page.getByRole('radio')).toHaveCount(3);
  await expect(page.getByRole('radio', { name: /^Posts \(Atom\) / })).toBeVisible();
  await page.getByRole('radio', { name: /^Posts \(JSON Feed\) / }).check();
  await page.getByRole('button', { name: 'Add this feed' }).click();
  await expect(
    page.getByRole('list', { name: 'Feeds' }).getByRole('button', { name: /^Backblaze Blog/ }),
  ).toBeVisible();
});

test('reading an article marks it read; starring finds it under Starred', async ({ reader }) => {
  await subscribe(reader, [['/feeds/schneier.atom', []]]);
  const page = await reader.open();
  await expect(unreadCount(reader)).toHaveText('4');
  const row = page.locator('.article-row').first();
  const title = (await row.locator('.row-title').textContent())!;
  await row.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.frameLocator('iframe.article-frame').locator('body')).toContainText(/\w+/);
  await expect(row).toHaveClass(/read/);
  await expect(unreadCount(reader)).toHaveText('3');
  await reader.shot('reading');

  await page.getByRole('toolbar', { name: 'Article actions' }).getByRole('button', { name: /Star/ }).click();
  await page
    .getByRole('list', { name: 'Smart views' })
    .getByRole('button', { name: /Starred/ })
    .click();
  await expect(page.locator('.article-row')).toHaveCount(1);
  await expect(page.locator('.article-row .row-title')).toHaveText(title);
});

test('filters by a tag, and by two tags with any and all', async ({ reader }) => {
  await subscribe(reader, [
    ['/feeds/schneier.atom', ['Security']],
    ['/feeds/backblaze.json', ['Storage']],
    ['/feeds/aws.rss', []],
  ]);
  const page = await reader.open();
  // Tag a feed from the UI: AWS gets Storage and Security.
  await page.getByRole('button', { name: 'Edit AWS Blogs' }).click();
  const tagInput = page.getByRole('dialog').getByLabel('Tags');
  await tagInput.fill('Storage');
  await tagInput.press('Enter');
  await tagInput.fill('Security');
  await tagInput.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The tags are the groups of the sidebar's feeds.
  const tags = page.getByRole('list', { name: 'Feeds' });
  await tags.getByRole('button', { name: /^Security/ }).click();
  await expect(page.locator('.list-scroller')).toHaveAttribute('aria-label', /: 26 articles/);
  await tags.getByRole('button', { name: /^Storage/ }).click({ modifiers: ['Control'] });
  await expect(page.getByRole('heading', { level: 1, name: 'Security or Storage' })).toBeVisible();
  await expect(page.locator('.list-scroller')).toHaveAttribute('aria-label', /: 29 articles/);
  await page.getByRole('group', { name: 'Combine tags' }).getByRole('button', { name: 'All' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Security and Storage' })).toBeVisible();
  await expect(page.locator('.list-scroller')).toHaveAttribute('aria-label', /: 22 articles/);
  await reader.shot('tags');
});

test('marks all read and undoes it', async ({ reader }) => {
  await subscribe(reader, [['/feeds/aws.rss', []]]);
  const page = await reader.open();
  await expect(unreadCount(reader)).toHaveText('22');
  await page.getByRole('button', { name: /Mark all read/ }).click();
  await expect(unreadCount(reader)).toHaveCount(0);
  await expect(page.getByRole('status').getByText('Marked 22 articles read')).toBeVisible();
  await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(unreadCount(reader)).toHaveText('22');
});

test('searches the full text', async ({ reader }) => {
  await subscribe(reader, [
    ['/feeds/aws.rss', []],
    ['/feeds/backblaze.json', []],
  ]);
  const page = await reader.open();
  await page.getByRole('button', { name: /^All/ }).click();
  await page.getByLabel('Search articles').fill('helium');
  await expect(page.locator('.article-row')).toHaveCount(1);
  await expect(page.locator('.article-row .row-title')).toContainText('Helium');
  await reader.shot('search');
  await page.getByLabel('Search articles').fill('zzzznotaword');
  await expect(page.getByRole('heading', { name: /^No results for/ })).toBeVisible();
});

test('reads with the keyboard alone', async ({ reader }) => {
  await subscribe(reader, [['/feeds/schneier.atom', []]]);
  const page = await reader.open();
  const first = page.locator('.article-row').nth(0);
  // The list arrives after the page: a key pressed before it has nothing to move through.
  await expect(first).toBeVisible();
  await page.locator('body').press('j');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  const text = page.frameLocator('iframe.article-frame').locator('body');
  await expect(text).toContainText(/\w+/);
  const firstText = (await text.textContent())!;
  await page.locator('body').press('j');
  await expect(page.locator('.article-row').nth(1)).toHaveAttribute('aria-selected', 'true');
  // The frame shows the next article's text in place of the first's.
  await expect(text).not.toHaveText(firstText);
  await expect(text).toContainText(/\w+/);
  await page.locator('body').press('k');
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(text).toHaveText(firstText);
  await page.locator('body').press('s');
  await expect(first).toContainText('Starred');
  await page.locator('body').press('m');
  await expect(first).not.toHaveClass(/ read/);
  await page.locator('body').press('m');
  await expect(first).toHaveClass(/ read/);
  await page.locator('body').press('g');
  await page.locator('body').press('s');
  await expect(page.getByRole('heading', { level: 1, name: 'Starred' })).toBeVisible();
  await page.locator('body').press('/');
  await expect(page.getByLabel('Search articles')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.locator('body').press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts and search' });
  await expect(help).toBeVisible();
  // The search syntax is documented where the keys are.
  await expect(
    help.getByRole('table', { name: 'Search' }).getByRole('rowheader', { name: 'title:word' }),
  ).toBeVisible();
  await reader.shot('shortcuts');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('imports and exports OPML', async ({ reader }, testInfo) => {
  const page = await reader.open();
  const opml = `<?xml version="1.0"?><opml version="2.0"><body>
<outline text="Security"><outline type="rss" text="Schneier" xmlUrl="${reader.feeds.url('/feeds/schneier.atom')}"/></outline>
<outline type="rss" text="LWN" xmlUrl="${reader.feeds.url('/feeds/lwn.rdf')}"/>
<outline type="rss" text="Bad" xmlUrl="not a url"/>
</body></opml>`;
  const file = testInfo.outputPath('import.opml');
  writeFileSync(file, opml);
  await page.getByTestId('opml-input').setInputFiles(file);
  await expect(page.getByRole('dialog', { name: 'OPML imported' })).toContainText('2 feeds added');
  await expect(page.getByRole('dialog')).toContainText('Line 4');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('list', { name: 'Feeds' }).getByRole('button', { name: /^Security/ })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Feeds' }).getByRole('button', { name: /^LWN/ })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export OPML…' }).click();
  const saved = join(testInfo.outputDir, 'export.opml');
  await (await download).saveAs(saved);
  const exported = readFileSync(saved, 'utf8');
  expect(exported).toContain('<outline text="Security" title="Security">');
  expect(exported).toContain(reader.feeds.url('/feeds/lwn.rdf'));
});

test('a broken feed shows its error and what to do', async ({ reader }) => {
  // Subscribed while it worked; then the site broke it.
  reader.feeds.serve('/edge/later-broken.rss', {
    body: '<rss version="2.0"><channel><title>Later broken</title><item><title>x</title><guid>x</guid></item></channel></rss>',
  });
  await reader.cli(['add', reader.feeds.url('/feeds/aws.rss')]);
  await reader.cli(['add', reader.feeds.url('/edge/later-broken.rss')]);
  reader.feeds.serve('/edge/later-broken.rss', {
    body: '<html><body>We moved!</body></html>',
    contentType: 'text/html',
  });
  await reader.cli(['refresh']).catch(() => undefined);
  const page = await reader.open();
  const broken = page.getByRole('list', { name: 'Feeds' }).getByRole('img', { name: /Last refresh failed/ });
  await expect(broken).toBeVisible();
  await page.getByRole('button', { name: 'Edit Later broken' }).click();
  await expect(page.getByRole('dialog')).toContainText('not an RSS, Atom or JSON feed');
  await expect(page.getByRole('dialog')).toContainText('Add Feed');
  await page.keyboard.press('Escape');
  // The feed's own list leads with its error, and what to do about it.
  await page.getByRole('button', { name: /^Later broken/ }).click();
  const problem = page.getByRole('alert').filter({ hasText: 'The last refresh failed' });
  await expect(problem).toContainText('not an RSS, Atom or JSON feed');
  await reader.shot('feed-error');
  // Fixed on the site: Retry brings it back, and the error goes.
  reader.feeds.serve('/edge/later-broken.rss', {
    body: '<rss version="2.0"><channel><title>Later broken</title><item><title>Back again</title><guid>y</guid></item></channel></rss>',
  });
  await problem.getByRole('button', { name: 'Retry' }).click();
  await expect(problem).toHaveCount(0);
  await expect(broken).toHaveCount(0);
  await expect(page.locator('.article-row').filter({ hasText: 'Back again' })).toBeVisible();
});

test('each empty view says what it is and what to do', async ({ reader }) => {
  await subscribe(reader, [['/feeds/schneier.atom', []]]);
  const page = await reader.open();
  const nav = page.getByRole('navigation', { name: 'Feeds and views' });
  await nav.getByRole('button', { name: /^Starred/ }).click();
  await expect(page.getByRole('heading', { name: 'No starred articles' })).toBeVisible();
  await nav.getByRole('button', { name: /^Unread/ }).click();
  await page.getByLabel('Search articles').fill('zzzyzzy');
  await expect(page.getByRole('heading', { name: 'No results for “zzzyzzy”' })).toBeVisible();
  await page.getByRole('button', { name: 'Clear the search' }).click();
  await expect(page.locator('.article-row')).toHaveCount(4);
  await page.locator('body').press('A');
  // Marked read, the articles stay in the list until the view is opened again.
  await expect(page.locator('.article-row.read')).toHaveCount(4);
  await nav.getByRole('button', { name: /^Unread/ }).click();
  await expect(page.getByRole('heading', { name: 'All caught up' })).toBeVisible();
});

test('switches to the dark theme, article included', async ({ reader }) => {
  await subscribe(reader, [['/feeds/schneier.atom', []]]);
  const page = await reader.open();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByLabel('Theme').selectOption('dark');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.locator('.article-row').first().click();
  const frameBackground = await page
    .frameLocator('iframe.article-frame')
    .locator('body')
    .evaluate((body) => getComputedStyle(body).backgroundColor);
  // A dark background: every channel low.
  const [r, g, b] = frameBackground.match(/\d+/g)!.map(Number);
  expect(Math.max(r!, g!, b!)).toBeLessThan(80);
  await reader.shot('dark-theme');
});
