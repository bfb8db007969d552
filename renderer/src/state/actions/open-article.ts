/**
 * Opening an article the way its feed asks (Edit feed, "Open articles as"): a chosen
 * article of a feed read in the browser opens there too, and the reading pane fetches
 * the full article of a feed read that way. The rules are in open-mode.ts.
 */
import type { ArticleId } from '../../../../shared/domain.js';
import { api } from '../../api.js';
import { t } from '../../i18n/translate.js';
import { opensInBrowser } from '../../open-mode.js';
import { getState, update } from '../store.js';
import { openArticle } from './reading.js';
import { errorMessage } from './toasts.js';

/**
 * Opens an address in the system browser: the same way as "Open original" (a new window
 * the desktop app hands to the system browser, see shell/main-window.ts; a new tab in
 * browser mode). Called within the click or key press, so no popup blocker refuses it.
 */
export function openInBrowser(url: string): void {
  window.open(url, '_blank', 'noopener,noreferrer');
}

/**
 * A click on an article's row: the article opens in the pane, and an article of a feed
 * read in the browser opens there as well (j/k only select: see opensInBrowser).
 */
export async function openChosenArticle(id: ArticleId): Promise<void> {
  const { articles, feeds } = getState();
  const summary = articles.items.find((a) => a.id === id);
  const feed = summary && feeds.feeds.find((f) => f.id === summary.feedId);
  if (summary?.url && opensInBrowser(feed?.openAs, 'chosen', summary.url)) openInBrowser(summary.url);
  await openArticle(id);
}

/**
 * Fetches the full article for the reading pane of a feed read as full articles. Returns
 * null when it came (the open article then holds it), else what went wrong, which the
 * pane shows above the feed's own text.
 */
export async function fetchFullForReading(id: ArticleId): Promise<string | null> {
  try {
    const article = await api.fetchFullArticle(id);
    if (getState().selection.articleId === id) update((s) => ({ articles: { ...s.articles, open: article } }));
    return article.fullContent ? null : t('article.full.noText');
  } catch (error) {
    return errorMessage(error);
  }
}
