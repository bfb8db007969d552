/**
 * Where the user left each episode, so playing it again resumes there. One localStorage
 * entry holds them all (article id to seconds and when saved), capped to the most recent,
 * so a long podcast history does not grow the storage without end. Near the start or the
 * end nothing is kept: the next play starts from the beginning.
 */

/** The part of Web Storage this needs (a Map-backed stand-in in the tests). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Article id → [seconds, saved at (ms)]. */
export type Positions = Record<string, [number, number]>;

export const POSITIONS_KEY = 'syndic.player.positions';
/** Positions kept at most; the oldest saved go first. */
export const MAX_POSITIONS = 300;
/** Less than this into an episode is not worth resuming. */
export const MIN_RESUME = 5;
/** This close to the end counts as finished: the next play starts over. */
export const END_MARGIN = 15;

/** Reads the stored positions; anything unreadable counts as none (never a reason not to play). */
export function parsePositions(text: string | null): Positions {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
    const out: Positions = {};
    for (const [id, entry] of Object.entries(value)) {
      if (Array.isArray(entry) && Number.isFinite(entry[0]) && Number.isFinite(entry[1]))
        out[id] = [entry[0] as number, entry[1] as number];
    }
    return out;
  } catch {
    return {};
  }
}

/** Where to resume an article's episode: 0 when nothing is kept. */
export function positionIn(positions: Positions, articleId: number): number {
  return positions[String(articleId)]?.[0] ?? 0;
}

/**
 * The positions with this one kept (or dropped: near the start, or near the end of a
 * known length), and the oldest dropped beyond the cap.
 */
export function withPosition(
  positions: Positions,
  articleId: number,
  seconds: number,
  duration: number | null,
  now: number,
): Positions {
  const next = { ...positions };
  const finished = duration != null && Number.isFinite(duration) && seconds >= duration - END_MARGIN;
  if (!Number.isFinite(seconds) || seconds < MIN_RESUME || finished) delete next[String(articleId)];
  else next[String(articleId)] = [Math.floor(seconds), now];
  const ids = Object.keys(next);
  if (ids.length <= MAX_POSITIONS) return next;
  const newest = ids.sort((a, b) => next[b]![1] - next[a]![1]).slice(0, MAX_POSITIONS);
  return Object.fromEntries(newest.map((id) => [id, next[id]!]));
}

/** Where to resume, read from the store. */
export function loadPosition(store: KeyValueStore, articleId: number): number {
  return positionIn(parsePositions(store.getItem(POSITIONS_KEY)), articleId);
}

/** Keeps (or forgets) where the user is in an episode. A full storage is not worth an error. */
export function savePosition(
  store: KeyValueStore,
  articleId: number,
  seconds: number,
  duration: number | null,
  now: number,
): void {
  const next = withPosition(parsePositions(store.getItem(POSITIONS_KEY)), articleId, seconds, duration, now);
  try {
    store.setItem(POSITIONS_KEY, JSON.stringify(next));
  } catch {
    // Quota exceeded: the position is lost, playback is not.
  }
}
