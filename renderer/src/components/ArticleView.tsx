/**
 * Right pane: the open article. The header is React; the body is sanitised HTML in a
 * sandboxed frame that runs no script (sandbox without allow-scripts, and a CSP of its
 * own) and so can reach nothing of the app. The frame is same-origin only so the app can
 * size it to its content and pass shortcut keys through; links open outside the app.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ArrowLeft, ExternalLink, FileDown, Star, X } from 'lucide-react';
import type { Article, Feed, Tag } from '../../../shared/domain.js';
import { articleBody, articleShell, type ReadingTheme } from '../article-document.js';
import { longDate } from '../format.js';
import { ArticleMedia } from './media/ArticleMedia.js';
import { youtubeId } from './media/youtube-id.js';
import { loadFullArticle, openOriginal, setRead, toggleStar } from '../state/actions/reading.js';
import { tagOpenArticle, untagOpenArticle } from '../state/actions/tags.js';
import { showPane } from '../state/actions/ui.js';
import { feedById, feedTitle, tagById } from '../state/selectors.js';
import { useStore } from '../state/store.js';

/**
 * The reading colours as concrete values for the article frame. The variables hold
 * light-dark() pairs, which only a rendered element resolves (to the theme in force here,
 * not the frame's), so each is read back through a probe element's computed colour.
 */
function readingTheme(): ReadingTheme {
  const probe = document.createElement('span');
  probe.hidden = true;
  document.body.appendChild(probe);
  const resolve = (name: string): string => {
    probe.style.color = `var(${name})`;
    return getComputedStyle(probe).color;
  };
  try {
    return {
      text: resolve('--reading-text'),
      background: resolve('--reading-bg'),
      link: resolve('--accent'),
      muted: resolve('--muted'),
      codeBackground: resolve('--code-bg'),
      border: resolve('--border'),
    };
  } finally {
    probe.remove();
  }
}

export function ArticleView({ onFrameKey }: { onFrameKey: (event: KeyboardEvent) => void }) {
  const article = useStore((s) => s.articles.open);
  const selectedId = useStore((s) => s.selection.articleId);
  const feeds = useStore(feedById);
  const tags = useStore(tagById);
  const themeSetting = useStore((s) => s.ui.settings.theme);
  const noFeeds = useStore((s) => s.feeds.loaded && s.feeds.feeds.length === 0);
  const scroller = useRef<HTMLDivElement>(null);
  // The feed's own text instead of the extracted full article, for this article only.
  const [feedText, setFeedText] = useState(false);

  useEffect(() => {
    // A block body: newer Chromium returns a promise from scrollTo, which must not become the cleanup.
    scroller.current?.scrollTo(0, 0);
    setFeedText(false);
  }, [article?.id]);

  if (!article) {
    return (
      <section className="article-pane empty-pane" aria-label="Article">
        <p className="empty">
          {selectedId != null
            ? 'Loading…'
            : noFeeds
              ? '' // The welcome in the list says how to start.
              : 'Choose an article to read it here. j and k (or the Down and Up arrows) move through the list.'}
        </p>
      </section>
    );
  }
  const feed = feeds.get(article.feedId);
  return (
    <section className="article-pane" aria-label="Article" ref={scroller} tabIndex={0}>
      <ArticleToolbar article={article} feedText={feedText} onFeedText={setFeedText} />
      <article className="article" aria-labelledby="article-title">
        <header className="article-header">
          <h1 id="article-title">
            {article.url ? (
              <a href={article.url} target="_blank" rel="noopener noreferrer">
                {article.title ?? '(untitled)'}
              </a>
            ) : (
              (article.title ?? '(untitled)')
            )}
          </h1>
          <p className="article-meta">
            <span>{feedTitle(feed)}</span>
            {article.author && <span> · {article.author}</span>}
            <span>
              {' '}
              · <time dateTime={new Date(article.publishedAt).toISOString()}>{longDate(article.publishedAt)}</time>
            </span>
          </p>
          <TagChips article={article} feed={feed} tags={tags} />
        </header>
        <ArticleMedia article={article} />
        <ArticleBody
          key={themeSetting}
          article={article}
          html={(!feedText && article.fullContent) || article.content || article.summary || ''}
          onFrameKey={onFrameKey}
        />
      </article>
    </section>
  );
}

