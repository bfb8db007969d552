/**
 * The keyboard shortcuts, one table: the shortcut list (?) is drawn from it, so what the
 * help says and what the keys do cannot disagree.
 */
import * as actions from './state/actions.js';
import { getState } from './state/store.js';

export interface Shortcut {
  keys: string;
  label: string;
}

export const SHORTCUTS: Shortcut[] = [
  { keys: 'j / k', label: 'Next / previous article' },
  { keys: 'n / p', label: 'Next / previous unread article' },
  { keys: 'm', label: 'Mark read / unread' },
  { keys: 's', label: 'Star / unstar' },
  { keys: 'o or Enter', label: 'Open the original in the browser' },
  { keys: 'Shift+A', label: 'Mark all in this view read' },
  { keys: 'r', label: 'Refresh all feeds' },
  { keys: '/', label: 'Search' },
  { keys: 'g then a', label: 'Go to All' },
  { keys: 'g then u', label: 'Go to Unread' },
  { keys: 'g then s', label: 'Go to Starred' },
  { keys: 'g then t', label: 'Go to Today' },
  { keys: 'Esc', label: 'Close a dialog, leave the search box' },
  { keys: '?', label: 'This list' },
];

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Handles one key press; returns true when it was a shortcut. */
export function handleKey(event: KeyboardEvent, focusSearch: () => void): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const s = getState();
  if (event.key === 'Escape') {
    if (s.ui.dialog) return (actions.closeDialog(), true);
    if (typingIn(event.target)) return ((event.target as HTMLElement).blur(), true);
    return false;
  }
  if (s.ui.dialog || typingIn(event.target)) return false;
  // Buttons and links keep Enter and Space for themselves.
  if (
    (event.key === 'Enter' || event.key === ' ') &&
    event.target instanceof HTMLElement &&
    event.target.closest('button, a, [role="separator"]')
  )
    return false;

  if (s.ui.pendingG) {
    actions.setPendingG(false);
    const view = ({ a: 'all', u: 'unread', s: 'starred', t: 'today' } as const)[event.key as 'a' | 'u' | 's' | 't'];
    if (view) actions.selectScope({ kind: 'smart', view });
    return Boolean(view);
  }
  switch (event.key) {
    case 'j':
      return (void actions.moveSelection(1), true);
    case 'k':
      return (void actions.moveSelection(-1), true);
    case 'n':
      return (void actions.moveToUnread(1), true);
    case 'p':
      return (void actions.moveToUnread(-1), true);
    case 'm':
      return (void actions.toggleRead(), true);
    case 's':
      return (void actions.toggleStar(), true);
    case 'o':
    case 'Enter':
      return (actions.openOriginal(), true);
    case 'A':
      return (void actions.markAllRead(), true);
    case 'r':
      return (void actions.refresh(null), true);
    case '/':
      return (focusSearch(), true);
    case 'g':
      return (actions.setPendingG(true), true);
    case '?':
      return (actions.openDialog({ kind: 'shortcuts' }), true);
    default:
      return false;
  }
}
