/**
 * The keyboard shortcuts, one table: the shortcut list (?) is drawn from it, and a test
 * checks that every key it lists does something and every key that does something is in
 * it, so what the help says and what the keys do cannot disagree. Pure: a key press and
 * where it happened go in, a command comes out; key-events.ts reads the browser's event
 * and runs the command.
 */
import type { SmartView } from '../../shared/domain.js';
import { t } from './i18n/translate.js';

export interface Shortcut {
  /** As the help shows it. */
  keys: string;
  label: string;
  /** The `KeyboardEvent.key` values it names; "g a" is g, then a. */
  presses: string[];
}

/** The keys as the help names them, and what they do, both from the catalogue (key names are translated too). */
export const SHORTCUTS: Shortcut[] = [
  { keys: t('keys.move'), label: t('keys.move.label'), presses: ['j', 'k', 'ArrowDown', 'ArrowUp'] },
  { keys: 'n / p', label: t('keys.moveUnread.label'), presses: ['n', 'p'] },
  { keys: t('keys.space'), label: t('keys.pageDown.label'), presses: [' '] },
  { keys: t('keys.shiftSpace'), label: t('keys.pageUp.label'), presses: ['Shift+ '] },
  { keys: '← / →', label: t('keys.focusPane.label'), presses: ['ArrowLeft', 'ArrowRight'] },
  // Handled in the sidebar itself (sidebar/tree-keys.ts), before the panes' Left and Right.
  { keys: t('keys.fold'), label: t('keys.fold.label'), presses: [] },
  { keys: 'm', label: t('keys.toggleRead.label'), presses: ['m'] },
  { keys: 's', label: t('keys.toggleStar.label'), presses: ['s'] },
  { keys: t('keys.open'), label: t('keys.open.label'), presses: ['o', 'Enter'] },
  { keys: 'Shift+A', label: t('keys.markAll.label'), presses: ['A'] },
  { keys: 'Shift+K / Shift+J', label: t('keys.markAboveBelow.label'), presses: ['K', 'J'] },
  { keys: t('keys.menu'), label: t('keys.menu.label'), presses: ['Shift+F10', 'ContextMenu'] },
  { keys: 'r', label: t('keys.refresh.label'), presses: ['r'] },
  { keys: '/', label: t('keys.search.label'), presses: ['/'] },
  { keys: 'f', label: t('keys.filterFeeds.label'), presses: ['f'] },
  { keys: t('keys.go', { key: 'a' }), label: t('keys.goAll.label'), presses: ['g a'] },
  { keys: t('keys.go', { key: 'u' }), label: t('keys.goUnread.label'), presses: ['g u'] },
  { keys: t('keys.go', { key: 's' }), label: t('keys.goStarred.label'), presses: ['g s'] },
  { keys: t('keys.go', { key: 't' }), label: t('keys.goToday.label'), presses: ['g t'] },
  { keys: t('keys.escape'), label: t('keys.escape.label'), presses: ['Escape'] },
  { keys: '?', label: t('keys.help.label'), presses: ['?'] },
];

/** What a key asks for. */
export type KeyCommand =
  | { kind: 'close-dialog' }
  | { kind: 'close-drawer' }
  | { kind: 'leave-field' }
  | { kind: 'move'; delta: 1 | -1 }
  | { kind: 'move-unread'; delta: 1 | -1 }
  /** Up/Down inside the sidebar: the next or previous item there (one Tab stop per pane). */
  | { kind: 'move-in-pane'; delta: 1 | -1 }
  /** Space and Shift+Space: a screen of the article down or up (down at its end: the next unread). */
  | { kind: 'page'; delta: 1 | -1 }
  /** Left/Right: focus the pane beside this one. */
  | { kind: 'focus-pane'; delta: 1 | -1 }
  | { kind: 'toggle-read' }
  | { kind: 'toggle-star' }
  | { kind: 'open-original' }
  | { kind: 'mark-all-read' }
  /** Shift+K / Shift+J: mark what the list shows above or below the selected article read. */
  | { kind: 'mark-above' }
  | { kind: 'mark-below' }
  /** Shift+F10 or the Menu key: the selected article's menu, beside its row. */
  | { kind: 'article-menu' }
  | { kind: 'refresh' }
  | { kind: 'focus-search' }
  /** f: the sidebar's "Filter feeds" box. */
  | { kind: 'focus-feed-filter' }
  | { kind: 'show-shortcuts' }
  /** g: wait for the view key. */
  | { kind: 'start-go' }
  /** The key after g: go to that view. */
  | { kind: 'go'; view: SmartView }
  /** The key after g named no view: stop waiting, and leave the key to the page. */
  | { kind: 'end-go' };

