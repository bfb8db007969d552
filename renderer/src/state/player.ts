/**
 * The media player's state: which episode or video is loaded, whether the user wants it
 * playing, where it is, how fast. One media element (owned by the MiniPlayer, mounted once
 * at the app's level) follows this state, so playback goes on while the user reads other
 * articles; the article pane's controls and the mini player's both change it here.
 *
 * It is a store of its own beside the app's (store.ts): it changes four times a second
 * while playing, and nothing else in the app needs to re-render for that. Every change is
 * a PlayerEvent through `playerReducer`, a pure function (tested without a DOM).
 */
import { useSyncExternalStore } from 'react';
import { assertNever } from '../../../shared/assert.js';

export type MediaKind = 'audio' | 'video';

/** What the player plays: an article's enclosure, with what the feed said of it. */
export interface Track {
  articleId: number;
  /** The article's title, shown in the mini player. */
  title: string;
  url: string;
  kind: MediaKind;
  /** Artwork to show (the offline copy's address when there is one). */
  artwork: string | null;
  /** Seconds, as the feed says (itunes:duration), until the media itself tells. */
  duration: number | null;
}

/** The speeds offered (the brief: 0.8× to 2×). */
export const RATES = [0.8, 1, 1.2, 1.5, 1.75, 2] as const;
export const MIN_RATE = RATES[0];
export const MAX_RATE = RATES[RATES.length - 1]!;
/** The skip buttons, in seconds: back a little to catch a missed sentence, forward past a segment. */
export const SKIP_BACK = 15;
export const SKIP_FORWARD = 30;

export interface PlayerState {
  /** Null: nothing loaded, the mini player is hidden and the media host never asked. */
  track: Track | null;
  /** The user wants it playing; the element follows and reports back ('paused' events turn it off). */
  playing: boolean;
  /** Seconds from the start: the element's last report, or where a seek goes. */
  position: number;
  /** Seconds: the media's own length once known, the feed's before; null when neither says. */
  duration: number | null;
  rate: number;
  /**
   * A jump the element has yet to make (a new object per request). While one is pending,
   * the element's time reports are stale and ignored, so the old time is neither shown nor
   * saved over the remembered position.
   */
  seek: { to: number } | null;
  /** The last position written to the position memory (it is saved every few seconds). */
  saved: number;
  /** Waiting for data while it should play. */
  buffering: boolean;
  /** Why playback failed, said in the player; null when it did not. */
  error: string | null;
  /** The article whose pane shows a video slot now: a video track plays there, not in the mini player. */
  slot: number | null;
}

export const initialPlayer: PlayerState = {
  track: null,
  playing: false,
  position: 0,
  duration: null,
  rate: 1,
  seek: null,
  saved: 0,
  buffering: false,
  error: null,
  slot: null,
};

export type PlayerEvent =
  /** Takes a track, starting at `at` (a remembered position), and plays it. */
  | { kind: 'load'; track: Track; at: number }
  | { kind: 'play' }
  | { kind: 'pause' }
  | { kind: 'toggle' }
  | { kind: 'seek'; to: number }
  | { kind: 'skip'; by: number }
  | { kind: 'rate'; rate: number }
  /** The element's reports: its time, its length, playing or paused, waiting, done, failed. */
  | { kind: 'time'; position: number }
  | { kind: 'seeked'; position: number }
  | { kind: 'duration'; duration: number }
  | { kind: 'playing' }
  | { kind: 'paused' }
  | { kind: 'buffering' }
  | { kind: 'ended' }
  | { kind: 'error'; message: string }
  /** The position memory now holds `position`. */
  | { kind: 'saved'; position: number }
  | { kind: 'slot'; articleId: number | null }
  | { kind: 'close' };

/** A speed inside the offered range: anything outside 0.8–2× is brought to the nearer end. */
export function clampRate(rate: number): number {
  if (!Number.isFinite(rate)) return 1;
  return Math.min(MAX_RATE, Math.max(MIN_RATE, rate));
}

/** A time inside the track: not before the start, not past a known end. */
function clampTime(seconds: number, duration: number | null): number {
  const t = Number.isFinite(seconds) ? Math.max(0, seconds) : 0;
  return duration != null ? Math.min(t, duration) : t;
}

function seekTo(s: PlayerState, to: number): PlayerState {
  if (!s.track) return s;
  const target = clampTime(to, s.duration);
  return { ...s, position: target, seek: { to: target } };
}

export function playerReducer(s: PlayerState, e: PlayerEvent): PlayerState {
  switch (e.kind) {
    case 'load': {
      const at = clampTime(e.at, e.track.duration);
      return {
        ...s,
        track: e.track,
        playing: true,
        position: at,
        duration: e.track.duration,
        seek: at > 0 ? { to: at } : null,
        saved: at,
        buffering: false,
        error: null,
      };
    }
    case 'play':
      return s.track ? { ...s, playing: true, error: null } : s;
    case 'pause':
      return { ...s, playing: false, buffering: false };
    case 'toggle':
      return s.track ? { ...s, playing: !s.playing, buffering: false, error: null } : s;
    case 'seek':
      return seekTo(s, e.to);
    case 'skip':
      return seekTo(s, s.position + e.by);
    case 'rate':
      return { ...s, rate: clampRate(e.rate) };
    case 'time':
      return s.track && !s.seek ? { ...s, position: e.position } : s;
    case 'seeked':
      return s.track ? { ...s, position: e.position, seek: null } : s;
    case 'duration':
      // A stream's Infinity (or NaN before metadata) says nothing: the feed's length stays.
      return s.track && Number.isFinite(e.duration) && e.duration > 0 ? { ...s, duration: e.duration } : s;
    case 'playing':
      return s.track ? { ...s, playing: true, buffering: false } : s;
    case 'paused':
      return { ...s, playing: false, buffering: false };
    case 'buffering':
      return s.playing ? { ...s, buffering: true } : s;
    case 'ended':
      return { ...s, playing: false, buffering: false, position: s.duration ?? s.position, seek: null };
    case 'error':
      return s.track ? { ...s, playing: false, buffering: false, seek: null, error: e.message } : s;
    case 'saved':
      return { ...s, saved: e.position };
    case 'slot':
      return { ...s, slot: e.articleId };
    case 'close':
      return { ...initialPlayer, rate: s.rate, slot: s.slot };
    default:
      return assertNever(e, 'player event');
  }
}

type Listener = () => void;

export interface PlayerStore {
  get(): PlayerState;
  dispatch(event: PlayerEvent): void;
  subscribe(listener: Listener): () => void;
}

export function createPlayerStore(initial: PlayerState = initialPlayer): PlayerStore {
  let state = initial;
  const listeners = new Set<Listener>();
  return {
    get: () => state,
    dispatch(event) {
      const next = playerReducer(state, event);
      if (next === state) return;
      state = next;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The app's one player. */
export const player = createPlayerStore();

/** Reads a value of the player's state; select a field (or a primitive), not a new object. */
export function usePlayer<T>(selector: (s: PlayerState) => T): T {
  return useSyncExternalStore(player.subscribe, () => selector(player.get()));
}
