/**
 * Sync accounts as a user meets them, in browser mode, against the Google Reader test
 * server (FreshRSS flavour): adding an account (a wrong password said precisely, then a
 * working test), its first sync, the sidebar grouped by account, a read article pushed to
 * the server, a star from the server pulled in, and removing the account while keeping the
 * starred articles in a local feed.
 */
import { expect, test } from './fixtures.js';
import type { Page } from '@playwright/test';
import { startGReaderServer, type GReaderServer } from '../servers/greader/greader-server.js';

let server: GReaderServer;

test.beforeAll(async () => {
  server = await startGReaderServer({ flavour: 'freshrss' });
});

test.afterAll(async () => {
  await server.close();
});

/** The accounts dialog, opened the way a user finds it: Settings, then Accounts. */
async function openAccounts(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Accounts…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Accounts' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a FreshRSS account: added, synced both ways, and removed keeping the starred articles', async ({ reader }) => {
  const feed = server.state.addFeed({ url: 'https://example.org/feed.xml', title: 'Server Feed', folder: 'Tech' });
  const items = server.state.addItems(feed, 5);
  const host = new URL(server.apiUrl).host;
  const page = await reader.open();

  // 1. The form: a wrong password is said as the server's refusal, with what to do.
  const dialog = await openAccounts(page);
  await dialog.getByLabel('Server type').selectOption({ label: 'FreshRSS / Miniflux / other Google Reader API' });
  await expect(dialog.getByLabel('Server address')).toHaveAttribute('placeholder', /api\/greader\.php/);
  await dialog.getByLabel('Server address').fill(server.apiUrl);
  await dialog.getByLabel('User name').fill('alice');
  await dialog.getByLabel('Password').fill('wrong');
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    `${host} rejected the user name or API password. FreshRSS needs the API password set in your profile; ` +
      'Miniflux the Google Reader user in Integrations.',
  );

  // 2. The right password: the test passes (loopback over http draws no warning).
  await dialog.getByLabel('Password').fill('secret');
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Test connection' }).click();
  await expect(dialog.getByText('Connection works.', { exact: true })).toBeVisible();

  // 3. Add: the first sync shows its progress, then the account says it synced. The
  // progress can be brief, so an observer notes whether it was ever drawn.
  await page.evaluate(() => {
    const seen = document.documentElement.dataset;
    new MutationObserver(() => {
      if (document.querySelector('progress[aria-label^="Syncing"]')) seen.sawSyncProgress = 'yes';
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await dialog.getByRole('button', { name: 'Add account' }).click();
  const account = dialog.getByRole('listitem', { name: host });
  await expect(account).toContainText('Google Reader API');
  await expect(account).toContainText('alice');
  await expect(account.getByRole('status')).toHaveText('Synced just now');
  await expect(account).toContainText('1 feed');
  await expect(page.locator('html')).toHaveAttribute('data-saw-sync-progress', 'yes');
  await expect(dialog.getByLabel('Password')).toHaveValue('');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // 4. The sidebar groups the feeds by account, local first; the server's feed is under
  // its category's tag (an account's group holds its feeds with no tag).
  const sidebar = page.getByRole('navigation', { name: 'Feeds and views' });
  await expect(sidebar.getByRole('heading', { level: 4 })).toHaveText(['On this computer', host]);
  const serverFeed = sidebar.getByRole('list', { name: 'Tech' }).getByRole('button', { name: /^Server Feed/ });
  await expect(serverFeed.locator('.count')).toHaveText('5');
  await expect(sidebar.getByRole('button', { name: 'Refresh Server Feed' })).toHaveCount(0);

  // Add Feed asks which account follows the new feed, local by default.
  await page.getByRole('button', { name: 'Add feed' }).click();
  const addFeed = page.getByRole('dialog', { name: 'Add a feed' });
  await expect(addFeed.getByLabel('Account')).toHaveValue('1');
  await addFeed.getByLabel('Account').selectOption({ label: host });
  await expect(addFeed).toContainText('The server subscribes and fetches it at the next sync.');
  await addFeed.getByRole('button', { name: 'Cancel' }).click();

  // 5. Reading an article marks it read; Sync now sends that to the server.
  await serverFeed.click();
  const newest = items[items.length - 1]!;
  await page.locator('.article-row', { hasText: newest.title }).click();
  await expect(page.getByRole('heading', { level: 1, name: newest.title })).toBeVisible();
  await expect(serverFeed.locator('.count')).toHaveText('4');
  expect(server.state.item(newest.id)?.read).toBe(false);
  await sidebar.getByRole('button', { name: `Sync ${host} now` }).click();
  await expect.poll(() => server.state.item(newest.id)?.read).toBe(true);
  await expect(sidebar.getByRole('button', { name: `Sync ${host} now` })).toBeEnabled();

  // 6. A star given on the server arrives with the next sync, under Starred.
  const oldest = items[0]!;
  server.state.markStarred(oldest.id);
  await sidebar.getByRole('button', { name: `Sync ${host} now` }).click();
  await sidebar
    .getByRole('list', { name: 'Smart views' })
    .getByRole('button', { name: /^Starred/ })
    .click();
  await expect(page.locator('.article-row')).toHaveText([new RegExp(oldest.title)]);

  // 7. Removing the account, keeping the starred articles: they are in a local feed now.
  const again = await openAccounts(page);
  await again.getByRole('listitem', { name: host }).getByRole('button', { name: 'Remove…' }).click();
  const remove = page.getByRole('dialog', { name: `Remove ${host}?` });
  await expect(remove.getByLabel('Keep my starred articles')).toBeChecked();
  await expect(remove).toContainText(`Starred from ${host}`);
  await remove.getByRole('button', { name: 'Remove account' }).click();
  // Back in the accounts dialog, which lists only the local account now.
  await expect(page.getByRole('dialog', { name: 'Accounts' }).getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Escape');

  // With one account left the sidebar is one flat list again, holding the kept stars.
  await expect(sidebar.getByRole('heading', { level: 4 })).toHaveCount(0);
  const kept = sidebar
    .getByRole('list', { name: 'Feeds' })
    .getByRole('button', { name: new RegExp(`^Starred from ${host.replace(/\./g, '\\.')}`) });
  await kept.click();
  await expect(sidebar.getByRole('button', { name: /^Refresh Starred from/ })).toHaveCount(0);
  await expect(page.locator('.article-row')).toHaveText([new RegExp(oldest.title)]);
  await expect(sidebar.getByRole('button', { name: /^Server Feed/ })).toHaveCount(0);
});
