/**
 * A YouTube entry: its thumbnail (the offline copy when there is one) with a play button,
 * and a link to watch it in the browser. Nothing is asked of YouTube until the click; then
 * the privacy-enhanced player (youtube-nocookie.com) loads in a sandboxed frame allowed
 * only what a player needs.
 */
import { useState } from 'react';
import { ExternalLink, Play } from 'lucide-react';
import { t } from '../../i18n/translate.js';
import { pausePlayer } from '../../state/actions/player.js';

/** The embed's address; autoplay, since the user's click is what loads it. */
export function embedUrl(videoId: string): string {
  return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(videoId)}?autoplay=1`;
}

export function YouTubeCard({
  videoId,
  url,
  title,
  thumbnail,
}: {
  videoId: string;
  url: string;
  title: string;
  thumbnail: string | null;
}) {
  const [playing, setPlaying] = useState(false);
  return (
    <div className="youtube-card">
      {playing ? (
        <iframe
          className="youtube-frame"
          src={embedUrl(videoId)}
          title={t('media.youtube.frame', { title })}
          // Scripts and its own origin to run the player, presentation for full screen,
          // popups for its "Watch on YouTube" link; no top navigation, no forms.
          sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
          // YouTube's player refuses to play without a referrer (error 153); this sends only
          // our origin (a local address), never an article's address.
          referrerPolicy="strict-origin-when-cross-origin"
          allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
          allowFullScreen
        />
      ) : (
        <button
          type="button"
          className="youtube-start"
          aria-label={t('media.youtube.play', { title })}
          onClick={() => {
            // One thing playing at a time: the episode in the player waits.
            pausePlayer();
            setPlaying(true);
          }}
        >
          {thumbnail && <img src={thumbnail} alt="" referrerPolicy="no-referrer" />}
          <span className="play-badge" aria-hidden="true">
            <Play className="icon-svg" />
          </span>
        </button>
      )}
      <a className="youtube-open" href={url} target="_blank" rel="noopener noreferrer">
        <ExternalLink aria-hidden="true" className="icon-svg" />
        {t('article.openInBrowser')}
      </a>
    </div>
  );
}
