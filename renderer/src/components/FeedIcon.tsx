/**
 * A feed's icon: the offline cache's copy, else the original (the feed's own image or the
 * site's favicon, see shared/feed-icon.ts) until the cache has one, else its first letter.
 */
import { useState } from 'react';
import type { Feed } from '../../../shared/domain.js';
import { feedIconAddress } from '../../../shared/feed-icon.js';
import { feedTitle } from '../state/selectors.js';

export function FeedIcon({ feed }: { feed: Feed }) {
  // The address that failed, not a flag: when the cache's copy arrives, it is tried.
  const [failed, setFailed] = useState<string | null>(null);
  const src = feed.cachedIcon ?? feedIconAddress(feed);
  const title = feedTitle(feed);
  if (!src || failed === src) {
    const hue = [...title].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
    return (
      <span className="feed-icon letter" style={{ background: `hsl(${hue} 45% 45%)` }} aria-hidden="true">
        {title.slice(0, 1).toUpperCase()}
      </span>
    );
  }
  return <img className="feed-icon" src={src} alt="" referrerPolicy="no-referrer" onError={() => setFailed(src)} />;
}
