/**
 * The article's text: sanitised HTML in a sandboxed frame that runs no script (sandbox
 * without allow-scripts, and a CSP of its own) and so can reach nothing of the app. The
 * frame is same-origin so the app can size it to its content, pass shortcut keys
 * through, rewrite its reader settings' rule and mark a search's matches in it; links
 * open outside the app.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Article } from '../../../../shared/domain.js';
import type { MatchTerm } from '../../../../shared/search-match.js';
import { articleBody, articleShell, READER_STYLE_ID, readerRule, type ReadingTheme } from '../../article-document.js';
import { t, tParts } from '../../i18n/translate.js';
import type { ReaderStyleVariables } from '../../reader-style.js';
import { clearHighlights, highlightElement } from '../../search-highlight.js';
import { youtubeId } from '../media/youtube-id.js';

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
      highlight: resolve('--search-hit'),
    };
  } finally {
    probe.remove();
  }
}

/** The height of the frame's content, not of its viewport, so a shorter article shrinks it. */
function contentHeight(doc: Document): number {
  return Math.max(60, Math.ceil(doc.documentElement.getBoundingClientRect().height));
}

/**
 * Scrolls the reading pane (not the frame, which is as tall as its content) so the mark
 * sits in its upper third.
 */
function scrollPaneTo(frame: HTMLIFrameElement, mark: HTMLElement): void {
  const pane = frame.closest('.article-pane');
  if (!pane) return;
  const frameTop = frame.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
  const top = frameTop + mark.getBoundingClientRect().top - pane.clientHeight / 3;
  pane.scrollTo({ top: Math.max(0, top) });
}

export function ArticleBody({
  article,
  html,
  reader,
  searchTerms,
  scrollToHit,
  onFrameKey,
}: {
  article: Article;
  html: string;
  /** The reader settings as CSS variables, set on the frame's root. */
  reader: ReaderStyleVariables;
  /** The search's terms that apply to an article's text; empty without a search. */
  searchTerms: readonly MatchTerm[];
  /** Bring the first match into view (the title had none to show). */
  scrollToHit: boolean;
  onFrameKey: (event: KeyboardEvent) => void;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(120);
  const [loaded, setLoaded] = useState(false);
  // The shell is made once per frame (the frame is remade when the theme changes); the
  // reader settings it starts with are replaced in place by the effect below.
  const [shell] = useState(() => articleShell(readingTheme(), location.origin, reader));
  const body = useMemo(
    () => articleBody(html, { cached: article.cachedImages, base: article.url, origin: location.origin }),
    [html, article.cachedImages, article.url],
  );
  // The body the frame holds now: a new search marks it again rather than replacing it.
  const shown = useRef<string | null>(null);
  const onKey = useRef(onFrameKey);
  onKey.current = onFrameKey;
  const empty = !html.trim();

  useEffect(() => {
    const iframe = frame.current;
    setLoaded(false);
    shown.current = null;
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

  // The reader settings restyle the document in place: nothing is reloaded.
  useLayoutEffect(() => {
    const rule = frame.current?.contentDocument?.getElementById(READER_STYLE_ID);
    if (!loaded || !rule) return;
    rule.textContent = readerRule(reader);
  }, [loaded, reader]);

  // Each article's body goes into the loaded frame in place, before the browser paints;
  // then the search's matches are marked in it.
  useLayoutEffect(() => {
    const iframe = frame.current;
    const doc = iframe?.contentDocument;
    if (!loaded || !iframe || !doc?.body) return;
    if (shown.current !== body) {
      doc.body.innerHTML = body;
      shown.current = body;
    } else {
      clearHighlights(doc.body);
    }
    // Which article the frame shows (the benchmark waits for it).
    doc.body.dataset.article = String(article.id);
    const marks = highlightElement(doc.body, searchTerms);
    const contentTall = contentHeight(doc);
    // The frame's new height now, not at the next render, so the pane can scroll to a mark below.
    iframe.style.height = `${contentTall}px`;
    setHeight(contentTall);
    // After this commit's effects: the pane's own reset to the top for a new article runs after this one.
    const first = marks[0];
    if (scrollToHit && first) requestAnimationFrame(() => first.isConnected && scrollPaneTo(iframe, first));
  }, [loaded, body, article.id, searchTerms, scrollToHit]);

  if (empty) {
    return article.url && !youtubeId(article.url) ? (
      <p className="no-content reading-column">
        {tParts('article.noText', {
          link: (
            <a key="link" href={article.url} target="_blank" rel="noopener noreferrer">
              {t('article.noText.link')}
            </a>
          ),
        })}
      </p>
    ) : null;
  }
  return (
    <iframe
      ref={frame}
      className="article-frame"
      title={t('article.frame.title')}
      sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"
      referrerPolicy="no-referrer"
      srcDoc={shell}
      style={{ height }}
    />
  );
}
