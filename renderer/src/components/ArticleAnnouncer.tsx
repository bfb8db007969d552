/**
 * Says the open article aloud to screen readers when it changes (j/k, Space, a click):
 * focus often stays where it was, so nothing else would announce it.
 */
import { feedTitle } from '../state/selectors.js';
import { useStore } from '../state/store.js';

export function ArticleAnnouncer() {
  const text = useStore((s) => {
    const open = s.articles.open;
    if (!open) return '';
    const feed = s.feeds.feeds.find((f) => f.id === open.feedId);
    return `${open.title ?? 'Untitled'}, ${feedTitle(feed)}${open.starred ? ', starred' : ''}`;
  });
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {text}
    </div>
  );
}
