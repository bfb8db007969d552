/**
 * The README's pictures, one entry each: the window it is taken in and what is done in it
 * before the picture. Each waits for what it shows (rows, the article's text and images,
 * the player's position), never for a time.
 */
import type { Browser, Page } from '@playwright/test';
import { newWindow, openArticle, openReader, readerCall, settle, showView, type Window } from './reader-page.js';

export interface Shot {
  /** Its name in docs/screenshots/. */
  file: string;
  window: Window;
  /** Brings the open reader (at `url`, on its own copy of the demo data) to what the picture shows. */
  show(page: Page, url: string): Promise<void>;
}

/** The article of the three-pane pictures: a post with a picture. */
const ARTICLE = /People can’t read \(Equifax edition\)/;
/** A search that finds articles in four feeds, and the one of them opened. */
const SEARCH = 'encryption';
const SEARCH_OPENED = /Virginia Beach Police Want Encrypted Radios/;
/** The view shown as cards (its videos have thumbnails), and the video opened. */
const CARDS_VIEW = /^Video\b/;
const VIDEO = /Mapping the World of the Maya/;
/** The podcast episode played (then paused at a place), and the episode read meanwhile. */
const EPISODE = /Episode 2: Ninety seconds of silence/;
const READ_MEANWHILE = /Episode 1: Listener mail/;
const PAUSED_AT = 41;

const wide = (colorScheme: Window['colorScheme']): Window => ({ width: 1280, height: 800, colorScheme });

async function threePanes(page: Page): Promise<void> {
  await showView(page, /^All/);
  await openArticle(page, ARTICLE);
}

/** Episode 2 played, paused at PAUSED_AT and left in the mini player while Episode 1 is read. */
async function podcast(page: Page): Promise<void> {
  await showView(page, /^Loopback Radio/);
  await openArticle(page, EPISODE);
  await page.getByRole('region', { name: 'Episode' }).getByRole('button', { name: 'Play the episode' }).click();
  const mini = page.getByRole('region', { name: 'Now playing' });
  await mini.getByRole('button', { name: 'Pause', exact: true }).click();
  await mini.getByRole('button', { name: 'Play', exact: true }).waitFor();
  await mini.getByLabel('Position').fill(String(PAUSED_AT));
  await mini.locator('.elapsed', { hasText: `0:${PAUSED_AT}` }).waitFor();
  await openArticle(page, READ_MEANWHILE);
}

async function search(page: Page): Promise<void> {
  await showView(page, /^All/);
  await page.locator('.article-row', { hasText: ARTICLE }).waitFor();
  const box = page.getByRole('searchbox', { name: 'Search articles' });
  await box.fill(SEARCH);
  await box.press('Enter');
  // The search has answered once All's newest article (which does not match) has left the list.
  await page.locator('.article-row', { hasText: ARTICLE }).waitFor({ state: 'detached' });
  await openArticle(page, SEARCH_OPENED);
}

/**
 * The list in its cards layout, set through the reader's own API (the contract the View
 * options menu writes) rather than through the menu, then the reader opened again on it.
 */
async function cards(page: Page, url: string): Promise<void> {
  await readerCall(page, 'updateSettings', { listLayout: 'cards' });
  await openReader(page, url);
  await showView(page, CARDS_VIEW);
  await openArticle(page, VIDEO, 'video');
}

export const SHOTS: Shot[] = [
  { file: 'reader.png', window: wide('light'), show: threePanes },
  { file: 'reader-dark.png', window: wide('dark'), show: threePanes },
  // A smaller window: the sidebar folds into a drawer (closed here), then one pane at a time.
  { file: 'medium.png', window: { width: 1000, height: 800, colorScheme: 'light' }, show: threePanes },
  { file: 'narrow.png', window: { width: 700, height: 800, colorScheme: 'light' }, show: threePanes },
  { file: 'podcast.png', window: wide('light'), show: podcast },
  { file: 'search.png', window: wide('light'), show: search },
  { file: 'cards.png', window: wide('light'), show: cards },
];

/** Takes one picture in a window of its own, into `path`. */
export async function takeShot(browser: Browser, url: string, shot: Shot, path: string): Promise<void> {
  const context = await newWindow(browser, shot.window);
  try {
    const page = await context.newPage();
    await openReader(page, url);
    await shot.show(page, url);
    await settle(page);
    await page.screenshot({ path });
  } finally {
    await context.close();
  }
}
