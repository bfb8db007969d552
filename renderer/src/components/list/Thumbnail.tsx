/**
 * An article's picture in the list: the offline cache's copy of its thumbnail, served by
 * the app's own origin, and nothing else. The list never asks the thumbnail's own host
 * (which may be an address on the reader's network, or a tracker): the engine fetches it
 * once, with its limits, and the list shows the copy, as the sidebar does with icons.
 * Without a copy the magazine shows the feed's icon on a plain tile; cards show nothing.
 */
import { useState } from 'react';
import type { ArticleSummary, Feed } from '../../../../shared/domain.js';
import { FeedIcon } from '../FeedIcon.js';

export function Thumbnail({
  article,
  feed,
  placeholder,
}: {
  article: Pick<ArticleSummary, 'cachedThumbnail'>;
  feed: Feed | undefined;
  /** Draw a tile when there is no picture (the magazine), rather than nothing (cards). */
  placeholder: boolean;
}) {
  // The copy that failed (its file gone since): another copy named later is tried.
  const [failed, setFailed] = useState<string | null>(null);
  const src = article.cachedThumbnail ?? null;
  if (src && src !== failed)
    return <img className="thumb" src={src} alt="" loading="lazy" decoding="async" onError={() => setFailed(src)} />;
  if (!placeholder) return null;
  return <div className="thumb thumb-none">{feed && <FeedIcon feed={feed} />}</div>;
}
