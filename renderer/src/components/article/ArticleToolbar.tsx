/** The open article's actions: back (narrow windows), star, read, full article or feed text, reading settings, original. */
import { ArrowLeft, ExternalLink, FileDown, Star } from 'lucide-react';
import type { Article } from '../../../../shared/domain.js';
import { openOriginal, setRead, toggleStar } from '../../state/actions/reading.js';
import { showPane } from '../../state/actions/ui.js';
import { ReaderSettingsButton, ReaderSettingsPanel, useReaderSettingsMenu } from './ReaderSettingsMenu.js';

export function ArticleToolbar({
  article,
  showingFull,
  fetchingFull,
  onShowFull,
}: {
  article: Article;
  /** The pane shows the extracted full article (not the feed's text, nor the browser note). */
  showingFull: boolean;
  /** The full article is on its way from the site. */
  fetchingFull: boolean;
  /** Show the full article, fetched first if not kept (true), or the feed's text (false). */
  onShowFull: (full: boolean) => void;
}) {
  const menu = useReaderSettingsMenu();
  return (
    <>
      <div className="article-toolbar" role="toolbar" aria-label="Article actions">
        {/* Shown only when one pane fills the window (app.css). */}
        <button type="button" className="back-to-list" onClick={() => showPane('list')}>
          <ArrowLeft aria-hidden="true" className="icon-svg" />
          <span className="button-label">Articles</span>
        </button>
        <button
          type="button"
          aria-pressed={article.starred}
          onClick={() => void toggleStar(article.id)}
          title="Star (s)"
        >
          <Star aria-hidden="true" className="icon-svg" fill={article.starred ? 'currentColor' : 'none'} />
          <span className="button-label">{article.starred ? 'Starred' : 'Star'}</span>
        </button>
        <button type="button" onClick={() => void setRead(article.id, !article.read)} title="Mark read or unread (m)">
          {article.read ? 'Mark unread' : 'Mark read'}
        </button>
        {article.url &&
          (article.fullContent ? (
            <button type="button" aria-pressed={showingFull} onClick={() => onShowFull(!showingFull)}>
              {showingFull ? 'Show feed text' : 'Show full article'}
            </button>
          ) : (
            <button
              type="button"
              disabled={fetchingFull}
              title="Fetch the whole article from the site and keep it for offline reading"
              onClick={() => onShowFull(true)}
            >
              <FileDown aria-hidden="true" className="icon-svg" />
              <span className="button-label">{fetchingFull ? 'Fetching…' : 'Full article'}</span>
            </button>
          ))}
        <ReaderSettingsButton menu={menu} />
        {article.url && (
          <button type="button" onClick={() => openOriginal()} title="Open the original (o)">
            <ExternalLink aria-hidden="true" className="icon-svg" />
            <span className="button-label">Open original</span>
          </button>
        )}
      </div>
      <ReaderSettingsPanel menu={menu} />
    </>
  );
}
