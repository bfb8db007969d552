/**
 * Rules, built in the window: "title contains Sponsored, in one feed → mute", its live
 * preview, run on the stored articles after saying how many; a pattern the engine refuses
 * said on its row; the rules file out as a download and back in, a bad file refused with
 * the engine's reason.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.js';
import { expect, test } from './fixtures.js';
import { serveTitles } from './serve-titles.js';

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Feeds and views' });
const titles = (page: Page): Promise<string[]> => page.locator('.article-row .row-title').allTextContents();
const rulesDialog = (page: Page) => page.getByRole('dialog', { name: 'Rules' });

async function openRules(page: Page): Promise<void> {
  await sidebar(page).getByRole('button', { name: 'Rules…' }).click();
  await expect(rulesDialog(page)).toBeVisible();
}

/** Writes "title contains Sponsored, feed is Tech Daily → mute" in the editor and saves it. */
async function writeSponsoredRule(page: Page, check?: (editor: ReturnType<Page['getByRole']>) => Promise<void>) {
  await rulesDialog(page).getByRole('button', { name: 'New rule…' }).click();
  const editor = page.getByRole('dialog', { name: 'New rule' });
  await editor.getByLabel('Name').fill('No sponsored posts');
  await editor.getByLabel('Condition 1: what it looks at').selectOption({ label: 'Title' });
  await editor.getByLabel('Condition 1: how it compares').selectOption({ label: 'contains' });
  await editor.getByLabel('Condition 1: value').fill('Sponsored');
  await editor.getByRole('button', { name: 'Add condition' }).click();
  await editor.getByLabel('Condition 2: what it looks at').selectOption({ label: 'Feed' });
  await editor.getByLabel('Condition 2: how it compares').selectOption({ label: 'is' });
  await editor.getByLabel('Condition 2: value').fill('Tech Daily');
  await editor
    .getByLabel('Action 1', { exact: true })
    .selectOption({ label: 'Mute (read, and hidden from All and Unread)' });
  if (check) await check(editor);
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toHaveCount(0);
  await expect(rulesDialog(page).getByRole('listitem').filter({ hasText: 'No sponsored posts' })).toBeVisible();
}

test.beforeEach(async ({ reader }) => {
  await reader.cli([
    'add',
    serveTitles(reader, '/tech.rss', 'Tech Daily', [
      'Sponsored: the VPN you need',
      'Kernel 6.9 released',
      'Sponsored: cloud credits',
      'A new Rust edition',
    ]),
  ]);
  await reader.cli(['add', serveTitles(reader, '/other.rss', 'Other Blog', ['Sponsored: kept here', 'Gardening'])]);
});

test('a rule built in the editor previews its matches, and run on existing articles mutes them', async ({ reader }) => {
  const page = await reader.open();
  await sidebar(page).getByRole('button', { name: /^All/ }).click();
  await expect.poll(async () => (await titles(page)).length).toBe(6);

  await openRules(page);
  await expect(rulesDialog(page)).toContainText('No rules yet.');
  await writeSponsoredRule(page, async (editor) => {
    // The live preview: the newest articles the conditions match, not the other feed's.
    const preview = editor.getByRole('list', { name: 'Newest matching articles' });
    await expect(editor.getByRole('region', { name: 'Preview' }).getByRole('status')).toHaveText(
      '2 stored articles match',
    );
    await expect(preview.locator('.rule-preview-title')).toHaveText([
      'Sponsored: the VPN you need',
      'Sponsored: cloud credits',
    ]);
    expect(await seriousViolations(page, 'rule editor', '.modal')).toEqual([]);
    await reader.shot('rule-editor');
  });
  const row = rulesDialog(page).getByRole('listitem').filter({ hasText: 'No sponsored posts' });
  await expect(row).toContainText('Title contains “Sponsored” and Feed is “Tech Daily” → Mute');
  await expect(row.getByRole('switch', { name: 'Rule No sponsored posts on' })).toBeChecked();
  expect(await seriousViolations(page, 'rules dialog', '.modal')).toEqual([]);
  await reader.shot('rules-dialog');

  // Run on existing articles: how many first, then its actions.
  await row.getByRole('button', { name: 'Run No sponsored posts on existing articles' }).click();
  const confirm = page.getByRole('dialog', { name: 'Run “No sponsored posts” on existing articles?' });
  await expect(confirm).toContainText('It matches 2 stored articles.');
  await confirm.getByRole('button', { name: 'Run now' }).click();
  await expect(page.locator('.toast')).toContainText('2 articles matched, 2 changed');
  // Back to the Rules dialog, closed by Done.
  await rulesDialog(page).getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // The muted ones leave All; the other feed's sponsored post stays.
  await expect
    .poll(async () => (await titles(page)).sort())
    .toEqual(['A new Rust edition', 'Gardening', 'Kernel 6.9 released', 'Sponsored: kept here']);
  // Still in their feed.
  await sidebar(page)
    .getByRole('button', { name: /^Tech Daily/ })
    .click();
  await expect.poll(async () => (await titles(page)).length).toBe(4);
});

