/**
 * Which layout the article list draws for a view: the one chosen for that view (kept in
 * settings.viewLayouts under its view key), else the default layout. Choosing the default
 * for a view forgets the view's own choice, so the record holds only real exceptions.
 */
import { LIST_LAYOUTS, type ListLayout, type Settings } from '../../../shared/domain.js';
import type { Scope } from './store.js';
import { viewKey } from './view-key.js';

type LayoutSettings = Pick<Settings, 'listLayout' | 'viewLayouts'>;

const isLayout = (value: unknown): value is ListLayout => LIST_LAYOUTS.includes(value as ListLayout);

export function layoutOf(settings: LayoutSettings, scope: Scope): ListLayout {
  const key = viewKey(scope);
  const own = Object.hasOwn(settings.viewLayouts, key) ? settings.viewLayouts[key] : undefined;
  if (isLayout(own)) return own;
  return isLayout(settings.listLayout) ? settings.listLayout : 'compact';
}

/** The settings change that makes `layout` the layout of this view. */
export function chooseLayoutPatch(
  settings: LayoutSettings,
  scope: Scope,
  layout: ListLayout,
): Pick<Settings, 'viewLayouts'> {
  const key = viewKey(scope);
  const viewLayouts = { ...settings.viewLayouts };
  if (layout === settings.listLayout) delete viewLayouts[key];
  else viewLayouts[key] = layout;
  return { viewLayouts };
}

/** A magazine tile is never narrower than this (CSS pixels); the pane holds as many as fit. */
export const TILE_MIN_WIDTH = 210;
/** Space between tiles, as list.css draws it. */
export const TILE_GAP = 12;

/**
 * How many magazine tiles fit side by side in a list `width` pixels wide (at least one):
 * n tiles take n widths and n + 1 gaps (one at each edge).
 */
export function tileColumns(width: number): number {
  return Math.max(1, Math.floor((width - TILE_GAP) / (TILE_MIN_WIDTH + TILE_GAP)));
}

/** A first guess at a row's height before it is measured, so the scrollbar starts near right. */
export function rowEstimate(layout: ListLayout, width: number, columns: number): number {
  switch (layout) {
    case 'compact':
      return 56;
    case 'cards':
      return 100;
    case 'magazine': {
      const tile = (width - TILE_GAP * (columns + 1)) / columns;
      // A 16:9 picture, then two lines of title and one of the feed and date.
      return Math.round((tile * 9) / 16 + 96);
    }
  }
}
