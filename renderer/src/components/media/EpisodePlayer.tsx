/**
 * An episode or a video in the article pane. Before it is played: the artwork, the length
 * the feed gave and where the user left off, and a play button; nothing is asked of the
 * media's host. Once playing it drives the one media element (MiniPlayer's) with the full
 * controls, and a video plays here, in the slot, while this article is open.
 */
import { useLayoutEffect, useRef } from 'react';
import { Play } from 'lucide-react';
import { t } from '../../i18n/translate.js';
import { playTrack, rememberedPosition, setVideoSlot } from '../../state/actions/player.js';
import { usePlayer, type Track } from '../../state/player.js';
import { Artwork } from './Artwork.js';
import { formatTime } from './media-time.js';
import { PlayerControls, playerKeyDown } from './PlayerControls.js';
import { rescueMedia, slotAttribute } from './video-dock.js';

/** Where the video plays while its article is open; the element is moved in by the MiniPlayer. */
function VideoSlot({ articleId }: { articleId: number }) {
  const slot = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    setVideoSlot(articleId);
    const node = slot.current;
    return () => {
      // Runs before React removes the slot: the element leaves with it otherwise, and pauses.
      if (node) rescueMedia(node);
      setVideoSlot(null);
    };
  }, [articleId]);
  return <div ref={slot} className="video-slot" {...slotAttribute(articleId)} />;
}

/** The play button of an episode not loaded yet, with its length and where it would resume. */
function StartButton({ track, video }: { track: Track; video: boolean }) {
  const resume = rememberedPosition(track.articleId);
  const label =
    resume > 0
      ? t(video ? 'media.resumeVideo' : 'media.resumeEpisode', { time: formatTime(resume) })
      : t(video ? 'media.playVideo' : 'media.playEpisode');
  return (
    <div className="episode-start">
      <button type="button" className="play-toggle large" aria-label={label} onClick={() => playTrack(track)}>
        <Play aria-hidden="true" className="icon-svg" />
      </button>
      <span className="player-time">
        {resume > 0 && (
          <>
            <span className="elapsed">{formatTime(resume)}</span>
            {' / '}
          </>
        )}
        {track.duration != null && <span className="duration">{formatTime(track.duration)}</span>}
      </span>
    </div>
  );
}

export function EpisodePlayer({ track }: { track: Track }) {
  const loaded = usePlayer((s) => s.track?.articleId === track.articleId && s.track.url === track.url);
  const video = track.kind === 'video';
  return (
    <section
      className={`episode-player ${track.kind}`}
      aria-label={t(video ? 'media.video' : 'media.episode')}
      onKeyDown={(event) => playerKeyDown(event, loaded ? undefined : () => playTrack(track))}
    >
      {video &&
        (loaded ? (
          <VideoSlot articleId={track.articleId} />
        ) : (
          // A click on the picture plays too; the keyboard's way is the play button below it.
          <div className="video-poster" onClick={() => playTrack(track)}>
            {track.artwork && <img src={track.artwork} alt="" referrerPolicy="no-referrer" />}
            <span className="play-badge" aria-hidden="true">
              <Play className="icon-svg" />
            </span>
          </div>
        ))}
      {!video && <Artwork src={track.artwork} className="episode-art" />}
      <div className="episode-body">{loaded ? <PlayerControls /> : <StartButton track={track} video={video} />}</div>
    </section>
  );
}
