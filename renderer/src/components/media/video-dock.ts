/**
 * Where the one media element sits in the page. A video shows in the article pane's slot
 * while its article is open, and small in the mini player otherwise; an audio track's
 * element stays, hidden, in the mini player. The element is moved, never made again:
 * moving keeps it playing (a media element pauses only when it stays out of the document),
 * and a new element would ask the media's host for it all over again.
 */

const SLOT = 'data-video-slot';
const HOME = 'data-video-home';

/** The attribute that marks an article pane's video slot. */
export function slotAttribute(articleId: number): Record<string, string> {
  return { [SLOT]: String(articleId) };
}

/** The attribute that marks the mini player's place for the element. */
export const homeAttribute: Record<string, string> = { [HOME]: '' };

/** Puts the element in this article's slot when the pane shows one, else in the mini player. */
export function placeMedia(media: HTMLMediaElement, slotArticle: number | null): void {
  const slot = slotArticle != null ? document.querySelector(`[${SLOT}="${slotArticle}"]`) : null;
  const target = slot ?? document.querySelector(`[${HOME}]`);
  if (target && media.parentElement !== target) target.append(media);
}

/**
 * Takes the element out of a slot about to be removed, into the mini player, before React
 * removes the slot: it then never leaves the document, and so never pauses.
 */
export function rescueMedia(slot: HTMLElement): void {
  const home = document.querySelector(`[${HOME}]`);
  if (!home) return;
  for (const media of slot.querySelectorAll('video, audio')) home.append(media);
}
