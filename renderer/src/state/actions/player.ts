/**
 * Player actions: start an episode where the user left it, drive the one playing, and
 * remember positions (every few seconds, on pause, on close, when the page goes) and the
 * chosen speed. The media element (MiniPlayer) reports its events through the report*
 * functions here; everything else calls the others.
 */
import { loadPosition, savePosition } from '../position-memory.js';
import { clampRate, player, type Track } from '../player.js';

const RATE_KEY = 'syndic.player.rate';
/** While playing, the position is written this often (seconds of playback). */
export const SAVE_EVERY = 5;

/** Writes the loaded track's position to the memory now. */
export function rememberPosition(): void {
  const { track, position, duration, seek } = player.get();
  if (!track) return;
  // A seek not yet made is where the user wants to be: keep that, not the old time.
  const at = seek?.to ?? position;
  savePosition(localStorage, track.articleId, at, duration, Date.now());
  player.dispatch({ kind: 'saved', position: at });
}

/** Where an article's episode would resume (0: from the start). */
export function rememberedPosition(articleId: number): number {
  return loadPosition(localStorage, articleId);
}

/** Plays a track: the loaded one goes on; another is loaded (the current one's place kept first). */
export function playTrack(track: Track): void {
  const current = player.get().track;
  if (current && current.articleId === track.articleId && current.url === track.url) {
    player.dispatch({ kind: 'play' });
    return;
  }
  if (current) rememberPosition();
  player.dispatch({ kind: 'load', track, at: rememberedPosition(track.articleId) });
}

export function togglePlay(): void {
  if (player.get().playing) rememberPosition();
  player.dispatch({ kind: 'toggle' });
}

export function pausePlayer(): void {
  if (!player.get().playing) return;
  rememberPosition();
  player.dispatch({ kind: 'pause' });
}

export function seekPlayer(to: number): void {
  player.dispatch({ kind: 'seek', to });
}

export function skipPlayer(by: number): void {
  player.dispatch({ kind: 'skip', by });
}

export function setPlaybackRate(rate: number): void {
  player.dispatch({ kind: 'rate', rate });
  localStorage.setItem(RATE_KEY, String(player.get().rate));
}

/** The speed chosen last time, read once when the player mounts. */
export function restorePlaybackRate(): void {
  const stored = Number(localStorage.getItem(RATE_KEY));
  if (stored) player.dispatch({ kind: 'rate', rate: clampRate(stored) });
}

/** Stops and unloads: the mini player goes away, the place in the episode is kept. */
export function closePlayer(): void {
  rememberPosition();
  player.dispatch({ kind: 'close' });
}

/** The article pane shows (or no longer shows) a video slot for this article. */
export function setVideoSlot(articleId: number | null): void {
  player.dispatch({ kind: 'slot', articleId });
}

// What the media element says.

export function reportTime(position: number): void {
  player.dispatch({ kind: 'time', position });
  const s = player.get();
  if (s.playing && !s.seek && Math.abs(s.position - s.saved) >= SAVE_EVERY) rememberPosition();
}

export function reportSeeked(position: number): void {
  player.dispatch({ kind: 'seeked', position });
  // Moved while paused: no timed save comes, so this is the one.
  if (!player.get().playing) rememberPosition();
}

export function reportDuration(duration: number): void {
  player.dispatch({ kind: 'duration', duration });
}

export function reportPlaying(): void {
  player.dispatch({ kind: 'playing' });
}

export function reportPaused(): void {
  // A pause the user did not ask for (headphones unplugged, the system's media keys) is saved too.
  if (player.get().track) rememberPosition();
  player.dispatch({ kind: 'paused' });
}

export function reportBuffering(): void {
  player.dispatch({ kind: 'buffering' });
}

export function reportEnded(): void {
  player.dispatch({ kind: 'ended' });
  // At the end: the memory forgets it, so the next play starts over.
  rememberPosition();
}

export function reportError(message: string): void {
  player.dispatch({ kind: 'error', message });
}
