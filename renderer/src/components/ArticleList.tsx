/**
 * Middle pane: the article list of the current view, virtualised (only the rows on screen
 * exist in the DOM) and loaded a page at a time as the user scrolls. It draws the view's
 * layout (compact rows, cards, or a magazine's rows of tiles), day headings when grouped,
 * a search's count and matches, and marks what is scrolled past when asked to.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { forwardRef, useEffect, useImperativeHandle, useMemo, useRef } from 'react';
import { t } from '../i18n/translate.js';
import { loadList, loadMore } from '../state/actions/list.js';
import { setSearch } from '../state/actions/selection.js';
import { layoutOf, rowEstimate, TILE_GAP, tileColumns } from '../state/list-layout.js';
import { planRows } from '../state/list-rows.js';
import { rowTerms } from '../state/list-search.js';
import { feedById, scopeTitle } from '../state/selectors.js';
import { useStore } from '../state/store.js';
import { EmptyList } from './EmptyList.js';
import { FeedProblem } from './FeedProblem.js';
import { ArticleRow } from './list/ArticleRow.js';
import { DayHeading } from './list/DayHeading.js';
import { ListToolbar } from './list/ListToolbar.js';
import { RowMenu } from './list/RowMenu.js';
import { SearchHeader } from './list/SearchHeader.js';
import { useDayReader } from './list/use-day-reader.js';
import { useMarkOnScroll } from './list/use-mark-on-scroll.js';
import { useWidth } from './list/use-width.js';
import '../styles/list.css';

export interface ArticleListHandle {
  focusSearch(): void;
}

const DAY_HEADING_ESTIMATE = 32;

export const ArticleList = forwardRef<ArticleListHandle>(function ArticleList(_props, ref) {
  const items = useStore((s) => s.articles.items);
  const loading = useStore((s) => s.articles.loading);
  const error = useStore((s) => s.articles.error);
  const stale = useStore((s) => s.articles.stale);
  const next = useStore((s) => s.articles.next);
  const generation = useStore((s) => s.articles.generation);
  const count = useStore((s) => s.articles.count);
  const indexing = useStore((s) => s.articles.indexing);
  const selectedId = useStore((s) => s.selection.articleId);
  const scope = useStore((s) => s.selection.scope);
  const search = useStore((s) => s.selection.search.trim());
  const settings = useStore((s) => s.ui.settings);
  const title = useStore((s) => scopeTitle(s));
  const feeds = useStore(feedById);
  const searchInput = useRef<HTMLInputElement>(null);
  const scroller = useRef<HTMLDivElement>(null);

  useImperativeHandle(ref, () => ({ focusSearch: () => searchInput.current?.focus() }));

  const layout = layoutOf(settings, scope);
  const width = useWidth(scroller);
  const columns = layout === 'magazine' ? tileColumns(width) : 1;
  const dayOf = useDayReader(settings.groupByDay);
  const { rows, rowOfItem } = useMemo(() => planRows(items, { columns, dayOf }), [items, columns, dayOf]);
  const terms = useMemo(() => (search ? rowTerms(search) : null), [search]);
  const estimate = rowEstimate(layout, width, columns);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (index) => (rows[index]!.kind === 'day' ? DAY_HEADING_ESTIMATE : estimate),
    overscan: layout === 'magazine' ? 3 : 8,
    // The layout is in the key: a row measured as a card is not taken for a compact one.
    getItemKey: (index) => `${layout}:${rows[index]!.key}`,
  });

  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [generation, virtualizer]);
  // After the jump to the top above: the mark-on-scroll baseline is where that left the list.
  useMarkOnScroll({
    enabled: settings.markReadOnScroll,
    scroller,
    virtualizer,
    rows,
    items,
    restart: `${generation}:${layout}:${columns}:${settings.groupByDay}`,
  });

  // Keep the selected row on screen when j/k move it.
  useEffect(() => {
    const index = items.findIndex((a) => a.id === selectedId);
    if (index >= 0) virtualizer.scrollToIndex(rowOfItem[index]!, { align: 'auto' });
  }, [selectedId, items, rowOfItem, virtualizer]);

  const virtualRows = virtualizer.getVirtualItems();
  const last = virtualRows[virtualRows.length - 1];
  useEffect(() => {
    if (last && last.index >= rows.length - 20 && next != null && !loading) void loadMore();
  }, [last, rows.length, next, loading]);

  const setSize = next != null ? -1 : items.length;
  const row = (index: number) => {
    const article = items[index]!;
    return (
      <ArticleRow
        key={article.id}
        article={article}
        feed={feeds.get(article.feedId)}
        selected={article.id === selectedId}
        layout={layout}
        terms={terms}
        position={index + 1}
        setSize={setSize}
      />
    );
  };

  return (
    <section className="list-pane" aria-label={t('list.label')}>
      <ListToolbar ref={searchInput} />
      {search && (
        <SearchHeader
          search={search}
          count={count}
          indexing={indexing}
          onClear={() => {
            setSearch('');
            searchInput.current?.focus();
          }}
        />
      )}
      {scope.kind === 'feed' && <FeedProblem feedId={scope.feedId} />}
      {stale && (
        <button type="button" className="stale-banner" onClick={() => void loadList()}>
          {t('list.stale')}
        </button>
      )}
      {items.length === 0 && !loading && <EmptyList error={error} />}
      {/* A listbox only when it has options: an empty one is announced as broken. */}
      <div
        className={`list-scroller list-${layout}`}
        id="article-list"
        ref={scroller}
        role={items.length ? 'listbox' : undefined}
        aria-label={
          items.length
            ? t(next != null ? 'list.listbox.more' : 'list.listbox', { title, count: items.length })
            : undefined
        }
        aria-activedescendant={selectedId != null && items.length ? `article-${selectedId}` : undefined}
        tabIndex={items.length ? 0 : -1}
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualRows.map((virtual) => {
            const planned = rows[virtual.index]!;
            return (
              <div
                key={virtual.key}
                data-index={virtual.index}
                ref={virtualizer.measureElement}
                className={planned.kind === 'day' ? 'row-slot day-slot' : 'row-slot'}
                style={{ transform: `translateY(${virtual.start}px)` }}
              >
                {planned.kind === 'day' ? (
                  <DayHeading label={planned.label} />
                ) : layout === 'magazine' ? (
                  <div
                    className="tile-row"
                    style={{ gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gap: TILE_GAP }}
                  >
                    {planned.indexes.map(row)}
                  </div>
                ) : (
                  row(planned.indexes[0]!)
                )}
              </div>
            );
          })}
        </div>
        {loading && <p className="list-loading">{t('common.loading')}</p>}
      </div>
      <RowMenu onReturn={() => scroller.current?.focus()} />
    </section>
  );
});
