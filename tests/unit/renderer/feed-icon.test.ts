/**
 * The sidebar's feed icon never makes the window ask a site for anything: it shows the
 * offline cache's copy, else the feed's letter. (The engine fetches icons and remembers
 * failures; a window that loaded originals asked every site again at every start.)
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createElement, type FunctionComponent } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Feed } from '../../../shared/domain.js';
import { feed } from './fixtures.js';

// JSX, which the tests' compiler settings do not read: loaded at run time (tsx compiles it).
const COMPONENT = '../../../renderer/src/components/FeedIcon.js';
const { FeedIcon } = (await import(COMPONENT)) as { FeedIcon: FunctionComponent<{ feed: Feed }> };

const render = (shown: Feed): string => renderToStaticMarkup(createElement(FeedIcon, { feed: shown }));

test("a feed with no cached icon shows its letter and names no site's address", () => {
  for (const shown of [
    feed(1, { title: 'Example', siteUrl: 'https://example.com/' }),
    feed(2, { title: 'Own image', iconUrl: 'https://cdn.example.net/logo.png' }),
  ]) {
    const html = render(shown);
    assert.doesNotMatch(html, /<img/, html);
    assert.doesNotMatch(html, /https?:/, html);
    assert.match(html, /class="feed-icon letter"[^>]*>[EO]</);
  }
});

test('a feed with a cached icon shows the copy', () => {
  const local = `/cache/images/${'a'.repeat(64)}`;
  const html = render(feed(3, { iconUrl: 'https://cdn.example.net/logo.png', cachedIcon: local }));
  assert.match(html, new RegExp(`<img class="feed-icon" src="${local}"`));
});
