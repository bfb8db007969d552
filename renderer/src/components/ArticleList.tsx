/**
 * Middle pane: the article list of the current view, virtualised (only the rows on screen
 * exist in the DOM) and loaded a page at a time as the user scrolls.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { CheckCheck, PanelLeft, Star } from 'lucide-react';
import type { ArticleSummary, Feed } from '../../../shared/domain.js';
import { shortDate } from '../format.js';
import { loadList, loadMore } from '../state/actions/list.js';
import { markAllRead, openArticle, toggleStar } from '../state/actions/reading.js';
import { setSearch, setUnreadOnly } from '../state/actions/selection.js';
import { showPane } from '../state/actions/ui.js';
import { canFilterUnread, feedById, feedTitle, scopeTitle } from '../state/selectors.js';
import { useStore } from '../state/store.js';
import { EmptyList } from './EmptyList.js';
import { ScopeActions } from './ScopeActions.js';
import { FeedProblem } from './FeedProblem.js';

export interface ArticleListHandle {
  focusSearch(): void;
}

const ROW_ESTIMATE = 92;

export const ArticleList = forwardRef<ArticleListHandle>(function ArticleList(_props, ref) {
  const items = useStore((s) => s.articles.items);
  const loading = useStore((s) => s.articles.loading);
  const error = useStore((s) => s.articles.error);
  const stale = useStore((s) => s.articles.stale);
  const next = useStore((s) => s.articles.next);
  const generation = useStore((s) => s.articles.generation);
  const selectedId = useStore((s) => s.selection.articleId);
  const scope = useStore((s) => s.selection.scope);
  const unreadOnly = useStore((s) => s.selection.unreadOnly);
  const search = useStore((s) => s.selection.search);
  const sidebarShown = useStore((s) => s.ui.front === 'sidebar');
  const title = useStore((s) => scopeTitle(s));
  const feeds = useStore(feedById);
  const searchInput = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState(search);

  useImperativeHandle(ref, () => ({ focusSearch: () => searchInput.current?.focus() }));
  useEffect(() => {
    setDraft(search);
  }, [search]);
  // Search as the user types, after a short pause.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(draft), 250);
    return () => clearTimeout(timer);
  }, [draft]);

  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    getItemKey: (index) => items[index]!.id,
  });

  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [generation, virtualizer]);

  // Keep the selected row on screen when j/k move it.
  useEffect(() => {
    const index = items.findIndex((a) => a.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [selectedId, items, virtualizer]);

  const virtualItems = virtualizer.getVirtualItems();
  const last = virtualItems[virtualItems.length - 1];
  useEffect(() => {
    if (last && last.index >= items.length - 20 && next != null && !loading) void loadMore();
  }, [last, items.length, next, loading]);

  return (
    <section className="list-pane" aria-label="Articles">
      <header className="list-toolbar">
        <div className="title-row">
          {/* Shown only when the window is too narrow for the sidebar (app.css). */}
          <button
            type="button"
            className="icon sidebar-toggle"
            aria-label="Feeds and views"
            aria-expanded={sidebarShown}
            onClick={() => showPane(sidebarShown ? 'list' : 'sidebar')}
          >
            <PanelLeft aria-hidden="true" className="icon-svg" />
          </button>
          <h1 className="view-title">{title}</h1>
          <ScopeActions />
        </div>
        <div className="toolbar-row">
          <input
            ref={searchInput}
            type="search"
            className="search"
            placeholder="Search (/)"
            aria-label="Search articles"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') setSearch(draft);
            }}
          />
          {canFilterUnread(scope) && (
            <label className="toggle">
              <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} />
              Unread only
            </label>
          )}
          <button type="button" onClick={() => void markAllRead()} title="Mark all read (Shift+A)">
            <CheckCheck aria-hidden="true" className="icon-svg" />
            <span className="button-label">Mark all read</span>
          </button>
        </div>
      </header>
      {scope.kind === 'feed' && <FeedProblem feedId={scope.feedId} />}
      {stale && (
        <button type="button" className="stale-banner" onClick={() => void loadList()}>
          New articles — show them
        </button>
      )}
      {items.length === 0 && !loading && <EmptyList error={error} />}
      {/* A listbox only when it has options: an empty one is announced as broken. */}
      <div
        className="list-scroller"
        id="article-list"
        ref={scroller}
        role={items.length ? 'listbox' : undefined}
        aria-label={items.length ? `${title}: ${items.length}${next != null ? '+' : ''} articles` : undefined}
        aria-activedescendant={selectedId != null && items.length ? `article-${selectedId}` : undefined}
        tabIndex={items.length ? 0 : -1}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((row) => {
            const article = items[row.index]!;
            return (
              <div
                key={row.key}
                data-index={row.index}
                ref={virtualizer.measureElement}
                className="row-slot"
                style={{ transform: `translateY(${row.start}px)` }}
              >
                <ArticleRow article={article} feed={feeds.get(article.feedId)} selected={article.id === selectedId} />
              </div>
            );
          })}
        </div>
        {loading && <p className="list-loading">Loading…</p>}
      </div>
    </section>
  );
});

function ArticleRow({
  article,
  feed,
  selected,
}: {
  article: ArticleSummary;
  feed: Feed | undefined;
  selected: boolean;
}) {
  return (
    <div
      id={`article-${article.id}`}
      role="option"
      aria-selected={selected}
      className={`article-row${selected ? ' selected' : ''}${article.read ? ' read' : ''}`}
      onClick={() => {
        // In a narrow window the article takes the screen; j and k keep the list in front.
        showPane('article');
        void openArticle(article.id);
      }}
    >
      <span
        className={`unread-dot${article.read ? '' : ' on'}`}
        aria-label={article.read ? 'Read' : 'Unread'}
        role="img"
      />
      <div className="row-main">
        <div className="row-title">{article.title ?? '(untitled)'}</div>
        <div className="row-meta">
          <span className="row-feed">{feedTitle(feed)}</span>
          {article.author && <span className="row-author"> · {article.author}</span>}
          {article.duplicateCount > 0 && (
            <span className="row-dups" title="The same post is in other feeds">
              {' '}
              · also in {article.duplicateCount} other feed{article.duplicateCount > 1 ? 's' : ''}
            </span>
          )}
          <time className="row-date" dateTime={new Date(article.publishedAt).toISOString()}>
            {shortDate(article.publishedAt)}
          </time>
        </div>
        {article.snippet && <div className="row-snippet">{article.snippet}</div>}
      </div>
      {/* Not a button: an option may hold no control (screen readers would skip it). The
          mouse stars here; the keyboard with s; the state is in the option's text. */}
      <span
        className={`star${article.starred ? ' on' : ''}`}
        title={article.starred ? 'Unstar (s)' : 'Star (s)'}
        onClick={(e) => {
          e.stopPropagation();
          void toggleStar(article.id);
        }}
      >
        <Star aria-hidden="true" className="icon-svg" fill={article.starred ? 'currentColor' : 'none'} />
        {article.starred && <span className="visually-hidden">Starred</span>}
      </span>
    </div>
  );
}
