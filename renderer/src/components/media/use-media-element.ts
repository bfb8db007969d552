/**
 * Keeps the media element and the player's state in step: the state says what to play,
 * where, how fast, playing or not; the element reports time, length, pauses, the end and
 * failures back. The media's address is given to the element only when a track is loaded,
 * which is when the user pressed play: before that the media's host is not asked.
 */
import { useEffect } from 'react';
import { t } from '../../i18n/translate.js';
import {
  reportBuffering,
  reportDuration,
  reportEnded,
  reportError,
  reportPaused,
  reportPlaying,
  reportSeeked,
  reportTime,
  skipPlayer,
  togglePlay,
  pausePlayer,
} from '../../state/actions/player.js';
import { player, SKIP_BACK, SKIP_FORWARD, usePlayer } from '../../state/player.js';

/** What went wrong, and what to do, from the element's error code. */
function failure(error: MediaError | null): string {
  switch (error?.code) {
    case MediaError.MEDIA_ERR_NETWORK:
      return t('media.error.network');
    case MediaError.MEDIA_ERR_DECODE:
      return t('media.error.decode');
    case MediaError.MEDIA_ERR_SRC_NOT_SUPPORTED:
      return t('media.error.unsupported');
    default:
      return t('media.error.other');
  }
}

/** A new element for the player: nothing loaded, nothing requested. */
export function createMediaElement(): HTMLVideoElement {
  const media = document.createElement('video');
  media.preload = 'none';
  media.playsInline = true;
  media.className = 'player-media';
  // The player's own controls are the interface; the picture is decoration for them.
  media.setAttribute('aria-hidden', 'true');
  return media;
}

export function useMediaElement(media: HTMLVideoElement): void {
  const track = usePlayer((s) => s.track);
  const playing = usePlayer((s) => s.playing);
  const rate = usePlayer((s) => s.rate);
  const seek = usePlayer((s) => s.seek);

  useEffect(() => {
    const listeners: [string, () => void][] = [
      ['timeupdate', () => reportTime(media.currentTime)],
      ['seeked', () => reportSeeked(media.currentTime)],
      ['durationchange', () => reportDuration(media.duration)],
      [
        'loadedmetadata',
        () => {
          reportDuration(media.duration);
          // A seek asked before the media had loaded (the remembered position) happens now.
          const pending = player.get().seek;
          if (pending) media.currentTime = pending.to;
        },
      ],
      ['playing', reportPlaying],
      // A late 'pause' from a source replaced meanwhile is stale when the element plays again.
      ['pause', () => media.paused && reportPaused()],
      ['waiting', reportBuffering],
      ['ended', reportEnded],
      ['error', () => media.getAttribute('src') && reportError(failure(media.error))],
    ];
    for (const [name, listener] of listeners) media.addEventListener(name, listener);
    return () => {
      for (const [name, listener] of listeners) media.removeEventListener(name, listener);
    };
  }, [media]);

  useEffect(() => {
    if (!track) {
      if (!media.getAttribute('src')) return;
      media.pause();
      media.removeAttribute('src');
      // Stops the download under way.
      media.load();
      return;
    }
    if (media.getAttribute('src') !== track.url) media.src = track.url;
  }, [media, track]);

  useEffect(() => {
    if (seek && track && media.readyState >= HTMLMediaElement.HAVE_METADATA) media.currentTime = seek.to;
  }, [media, seek, track]);

  useEffect(() => {
    media.defaultPlaybackRate = rate;
    media.playbackRate = rate;
  }, [media, rate]);

  useEffect(() => {
    if (!track) return;
    if (playing && media.paused) {
      // After a failure the element must load again before it can play.
      if (media.error) media.load();
      media.play().catch((error: unknown) => {
        const name = error instanceof DOMException ? error.name : '';
        // Replaced by another source, or paused before it started: not a failure.
        if (name === 'AbortError') return;
        // Autoplay refused (no user gesture): show Play again rather than an error.
        if (name === 'NotAllowedError') reportPaused();
        else reportError(failure(media.error));
      });
    } else if (!playing && !media.paused) media.pause();
  }, [media, track, playing]);

  useEffect(() => {
    // The system's media keys and its now-playing panel.
    if (!('mediaSession' in navigator) || !track) return;
    const session = navigator.mediaSession;
    session.metadata = new MediaMetadata({
      title: track.title,
      artwork: track.artwork ? [{ src: track.artwork }] : [],
    });
    const handlers: [MediaSessionAction, MediaSessionActionHandler][] = [
      ['play', () => !player.get().playing && togglePlay()],
      ['pause', pausePlayer],
      ['seekbackward', () => skipPlayer(-SKIP_BACK)],
      ['seekforward', () => skipPlayer(SKIP_FORWARD)],
    ];
    for (const [action, handler] of handlers) session.setActionHandler(action, handler);
    return () => {
      for (const [action] of handlers) session.setActionHandler(action, null);
      session.metadata = null;
    };
  }, [track]);
}
