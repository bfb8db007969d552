/** The three panes, their splitters, the theme, and the global keyboard shortcuts. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from './i18n/translate.js';
import { handleKey } from './key-events.js';
import { useStore } from './state/store.js';
import { ArticleAnnouncer } from './components/ArticleAnnouncer.js';
import { MiniPlayer } from './components/media/MiniPlayer.js';
import { ArticleList, type ArticleListHandle } from './components/ArticleList.js';
import { ArticleView } from './components/ArticleView.js';
import { DialogHost } from './components/DialogHost.js';
import { Sidebar } from './components/Sidebar.js';
import { Splitter } from './components/Splitter.js';
import { StatusBanners } from './components/StatusBanners.js';
import { Toasts } from './components/Toasts.js';
import { showPane } from './state/actions/ui.js';
import { layoutFor, paneColumns } from './state/layout.js';
import { useWindowWidth } from './window-width.js';

function usePaneWidth(key: string, initial: number): [number, (v: number) => void] {
  const [width, setWidth] = useState(() => Number(localStorage.getItem(key)) || initial);
  const set = useCallback(
    (v: number) => {
      setWidth(v);
      localStorage.setItem(key, String(Math.round(v)));
    },
    [key],
  );
  return [width, set];
}

export function App() {
  const theme = useStore((s) => s.ui.settings.theme);
  const list = useRef<ArticleListHandle>(null);
  const [sidebar, setSidebar] = usePaneWidth('syndic.sidebar', 250);
  const [middle, setMiddle] = usePaneWidth('syndic.list', 400);
  const width = useWindowWidth();
  const layout = layoutFor(width);
  const front = useStore((s) => s.ui.front);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const onKey = useCallback((event: KeyboardEvent) => {
    if (handleKey(event, () => list.current?.focusSearch())) event.preventDefault();
  }, []);
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onKey]);

  return (
    <div className="app" data-layout={layout} data-front={front}>
      <a
        className="skip-link"
        href="#article-list"
        onClick={(e) => {
          e.preventDefault();
          showPane('list');
          document.querySelector<HTMLElement>('.list-scroller')?.focus();
        }}
      >
        {t('app.skipToList')}
      </a>
      <StatusBanners />
      <div className="panes" style={{ gridTemplateColumns: paneColumns(layout, width, sidebar, middle) }}>
        <Sidebar />
        {layout === 'wide' && (
          <Splitter label={t('app.resizeFeeds')} value={sidebar} min={160} max={480} onChange={setSidebar} />
        )}
        {layout === 'medium' && front === 'sidebar' && (
          // A click beside the drawer closes it, as in any drawer.
          <div className="drawer-backdrop" aria-hidden="true" onClick={() => showPane('list')} />
        )}
        <ArticleList ref={list} />
        {layout !== 'narrow' && (
          <Splitter label={t('app.resizeList')} value={middle} min={240} max={800} onChange={setMiddle} />
        )}
        <ArticleView onFrameKey={onKey} />
      </div>
      <MiniPlayer />
      <ArticleAnnouncer />
      <DialogHost />
      <Toasts />
    </div>
  );
}
