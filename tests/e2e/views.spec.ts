/**
 * Saved views: a search saved as a view shows in the sidebar with its live unread count and
 * lists what the search listed; its editor changes it with a preview count; the keyboard
 * moves it in the order, which outlasts a reload; deleting it asks first.
 */
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { serveTitles } from './serve-titles.js';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Feeds and views' });
const savedViews = (page: Page) => sidebar(page).getByRole('list', { name: 'Saved views' });
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search articles' });
/** The list's title row: the keyboard's way to a view's edit, move and delete buttons. */
const titleRow = (page: Page) => page.locator('.list-toolbar .title-row');
const titles = (page: Page): Promise<string[]> => page.locator('.article-row .row-title').allTextContents();

test.beforeEach(async ({ reader }) => {
  await reader.cli([
    'add',
    serveTitles(reader, '/security.rss', 'Security Notes', [
      'CVE-2024-0001 in OpenSSL',
      'Patch Tuesday round-up',
      'CVE-2024-0002 in curl',
      'CVE-2024-0003 in glibc',
    ]),
  ]);
  await reader.cli([
    'add',
    serveTitles(reader, '/releases.rss', 'Releases', ['Release 2.0', 'Release 1.9 fixes CVE-2024-0004', 'Release 1.8']),
  ]);
});

test('a search saved as a view: in the sidebar with its count, listing its articles; edited with a preview count', async ({
  reader,
}) => {
  const page = await reader.open();
  await search(page).fill('CVE');
  await expect(page.locator('.search-summary')).toHaveText('4 results for “CVE”');

  await page.getByRole('button', { name: 'Save as view' }).click();
  const dialog = page.getByRole('dialog', { name: 'New saved view' });
  await expect(dialog.getByLabel('Name')).toHaveValue('CVE');
  await expect(dialog.getByLabel('Search', { exact: true })).toHaveValue('CVE');
  await expect(dialog.getByRole('status')).toHaveText('4 articles match now');
  expect(await seriousViolations(page, 'new view dialog', '.modal')).toEqual([]);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);

  // In the sidebar with its unread count, chosen, listing the search's articles (the box emptied: the view holds it).
  const view = savedViews(page).getByRole('button', { name: /^CVE/ });
  await expect(view).toHaveAccessibleName('CVE 4 unread');
  await expect(view).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1, name: 'CVE' })).toBeVisible();
  await expect(search(page)).toHaveValue('');
  await expect(page.locator('.list-scroller')).toHaveAttribute('aria-label', 'CVE: 4 articles');
  expect((await titles(page)).sort()).toEqual([
    'CVE-2024-0001 in OpenSSL',
    'CVE-2024-0002 in curl',
    'CVE-2024-0003 in glibc',
    'Release 1.9 fixes CVE-2024-0004',
  ]);

  // The count is live: reading one article takes it down.
  await page.locator('.article-row', { hasText: 'CVE-2024-0002 in curl' }).click();
  await expect(view).toHaveAccessibleName('CVE 3 unread');

  // Chosen again from another view, it lists the same: saved from Unread, its unread ones.
  await sidebar(page).getByRole('button', { name: /^All/ }).click();
  await view.click();
  await expect(page.locator('.list-scroller')).toHaveAttribute('aria-label', 'CVE: 3 articles');

  // Edited: a new name, read ones too, kept to one feed, the preview counting as the filter changes.
  await titleRow(page).getByRole('button', { name: 'Edit view CVE' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit CVE' });
  await expect(edit.getByRole('combobox', { name: 'Articles' })).toHaveValue('unread');
  await expect(edit.getByRole('status')).toHaveText('3 articles match now');
  await edit.getByLabel('Name').fill('Vulnerabilities');
  await edit.getByRole('combobox', { name: 'Articles' }).selectOption({ label: 'All' });
  await expect(edit.getByRole('status')).toHaveText('4 articles match now');
  await edit.getByRole('group', { name: 'Feeds' }).getByLabel('Security Notes').check();
  await expect(edit.getByRole('status')).toHaveText('3 articles match now');
  expect(await seriousViolations(page, 'edit view dialog', '.modal')).toEqual([]);
  await reader.shot('view-editor');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  const renamed = savedViews(page).getByRole('button', { name: /^Vulnerabilities/ });
  await expect(renamed).toHaveAccessibleName('Vulnerabilities 2 unread');
  await expect(page.getByRole('heading', { level: 1, name: 'Vulnerabilities' })).toBeVisible();
  await expect(page.locator('.list-scroller')).toHaveAttribute('aria-label', 'Vulnerabilities: 3 articles');
  expect((await titles(page)).sort()).toEqual([
    'CVE-2024-0001 in OpenSSL',
    'CVE-2024-0002 in curl',
    'CVE-2024-0003 in glibc',
  ]);
  await reader.shot('saved-view');
});

test('views move by keyboard, keep their order after a reload, and go when deleted', async ({ reader }) => {
  const page = await reader.open();
  for (const words of ['CVE', 'Release']) {
    await sidebar(page).getByRole('button', { name: /^All/ }).click();
    await search(page).fill(words);
    await expect(page.locator('.search-summary')).toContainText(`for “${words}”`);
    await page.getByRole('button', { name: 'Save as view' }).click();
    await page.getByRole('dialog', { name: 'New saved view' }).getByRole('button', { name: 'Save' }).click();
    await expect(savedViews(page).getByRole('button', { name: new RegExp(`^${words}`) })).toBeVisible();
  }
  const names = () => savedViews(page).locator('.nav-label').allTextContents();
  expect(await names()).toEqual(['CVE', 'Release']);

  // The chosen view is the sidebar's Tab stop; Alt+Up moves it, the focus staying on it.
  const release = savedViews(page).getByRole('button', { name: /^Release/ });
  await expect(release).toHaveAttribute('tabindex', '0');
  await release.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(names).toEqual(['Release', 'CVE']);
  await expect(release).toBeFocused();
  // Up and Down still walk the sidebar's items, saved views among them.
  await page.keyboard.press('ArrowDown');
  await expect(savedViews(page).getByRole('button', { name: /^CVE/ })).toBeFocused();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(names).toEqual(['CVE', 'Release']);
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(names).toEqual(['Release', 'CVE']);

  await page.reload();
  await expect.poll(names).toEqual(['Release', 'CVE']);

  // Deleted from the list's title row (the keyboard's way to the row's buttons), after a question.
  await savedViews(page).getByRole('button', { name: /^CVE/ }).click();
  await titleRow(page).getByRole('button', { name: 'Delete view CVE' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete saved view?' });
  await expect(confirm).toContainText('“CVE”');
  await confirm.getByRole('button', { name: 'Delete view' }).click();
  await expect.poll(names).toEqual(['Release']);
  await expect(page.getByRole('heading', { level: 1, name: 'Unread' })).toBeVisible();
  await page.reload();
  await expect.poll(names).toEqual(['Release']);
});
