/** The open article's actions: back (narrow windows), star, read, full article or feed text, reading settings, original. */
import { ArrowLeft, ExternalLink, FileDown, Star } from 'lucide-react';
import type { Article } from '../../../../shared/domain.js';
import { t } from '../../i18n/translate.js';
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
      <div className="article-toolbar" role="toolbar" aria-label={t('article.actions')}>
        {/* Shown only when one pane fills the window (app.css). */}
        <button type="button" className="back-to-list" onClick={() => showPane('list')}>
          <ArrowLeft aria-hidden="true" className="icon-svg" />
          <span className="button-label">{t('article.backToList')}</span>
        </button>
        <button
          type="button"
          aria-pressed={article.starred}
          onClick={() => void toggleStar(article.id)}
          title={t('article.star.title')}
        >
          <Star aria-hidden="true" className="icon-svg" fill={article.starred ? 'currentColor' : 'none'} />
          <span className="button-label">{t(article.starred ? 'article.starred' : 'article.star')}</span>
        </button>
        <button
          type="button"
          onClick={() => void setRead(article.id, !article.read)}
          title={t('article.markReadOrUnread.title')}
        >
          {t(article.read ? 'article.markUnread' : 'article.markRead')}
        </button>
        {article.url &&
          (article.fullContent ? (
            <button type="button" aria-pressed={showingFull} onClick={() => onShowFull(!showingFull)}>
              {t(showingFull ? 'article.showFeedText' : 'article.showFull')}
            </button>
          ) : (
            <button
              type="button"
              disabled={fetchingFull}
              title={t('article.fetchFull.title')}
              onClick={() => onShowFull(true)}
            >
              <FileDown aria-hidden="true" className="icon-svg" />
              <span className="button-label">{t(fetchingFull ? 'article.fetching' : 'article.fullArticle')}</span>
            </button>
          ))}
        <ReaderSettingsButton menu={menu} />
        {article.url && (
          <button type="button" onClick={() => openOriginal()} title={t('article.openOriginal.title')}>
            <ExternalLink aria-hidden="true" className="icon-svg" />
            <span className="button-label">{t('article.openOriginal')}</span>
          </button>
        )}
      </div>
      <ReaderSettingsPanel menu={menu} />
    </>
  );
}
