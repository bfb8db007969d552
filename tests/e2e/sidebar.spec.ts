/**
 * The sidebar at scale: tags as groups holding their feeds (a feed with two tags under
 * both), the untagged feeds in a group of their own, folds that outlast a reload, by mouse
 * and by keyboard, and the filter box.
 */
import { spawn } from 'node:child_process';
import type { Page } from '@playwright/test';
import { startGReaderServer } from '../servers/greader/greader-server.js';
import { CLI } from '../support/cli.js';
import { seriousViolations } from './axe.js';
import { expect, test, type Reader } from './fixtures.js';

async function subscribe(reader: Reader, feeds: [path: string, tags: string[]][]): Promise<void> {
  for (const [path, tags] of feeds)
    await reader.cli(['add', reader.feeds.url(path), ...tags.flatMap((t) => ['--tag', t])]);
}

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Feeds and views' });
const group = (page: Page, name: string) => sidebar(page).getByRole('list', { name, exact: true });
const feedsList = (page: Page) => sidebar(page).getByRole('list', { name: 'Feeds', exact: true });
const names = (page: Page, groupName: string) => group(page, groupName).locator('.nav-label');

/**
 * A fold shows at once and is saved behind it; the engine answers calls in order, so once
 * a later call (the tag's articles) is answered, the fold is saved and a reload may follow.
 */
async function reloadOnceSaved(page: Page, tag: string, articles: number): Promise<void> {
  await feedsList(page)
    .getByRole('button', { name: new RegExp(`^${tag}`) })
    .click();
  await expect(page.locator('.list-scroller')).toHaveAttribute('aria-label', `${tag}: ${articles} articles`);
  await page.reload();
}

/** Serious or critical axe findings in the sidebar, in both themes (as accessibility.spec.ts). */
async function axeFindings(page: Page): Promise<string[]> {
  const found: string[] = [];
  for (const theme of ['light', 'dark']) {
    await page.evaluate((t) => (document.documentElement.dataset.theme = t), theme);
    found.push(...(await seriousViolations(page, theme, '.sidebar')));
  }
  return found;
}

test.beforeEach(async ({ reader }) => {
  await subscribe(reader, [
    ['/feeds/schneier.atom', ['Security']],
    ['/feeds/aws.rss', ['Security', 'Cloud']],
    ['/feeds/lwn.rdf', []],
    ['/feeds/torrentfreak.rss', []],
  ]);
});

test('tags are groups of their feeds, a feed with two tags under both, and a feed chosen there lists its articles', async ({
  reader,
}) => {
  const page = await reader.open();
  await expect(group(page, 'Security').getByRole('button', { name: /^Schneier on Security/ })).toBeVisible();
  await expect(group(page, 'Security').getByRole('button', { name: /^AWS Blogs/ })).toBeVisible();
  await expect(group(page, 'Cloud').getByRole('button', { name: /^AWS Blogs/ })).toBeVisible();
  await expect(sidebar(page).getByRole('button', { name: /^AWS Blogs/ })).toHaveCount(2);
  await expect(names(page, 'Untagged')).toHaveText(['LWN.net', 'TorrentFreak']);
  await expect(group(page, 'Untagged').getByRole('button', { name: /^Schneier/ })).toHaveCount(0);

  // The group row carries the tag's unread count, and still lists the tag's articles.
  await expect(feedsList(page).getByRole('button', { name: /^Cloud 22 unread/ })).toBeVisible();
  await group(page, 'Cloud')
    .getByRole('button', { name: /^AWS Blogs/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'AWS Blogs' })).toBeVisible();
  await expect(page.locator('.list-scroller')).toHaveAttribute('aria-label', /AWS Blogs: 22 articles/);
  // Shown twice, current twice, but one Tab stop for the sidebar's items.
  await expect(sidebar(page).locator('button[aria-current="page"]')).toHaveCount(2);
  await expect(sidebar(page).locator('.nav-list button[tabindex="0"]')).toHaveCount(1);
  await expect(
    sidebar(page)
      .getByRole('button', { name: /^AWS Blogs/ })
      .first(),
  ).toHaveAttribute('tabindex', '0');

  await feedsList(page)
    .getByRole('button', { name: /^Security/ })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
  await reader.shot('sidebar-groups');
});

