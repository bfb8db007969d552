/**
 * Focus across and within the three panes, for the keyboard: Left/Right move between panes,
 * Up/Down walk the sidebar's items, Space pages the article. Reads the DOM the panes render
 * (their class names are this module's contract with the components).
 */
import type { KeyRegion } from './keyboard.js';
import type { FrontPane } from './state/layout.js';

const PANES: { region: FrontPane; selector: string }[] = [
  { region: 'sidebar', selector: '.sidebar' },
  { region: 'list', selector: '.list-pane' },
  { region: 'article', selector: '.article-pane' },
];

/** The pane an element sits in; an element of another document (the article frame) is the article's. */
export function regionOf(target: EventTarget | null): KeyRegion {
  if (!(target instanceof Element)) return target && 'nodeType' in target ? 'article' : null;
  for (const { region, selector } of PANES) if (target.closest(selector)) return region;
  return null;
}

function shown(element: Element | null): element is HTMLElement {
  return element instanceof HTMLElement && element.getClientRects().length > 0;
}

/** The element that takes focus when a pane is entered: its current item, else its first. */
function entryPoint(region: FrontPane): HTMLElement | null {
  const pane = document.querySelector(PANES.find((p) => p.region === region)!.selector);
  if (region === 'list') return pane?.querySelector<HTMLElement>('.list-scroller') ?? null;
  if (region === 'article') return pane as HTMLElement | null;
  return (
    pane?.querySelector<HTMLElement>('[aria-current="page"], .nav-list button.current') ??
    pane?.querySelector<HTMLElement>('.nav-list button') ??
    null
  );
}

/** The pane beside the one `from` is in, or null at the edge. */
export function paneBeside(from: KeyRegion, delta: 1 | -1): FrontPane | null {
  const order = PANES.map((p) => p.region);
  return order[order.indexOf(from ?? 'list') + delta] ?? null;
}

/** Focuses a pane's current item (the sidebar's view, the list, the article). */
export function focusPane(region: FrontPane): void {
  entryPoint(region)?.focus();
}

/** Up/Down in the sidebar: the next or previous of its items, views, tags and feeds alike. */
export function moveInSidebar(from: EventTarget | null, delta: 1 | -1): void {
  const items = [...document.querySelectorAll<HTMLElement>('.sidebar .nav-list button:not(.icon)')].filter(shown);
  const index = from instanceof HTMLElement ? items.indexOf(from) : -1;
  const next = items[index < 0 ? 0 : Math.min(items.length - 1, Math.max(0, index + delta))];
  next?.focus();
  next?.scrollIntoView({ block: 'nearest' });
}

/**
 * A screen of the article down (or up). Returns false when there is nothing further down:
 * the caller then moves on to the next unread, as NetNewsWire does.
 */
export function pageArticle(delta: 1 | -1): boolean {
  const pane = document.querySelector<HTMLElement>('.article-pane');
  if (!shown(pane) || !pane.querySelector('article')) return false;
  const toolbar = pane.querySelector<HTMLElement>('.article-toolbar')?.offsetHeight ?? 0;
  const step = Math.max(40, pane.clientHeight - toolbar - 40);
  if (delta > 0 && pane.scrollTop + pane.clientHeight >= pane.scrollHeight - 2) return false;
  pane.scrollBy({ top: delta * step });
  return true;
}
