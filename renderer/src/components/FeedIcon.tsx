/**
 * A feed's icon: the offline cache's copy, else its first letter. Never the original (the
 * feed's image or the site's favicon): the engine fetches icons, remembers failures and
 * asks nothing while offline, whereas the window would ask every site again at each start.
 */
import { useState } from 'react';
import type { Feed } from '../../../shared/domain.js';
import { feedTitle } from '../state/selectors.js';

export function FeedIcon({ feed }: { feed: Feed }) {
  // The copy that failed to load (its file gone before the start's check), not a flag:
  // when the cache names another copy, it is tried.
  const [failed, setFailed] = useState<string | null>(null);
  const src = feed.cachedIcon;
  const title = feedTitle(feed);
  if (!src || failed === src) {
    const hue = [...title].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
    return (
      <span className="feed-icon letter" style={{ background: `hsl(${hue} 45% 45%)` }} aria-hidden="true">
        {title.slice(0, 1).toUpperCase()}
      </span>
    );
  }
  return <img className="feed-icon" src={src} alt="" onError={() => setFailed(src)} />;
}
