/**
 * How the three panes fit the window. Wide: all three side by side. Medium: the sidebar
 * folds into a drawer opened by a toggle, so list and article keep a readable width.
 * Narrow: one pane at a time (list, article or sidebar) with a way back, as phone-sized
 * readers do. Pure: the width goes in, the arrangement comes out.
 */

export type LayoutMode = 'wide' | 'medium' | 'narrow';

/** Which pane has the screen (narrow) or is on top (medium: 'sidebar' opens the drawer). */
export type FrontPane = 'sidebar' | 'list' | 'article';

/** Below this the sidebar folds away (about where three panes stop fitting their minimums). */
export const MEDIUM_BELOW = 1200;
/** Below this one pane shows at a time. */
export const NARROW_BELOW = 800;

export function layoutFor(width: number): LayoutMode {
  if (width < NARROW_BELOW) return 'narrow';
  if (width < MEDIUM_BELOW) return 'medium';
  return 'wide';
}

/** The article pane never gets narrower than this beside the list. */
export const MIN_ARTICLE_WIDTH = 360;

/** As in app.css: a splitter's width, and the panes' padding on both sides. */
export const SPLITTER_WIDTH = 5;
export const PANES_PADDING = 14;

/**
 * The grid columns for the panes shown side by side. The list keeps the width the user
 * dragged it to, but gives way so the article pane keeps its minimum: nothing is ever
 * pushed past the window's edge.
 */
export function paneColumns(mode: LayoutMode, width: number, sidebar: number, list: number): string {
  if (mode === 'narrow') return 'minmax(0, 1fr)';
  const sidebarShown = mode === 'wide' ? sidebar + SPLITTER_WIDTH : 0;
  const room = width - PANES_PADDING - sidebarShown - SPLITTER_WIDTH - MIN_ARTICLE_WIDTH;
  const listWidth = Math.max(240, Math.min(list, room));
  const columns = `${listWidth}px auto minmax(0, 1fr)`;
  return mode === 'wide' ? `${sidebar}px auto ${columns}` : columns;
}

/** The panes on screen: all (wide), list and article (medium, plus the drawer), or one. */
export function visiblePanes(mode: LayoutMode, front: FrontPane): Set<FrontPane> {
  if (mode === 'wide') return new Set(['sidebar', 'list', 'article']);
  if (mode === 'medium') return new Set(front === 'sidebar' ? ['sidebar', 'list', 'article'] : ['list', 'article']);
  return new Set([front]);
}
