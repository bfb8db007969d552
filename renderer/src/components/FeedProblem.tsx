/**
 * A failing feed's error above its articles, with what to do: retry now, or edit its
 * address. The sidebar's mark says that it fails; this says why, where the user looks.
 */
import { TriangleAlert } from 'lucide-react';
import type { FeedId } from '../../../shared/domain.js';
import { longDate } from '../format.js';
import { t, tParts } from '../i18n/translate.js';
import { refresh } from '../state/actions/refresh.js';
import { openDialog } from '../state/actions/ui.js';
import { useStore } from '../state/store.js';
import { fetchedBySyndic } from '../state/sync-status.js';

export function FeedProblem({ feedId }: { feedId: FeedId }) {
  const feed = useStore((s) => s.feeds.feeds.find((f) => f.id === feedId));
  const refreshing = useStore((s) => s.ui.refresh !== null);
  const error = feed?.lastError;
  if (!feed || !error) return null;
  return (
    <div className="feed-problem" role="alert">
      <TriangleAlert aria-hidden="true" className="icon-svg" />
      <div className="feed-problem-text">
        <p>
          {tParts('feed.problem', {
            failed: <strong key="failed">{t('feed.problem.failed')}</strong>,
            when: longDate(error.at),
            message: error.message,
          })}
        </p>
        {error.hint && <p className="muted small">{error.hint}</p>}
        <div className="button-row">
          {fetchedBySyndic(feed) && (
            <button type="button" disabled={refreshing} onClick={() => void refresh([feed.id])}>
              {refreshing ? t('feed.problem.refreshing') : t('feed.problem.retry')}
            </button>
          )}
          <button type="button" onClick={() => openDialog({ kind: 'edit-feed', feedId: feed.id })}>
            {t('feed.problem.edit')}
          </button>
        </div>
      </div>
    </div>
  );
}
