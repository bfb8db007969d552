/**
 * One article of the list, an option of its listbox, in the view's layout: compact (title,
 * feed and date on two lines), a card (with its snippet and picture) or a magazine tile
 * (picture on top). A search's matches are marked in the title, snippet, author and feed.
 * Memoised: scrolling re-renders the rows that move in, not every row on screen.
 */
import { Star } from 'lucide-react';
import { memo, type MouseEvent } from 'react';
import type { ArticleSummary, Feed, ListLayout } from '../../../../shared/domain.js';
import { shortDate } from '../../format.js';
import { t } from '../../i18n/translate.js';
import { openRowMenu } from '../../state/actions/list-menu.js';
import { openChosenArticle } from '../../state/actions/open-article.js';
import { openArticle, toggleStar } from '../../state/actions/reading.js';
import { showPane } from '../../state/actions/ui.js';
import type { RowTerms } from '../../state/list-search.js';
import { feedTitle } from '../../state/selectors.js';
import { Highlighted } from './Highlighted.js';
import { Thumbnail } from './Thumbnail.js';

export interface ArticleRowProps {
  article: ArticleSummary;
  feed: Feed | undefined;
  selected: boolean;
  layout: ListLayout;
  terms: RowTerms | null;
  /** Its place in the list (1-based) and the list's length (-1 while more can load), for screen readers. */
  position: number;
  setSize: number;
}

function open(id: number, clicks: number): void {
  // In a narrow window the article takes the screen; j and k keep the list in front.
  showPane('article');
  // A click chooses the article: a feed read in the browser opens it there too (j and k
  // only select). The second click of a double-click opens nothing more.
  void (clicks > 1 ? openArticle(id) : openChosenArticle(id));
}

function menu(event: MouseEvent, id: number): void {
  event.preventDefault();
  openRowMenu(id, { x: event.clientX, y: event.clientY });
}

export const ArticleRow = memo(function ArticleRow({
  article,
  feed,
  selected,
  layout,
  terms,
  position,
  setSize,
}: ArticleRowProps) {
  const classes = `article-row layout-${layout}${selected ? ' selected' : ''}${article.read ? ' read' : ''}`;
  const title = (
    <div className="row-title">
      <Highlighted text={article.title ?? t('common.untitled')} terms={terms?.title} />
    </div>
  );
  const meta = (
    <div className="row-meta">
      <span className="row-feed">
        <Highlighted text={feedTitle(feed)} terms={terms?.feed} />
      </span>
      {layout !== 'compact' && article.author && (
        <span className="row-author">
          {' · '}
          <Highlighted text={article.author} terms={terms?.author} />
        </span>
      )}
      {layout === 'cards' && article.duplicateCount > 0 && (
        <span className="row-dups" title={t('list.row.duplicates.title')}>
          {' '}
          {t('list.row.duplicates', { count: article.duplicateCount })}
        </span>
      )}
      <time className="row-date" dateTime={new Date(article.publishedAt).toISOString()}>
        {shortDate(article.publishedAt)}
      </time>
    </div>
  );
  const snippet = layout !== 'compact' && article.snippet && (
    <div className="row-snippet">
      <Highlighted text={article.snippet} terms={terms?.text} />
    </div>
  );
  const dot = (
    <span
      className={`unread-dot${article.read ? '' : ' on'}`}
      aria-label={t(article.read ? 'list.row.read' : 'list.row.unread')}
      role="img"
    />
  );
  return (
    <div
      id={`article-${article.id}`}
      role="option"
      aria-selected={selected}
      aria-posinset={position}
      aria-setsize={setSize}
      className={classes}
      onClick={(e) => open(article.id, e.detail)}
      onContextMenu={(e) => menu(e, article.id)}
    >
      {layout === 'magazine' ? (
        <>
          <Thumbnail article={article} feed={feed} placeholder />
          <div className="tile-body">
            <div className="tile-title">
              {dot}
              {title}
            </div>
            {meta}
            {snippet}
          </div>
        </>
      ) : (
        <>
          {dot}
          <div className="row-main">
            {title}
            {meta}
            {snippet}
          </div>
          {layout === 'cards' && <Thumbnail article={article} feed={feed} placeholder={false} />}
        </>
      )}
      <StarMark id={article.id} starred={article.starred} />
    </div>
  );
});

/**
 * Not a button: an option may hold no control (screen readers would skip it). The mouse
 * stars here; the keyboard with s; the state is in the option's text.
 */
function StarMark({ id, starred }: { id: number; starred: boolean }) {
  return (
    <span
      className={`star${starred ? ' on' : ''}`}
      title={t(starred ? 'list.row.unstar' : 'article.star.title')}
      onClick={(e) => {
        e.stopPropagation();
        void toggleStar(id);
      }}
    >
      <Star aria-hidden="true" className="icon-svg" fill={starred ? 'currentColor' : 'none'} />
      {starred && <span className="visually-hidden">{t('article.starred')}</span>}
    </span>
  );
}