/** The single keys, outside a g sequence. */
export const KEYMAP: ReadonlyMap<string, KeyCommand> = new Map<string, KeyCommand>([
  ['j', { kind: 'move', delta: 1 }],
  ['k', { kind: 'move', delta: -1 }],
  ['n', { kind: 'move-unread', delta: 1 }],
  ['p', { kind: 'move-unread', delta: -1 }],
  ['m', { kind: 'toggle-read' }],
  ['s', { kind: 'toggle-star' }],
  ['o', { kind: 'open-original' }],
  ['Enter', { kind: 'open-original' }],
  ['A', { kind: 'mark-all-read' }],
  ['K', { kind: 'mark-above' }],
  ['J', { kind: 'mark-below' }],
  ['ContextMenu', { kind: 'article-menu' }],
  ['Shift+F10', { kind: 'article-menu' }],
  ['r', { kind: 'refresh' }],
  ['/', { kind: 'focus-search' }],
  ['f', { kind: 'focus-feed-filter' }],
  ['g', { kind: 'start-go' }],
  ['?', { kind: 'show-shortcuts' }],
  ['ArrowDown', { kind: 'move', delta: 1 }],
  ['ArrowUp', { kind: 'move', delta: -1 }],
  [' ', { kind: 'page', delta: 1 }],
  ['Shift+ ', { kind: 'page', delta: -1 }],
  ['ArrowLeft', { kind: 'focus-pane', delta: -1 }],
  ['ArrowRight', { kind: 'focus-pane', delta: 1 }],
]);

const ARROWS = new Set(['ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight']);
/** Keys whose Shift variant is a shortcut of its own, named "Shift+key" in the map. */
const SHIFTED = new Set([' ', 'F10']);

/** The second key of a g sequence. */
export const GO_KEYS: ReadonlyMap<string, SmartView> = new Map<string, SmartView>([
  ['a', 'all'],
  ['u', 'unread'],
  ['s', 'starred'],
  ['t', 'today'],
]);

/** The parts of a KeyboardEvent the map reads (a KeyboardEvent is one). */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey?: boolean;
}

/** The pane a key was pressed in; keys from inside the article frame count as the article's. */
export type KeyRegion = 'sidebar' | 'list' | 'article' | null;

/** Where the key was pressed. */
export interface KeyContext {
  dialogOpen: boolean;
  /** The sidebar is open over the list (a window too narrow for three panes). */
  drawerOpen?: boolean;
  /** The key went to a text field (input, textarea, select, editable content). */
  typing: boolean;
  /** The key went to a button, a link or a splitter, which keep Enter and Space for themselves. */
  onControl: boolean;
  /** The key went to a control that uses the arrow keys itself (a splitter, a slider, a menu). */
  onArrowControl?: boolean;
  region?: KeyRegion;
  /** The last key was g. */
  pendingG: boolean;
}

/** The command for one key press, or null when the key is not a shortcut here. */
export function commandForKey(press: KeyPress, context: KeyContext): KeyCommand | null {
  if (press.ctrlKey || press.metaKey || press.altKey) return null;
  if (press.key === 'Escape') {
    if (context.dialogOpen) return { kind: 'close-dialog' };
    if (context.typing) return { kind: 'leave-field' };
    if (context.drawerOpen) return { kind: 'close-drawer' };
    return null;
  }
  if (context.dialogOpen || context.typing) return null;
  if ((press.key === 'Enter' || press.key === ' ') && context.onControl) return null;
  if (context.pendingG) {
    const view = GO_KEYS.get(press.key);
    return view ? { kind: 'go', view } : { kind: 'end-go' };
  }
  if (ARROWS.has(press.key)) {
    if (press.shiftKey || context.onArrowControl) return null;
    const vertical = press.key === 'ArrowDown' || press.key === 'ArrowUp';
    // In the article, Up and Down scroll it (the browser's own); in the sidebar they walk its items.
    if (vertical && context.region === 'article') return null;
    if (vertical && context.region === 'sidebar')
      return { kind: 'move-in-pane', delta: press.key === 'ArrowDown' ? 1 : -1 };
  }
  const name = press.shiftKey && SHIFTED.has(press.key) ? `Shift+${press.key}` : press.key;
  return KEYMAP.get(name) ?? null;
}
