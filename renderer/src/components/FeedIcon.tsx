/** A feed's icon: its own image, else the site's favicon, else its first letter. */
import { useState } from 'react';
import type { Feed } from '../../../shared/domain.js';
import { feedTitle } from '../state/selectors.js';

function faviconOf(feed: Feed): string | null {
  if (feed.iconUrl) return feed.iconUrl;
  try {
    return new URL('/favicon.ico', feed.siteUrl ?? feed.url).href;
  } catch {
    return null;
  }
}

export function FeedIcon({ feed }: { feed: Feed }) {
  const [failed, setFailed] = useState(false);
  const src = faviconOf(feed);
  const title = feedTitle(feed);
  if (!src || failed || !/^https?:/i.test(src)) {
    const hue = [...title].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
    return (
      <span className="feed-icon letter" style={{ background: `hsl(${hue} 45% 45%)` }} aria-hidden="true">
        {title.slice(0, 1).toUpperCase()}
      </span>
    );
  }
  return <img className="feed-icon" src={src} alt="" referrerPolicy="no-referrer" onError={() => setFailed(true)} />;
}
