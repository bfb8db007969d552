/**
 * The rule editor's live preview: how many stored articles the conditions match ("at
 * least" when the engine looked at the newest only), and the newest of them.
 */
import { useId } from 'react';
import { assertNever } from '../../../../shared/assert.js';
import { shortDate } from '../../format.js';
import { t } from '../../i18n/translate.js';
import { feedById, feedTitle } from '../../state/selectors.js';
import { useStore } from '../../state/store.js';
import type { RulePreviewState } from './use-rule-preview.js';

function statusText(state: RulePreviewState): string {
  switch (state.kind) {
    case 'empty':
      return t('rules.preview.empty');
    case 'waiting':
      return t('rules.preview.waiting');
    case 'failed':
      return t('rules.preview.failed', { message: state.message });
    case 'shown':
      if (state.preview.problem) return t('rules.preview.problem');
      return t(state.preview.partial ? 'rules.preview.matchedAtLeast' : 'rules.preview.matched', {
        count: state.preview.matched,
      });
    default:
      return assertNever(state, 'rule preview');
  }
}

export function RulePreviewPanel({ state }: { state: RulePreviewState }) {
  const feeds = useStore(feedById);
  const headingId = useId();
  const newest = state.kind === 'shown' && !state.preview.problem ? state.preview.newest : [];
  return (
    <section className="rule-preview" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('rules.preview.heading')}</h3>
      <p role="status" className="muted small">
        {statusText(state)}
      </p>
      {newest.length > 0 && (
        <ul className="rule-preview-list" aria-label={t('rules.preview.listLabel')}>
          {newest.map((article) => (
            <li key={article.id}>
              <span className="rule-preview-title">{article.title ?? t('common.untitled')}</span>
              <span className="muted small">
                {t('rules.preview.meta', {
                  feed: feedTitle(feeds.get(article.feedId)),
                  date: shortDate(article.publishedAt),
                })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
