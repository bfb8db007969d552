/**
 * The mini player: a bar along the bottom of the window while something is loaded, with
 * its title (a click opens its article), play/pause, skips, position, speed and close. It
 * owns the one media element, so playback goes on whatever the panes show; the element
 * shows here for a video the article pane no longer shows (a small picture rather than
 * sound alone: it is the same element, moved, so it goes on without a stall).
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import { X } from 'lucide-react';
import { t } from '../../i18n/translate.js';
import { closePlayer, rememberPosition, restorePlaybackRate } from '../../state/actions/player.js';
import { openArticle } from '../../state/actions/reading.js';
import { showPane } from '../../state/actions/ui.js';
import { usePlayer } from '../../state/player.js';
import { Artwork } from './Artwork.js';
import { PlayButton, PlayerTime, PositionSlider, SkipButtons, SpeedSelect, playerKeyDown } from './PlayerControls.js';
import { createMediaElement, useMediaElement } from './use-media-element.js';
import { homeAttribute, placeMedia } from './video-dock.js';
import '../../styles/player.css';

export function MiniPlayer() {
  const track = usePlayer((s) => s.track);
  const slot = usePlayer((s) => s.slot);
  const error = usePlayer((s) => s.error);
  const [media] = useState(createMediaElement);
  useMediaElement(media);
  const inPane = track?.kind === 'video' && slot === track.articleId;

  // Before paint, so the picture never flashes in the wrong place.
  useLayoutEffect(() => {
    placeMedia(media, inPane ? track.articleId : null);
  }, [media, inPane, track]);

  useEffect(() => {
    restorePlaybackRate();
    // A reload or a closed window keeps the place reached since the last save.
    window.addEventListener('pagehide', rememberPosition);
    return () => window.removeEventListener('pagehide', rememberPosition);
  }, []);

  const showVideo = track?.kind === 'video' && !inPane;
  return (
    <section
      className="mini-player"
      aria-label={t('media.nowPlaying')}
      hidden={!track}
      data-kind={track?.kind}
      onKeyDown={(event) => playerKeyDown(event)}
    >
      <div className="mini-video" {...homeAttribute} hidden={!showVideo} />
      {track && !showVideo && <Artwork src={track.artwork} className="mini-art" />}
      {track && (
        <>
          <div className="mini-info">
            <button
              type="button"
              className="mini-title"
              title={t('media.openArticle')}
              onClick={() => {
                showPane('article');
                void openArticle(track.articleId);
              }}
            >
              {track.title}
            </button>
            {error ? (
              // The whole reason is said in the article's player; the bar has room for the gist.
              <span className="player-error small" title={error}>
                {t('media.couldNotPlay')}
              </span>
            ) : (
              <PlayerTime />
            )}
          </div>
          <div className="mini-buttons">
            <SkipButtons>
              <PlayButton />
            </SkipButtons>
          </div>
          <PositionSlider />
          <SpeedSelect />
          <button type="button" className="icon mini-close" aria-label={t('media.close')} onClick={closePlayer}>
            <X aria-hidden="true" className="icon-svg" />
          </button>
        </>
      )}
    </section>
  );
}
