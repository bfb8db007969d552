/**
 * The media player, as a listener uses it: an episode shows its length and artwork before
 * anything loads and its host is not asked until play; playback goes on in the mini player
 * while the user reads on; speed and place are kept across a reload; a video plays in the
 * article and goes on in the mini player. A YouTube entry asks YouTube for nothing until
 * the click (its player is routed to a stub: this machine has no internet).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { fixturesDir } from '../support/fixtures.js';
import { expect, test, type Reader } from './fixtures.js';

const MEDIA = join(fixturesDir, 'media');
const EPISODE = '/media/episode.opus';
const CLIP = '/media/clip.webm';

/** Serves a file with byte ranges, as podcast hosts do: a player seeks with them. */
function serveMedia(reader: Reader, path: string, file: string, type: string): void {
  const body = readFileSync(join(MEDIA, file));
  reader.feeds.handle(path, (req, res) => {
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    const start = range ? Number(range[1]) : 0;
    const end = range?.[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
    const headers = { 'content-type': type, 'accept-ranges': 'bytes', 'content-length': String(end - start + 1) };
    if (range) res.writeHead(206, { ...headers, 'content-range': `bytes ${start}-${end}/${body.length}` });
    else res.writeHead(200, headers);
    res.end(body.subarray(start, end + 1));
  });
}

/** The podcast fixture on the loopback server (its host rewritten to it), subscribed, the reader open on it. */
async function openPodcast(reader: Reader): Promise<Page> {
  const feed = readFileSync(join(MEDIA, 'loopback-radio.rss'), 'utf8').replaceAll(
    'https://podcast.example',
    reader.feeds.origin,
  );
  reader.feeds.serve('/media/loopback-radio.rss', { body: feed, contentType: 'application/rss+xml' });
  serveMedia(reader, EPISODE, 'episode.opus', 'audio/ogg');
  serveMedia(reader, CLIP, 'clip.webm', 'video/webm');
  reader.feeds.serve('/media/cover.png', { body: readFileSync(join(MEDIA, 'cover.png')), contentType: 'image/png' });
  await reader.cli(['add', reader.feeds.url('/media/loopback-radio.rss')]);
  const page = await reader.open();
  await showFeed(page);
  return page;
}

/** The podcast's own list (read episodes included, unlike the Unread view). */
async function showFeed(page: Page): Promise<void> {
  await page
    .getByRole('list', { name: 'Feeds' })
    .getByRole('button', { name: /^Loopback Radio/ })
    .click();
  await expect(page.locator('.article-row')).toHaveCount(3);
}

async function openEpisode(page: Page, title: RegExp): Promise<void> {
  await page.locator('.article-row', { hasText: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

const requestsFor = (reader: Reader, path: string) => reader.feeds.requests.filter((r) => r.path === path).length;

/** The seconds an "m:ss" or "h:mm:ss" label shows. */
async function shownSeconds(label: Locator): Promise<number> {
  const text = (await label.textContent()) ?? '';
  return text.split(':').reduce((total, part) => total * 60 + Number(part), 0);
}

const miniPlayer = (page: Page) => page.getByRole('region', { name: 'Now playing' });
const mediaElement = (page: Page) => page.locator('video.player-media');

test('an episode shows its length and artwork before play, and its host is not asked for it', async ({ reader }) => {
  const page = await openPodcast(reader);
  await openEpisode(page, /Episode 2/);
  const episode = page.getByRole('region', { name: 'Episode' });
  await expect(episode.locator('.duration')).toHaveText('1:30');
  await expect(episode.getByRole('button', { name: 'Play the episode' })).toBeVisible();
  const art = episode.locator('.episode-art img');
  await expect(art).toBeVisible();
  // The artwork has loaded: whatever the page asked for by now, it asked.
  await expect.poll(() => art.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  await expect(miniPlayer(page)).toBeHidden();
  expect(requestsFor(reader, EPISODE)).toBe(0);
  await expect(mediaElement(page)).toHaveAttribute('preload', 'none');
  await reader.shot('episode-before-play');
});

test('plays on in the mini player while reading on; speed, keys and place are kept', async ({ reader }) => {
  const page = await openPodcast(reader);
  await openEpisode(page, /Episode 2/);
  await page.getByRole('region', { name: 'Episode' }).getByRole('button', { name: 'Play the episode' }).click();
  await reader.feeds.requested(EPISODE);
  const mini = miniPlayer(page);
  await expect(mini).toBeVisible();
  await expect(mini.getByRole('button', { name: 'Episode 2: Ninety seconds of silence' })).toBeVisible();
  const elapsed = mini.locator('.elapsed');
  await expect.poll(() => shownSeconds(elapsed)).toBeGreaterThanOrEqual(2);

  // Another article: the episode goes on, its time still moving.
  await openEpisode(page, /Episode 1/);
  await expect(mini).toBeVisible();
  const before = await shownSeconds(elapsed);
  await expect.poll(() => shownSeconds(elapsed)).toBeGreaterThan(before);
  // This article's own episode waits for its own play.
  await expect(
    page.getByRole('region', { name: 'Episode' }).getByRole('button', { name: 'Play the episode' }),
  ).toBeVisible();

  await mini.getByLabel('Playback speed').selectOption('1.5');
  await expect.poll(() => mediaElement(page).evaluate((m: HTMLMediaElement) => m.playbackRate)).toBe(1.5);
  await reader.shot('mini-player');

  // k in the player pauses it (and is not the app's "previous article").
  await mini.getByRole('button', { name: 'Skip forward 30 seconds' }).focus();
  await page.keyboard.press('k');
  await expect(mini.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: /Episode 1/ })).toBeVisible();
  await expect.poll(() => mediaElement(page).evaluate((m: HTMLMediaElement) => m.paused)).toBe(true);

  // The slider moves by 5 s with an arrow key.
  const paused = await shownSeconds(elapsed);
  await mini.getByRole('slider', { name: 'Position' }).press('ArrowRight');
  await expect.poll(() => shownSeconds(elapsed)).toBeGreaterThanOrEqual(paused + 5);
  const left = await shownSeconds(elapsed);

  // The title opens the episode's article, whose player drives the same playback.
  await mini.getByRole('button', { name: 'Episode 2: Ninety seconds of silence' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Episode 2/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Episode' }).locator('.elapsed')).toHaveText(await elapsed.innerText());
  await expect(
    page.getByRole('region', { name: 'Episode' }).getByRole('button', { name: 'Play', exact: true }),
  ).toBeVisible();

  // A reload: Episode 2 resumes where it was left, at the speed chosen.
  await page.reload();
  await page.locator('.sidebar').waitFor();
  await showFeed(page);
  await openEpisode(page, /Episode 2/);
  const resume = page
    .getByRole('region', { name: 'Episode' })
    .getByRole('button', { name: /^Resume the episode from/ });
  await expect(resume).toBeVisible();
  await resume.click();
  await expect(miniPlayer(page)).toBeVisible();
  await expect(miniPlayer(page).getByLabel('Playback speed')).toHaveValue('1.5');
  await expect
    .poll(() => mediaElement(page).evaluate((m: HTMLMediaElement) => (m.paused ? -1 : m.currentTime)))
    .toBeGreaterThanOrEqual(left);
  // Space in the player pauses, as k does.
  await miniPlayer(page).getByRole('slider', { name: 'Position' }).press(' ');
  await expect.poll(() => mediaElement(page).evaluate((m: HTMLMediaElement) => m.paused)).toBe(true);

  await miniPlayer(page).getByRole('button', { name: 'Close player' }).click();
  await expect(miniPlayer(page)).toBeHidden();
});

test('a video plays in its article, and goes on small in the mini player after', async ({ reader }) => {
  const page = await openPodcast(reader);
  await openEpisode(page, /Episode 3/);
  const video = page.getByRole('region', { name: 'Video' });
  await expect(video.locator('.duration')).toHaveText('0:30');
  await expect(video.locator('.video-poster img')).toBeVisible();
  expect(requestsFor(reader, CLIP)).toBe(0);

  await video.getByRole('button', { name: 'Play the video' }).click();
  await expect(video.locator('.video-slot video.player-media')).toBeAttached();
  await expect.poll(() => mediaElement(page).evaluate((m: HTMLMediaElement) => m.currentTime)).toBeGreaterThan(0.5);
  await reader.shot('video-in-article');

  await openEpisode(page, /Episode 2/);
  await expect(miniPlayer(page).locator('.mini-video video.player-media')).toBeVisible();
  const at = await mediaElement(page).evaluate((m: HTMLMediaElement) => m.currentTime);
  await expect.poll(() => mediaElement(page).evaluate((m: HTMLMediaElement) => m.currentTime)).toBeGreaterThan(at);
  expect(await mediaElement(page).evaluate((m: HTMLMediaElement) => m.paused)).toBe(false);
  // Back to its article: the same element returns to the article's slot, still playing.
  await openEpisode(page, /Episode 3/);
  await expect(page.locator('.video-slot video.player-media')).toBeAttached();
  expect(await mediaElement(page).evaluate((m: HTMLMediaElement) => m.paused)).toBe(false);
});

test('a YouTube entry shows its thumbnail and asks YouTube for nothing before the click', async ({ reader, mode }) => {
  test.skip(
    mode === 'electron',
    "the desktop shell's will-frame-navigate guard lets no frame but the article's load; the embed needs it opened (electron/shell/main-window.ts)",
  );
  await reader.cli(['add', reader.feeds.url('/feeds/youtube.atom')]);
  const page = await reader.open();
  const youtube: string[] = [];
  page.on('request', (request) => {
    if (/^https:\/\/([\w-]+\.)?(youtube|youtube-nocookie)\.com\//.test(request.url())) youtube.push(request.url());
  });
  // The thumbnails' host (no offline copy here: no internet) and the player, both stubbed.
  const cover = readFileSync(join(MEDIA, 'cover.png'));
  await page.route('https://i.ytimg.com/**', (route) => route.fulfill({ body: cover, contentType: 'image/png' }));
  await page.route('https://www.youtube-nocookie.com/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Player</title><p>Stub player</p>' }),
  );

  await page.locator('.article-row', { hasText: 'Dopesick' }).click();
  const start = page.getByRole('button', { name: /^Play the video: A Conversation With Rosario Dawson/ });
  await expect(start).toBeVisible();
  await expect
    .poll(() => start.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBeGreaterThan(0);
  await expect(page.getByRole('link', { name: 'Open in browser' })).toHaveAttribute(
    'href',
    'https://www.youtube.com/watch?v=0EwpNUvyot8',
  );
  await expect(page.locator('iframe.youtube-frame')).toHaveCount(0);
  expect(youtube).toEqual([]);

  await start.click();
  const frame = page.locator('iframe.youtube-frame');
  await expect(frame).toHaveAttribute('src', 'https://www.youtube-nocookie.com/embed/0EwpNUvyot8?autoplay=1');
  await expect(frame).toHaveAttribute('sandbox', 'allow-scripts allow-same-origin allow-presentation allow-popups');
  await expect(frame).toHaveAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
  await expect(page.frameLocator('iframe.youtube-frame').getByText('Stub player')).toBeVisible();
  expect(youtube).toEqual(['https://www.youtube-nocookie.com/embed/0EwpNUvyot8?autoplay=1']);
});
