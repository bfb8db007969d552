/**
 * Desktop notifications in browser mode: with the browser's permission, a feed (or a tag)
 * set to notify brings one Web Notification per refresh ("2 new in …", the newest title),
 * none for the feed's first articles and none in Do not disturb; clicking it opens the
 * article. window.Notification is wrapped by an init script that records each one made.
 */
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.js';
import { expect, test, type Reader } from './fixtures.js';
import { serveTitles } from './serve-titles.js';

interface Recorded {
  title: string;
  body: string | undefined;
}

declare global {
  interface Window {
    __notices?: { title: string; body: string | undefined; notice: { onclick: (() => void) | null } }[];
  }
}

/** Wraps window.Notification (before the app's script runs): every notification made is recorded, clickable. */
async function recordNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const Real = window.Notification;
    const made: NonNullable<Window['__notices']> = [];
    window.__notices = made;
    class Recording extends EventTarget {
      onclick: (() => void) | null = null;
      private real: Notification | null = null;
      constructor(title: string, options?: NotificationOptions) {
        super();
        made.push({ title, body: options?.body, notice: this });
        try {
          this.real = new Real(title, options);
        } catch {
          // A browser without a notification service still records the call.
        }
      }
      close(): void {
        this.real?.close();
      }
      static get permission(): NotificationPermission {
        return Real.permission;
      }
      static requestPermission(): Promise<NotificationPermission> {
        return Real.requestPermission();
      }
    }
    Object.defineProperty(window, 'Notification', { value: Recording, configurable: true, writable: true });
  });
}

const recorded = (page: Page): Promise<Recorded[]> =>
  page.evaluate(() => (window.__notices ?? []).map(({ title, body }) => ({ title, body })));

const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Feeds and views' });

/** Refreshes every feed from the sidebar and waits until it is over. */
async function refreshAll(page: Page): Promise<void> {
  const button = sidebar(page).getByRole('button', { name: 'Refresh all feeds' });
  await button.click();
  await expect(button).toBeEnabled();
}

async function openReader(reader: Reader): Promise<Page> {
  const page = await reader.open();
  await page.context().grantPermissions(['notifications'], { origin: new URL(page.url()).origin });
  await recordNotifications(page);
  await page.reload();
  await page.locator('.sidebar').waitFor();
  return page;
}

const FIRST = ['Old news 3', 'Old news 2', 'Old news 1'];

test('a feed set to notify: one notification for new articles, opening the newest; none in Do not disturb', async ({
  reader,
}) => {
  await reader.cli(['add', serveTitles(reader, '/watch.rss', 'Watched Feed', FIRST)]);
  await reader.cli(['add', serveTitles(reader, '/quiet.rss', 'Quiet Feed', ['Quiet 1'])]);
  const page = await openReader(reader);

  // The settings say the browser allows them; Do not disturb is off.
  await sidebar(page).getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings.getByRole('region', { name: 'Notifications' })).toContainText(
    'This browser shows Syndic’s notifications.',
  );
  await expect(settings.getByLabel('Do not disturb: no notifications at all')).not.toBeChecked();
  expect(await seriousViolations(page, 'settings', '.modal')).toEqual([]);
  await page.getByRole('heading', { name: 'Notifications' }).scrollIntoViewIfNeeded();
  await reader.shot('notification-settings');
  await settings.getByRole('button', { name: 'Done' }).click();

  // Notify on, in the feed's Edit dialog.
  await sidebar(page)
    .getByRole('button', { name: /^Watched Feed/ })
    .click();
  await page.locator('.list-toolbar').getByRole('button', { name: 'Edit Watched Feed' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Watched Feed' });
  await edit.getByLabel('Notify me of new articles in this feed').check();
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);

  // Two new articles in the watched feed, one in the other: one notification, for the watched feed.
  serveTitles(reader, '/watch.rss', 'Watched Feed', ['Fresh B', 'Fresh A', ...FIRST]);
  serveTitles(reader, '/quiet.rss', 'Quiet Feed', ['Quiet 2', 'Quiet 1']);
  await refreshAll(page);
  await expect.poll(() => recorded(page)).toEqual([{ title: '2 new in Watched Feed', body: 'Fresh B' }]);

  // Clicking it opens the newest article, in All.
  await sidebar(page)
    .getByRole('button', { name: /^Quiet Feed/ })
    .click();
  await page.evaluate(() => window.__notices![0]!.notice.onclick?.());
  await expect(page.locator('.article-header h1')).toHaveText('Fresh B');
  await expect(sidebar(page).getByRole('button', { name: /^All/ })).toHaveAttribute('aria-current', 'page');

  // Do not disturb: new articles, no notification.
  await sidebar(page).getByRole('button', { name: 'Settings', exact: true }).click();
  const doNotDisturb = page
    .getByRole('dialog', { name: 'Settings' })
    .getByLabel('Do not disturb: no notifications at all');
  // The switch shows the saved setting: checked once the engine has it.
  await doNotDisturb.click();
  await expect(doNotDisturb).toBeChecked();
  await page.getByRole('dialog', { name: 'Settings' }).getByRole('button', { name: 'Done' }).click();
  serveTitles(reader, '/watch.rss', 'Watched Feed', ['Fresh C', 'Fresh B', 'Fresh A', ...FIRST]);
  await refreshAll(page);
  await sidebar(page)
    .getByRole('button', { name: /^Watched Feed/ })
    .click();
  await expect(page.locator('.article-row .row-title').first()).toHaveText('Fresh C');
  expect(await recorded(page)).toHaveLength(1);
});

test("a tag set to notify from its menu: new articles in its feeds, and never a feed's first ones", async ({
  reader,
}) => {
  await reader.cli(['add', serveTitles(reader, '/tagged.rss', 'Tagged Feed', FIRST), '--tag', 'Security']);
  const page = await openReader(reader);
  const bell = sidebar(page).getByRole('button', { name: 'Notify me of new articles in Security' });
  await expect(bell).toHaveAttribute('aria-pressed', 'false');
  await bell.click();
  await expect(bell).toHaveAttribute('aria-pressed', 'true');

  // A feed added now brings its first articles: no notification for those.
  await page.getByRole('button', { name: 'Add feed' }).click();
  const add = page.getByRole('dialog', { name: 'Add a feed' });
  await add
    .getByLabel('Feed or site address')
    .fill(serveTitles(reader, '/newcomer.rss', 'Newcomer', ['Newcomer 1', 'Newcomer 2']));
  await add.getByLabel('Tags (optional)').fill('Security');
  await add.getByLabel('Tags (optional)').press('Enter');
  await add.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(add).toHaveCount(0);

  serveTitles(reader, '/tagged.rss', 'Tagged Feed', ['Brand new', ...FIRST]);
  await refreshAll(page);
  await expect.poll(() => recorded(page)).toEqual([{ title: '1 new in Security', body: 'Brand new' }]);
});
