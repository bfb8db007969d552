/**
 * The reader in a Chromium window, for the pictures: a window of a given size and colour
 * scheme that can reach loopback only, the reader opened on a view, an article opened,
 * the window settled, and the reader's own API called the way the renderer calls it.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { ReaderApi } from '../../shared/api.js';

export interface Window {
  width: number;
  height: number;
  colorScheme: 'light' | 'dark';
}

/**
 * A window of the given size. Nothing leaves the machine: whatever is not on loopback is
 * refused at once rather than left loading, which would make each picture differ.
 */
export async function newWindow(browser: Browser, { width, height, colorScheme }: Window): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort('blockedbyclient'),
  );
  return context;
}

/** Opens the reader and waits for its sidebar (hidden in a narrow window) and first rows. */
export async function openReader(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.locator('.sidebar').waitFor({ state: 'attached' });
  await page.locator('.article-row').first().waitFor();
}

/**
 * Shows a view of the sidebar (a smart view, tag or feed) by its button's name, bringing
 * the sidebar forward first where the window is too narrow to show it beside the list.
 */
export async function showView(page: Page, name: RegExp): Promise<void> {
  const sidebar = page.locator('.sidebar');
  if (!(await sidebar.isVisible())) await page.getByRole('button', { name: 'Feeds and views', exact: true }).click();
  await sidebar.getByRole('button', { name }).first().click();
  await page.locator('.article-row').first().waitFor();
}

/**
 * Opens the list's article with that title and waits for its text (or, for a video with
 * none, its play button) and its pictures.
 */
export async function openArticle(page: Page, title: RegExp, shows: 'text' | 'video' = 'text'): Promise<void> {
  await page.locator('.article-row', { hasText: title }).first().click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  if (shows === 'video') {
    await page.getByRole('button', { name: /^Play the video/ }).waitFor();
    return;
  }
  const body = page.frameLocator('iframe.article-frame').locator('body');
  await body.getByText(/\w+/).first().waitFor();
  await body.evaluate(async (element) => {
    const images = [...element.ownerDocument.images];
    await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
  });
}

/**
 * Before a picture: the pointer off the panes (no hover styles), the fonts and images
 * loaded, and two frames drawn, so what is taken is what a user sees at rest.
 */
export async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  await page.evaluate(async () => {
    await document.fonts.ready;
    await Promise.all([...document.images].map((img) => img.decode().catch(() => undefined)));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/**
 * Calls the ReaderApi as browser mode's renderer does (renderer/src/api.ts): one message
 * on a WebSocket to the page's server, whose cookie carries the token. Used for what the
 * pictures need set without going through a menu (a setting).
 */
export async function readerCall<M extends keyof ReaderApi>(
  page: Page,
  method: M,
  ...args: Parameters<ReaderApi[M]>
): Promise<Awaited<ReturnType<ReaderApi[M]>>> {
  const reply = await page.evaluate(
    ([method, args]) =>
      new Promise<{ ok: boolean; result?: unknown; error?: { message: string } }>((resolve, reject) => {
        const socket = new WebSocket(`ws://${location.host}/api`);
        socket.onerror = () => reject(new Error('The reader refused the connection'));
        socket.onopen = () => socket.send(JSON.stringify({ id: 1, method, args }));
        socket.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { id?: number };
          if (message.id !== 1) return; // an event the reader pushes to every window
          socket.close();
          resolve(message as { ok: boolean });
        };
      }),
    [method, args] as const,
  );
  if (!reply.ok) throw new Error(`${method} failed: ${reply.error?.message}`);
  return reply.result as Awaited<ReturnType<ReaderApi[M]>>;
}
