/**
 * What the reading pane says about a feed's open mode: the note shown for a feed read in
 * the browser (with the way to its content here), and the state of a full article being
 * fetched for a feed read as full articles (fetching, or why the feed's text is shown).
 */
import { ExternalLink, FileText, LoaderCircle, TriangleAlert } from 'lucide-react';
import { t } from '../../i18n/translate.js';
import { openInBrowser } from '../../state/actions/open-article.js';

export function BrowserNote({ url, onShowFeedText }: { url: string; onShowFeedText: () => void }) {
  return (
    <div className="open-mode-note reading-column" role="note" aria-label={t('article.browserNote.label')}>
      <p>{t('article.browserNote.text')}</p>
      <div className="button-row">
        <button type="button" className="primary" onClick={() => openInBrowser(url)}>
          <ExternalLink aria-hidden="true" className="icon-svg" />
          {t('article.openInBrowser')}
        </button>
        <button type="button" onClick={onShowFeedText}>
          <FileText aria-hidden="true" className="icon-svg" />
          {t('article.showFeedContent')}
        </button>
      </div>
    </div>
  );
}

/** While the full article is fetched, or after the fetch failed. */
export function FullArticleStatus({ failure }: { failure: string | null }) {
  return (
    <p className={`full-status reading-column${failure ? ' failed' : ''}`} role="status">
      {failure ? (
        <>
          <TriangleAlert aria-hidden="true" className="icon-svg" />
          <span>{failure}</span>
        </>
      ) : (
        <>
          <LoaderCircle aria-hidden="true" className="icon-svg spinning" />
          <span>{t('article.fetchingFull')}</span>
        </>
      )}
    </p>
  );
}
