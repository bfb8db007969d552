/**
 * Right pane: the open article. The header is React; the body is sanitised HTML in a
 * sandboxed frame (article/ArticleBody.tsx). What the pane shows follows the feed's open
 * mode (open-mode.ts): the feed's content, the full article (fetched here when not kept)
 * or a note for a feed read in the browser. The reader settings style the header and the
 * frame through the same CSS variables, and an active search is marked in the title, the
 * author and the text.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { X } from 'lucide-react';
import type { Article, Feed, Tag } from '../../../shared/domain.js';
import type { MatchTerm } from '../../../shared/search-match.js';
import { highlightTerms, parseSearch } from '../../../shared/search-syntax.js';
import { longDate } from '../format.js';
import { t } from '../i18n/translate.js';
import { presentationOf, type TextChoice } from '../open-mode.js';
import { readerStyleVariables } from '../reader-style.js';
import { splitHighlights } from '../search-highlight.js';
import { fetchFullForReading } from '../state/actions/open-article.js';
import { tagOpenArticle, untagOpenArticle } from '../state/actions/tags.js';
import { feedById, feedTitle, tagById } from '../state/selectors.js';
import { useStore } from '../state/store.js';
import { ArticleBody } from './article/ArticleBody.js';
import { ArticleToolbar } from './article/ArticleToolbar.js';
import { Highlighted } from './list/Highlighted.js';
import { BrowserNote, FullArticleStatus } from './article/OpenModeNotes.js';
import { ArticleMedia } from './media/ArticleMedia.js';
import '../styles/reader.css';

/** The full article's fetch for one article: under way, or failed with the reason. */
interface FullFetch {
  articleId: number;
  failure: string | null;
}

