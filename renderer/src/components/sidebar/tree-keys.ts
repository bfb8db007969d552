/**
 * Left and Right in the sidebar's feed groups, as in a WAI-ARIA tree: on a group's row,
 * Right unfolds it and Left folds it; on a feed, Left goes up to its group's row. Any
 * other case is left to the app, whose Left/Right move between panes (keyboard.ts), so
 * Right from a feed or an open group still goes to the list. The DOM contract: a group
 * carries data-group (its fold key), data-open and data-foldable; its row, data-group-row.
 * The walk's item list is pane-focus.ts's (`.sidebar .nav-list button:not(.icon)`).
 */
import type { KeyboardEvent } from 'react';
import { treeArrow } from '../../state/sidebar-groups.js';

export function onTreeArrow(event: KeyboardEvent<HTMLElement>, toggle: (key: string) => void): void {
  const { key } = event;
  if (event.ctrlKey || event.metaKey || event.altKey || event.shiftKey) return;
  const target = event.target instanceof HTMLElement ? event.target : null;
  if ((key === 'ArrowDown' || key === 'ArrowUp') && target?.matches('.account-header [data-group-row]'))
    return stepFromHeader(event, target, key === 'ArrowDown' ? 1 : -1);
  if (key !== 'ArrowLeft' && key !== 'ArrowRight') return;
  const group = target?.closest<HTMLElement>('[data-group]');
  const row = group?.querySelector<HTMLElement>('[data-group-row]');
  if (!target || !group || !row) return;
  const action = treeArrow(key, {
    onGroupRow: target === row,
    open: group.dataset.open === 'true',
    foldable: group.dataset.foldable === 'true',
  });
  if (!action) return;
  // Handled here: the app's own Left/Right (a window listener) must not move the focus too.
  event.preventDefault();
  event.stopPropagation();
  if (action === 'to-group-row') {
    row.focus();
    row.scrollIntoView({ block: 'nearest' });
  } else toggle(group.dataset.group!);
}

/**
 * Up/Down from an account's fold button (where Left from its feeds leads), which is no
 * item of the walk itself: on to the item after it, or back to the one before it, rather
 * than to the top of the sidebar.
 */
function stepFromHeader(event: KeyboardEvent<HTMLElement>, from: HTMLElement, delta: 1 | -1): void {
  const items = [...document.querySelectorAll<HTMLElement>('.sidebar .nav-list button:not(.icon)')];
  const after = items.filter((item) => from.compareDocumentPosition(item) & Node.DOCUMENT_POSITION_FOLLOWING);
  const next = delta > 0 ? after[0] : items[items.length - after.length - 1];
  if (!next) return;
  event.preventDefault();
  event.stopPropagation();
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
}
