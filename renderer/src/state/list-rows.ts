/**
 * The article list as the virtualiser sees it: a flat run of rows, each a day heading or
 * articles (one per row, or up to `columns` tiles side by side in the magazine layout).
 * A day's tiles start a row of their own, so a heading never sits beside a tile.
 */
import type { ArticleSummary } from '../../../shared/domain.js';
import type { Day } from './list-days.js';

export type ListRow =
  | { kind: 'day'; key: string; label: string }
  /** Indexes into the list's items, in order. */
  | { kind: 'articles'; key: string; indexes: number[] };

export interface RowPlan {
  rows: ListRow[];
  /** The row each article (by its index among the items) is drawn in. */
  rowOfItem: number[];
}

export interface RowOptions {
  /** Articles side by side in a row: 1 but in the magazine layout. */
  columns: number;
  /** The day of a publication time, when the list is grouped by day; null when it is not. */
  dayOf: ((ms: number) => Day) | null;
}

export function planRows(items: readonly Pick<ArticleSummary, 'id' | 'publishedAt'>[], options: RowOptions): RowPlan {
  const columns = Math.max(1, Math.floor(options.columns));
  const rows: ListRow[] = [];
  const rowOfItem: number[] = new Array<number>(items.length);
  let day: number | null = null;
  let open: number[] | null = null;
  items.forEach((item, index) => {
    if (options.dayOf) {
      const { key, label } = options.dayOf(item.publishedAt);
      if (key !== day) {
        day = key;
        open = null;
        // Keyed by the first article under it: the same day can head two runs (an article
        // dated in the future sorts as today, beside the real today).
        rows.push({ kind: 'day', key: `day-${item.id}`, label });
      }
    }
    if (!open || open.length >= columns) {
      open = [];
      // A row is known by its first article, so it keeps its measured height as pages load.
      rows.push({ kind: 'articles', key: `row-${item.id}`, indexes: open });
    }
    open.push(index);
    rowOfItem[index] = rows.length - 1;
  });
  return { rows, rowOfItem };
}