test('a group folds and unfolds by mouse and by keyboard, and stays so after a reload', async ({ reader }) => {
  const page = await reader.open();
  // By mouse: the chevron beside the tag.
  const collapse = sidebar(page).getByRole('button', { name: 'Collapse Security' });
  await expect(collapse).toHaveAttribute('aria-expanded', 'true');
  await collapse.click();
  await expect(group(page, 'Security')).toHaveCount(0);
  await expect(sidebar(page).getByRole('button', { name: 'Expand Security' })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(sidebar(page).getByRole('button', { name: /^AWS Blogs/ })).toHaveCount(1);
  expect(await axeFindings(page)).toEqual([]);
  await reloadOnceSaved(page, 'Cloud', 22);
  await expect(group(page, 'Cloud')).toBeVisible();
  await expect(group(page, 'Security')).toHaveCount(0);

  // By keyboard: on the tag's row Right unfolds, Left folds; the app's Left/Right between
  // panes are not taken elsewhere.
  const securityRow = feedsList(page).getByRole('button', { name: /^Security/ });
  await securityRow.focus();
  await page.keyboard.press('ArrowRight');
  await expect(group(page, 'Security')).toBeVisible();
  await expect(securityRow).toBeFocused();
  // Down walks into the group's feeds; Left from a feed goes up to its group's row.
  await page.keyboard.press('ArrowDown');
  await expect(group(page, 'Security').getByRole('button').first()).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(securityRow).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(group(page, 'Security')).toHaveCount(0);
  await page.keyboard.press('ArrowRight');
  await expect(group(page, 'Security')).toBeVisible();
  // Right on an open group goes on to the list, as Right does anywhere in the sidebar.
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('listbox')).toBeFocused();

  // Untagged folds from its own row, with Enter as a button does.
  const untagged = feedsList(page).getByRole('button', { name: /^Untagged/ });
  await untagged.focus();
  await page.keyboard.press('Enter');
  await expect(untagged).toHaveAttribute('aria-expanded', 'false');
  await expect(group(page, 'Untagged')).toHaveCount(0);
  await reloadOnceSaved(page, 'Security', 26);
  await expect(feedsList(page).getByRole('button', { name: /^Untagged/ })).toHaveAttribute('aria-expanded', 'false');
  await expect(group(page, 'Security')).toBeVisible();
  await expect(group(page, 'Untagged')).toHaveCount(0);
});

test('the filter narrows the feeds, case and accents aside, opening their groups; Escape empties it', async ({
  reader,
}) => {
  const page = await reader.open();
  await sidebar(page).getByRole('button', { name: 'Collapse Security' }).click();
  await expect(group(page, 'Security')).toHaveCount(0);

  const filter = sidebar(page).getByRole('searchbox', { name: 'Filter feeds' });
  await expect(filter).toHaveAttribute('placeholder', 'Filter');
  await filter.fill('SCHNÉIER');
  // The folded group opens while it holds a match; the groups without one go.
  await expect(names(page, 'Security')).toHaveText(['Schneier on Security']);
  await expect(group(page, 'Cloud')).toHaveCount(0);
  await expect(group(page, 'Untagged')).toHaveCount(0);
  await expect(sidebar(page).getByRole('status')).toHaveText('1 feed matches');

  // By address too.
  await filter.fill('LWN.RDF');
  await expect(sidebar(page).locator('.feed-group')).toHaveCount(1);
  await expect(names(page, 'Untagged')).toHaveText(['LWN.net']);

  await filter.fill('no such feed');
  await expect(sidebar(page).getByText('No feed matches')).toBeVisible();
  await expect(sidebar(page).locator('.feed-group')).toHaveCount(0);
  expect(await axeFindings(page)).toEqual([]);

  // Escape empties the box and keeps the focus there; the saved fold is back.
  await filter.press('Escape');
  await expect(filter).toHaveValue('');
  await expect(filter).toBeFocused();
  await expect(sidebar(page).getByText('No feed matches')).toHaveCount(0);
  await expect(group(page, 'Security')).toHaveCount(0);
  await expect(group(page, 'Untagged').getByRole('button', { name: /^TorrentFreak/ })).toBeVisible();
  // A second Escape leaves the box.
  await filter.press('Escape');
  await expect(filter).not.toBeFocused();

  // f, from the sidebar, goes to the box; Down from it to the first item under it.
  await sidebar(page).getByRole('button', { name: /^All/ }).focus();
  await page.keyboard.press('f');
  await expect(filter).toBeFocused();
  await page.keyboard.type('torrent');
  await expect(names(page, 'Untagged')).toHaveText(['TorrentFreak']);
  await page.keyboard.press('ArrowDown');
  await expect(feedsList(page).getByRole('button', { name: /^Untagged/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'TorrentFreak' })).toBeVisible();
  await reader.shot('sidebar-filter');
});

