/**
 * Says the open article aloud to screen readers when it changes (j/k, Space, a click):
 * focus often stays where it was, so nothing else would announce it.
 */
import { t } from '../i18n/translate.js';
import { feedTitle } from '../state/selectors.js';
import { useStore } from '../state/store.js';

export function ArticleAnnouncer() {
  const text = useStore((s) => {
    const open = s.articles.open;
    if (!open) return '';
    const feed = s.feeds.feeds.find((f) => f.id === open.feedId);
    return t(open.starred ? 'app.announce.starred' : 'app.announce.article', {
      title: open.title ?? t('app.announce.untitled'),
      feed: feedTitle(feed),
    });
  });
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
