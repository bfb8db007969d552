/** A saved view's unread count beside its name: "1,000+" when the engine stopped counting at its cap. */
import type { ArticleCount } from '../../../../shared/api.js';
import { t } from '../../i18n/translate.js';

const NUMBER = new Intl.NumberFormat();

export function SavedViewCount({ count }: { count: ArticleCount | undefined }) {
  if (!count?.count) return null;
  const n = NUMBER.format(count.count);
  return (
    <span
      className="count"
      aria-label={
        count.capped ? t('views.count.unreadCapped', { n }) : t('views.count.unread', { count: count.count, n })
      }
    >
      {count.capped ? t('views.count.capped', { n }) : n}
    </span>
  );
}