test('f, from the article list, goes to the feed filter; typed in a field it is a letter; ? lists it', async ({
  reader,
}) => {
  const page = await reader.open();
  const filter = sidebar(page).getByRole('searchbox', { name: 'Filter feeds' });
  const list = page.getByRole('listbox');
  await expect(page.locator('.article-row').first()).toBeVisible();
  await list.focus();
  await page.keyboard.press('f');
  await expect(filter).toBeFocused();
  await expect(filter).toHaveValue('');

  // In the search box, f is typed, and the focus stays.
  const search = page.getByLabel('Search articles');
  await search.focus();
  await page.keyboard.press('f');
  await expect(search).toHaveValue('f');
  await expect(search).toBeFocused();
  await search.fill('');
  await page.keyboard.press('Escape');

  await page.locator('body').press('?');
  const keys = page.getByRole('dialog', { name: 'Keyboard shortcuts and search' }).getByRole('table', { name: 'Keys' });
  await expect(keys.getByRole('row', { name: /^f Filter feeds/ })).toBeVisible();
  await expect(keys.getByRole('row', { name: /on a tag group Fold \/ unfold the group/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

/** `syndic account add`, its password on standard input as the command asks. */
function addAccount(reader: Reader, apiUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const args = ['account', 'add', '--type', 'greader', '--url', apiUrl, '--user', 'alice', '--password-stdin'];
    const child = spawn(process.execPath, [CLI, ...args, '--data-dir', reader.dataDir], { stdio: 'pipe' });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`account add exited ${code}: ${err}`))));
    child.stdin.end('secret\n');
  });
}

test("with several accounts, each account's untagged feeds fold under its header, by mouse and by keyboard", async ({
  reader,
}) => {
  const server = await startGReaderServer({ flavour: 'freshrss' });
  try {
    server.state.addItems(
      server.state.addFeed({ url: 'https://example.org/feed.xml', title: 'Server Feed', folder: 'Tech' }),
      2,
    );
    await addAccount(reader, server.apiUrl);
    await reader.cli(['sync']);
    const host = new URL(server.apiUrl).host;
    const page = await reader.open();
    // The server's folder is a tag like the others; the local untagged feeds are under the local account.
    await expect(sidebar(page).getByRole('heading', { level: 4 })).toHaveText(['On this computer', host]);
    await expect(names(page, 'Tech')).toHaveText(['Server Feed']);
    await expect(names(page, 'On this computer')).toHaveText(['LWN.net', 'TorrentFreak']);
    await expect(sidebar(page).getByText('Its feeds are all under tags.')).toBeVisible();

    // Keyboard: Left from a feed goes to its account's fold button, Left again folds, Right unfolds, Down goes on.
    const lwn = group(page, 'On this computer').getByRole('button', { name: /^LWN\.net/ });
    await lwn.focus();
    await page.keyboard.press('ArrowLeft');
    const fold = sidebar(page).getByRole('button', { name: 'Collapse On this computer' });
    await expect(fold).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    await expect(group(page, 'On this computer')).toHaveCount(0);
    await expect(sidebar(page).getByRole('button', { name: 'Expand On this computer' })).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await expect(names(page, 'On this computer')).toHaveText(['LWN.net', 'TorrentFreak']);
    await page.keyboard.press('ArrowDown');
    await expect(lwn).toBeFocused();

    // Mouse: folded, and still folded after a reload.
    await sidebar(page).getByRole('button', { name: 'Collapse On this computer' }).click();
    await expect(group(page, 'On this computer')).toHaveCount(0);
    await reloadOnceSaved(page, 'Security', 26);
    await expect(sidebar(page).getByRole('button', { name: 'Expand On this computer' })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
    await expect(group(page, 'On this computer')).toHaveCount(0);
    expect(await axeFindings(page)).toEqual([]);
  } finally {
    await server.close();
  }
});