function ArticleToolbar({
  article,
  feedText,
  onFeedText,
}: {
  article: Article;
  feedText: boolean;
  onFeedText: (feedText: boolean) => void;
}) {
  const [fetching, setFetching] = useState(false);
  return (
    <div className="article-toolbar" role="toolbar" aria-label="Article actions">
      {/* Shown only when one pane fills the window (app.css). */}
      <button type="button" className="back-to-list" onClick={() => showPane('list')}>
        <ArrowLeft aria-hidden="true" className="icon-svg" />
        <span className="button-label">Articles</span>
      </button>
      <button type="button" aria-pressed={article.starred} onClick={() => void toggleStar(article.id)} title="Star (s)">
        <Star aria-hidden="true" className="icon-svg" fill={article.starred ? 'currentColor' : 'none'} />
        <span className="button-label">{article.starred ? 'Starred' : 'Star'}</span>
      </button>
      <button type="button" onClick={() => void setRead(article.id, !article.read)} title="Mark read or unread (m)">
        {article.read ? 'Mark unread' : 'Mark read'}
      </button>
      {article.url &&
        (article.fullContent ? (
          <button type="button" aria-pressed={!feedText} onClick={() => onFeedText(!feedText)}>
            {feedText ? 'Show full article' : 'Show feed text'}
          </button>
        ) : (
          <button
            type="button"
            disabled={fetching}
            title="Fetch the whole article from the site and keep it for offline reading"
            onClick={async () => {
              setFetching(true);
              await loadFullArticle(article.id);
              setFetching(false);
            }}
          >
            <FileDown aria-hidden="true" className="icon-svg" />
            <span className="button-label">{fetching ? 'Fetching…' : 'Full article'}</span>
          </button>
        ))}
      {article.url && (
        <button type="button" onClick={() => openOriginal()} title="Open the original (o)">
          <ExternalLink aria-hidden="true" className="icon-svg" />
          <span className="button-label">Open original</span>
        </button>
      )}
    </div>
  );
}

function TagChips({ article, feed, tags }: { article: Article; feed: Feed | undefined; tags: Map<number, Tag> }) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const feedTags = feed?.tags ?? [];
  return (
    <ul className="chips" aria-label="Tags">
      {feedTags.map((id) => (
        <li key={`f${id}`} className="chip feed-tag" title="Tag of the feed">
          #{tags.get(id)?.name ?? '?'}
        </li>
      ))}
      {article.tags
        .filter((id) => !feedTags.includes(id))
        .map((id) => (
          <li key={`a${id}`} className="chip">
            #{tags.get(id)?.name ?? '?'}
            <button
              type="button"
              className="icon"
              aria-label={`Remove tag ${tags.get(id)?.name ?? ''}`}
              onClick={() => void untagOpenArticle(id)}
            >
              <X aria-hidden="true" className="icon-svg" />
            </button>
          </li>
        ))}
      <li>
        {adding ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void tagOpenArticle(name);
              setName('');
              setAdding(false);
            }}
          >
            <input
              autoFocus
              className="chip-input"
              aria-label="New tag for this article"
              list="tag-names"
              value={name}
              onChange={(e) => setName(e.target.value)}
              onBlur={() => !name && setAdding(false)}
            />
            <datalist id="tag-names">
              {[...tags.values()].map((t) => (
                <option key={t.id} value={t.name} />
              ))}
            </datalist>
          </form>
        ) : (
          <button type="button" className="chip add" onClick={() => setAdding(true)}>
            + Tag
          </button>
        )}
      </li>
    </ul>
  );
}

/** The height of the frame's content, not of its viewport, so a shorter article shrinks it. */
function contentHeight(doc: Document): number {
  return Math.max(60, Math.ceil(doc.documentElement.getBoundingClientRect().height));
}

function ArticleBody({
  article,
  html,
  onFrameKey,
}: {
  article: Article;
  html: string;
  onFrameKey: (event: KeyboardEvent) => void;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(120);
  const [loaded, setLoaded] = useState(false);
  // The shell is made once per frame (the frame is remade when the theme changes).
  const [shell] = useState(() => articleShell(readingTheme(), location.origin));
  const body = useMemo(
    () => articleBody(html, { cached: article.cachedImages, base: article.url, origin: location.origin }),
    [html, article.cachedImages, article.url],
  );
  const onKey = useRef(onFrameKey);
  onKey.current = onFrameKey;
  const empty = !html.trim();

  useEffect(() => {
    const iframe = frame.current;
    setLoaded(false);
    if (!iframe) return;
    let observer: ResizeObserver | null = null;
    const measure = () => {
      const doc = iframe.contentDocument;
      if (doc?.documentElement) setHeight(contentHeight(doc));
    };
    const onLoad = () => {
      const doc = iframe.contentDocument;
      if (!doc) return;
      observer = new ResizeObserver(measure);
      observer.observe(doc.documentElement);
      // Images arrive later than the text; each changes the height.
      doc.addEventListener('load', measure, true);
      // Shortcut keys pressed while the article has focus still reach the app.
      doc.addEventListener('keydown', (event) => onKey.current(event));
      setLoaded(true);
    };
    iframe.addEventListener('load', onLoad);
    return () => {
      iframe.removeEventListener('load', onLoad);
      observer?.disconnect();
    };
    // The frame is made again after an article without text (which shows no frame).
  }, [empty]);

  // Each article's body goes into the loaded frame in place, before the browser paints.
  useLayoutEffect(() => {
    const doc = frame.current?.contentDocument;
    if (!loaded || !doc?.body) return;
    doc.body.innerHTML = body;
    // Which article the frame shows (the benchmark waits for it).
    doc.body.dataset.article = String(article.id);
    setHeight(contentHeight(doc));
  }, [loaded, body, article.id]);

  if (empty) {
    return article.url && !youtubeId(article.url) ? (
      <p className="no-content">
        This entry has no text.{' '}
        <a href={article.url} target="_blank" rel="noopener noreferrer">
          Read it on the site
        </a>
        .
      </p>
    ) : null;
  }
  return (
    <iframe
      ref={frame}
      className="article-frame"
      title="Article text"
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      srcDoc={shell}
      style={{ height }}
    />
  );
}
