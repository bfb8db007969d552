/**
 * Puts the focus in the sidebar's "Filter feeds" box, bringing the sidebar to the front
 * first when the window is too narrow to show it (its drawer). The f key's command
 * (keyboard.ts), from anywhere but a text field.
 */
import { showPane } from '../../state/actions/ui.js';

export const FEED_FILTER_ID = 'feed-filter';

export function focusFeedFilter(): void {
  const input = () => document.getElementById(FEED_FILTER_ID) as HTMLInputElement | null;
  const focus = () => {
    input()?.focus();
    input()?.select();
  };
  if (input()?.getClientRects().length) return focus();
  showPane('sidebar');
  requestAnimationFrame(focus);
}
