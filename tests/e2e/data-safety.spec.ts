/**
 * The settings' storage section, as a user meets it: the cache's size, a backup made and
 * restored (a star set after the backup is gone again), and the starred articles
 * exported as a file.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.js';

test('backs up, restores, and exports starred articles from the settings', async ({ reader }) => {
  await reader.cli(['add', reader.feeds.url('/images.rss')]);
  await reader.cli(['cache']);
  const page = await reader.open();
  const settings = page.getByRole('dialog', { name: 'Settings' });

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(settings.getByTestId('cache-size')).toContainText('Image cache: 3 images');
  await expect(settings.getByText('No backups yet.')).toBeVisible();
  await settings.getByRole('button', { name: 'Back up now' }).click();
  const backups = settings.getByRole('list', { name: 'Backups' }).getByRole('listitem');
  await expect(backups).toHaveCount(1);
  await reader.shot('settings-storage');
  await settings.getByRole('button', { name: 'Done' }).click();

  // A star after the backup...
  const row = page.locator('.article-row').first();
  await row.click();
  await page.getByRole('button', { name: 'Star', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Starred', exact: true })).toBeVisible();

  // ...is exported...
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const download = page.waitForEvent('download');
  await settings.getByRole('button', { name: 'Export starred (JSON)' }).click();
  const file = await (await download).path();
  const exported = JSON.parse(readFileSync(file, 'utf8')) as { count: number; articles: { title: string }[] };
  expect(exported.count).toBe(1);
  expect(exported.articles[0]!.title).toBe(await row.locator('.row-title').textContent());

  // ...and gone after restoring the backup, which itself was backed up first.
  await backups.first().getByRole('button', { name: 'Restore…' }).click();
  await page.getByRole('dialog', { name: 'Restore this backup?' }).getByRole('button', { name: 'Restore' }).click();
  await expect(page.getByText('Backup restored')).toBeVisible();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  await expect(backups).toHaveCount(2);
  await expect(backups.first()).toContainText('before a restore');
  await settings.getByRole('button', { name: 'Done' }).click();
  await page
    .getByRole('list', { name: 'Smart views' })
    .getByRole('button', { name: /^Starred/ })
    .click();
  await expect(page.locator('.article-row')).toHaveCount(0);
});
