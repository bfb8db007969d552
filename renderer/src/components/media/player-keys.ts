/**
 * The player's keys, while focus is inside it: k or Space play and pause (Space on a button
 * or the speed list presses that control instead, as everywhere), and the position slider
 * moves by 5 seconds with the arrows, 30 with Page Up/Down, to either end with Home/End.
 * Both are pure: the components apply what they answer.
 */
import { SKIP_FORWARD } from '../../state/player.js';

/** Slider steps, in seconds. */
export const ARROW_STEP = 5;
export const PAGE_STEP = SKIP_FORWARD;

export interface KeyInfo {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The focused element's tag name (BUTTON, SELECT, INPUT...). */
  tag: string;
  /** The focused element's type attribute (an input's 'range'). */
  type?: string | null;
}

/** Whether this key toggles play; the caller then stops it reaching the app's shortcuts (k, Space). */
export function togglesPlay(e: KeyInfo): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  const typing = e.tag === 'TEXTAREA' || (e.tag === 'INPUT' && e.type !== 'range');
  if (typing) return false;
  if (e.key === 'k' || e.key === 'K') return true;
  // Space activates a focused button or opens a list: that stays the control's.
  return e.key === ' ' && e.tag !== 'BUTTON' && e.tag !== 'SELECT';
}

/** Where a key on the position slider moves to, or null when the key is not the slider's. */
export function sliderTarget(key: string, position: number, duration: number | null): number | null {
  const end = duration ?? Number.POSITIVE_INFINITY;
  const moved = (by: number) => Math.min(end, Math.max(0, position + by));
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return moved(-ARROW_STEP);
    case 'ArrowRight':
    case 'ArrowUp':
      return moved(ARROW_STEP);
    case 'PageDown':
      return moved(-PAGE_STEP);
    case 'PageUp':
      return moved(PAGE_STEP);
    case 'Home':
      return 0;
    case 'End':
      return duration;
    default:
      return null;
  }
}
