/**
 * How an article opens, by its feed's open mode (Edit feed: feed content, full article,
 * or the browser) and by how the reader got to it. Pure: the reading pane and the
 * actions ask here, so the rules are in one place and tested.
 */
import type { Article, FeedOpenMode } from '../../shared/domain.js';

/**
 * How the article was reached. 'chosen': the reader picked this article (a click on its
 * row, Enter or o). 'passing': the selection arrived there on the way through the list
 * (j/k, n/p, the arrows, the mini player's link).
 */
export type OpenGesture = 'chosen' | 'passing';

/**
 * Whether opening the article also opens its page in the system browser. Only a chosen
 * article of a 'browser' feed does: NetNewsWire and Reeder users walk a list with j/k to
 * skim it, and a browser tab per article passed would bury the reader's window. The
 * pane then shows a note instead of the text, and Enter (or o) opens the page, as a
 * click on the row does.
 */
export function opensInBrowser(mode: FeedOpenMode | undefined, gesture: OpenGesture, url: string | null): boolean {
  return mode === 'browser' && gesture === 'chosen' && url !== null && /^https?:\/\//i.test(url);
}

/** What the reader asked of this one article, over its feed's mode (the toolbar, the note). */
export type TextChoice = 'mode' | 'feed' | 'full';

/** What the reading pane shows. */
export type Presentation =
  /** The extracted full article, kept in the store. */
  | 'full'
  /** The feed's own content. */
  | 'feed'
  /** The full article is wanted and not kept yet: fetch it (saying so), then show it. */
  | 'fetch-full'
  /** The feed is read in the browser: a note with the way to the feed's content. */
  | 'browser-note';

export interface PresentationInput {
  mode: FeedOpenMode | undefined;
  article: Pick<Article, 'fullContent' | 'url'>;
  choice: TextChoice;
  /** Fetching the full article failed for this article: the feed's content, with the reason. */
  fullFailed: boolean;
}

export function presentationOf({ mode, article, choice, fullFailed }: PresentationInput): Presentation {
  const wantsFull = choice === 'full' || (choice === 'mode' && mode === 'full');
  if (choice === 'feed') return 'feed';
  if (wantsFull) {
    if (article.fullContent) return 'full';
    return article.url && !fullFailed ? 'fetch-full' : 'feed';
  }
  // An entry without a page to open is read here whatever its feed's mode.
  if (mode === 'browser' && article.url) return 'browser-note';
  // 'feed': the feed's content, or the full article when the feed keeps it (Edit feed's
  // "Always fetch the full article"), as before open modes existed.
  return article.fullContent ? 'full' : 'feed';
}