export function ArticleView({ onFrameKey }: { onFrameKey: (event: KeyboardEvent) => void }) {
  const article = useStore((s) => s.articles.open);
  const selectedId = useStore((s) => s.selection.articleId);
  const feeds = useStore(feedById);
  const tags = useStore(tagById);
  const themeSetting = useStore((s) => s.ui.settings.theme);
  const noFeeds = useStore((s) => s.feeds.loaded && s.feeds.feeds.length === 0);
  const readerFont = useStore((s) => s.ui.settings.readerFont);
  const readerFontSize = useStore((s) => s.ui.settings.readerFontSize);
  const readerLineWidth = useStore((s) => s.ui.settings.readerLineWidth);
  const readerLineHeight = useStore((s) => s.ui.settings.readerLineHeight);
  const search = useStore((s) => s.selection.search);
  const scroller = useRef<HTMLDivElement>(null);
  // What the reader asked of this article over its feed's mode (the toolbar, the note).
  const [choice, setChoice] = useState<TextChoice>('mode');
  const [fullFetch, setFullFetch] = useState<FullFetch | null>(null);

  const reader = useMemo(
    () => readerStyleVariables({ readerFont, readerFontSize, readerLineWidth, readerLineHeight }),
    [readerFont, readerFontSize, readerLineWidth, readerLineHeight],
  );
  const marks = useMemo(() => {
    const query = parseSearch(search);
    return {
      title: highlightTerms(query, 'title'),
      author: highlightTerms(query, 'author'),
      text: highlightTerms(query, 'text'),
    };
  }, [search]);

  // Before the frame's effects of the next paint, which may scroll to a search's match.
  useLayoutEffect(() => {
    // A block body: newer Chromium returns a promise from scrollTo, which must not become the cleanup.
    scroller.current?.scrollTo(0, 0);
    setChoice('mode');
  }, [article?.id]);

  const feed = article ? feeds.get(article.feedId) : undefined;
  const failed = fullFetch !== null && fullFetch.articleId === article?.id ? fullFetch.failure : null;
  const presentation = article
    ? presentationOf({ mode: feed?.openAs, article, choice, fullFailed: failed !== null })
    : 'feed';

  // A full article wanted and not kept: fetched once per article, saying so meanwhile.
  useEffect(() => {
    if (!article || presentation !== 'fetch-full') return;
    if (fullFetch?.articleId === article.id) return;
    const id = article.id;
    setFullFetch({ articleId: id, failure: null });
    void fetchFullForReading(id).then((failure) =>
      setFullFetch((current) => (current?.articleId === id ? { articleId: id, failure } : current)),
    );
  }, [article, presentation, fullFetch]);

  if (!article) {
    return (
      <section className="article-pane empty-pane" aria-label={t('article.label')}>
        <p className="empty">
          {selectedId != null
            ? t('common.loading')
            : noFeeds
              ? '' // The welcome in the list says how to start.
              : t('article.choose')}
        </p>
      </section>
    );
  }
  const showFull = (full: boolean) => {
    if (full && fullFetch?.articleId === article.id && fullFetch.failure !== null) setFullFetch(null); // try again
    setChoice(full ? 'full' : 'feed');
  };
  const feedText = article.content || article.summary || '';
  const titleText = article.title ?? t('common.untitled');
  return (
    <section className="article-pane" aria-label={t('article.label')} ref={scroller} tabIndex={0}>
      <ArticleToolbar
        article={article}
        showingFull={presentation === 'full'}
        fetchingFull={presentation === 'fetch-full'}
        onShowFull={showFull}
      />
      <article className="article" aria-labelledby="article-title" style={reader as CSSProperties}>
        <header className="article-header reading-column">
          <h1 id="article-title">
            {article.url ? (
              <a href={article.url} target="_blank" rel="noopener noreferrer">
                <Highlighted text={titleText} terms={marks.title} />
              </a>
            ) : (
              <Highlighted text={titleText} terms={marks.title} />
            )}
          </h1>
          <p className="article-meta">
            <span>{feedTitle(feed)}</span>
            {article.author && (
              <span>
                {' · '}
                <Highlighted text={article.author} terms={marks.author} />
              </span>
            )}
            <span>
              {' '}
              · <time dateTime={new Date(article.publishedAt).toISOString()}>{longDate(article.publishedAt)}</time>
            </span>
          </p>
          <TagChips article={article} feed={feed} tags={tags} />
        </header>
        <div className="article-media reading-column">
          <ArticleMedia article={article} />
        </div>
        {presentation === 'fetch-full' && <FullArticleStatus failure={null} />}
        {presentation === 'feed' && failed !== null && <FullArticleStatus failure={failed} />}
        {presentation === 'browser-note' && article.url && (
          <BrowserNote url={article.url} onShowFeedText={() => setChoice('feed')} />
        )}
        {(presentation === 'full' || presentation === 'feed') && (
          <ArticleBody
            key={themeSetting}
            article={article}
            html={presentation === 'full' ? article.fullContent! : feedText}
            reader={reader}
            searchTerms={marks.text}
            scrollToHit={!titleHasHit(titleText, marks.title)}
            onFrameKey={onFrameKey}
          />
        )}
      </article>
    </section>
  );
}

/** Whether the title (at the top of the pane) shows a match: then the first match is in view already. */
function titleHasHit(title: string, terms: readonly MatchTerm[]): boolean {
  return terms.length > 0 && splitHighlights(title, terms).some((part) => part.match);
}

function TagChips({ article, feed, tags }: { article: Article; feed: Feed | undefined; tags: Map<number, Tag> }) {
  const [adding, setAdding] = useState(false);
  const [name, setName] = useState('');
  const feedTags = feed?.tags ?? [];
  return (
    <ul className="chips" aria-label={t('article.tags')}>
      {feedTags.map((id) => (
        <li key={`f${id}`} className="chip feed-tag" title={t('article.tags.ofFeed')}>
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
              aria-label={t('tags.remove', { name: tags.get(id)?.name ?? '' })}
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
              aria-label={t('article.tags.new')}
              list="tag-names"
              value={name}
              onChange={(e) => setName(e.target.value)}
              onBlur={() => !name && setAdding(false)}
            />
            <datalist id="tag-names">
              {[...tags.values()].map((tag) => (
                <option key={tag.id} value={tag.name} />
              ))}
            </datalist>
          </form>
        ) : (
          <button type="button" className="chip add" onClick={() => setAdding(true)}>
            {t('article.tags.add')}
          </button>
        )}
      </li>
    </ul>
  );
}