test('a pattern with a backreference is refused, and the editor says so on its row', async ({ reader }) => {
  const page = await reader.open();
  await openRules(page);
  await rulesDialog(page).getByRole('button', { name: 'New rule…' }).click();
  const editor = page.getByRole('dialog', { name: 'New rule' });
  await editor.getByLabel('Name').fill('Doubled words');
  await editor.getByLabel('Condition 1: how it compares').selectOption({ label: 'matches pattern' });
  const value = editor.getByLabel('Condition 1: value');
  await value.fill('(\\w+) \\1');
  const problem = editor.locator('.rule-line').first().getByRole('alert');
  await expect(problem).toBeVisible();
  await expect(problem).not.toBeEmpty();
  await expect(value).toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByRole('region', { name: 'Preview' }).getByRole('status')).toHaveText(
    'This rule cannot run as it is: see the condition marked.',
  );
  expect(await seriousViolations(page, 'rule editor with a problem', '.modal')).toEqual([]);
  await reader.shot('rule-problem');
  // A pattern without one is fine.
  await value.fill('^Sponsored: \\w+');
  await expect(problem).toHaveCount(0);
  await expect(value).not.toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByRole('region', { name: 'Preview' }).getByRole('status')).toHaveText(
    '3 stored articles match',
  );
});

test('the rules go out as a file and come back in; a bad file is refused with the reason', async ({ reader }) => {
  const page = await reader.open();
  await openRules(page);
  await writeSponsoredRule(page);

  const downloading = page.waitForEvent('download');
  await rulesDialog(page).getByRole('button', { name: 'Export…' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('syndic-rules.json');
  const text = readFileSync((await download.path())!, 'utf8');
  const file = JSON.parse(text) as { syndicRules: number; rules: { name: string }[] };
  expect(file.syndicRules).toBe(1);
  expect(file.rules.map((r) => r.name)).toEqual(['No sponsored posts']);

  // Deleted, after a question, then imported back from the file.
  const row = () => rulesDialog(page).getByRole('listitem').filter({ hasText: 'No sponsored posts' });
  await row().getByRole('button', { name: 'Delete rule No sponsored posts' }).click();
  await page.getByRole('dialog', { name: 'Delete rule?' }).getByRole('button', { name: 'Delete rule' }).click();
  await expect(rulesDialog(page)).toContainText('No rules yet.');
  await page
    .getByTestId('rules-input')
    .setInputFiles({ name: 'rules.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(row()).toBeVisible();
  await expect(page.locator('.toast')).toContainText('Imported 1 rule');

  // A second copy goes after the first; moved by keyboard, the focus staying on its button.
  await page
    .getByTestId('rules-input')
    .setInputFiles({ name: 'rules.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(row()).toHaveCount(2);
  const rows = rulesDialog(page).getByRole('listitem');
  await rows.nth(0).getByRole('switch').uncheck();
  await expect(rows.nth(0)).toHaveAttribute('data-enabled', 'false');
  const later = rows.nth(0).getByRole('button', { name: 'Run No sponsored posts later' });
  await later.focus();
  await page.keyboard.press('Enter');
  await expect(rows.nth(1)).toHaveAttribute('data-enabled', 'false');
  await expect(rows.nth(1).getByRole('button', { name: 'Run No sponsored posts earlier' })).toBeFocused();

  // Not a rules file: refused whole, in the engine's words.
  await page.getByTestId('rules-input').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"syndicRules": 1, "rules": [{"name": ""}]}'),
  });
  await expect(rulesDialog(page).getByRole('alert')).toContainText('That file was not imported:');
  await expect(row()).toHaveCount(2);
});
