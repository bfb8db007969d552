/** An unread (or starred) count beside a sidebar item, said in words to a screen reader. */
import { t } from '../../i18n/translate.js';

// One formatter for every count: Number.toLocaleString builds one per call, which showed
// in the profile of a sidebar with a thousand feeds.
const NUMBER = new Intl.NumberFormat();

export function Count({ n, what }: { n: number | undefined; what: 'unread' | 'starred' }) {
  if (!n) return null;
  return (
    <span
      className="count"
      aria-label={t(what === 'starred' ? 'sidebar.count.starred' : 'sidebar.count.unread', { count: n })}
    >
      {n > 99_999 ? t('sidebar.count.over') : NUMBER.format(n)}
    </span>
  );
}
