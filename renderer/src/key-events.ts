/**
 * The browser's key events to the keyboard map: reads where the key was pressed, asks
 * keyboard.ts for the command, and runs it through the actions.
 */
import { assertNever } from '../../shared/assert.js';
import { focusFeedFilter } from './components/sidebar/focus-feed-filter.js';
import { commandForKey, type KeyCommand, type KeyRegion } from './keyboard.js';
import { focusPane, moveInSidebar, pageArticle, paneBeside, regionOf } from './pane-focus.js';
import { openSelectedRowMenu } from './state/actions/list-menu.js';
import { markAboveRead, markAllRead, markBelowRead } from './state/actions/mark-many.js';
import { openOriginal, toggleRead, toggleStar } from './state/actions/reading.js';
import { refresh } from './state/actions/refresh.js';
import { moveSelection, moveToUnread, selectScope } from './state/actions/selection.js';
import { closeDialog, openDialog, setPendingG, showPane } from './state/actions/ui.js';
import { MEDIUM_BELOW } from './state/layout.js';
import { getState } from './state/store.js';

function typingIn(target: HTMLElement): boolean {
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Handles one key press; returns true when it was a shortcut (the caller then prevents the default). */
export function handleKey(event: KeyboardEvent, focusSearch: () => void): boolean {
  const { ui } = getState();
  // A key from the article frame has a target of the frame's realm: neither a field nor a control here.
  const target = event.target instanceof HTMLElement ? event.target : null;
  const region = regionOf(event.target);
  const command = commandForKey(event, {
    region,
    onArrowControl:
      target?.closest('[role="separator"], [role="slider"], [role="menu"], [role="tablist"], input[type="range"]') !=
      null,
    dialogOpen: ui.dialog !== null,
    drawerOpen: ui.front === 'sidebar' && window.innerWidth < MEDIUM_BELOW,
    typing: target !== null && typingIn(target),
    onControl: target?.closest('button, a, [role="separator"]') != null,
    pendingG: ui.pendingG,
  });
  return command !== null && run(command, event.target, region, focusSearch);
}

function run(command: KeyCommand, from: EventTarget | null, region: KeyRegion, focusSearch: () => void): boolean {
  const target = from instanceof HTMLElement ? from : null;
  switch (command.kind) {
    case 'close-dialog':
      closeDialog();
      return true;
    case 'close-drawer':
      showPane('list');
      return true;
    case 'leave-field':
      target?.blur();
      return true;
    case 'move':
      void moveSelection(command.delta);
      return true;
    case 'move-unread':
      void moveToUnread(command.delta);
      return true;
    case 'move-in-pane':
      moveInSidebar(from, command.delta);
      return true;
    case 'page':
      if (!pageArticle(command.delta) && command.delta > 0) void moveToUnread(1);
      return true;
    case 'focus-pane': {
      const beside = paneBeside(region, command.delta);
      if (!beside) return true;
      // A narrow window shows one pane (and a medium one folds the sidebar): bring the
      // pane to the front first, then focus it once it is drawn.
      showPane(beside);
      requestAnimationFrame(() => focusPane(beside));
      return true;
    }
    case 'toggle-read':
      void toggleRead();
      return true;
    case 'toggle-star':
      void toggleStar();
      return true;
    case 'open-original':
      openOriginal();
      return true;
    case 'mark-all-read':
      void markAllRead();
      return true;
    case 'mark-above':
      void markAboveRead();
      return true;
    case 'mark-below':
      void markBelowRead();
      return true;
    case 'article-menu':
      // Nothing selected: the key keeps its own meaning.
      return openSelectedRowMenu();
    case 'refresh':
      void refresh(null);
      return true;
    case 'focus-search':
      focusSearch();
      return true;
    case 'focus-feed-filter':
      focusFeedFilter();
      return true;
    case 'show-shortcuts':
      openDialog({ kind: 'shortcuts' });
      return true;
    case 'start-go':
      setPendingG(true);
      return true;
    case 'go':
      setPendingG(false);
      selectScope({ kind: 'smart', view: command.view });
      return true;
    case 'end-go':
      setPendingG(false);
      return false;
    default:
      return assertNever(command, 'key command');
  }
}
